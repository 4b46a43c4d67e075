// Where a clause stands in its sentence, as the relation readers need it: a purpose clause
// ("…, so that parents can see the photos") says why something is wanted, not how records are
// linked; and in a user story only the clauses the story's "I" acts in are the role's actions
// ("As a teacher, I want to record grades" — the teacher records; "…, so that they can enroll
// their kids" — "they" do, not the teacher).
import type { Clause } from './grammar';
import type { Term } from './nlp';

/** Whether the word at `index` comes after "so that" in its sentence. (A bare ", so the broker
 *  could assess …" often states a consequence that is part of the process: not counted.) */
export function inPurposeClause(terms: Term[], index: number): boolean {
  const story = terms[0]?.w === 'as' && terms.slice(1, 8).some((t, k) => t.w === 'i' && STORY_WANT.test(terms[k + 2]?.w ?? ''));
  for (let i = 1; i < index; i++) {
    if (terms[i].w !== 'so') continue;
    if (terms[i + 1]?.w === 'that') return true;
    // ("As a trainer, I want to cancel a lesson, so customers won't show up in an empty room": in a user
    // story, a "so" after the want opens its benefit, with or without "that".)
    if (story && i > 3) return true;
  }
  return false;
}

/** The verb after "I" that makes a sentence opening "As a …" a user story. */
const STORY_WANT = /^(?:want|would|need|wish|can|should|must)$/;

/** Conjunctions that make a clause the condition or time of another ("when the player finishes the last level"). */
const EVENT_CONJUNCTIONS = /^(if|when|whenever|unless|until)$/;

/** Whether the clause is a condition or a moment ("if the ball hits a block", "when the student cancels the
 *  session"): it tells what happens, not how records are linked. */
export function inEventClause(terms: Term[], clause: Clause): boolean {
  const start = clause.subject?.start ?? clause.verbIndex;
  if (EVENT_CONJUNCTIONS.test(terms[start - 1]?.w ?? '')) return true;
  // ("when the player has lost all lives or the player has finished the last level, …": a clause joined by
  // and/or to an event, with no comma between, is part of that event.)
  if (!/^(and|or)$/.test(terms[start - 1]?.w ?? '')) return false;
  let k = start - 2;
  while (k >= 0 && !/[,;:]/.test(terms[k].post)) k--;
  return EVENT_CONJUNCTIONS.test(terms[k + 1]?.w ?? '');
}

/** "A game has several levels as defined by the admin", "as specified by the designer": a passive after "as"
 *  says who decides, not how records are linked. */
export function asDecidedBy(terms: Term[], clause: Clause): boolean {
  return terms[clause.verbIndex - 1]?.w === 'as' && (clause.passive || /(?:ed|en|wn)$/.test(terms[clause.verbIndex].w)) && terms[clause.verbIndex + 1]?.w === 'by';
}

/** Words that may stand between a subject and its verb: "I want to be able to book", "they had booked". */
const CHAIN = /^(to|want|wants|would|like|need|be|able|can|could|may|must|should|will|also|only|easily|quickly|not|then|first|directly)$/;

/** Subjects other than the story's "I": "they had booked", "whom can be expected to attend". */
const OTHER_SUBJECT = /^(they|he|she|we|you|it|who|whom|which|that|what|whose|there|someone|anyone|everyone|nobody)$/;

/**
 * Whether the story's "I" may be the one doing the clause's verb: no other subject ("they",
 * "who", …) stands before it, past a chain of auxiliaries and verbs ("they would like to be able
 * to …"); after "and"/"or" the verb shares the subject of the clause before it ("so that they can
 * see and book …").
 */
export function actedByStoryI(terms: Term[], clause: Clause, clauses: Clause[]): boolean {
  let k = clause.verbIndex - 1;
  while (k >= 0 && (CHAIN.test(terms[k].w) || terms[k].pos === 'modal' || terms[k].pos === 'adv' || terms[k].pos === 'verb') && !/[,;:.]/.test(terms[k].post)) k--;
  if (k < 0) return true;
  if (OTHER_SUBJECT.test(terms[k].w)) return false;
  if (!/^(and|or)$/.test(terms[k].w)) return true;
  const previous = [...clauses].reverse().find((c) => c.verbIndex < k);
  return !previous || previous === clause || actedByStoryI(terms, previous, clauses);
}
