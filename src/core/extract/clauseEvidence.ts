// Entity evidence from clauses the other cues do not read: values said to be known of a thing
// ("The duration and number of a tour are known"), counted parts ("The company has several
// buses") and information kept about things ("store information regarding institutions").
import type { Analysis, NounPhrase } from './grammar';
import { COLLECTION_WORDS } from './lexicon';
import { isHeadWord } from './phrases';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Predicates that say the values before them are kept: "are known", "is stored", "are recorded". */
const KEPT = /^(known|stored|recorded|kept|saved|registered|noted|documented|tracked|logged)$/;

/** A modal before "be": "the amount of this discount must be known" keeps the value as "is known" does. */
const MODAL_BE = /^(must|should|will|shall|can|may|has to|have to|needs to|need to)$/;

/** The index of the predicate after "is/are [also]" or "must/should/has to [also] be" at `at`, or -1. */
function keptPredicate(terms: Analysis['terms'], at: number): number {
  let i = at;
  if (/^(is|are)$/.test(terms[i]?.w ?? '')) i++;
  else {
    const twoWords = `${terms[i]?.w} ${terms[i + 1]?.w}`;
    const modal = MODAL_BE.test(twoWords) ? 2 : MODAL_BE.test(terms[i]?.w ?? '') ? 1 : 0;
    if (!modal) return -1;
    i += modal;
    if (terms[i]?.w === 'also') i++;
    if (terms[i]?.w !== 'be') return -1;
    i++;
  }
  if (terms[i]?.w === 'also') i++;
  return terms[i] && KEPT.test(terms[i].w) ? i : -1;
}

/** "The duration and number of a guided tour are known", "the amount of this discount must be known": what values are kept of is a record. */
export function valuesKeptOf(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms } = analysis;
  for (const phrase of analysis.phrases) {
    if (terms[phrase.start - 1]?.w !== 'of' || keptPredicate(terms, phrase.head + 1) < 0) continue;
    if (phrase.determiner && storable(phrase, analysis)) add(phrase.key, 3, true);
  }
}

/** Words that count what follows: "several", "many", "up to 48", "at least two". */
const QUANTITY = /^(several|many|multiple|various|numerous|up|least|most)$/;

/** "any number of" counts things; "a number of slots" stays a count unless the slots are records (fields.ts decides). */
function countsThings(terms: Analysis['terms']): boolean {
  return terms.some((t, i) => QUANTITY.test(t.w) || (t.w === 'number' && terms[i - 1]?.w === 'any' && terms[i + 1]?.w === 'of'));
}

/**
 * "The company has any number of buses", "Each cinema has several theatres": many of a thing that a
 * record has are rows of their own, even where the sentence also reads as a field list. A bare
 * numeral does not say so ("a todo item has three possible interactions", "a player has three lives").
 */
export function countedParts(analysis: Analysis, storable: Storable, add: Add): void {
  for (const clause of analysis.clauses) {
    if (clause.passive || clause.negated || !clause.subject || !/^(have|contain|include|hold|own|possess)$/.test(clause.verb)) continue;
    for (const object of clause.objects) {
      // ("a number of lives of type int" declares a typed value.)
      const typed = analysis.terms[object.head + 1]?.w === 'of' && analysis.terms[object.head + 2]?.w === 'type';
      if (object.plural && !typed && storable(object, analysis) && countsThings(analysis.terms.slice(clause.verbIndex + 1, object.head))) add(object.key, 2, true);
    }
  }
}

const COLLECTION = new RegExp(`^(?:${COLLECTION_WORDS})$`);
const OWNING = /^(?:a|an|the|its|their|our|his|her)$/;

/**
 * "The designer defines a deck of 32 action cards", "the depot keeps a fleet of delivery vans": the
 * things a kept group is made of (a plural after "a deck/fleet/set of", a count between) are rows of
 * their own, even named once.
 */
export function collectionMembers(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms } = analysis;
  for (const phrase of analysis.phrases) {
    let of = phrase.start - 1;
    if (terms[of]?.pos === 'num') of--;
    if (!phrase.plural || terms[of]?.w !== 'of' || !COLLECTION.test(terms[of - 1]?.w ?? '') || !OWNING.test(terms[of - 2]?.w ?? '')) continue;
    if (!storable(phrase, analysis)) continue;
    // ("a series of desired exhibition items": the tagger may join a participle to the name; the items are exhibition items.)
    const words = phrase.key.split(' ');
    while (words.length > 1 && /ed$/.test(words[0]) && !isHeadWord(words[0])) words.shift();
    add(words.join(' '), 2, true);
  }
}

/** "store information regarding staff and research institutions": what information is about is a record. */
export function informationAbout(analysis: Analysis, storable: Storable, add: Add): void {
  for (const clause of analysis.clauses) {
    if (!/^(regard|concern)$/.test(clause.verb) || !/^(information|data|detail|info)$/.test(clause.subject?.headWord ?? '')) continue;
    for (const object of clause.objects) if (storable(object, analysis)) add(object.key, 3, true);
  }
}

/** Verbs that say values are written down somewhere. */
const WRITTEN_DOWN = /^(record|store|keep|log|save|note|enter|register|write|document)$/;

/**
 * "The hours and the price are recorded in a job log", "readings are stored in an activity log": a
 * thing values are written down in, named with "a/an", is a record that holds them (the database,
 * the system or a file are app words the storable check leaves out).
 */
export function keptIn(analysis: Analysis, storable: Storable, add: Add): void {
  for (const clause of analysis.clauses) {
    if (!clause.passive || clause.negated || !WRITTEN_DOWN.test(clause.verb)) continue;
    for (const { prep, phrase } of clause.preps) {
      if ((prep === 'in' || prep === 'into') && /^(?:a|an)$/.test(phrase.determiner ?? '') && !phrase.plural && storable(phrase, analysis)) add(phrase.key, 2, true);
    }
  }
}

/** Words that count kinds as several: "various types of", "two kinds of" (not "all kinds of reasons", which says "any"). */
const MANY_KINDS = /^(?:various|different|several|many|multiple|two|three|four|five|six|seven|eight|nine|ten)$/;

/**
 * "provides its clients with various types of insurance policies", "there are two kinds of berths":
 * a thing the text sorts into kinds is a record (the kinds become its kind field, kinds.ts).
 */
export function sortedIntoKinds(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms, phrases } = analysis;
  for (const kinds of phrases) {
    if (!kinds.plural || !/^(?:type|kind|sort|variant)$/.test(kinds.headWord) || terms[kinds.head + 1]?.w !== 'of') continue;
    const counted = terms.slice(kinds.start, kinds.head).some((t) => MANY_KINDS.test(t.w)) || MANY_KINDS.test(kinds.determiner ?? '');
    const thing = phrases.find((p) => p.start === kinds.head + 2 || (p.start > kinds.head + 1 && p.start <= kinds.head + 3 && p.head > kinds.head + 1));
    if (counted && thing?.plural && storable(thing, analysis)) add(thing.key, 2, true);
  }
}

/** Participles of verbs that make a thing someone then keeps ("a diagnosis made by a doctor"). */
const MADE_BY = /^(?:made|created|written|issued|posed|placed|submitted|filed|prepared|raised|drafted|proposed)$/;
const AGENT_DETERMINERS = /^(?:a|an|the|each|its|their|another|one|any)$/;

/**
 * "the diagnosis made by another doctor", "a diagnosis is posed by a doctor", "each claim filed by a
 * customer": a thing someone makes, named with a determiner, is a record of its own.
 */
export function madeBySomeone(analysis: Analysis, storable: Storable, add: Add): void {
  const { terms } = analysis;
  for (const found of analysis.phrases) {
    if (found.plural || !/^(?:a|an|the|each|every|any)$/.test(found.determiner ?? '')) continue;
    // (The tagger may read the participle as the phrase's head: "the diagnosis made" + "by".)
    const glued = MADE_BY.test(found.headWord) && found.head > found.start && terms[found.head + 1]?.w === 'by';
    const phrase = glued ? { ...found, head: found.head - 1, headWord: terms[found.head - 1].w, key: found.key.split(' ').slice(0, -1).join(' ') } : found;
    let at = phrase.head + 1;
    if (/^(?:is|was)$/.test(terms[at]?.w ?? '')) at++;
    if (!MADE_BY.test(terms[at]?.w ?? '') || terms[at + 1]?.w !== 'by' || !AGENT_DETERMINERS.test(terms[at + 2]?.w ?? '')) continue;
    if (!storable(phrase, analysis)) continue;
    // ("a series of desired exhibition items": the tagger may join a participle to the name; the items are exhibition items.)
    const words = phrase.key.split(' ');
    while (words.length > 1 && /ed$/.test(words[0]) && !isHeadWord(words[0])) words.shift();
    add(words.join(' '), 2, true);
  }
}
