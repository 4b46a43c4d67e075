// "An app for parcels and depots", "A database of recipes and their ingredients", "Website about
// films, actors and studios": what an app is said to be for, named in the plural, is what it keeps —
// often the only thing a one-line idea says. "An app for a yoga studio", "a system for our club"
// name the business (one thing, with an article), not its records; "a system for tracking …" is an
// action the clause readers take.
import type { Analysis, NounPhrase } from './grammar';
import type { Term } from './nlp';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Words for the app itself. */
const APP_WORD = /^(?:app|application|system|website|site|platform|tool|software|portal|database|tracker|service|program|programme)$/;
const PURPOSE_PREP = /^(?:for|of|about)$/;

/** The plural noun phrases an app word is said to be for, in order ("for parcels, depots and drivers"). */
export function appPurposePhrases(analysis: Analysis): NounPhrase[] {
  const { terms, phrases } = analysis;
  const found: NounPhrase[] = [];
  for (let i = 0; i + 2 < terms.length; i++) {
    if (!APP_WORD.test(terms[i].w) || terms[i].pos !== 'noun' || !PURPOSE_PREP.test(terms[i + 1].w)) continue;
    let next = phrases.find((p) => p.start === i + 2);
    while (next) {
      const phrase = next;
      // (A singular after the preposition is the business or one thing: "for a yoga studio", "for my club";
      // an -ing word opens an action the clause readers take: "for managing customers, products and orders".)
      if (!phrase.plural || (phrase.start < phrase.head && /ing$/.test(terms[phrase.start].w))) break;
      found.push(phrase);
      next = coordinated(terms, phrases, phrase);
    }
  }
  return found;
}

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
