// "A copy is shown in the theatres", "a new seat is offered for a show", "each class group is
// assigned to one classroom": a single thing (a/an/each/every) that is done to in relation to another
// thing is a record the app handles, even when the text names it only there.
import type { Analysis, NounPhrase } from './grammar';

type Add = (key: string, score: number, strong?: boolean) => void;
type Storable = (phrase: NounPhrase, analysis: Analysis) => boolean;

/** Prepositions that place or tie the thing to another ("by" names who does it, not what it is tied to). */
const TIED_BY = /^(?:to|for|in|on|at|with|from|into|onto)$/;

/**
 * Subjects of passive clauses counted one by one ("a copy", "each class group") whose clause ties
 * them, with a preposition, to another thing named as a thing (with a determiner, or plural).
 */
export function handledThings(analysis: Analysis, storable: Storable): NounPhrase[] {
  const out: NounPhrase[] = [];
  for (const clause of analysis.clauses) {
    const subject = clause.subject && (storable(clause.subject, analysis) ? clause.subject : headOfSubject(analysis, clause.subject));
    if (!clause.passive || clause.negated || !subject || subject.plural || !/^(?:a|an|each|every)$/.test(subject.determiner ?? '')) continue;
    const tied = clause.preps.some(({ prep, phrase }) => TIED_BY.test(prep) && phrase !== subject && (phrase.plural || !!phrase.determiner) && storable(phrase, analysis));
    if (tied && storable(subject, analysis)) out.push(subject);
  }
  return out;
}

/**
 * "a pickup route for that day is determined": a phrase next to the verb that names no thing ("that
 * day") hangs on a preposition after the thing the clause is about; the subject is the phrase before
 * that preposition. (A thing there stays the subject: "a film shot on a film set is based on …".)
 */
function headOfSubject(analysis: Analysis, subject: NounPhrase): NounPhrase {
  const prep = analysis.terms[subject.start - 1];
  if (!prep || prep.pos !== 'prep' || prep.w === 'by') return subject;
  const before = analysis.phrases.find((p) => p.head === subject.start - 2);
  return before ?? subject;
}

/** Evidence: each such thing is a record. */
export function handledThingsEvidence(analysis: Analysis, storable: Storable, add: Add): void {
  for (const phrase of handledThings(analysis, storable)) add(phrase.key, 2, true);
}
