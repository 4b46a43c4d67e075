// "An app for parcels and depots", "A database of recipes and their ingredients", "Website about
// films, actors and studios": what an app is said to be for, named in the plural, is what it keeps —
// often the only thing a one-line idea says. "An app for a yoga studio", "a system for our club"
// name the business (one thing, with an article), not its records; "a system for tracking …" is an
// action the clause readers take.
import type { Analysis, NounPhrase } from './grammar';
import type { Term } from './nlp';
import { isPersonKey } from './recordWords';
import { isPersonRoleWord } from './roles';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Words for the app itself, which nothing the app keeps is called (notRecords.ts reads the business around them). */
export const APP_WORDS = ['app', 'application', 'system', 'website', 'site', 'platform', 'tool', 'software', 'portal'];
/** Also the words that may be kept things elsewhere ("customer service", "a loyalty program"), but not before "for/of/about" a plural. */
const APP_WORD = new RegExp(`^(?:${[...APP_WORDS, 'database', 'tracker', 'service', 'program', 'programme'].join('|')})$`);
const PURPOSE_PREP = /^(?:for|of|about)$/;

/** The plural noun phrases an app word is said to be for, in order ("for parcels, depots and drivers"). */
export function appPurposePhrases(analysis: Analysis): NounPhrase[] {
  const { terms, phrases } = analysis;
  const found: NounPhrase[] = [];
  for (let i = 0; i + 2 < terms.length; i++) {
    if (!APP_WORD.test(terms[i].w) || terms[i].pos !== 'noun' || !PURPOSE_PREP.test(terms[i + 1].w)) continue;
    const listed: NounPhrase[] = [];
    let next = phrases.find((p) => p.start === i + 2);
    while (next) {
      const phrase = next;
      // (A singular after the preposition is the business or one thing: "for a yoga studio", "for my club";
      // an -ing word opens an action the clause readers take: "for managing customers, products and orders".)
      if (!phrase.plural || (phrase.start < phrase.head && /ing$/.test(terms[phrase.start].w))) break;
      listed.push(phrase);
      next = coordinated(terms, phrases, phrase);
    }
    // Who the app is for is its audience, not what it keeps: people ("for dog owners", "for teachers"), and
    // anyone the app lets do something ("for kids to learn maths", "for beginners and experts to track …").
    const last = listed[listed.length - 1];
    const forSomeoneToAct = !!last && terms[last.head + 1]?.w === 'to' && terms[last.head + 2]?.pos === 'verb';
    // ("A website about films, actors and studios" keeps the actors: what it is about, not for.)
    if (forSomeoneToAct) continue;
    const audience = (phrase: NounPhrase) => terms[i + 1].w === 'for' && (isPersonKey(phrase.key, terms[phrase.head].actor) || isPersonRoleWord(phrase.headWord) || AUDIENCE.test(phrase.headWord));
    found.push(...listed.filter((phrase) => !audience(phrase)));
  }
  return found;
}

/** Audiences and platforms an app is "for" that are no records of it. */
const AUDIENCE = /^(?:business|company|organi[sz]ation|team|family|families|kid|child|teen|teenager|adult|senior|beginner|expert|professional|student|freelancer|startup|school|phone|iphone|android|tablet|device|desktop|browser|mac|pc|everyone|everybody)$/;

/** The phrase joined to `phrase` by a comma, "and", "or" or "as well as", if any. */
function coordinated(terms: readonly Term[], phrases: readonly NounPhrase[], phrase: NounPhrase): NounPhrase | undefined {
  let at = phrase.head + 1;
  const comma = /,\s*$/.test(terms[phrase.head].post);
  if (terms[at]?.w === 'and' || terms[at]?.w === 'or') at++;
  else if (terms[at]?.w === 'as' && terms[at + 1]?.w === 'well' && terms[at + 2]?.w === 'as') at += 3;
  else if (!comma) return undefined;
  return phrases.find((p) => p.start === at);
}

/** Evidence for the records an app is said to be for. */
export function appPurposeEvidence(analysis: Analysis, storable: Storable, add: Add): void {
  for (const phrase of appPurposePhrases(analysis)) if (storable(phrase, analysis)) add(phrase.key, 2, true);
}
