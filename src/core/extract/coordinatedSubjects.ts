// "All sensor readings and control commands are recorded in an activity log", "books, films and
// games are lent to members": the clause reader takes the noun right before the verb as its
// subject; the nouns joined to it by "and"/"or"/commas are subjects of the same verb and get the
// same links.
import type { Analysis, Clause, NounPhrase } from './grammar';

/** Words that may open a list of subjects ("all", "both", "either"); anything else before it
 *  (a verb, a preposition) makes the list an object of something else ("rent cars and bikes are …"). */
const LIST_OPENERS = /^(all|both|either|neither|each|every|only|also|then)$/;

/** The other subjects joined to the clause's subject, nearest first; none when the list is not the clause's own. */
export function coordinatedSubjects(analysis: Analysis, clause: Clause): NounPhrase[] {
  const { terms, phrases } = analysis;
  const subject = clause.subject;
  if (!subject || subject.depth > 0) return [];
  const others: NounPhrase[] = [];
  let first = subject;
  for (;;) {
    const joiner = terms[first.start - 1];
    // "A, B and C": "and"/"or" before the last one, a comma after each earlier one.
    const joinedByWord = joiner && /^(and|or)$/.test(joiner.w) && !/[,;:.]/.test(joiner.post);
    const byComma = !joinedByWord && first.start > 0 && /^,\s*$/.test(terms[first.start - 1]?.post ?? '') && others.length > 0;
    const end = joinedByWord ? first.start - 2 : byComma ? first.start - 1 : -1;
    if (end < 0) break;
    const before = phrases.find((p) => p.head === end && p.depth === 0);
    if (!before) break;
    others.push(before);
    first = before;
  }
  if (!others.length) return [];
  // The list must open the clause: nothing but a determiner-like word or a boundary before it.
  const opener = terms[first.start - 1];
  if (opener && !/[,;:.]\s*$/.test(opener.post) && !LIST_OPENERS.test(opener.w) && opener.pos !== 'conj') return [];
  // (A comma list that is not closed by "and"/"or" before the subject is a series of clauses, not of subjects.)
  if (!/^(and|or)$/.test(terms[subject.start - 1]?.w ?? '')) return [];
  return others;
}
