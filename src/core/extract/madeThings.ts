// "make a tutoring request from the tutor", "the director makes an official offer for the player",
// "customers place an order with a shop": a thing one makes, places or submits TO or FOR another
// thing is a record of its own (the request, the offer, the order), even when the text names it once.
import type { Analysis, Clause, NounPhrase } from './grammar';
import { NOT_STORED, type Token } from './lexicon';
import type { Phrase } from './phrases';

/** Verbs whose object is a thing brought into being and handed to someone. */
const MAKE_VERBS = new Set(['make', 'makes', 'made', 'making', 'place', 'places', 'placed', 'placing', 'submit', 'submits', 'submitted', 'submitting', 'lodge', 'lodges', 'lodged', 'lodging']);
const ONE = new Set(['a', 'an', 'one']);
/** Prepositions that tie the thing made to the one it is for, from or with. */
const TIED_BY = new Set(['for', 'from', 'with', 'to', 'about', 'at', 'on']);
/** Things one makes that are acts, not rows ("make a decision about", "make a change to"). */
const NOT_MADE_RECORDS = new Set(['decision', 'choice', 'change', 'mistake', 'difference', 'effort', 'attempt', 'contribution', 'profit', 'loss', 'move', 'turn', 'guess', 'point', 'sense', 'use', 'living', 'copy', 'backup', 'selection', 'comparison', 'distinction']);

/**
 * The phrases the sentence names as made for someone: "make/place/submit a(n) [adjective] X
 * for/from/with/to … the Y". Only a single thing with "a/an/one" ("make changes" is an act), and
 * only when a preposition ties it to something else right after it.
 */
export function madeForSomeone(tokens: Token[], phrases: Phrase[]): Phrase[] {
  const made: Phrase[] = [];
  for (const phrase of phrases) {
    if (phrase.plural || !TIED_BY.has(tokens[phrase.head + 1]?.w ?? '')) continue;
    // Word first, then the words before it: the article, at most one adjective, the verb.
    let i = phrase.start - 1;
    if (tokens[i] && !ONE.has(tokens[i].w) && tokens[i].kind === 'word') i--;
    if (!tokens[i] || !ONE.has(tokens[i].w) || !MAKE_VERBS.has(tokens[i - 1]?.w ?? '')) continue;
    const head = phrase.key.split(' ').pop() ?? '';
    if (NOT_MADE_RECORDS.has(head) || (NOT_STORED.has(head) && !phrase.key.includes(' '))) continue;
    made.push(phrase);
  }
  return made;
}

/** Verbs whose passive says a row comes into being ("invoices are created", "a ticket is opened"). */
const MADE_PASSIVES = /^(?:create|generate|issue|produce|raise|open|file|make|register|submit|place|log|book)$/;

/** Of those, the verbs whose active says the same of their object ("make", "place", "book" take acts and places
 *  too; "register", "log" take people and hours). */
const MADE_ACTIVES = /^(?:create|generate|issue|produce|raise|open|file)$/;
/** Counted one by one or many: "one or several claim cases", "a new file", "each order". */
const COUNTED = /^(?:a|an|one|each|every|several|multiple|many|some|new|two|three)$/;

/**
 * "Then the company opens one or several claim cases", "the clinic issues a certificate after each
 * vaccination", "the dispatcher creates new work orders": whoever makes them, things opened, issued
 * or created many at a time or one by one are rows the app keeps, fields or not. Not one thing with
 * "the" or a possessive ("opens the app", "open their calendar"), nor acts ("create a change").
 */
export function madeInActs(analysis: Analysis): NounPhrase[] {
  // ("I want to have created database indexes": a state wanted, not things the app makes.)
  const wanted = (clause: Clause) => analysis.terms[clause.verbIndex - 1]?.w === 'have' && analysis.terms[clause.verbIndex - 2]?.w === 'to';
  return analysis.clauses
    .filter((clause) => !clause.passive && !clause.negated && MADE_ACTIVES.test(clause.verb) && !wanted(clause))
    .flatMap((clause) => clause.objects)
    .filter((o) => !NOT_MADE_RECORDS.has(o.headWord) && (o.plural ? o.determiner === undefined || COUNTED.test(o.determiner) : COUNTED.test(o.determiner ?? '')));
}

/** Whether the sentence makes things named `key` so (recordCues: a record though it has no fields or links). */
export function madeByActs(key: string, analysis: Analysis): boolean {
  return madeInActs(analysis).some((o) => o.key === key || o.key.endsWith(` ${key}`));
}

/**
 * "Invoices are created after each job", "a ticket is opened for every fault": things said to be made,
 * many of them (a plural, or one counted with a/each/every), are records, even named once in a long
 * text. Not acts ("decisions are made", "changes are made": NOT_MADE_RECORDS).
 */
export function madeThingsEvidence(analysis: Analysis, storable: (phrase: NounPhrase, analysis: Analysis) => boolean, add: (key: string, score: number, strong?: boolean) => void): void {
  for (const clause of analysis.clauses) {
    const subject = clause.subject;
    if (!clause.passive || clause.negated || !subject || !MADE_PASSIVES.test(clause.verb)) continue;
    if (!subject.plural && !/^(?:a|an|each|every)$/.test(subject.determiner ?? '')) continue;
    if (NOT_MADE_RECORDS.has(subject.headWord) || !storable(subject, analysis)) continue;
    add(subject.key, 2, true);
  }
}
