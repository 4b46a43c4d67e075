// A subject's own "with" list ("Exams with a title and a maximum score belong to a course"): before the
// sentence's verb, so the list ends at that verb, and the record is the clause's subject.
import { DETERMINERS } from './lexicon';
import { trailingPhrase } from './phrases';
import { tagSentence } from './nlp';
import { oneIndefiniteValue } from './madeWith';
import type { FieldItem } from './fieldItem';

/** The clause after a sentence's last comma, without the word that joins it ("…, and results" -> "results"). */
export const clauseAfterComma = (before: string): string => before.slice(before.lastIndexOf(',') + 1).replace(/^\s*(?:and|but|or|while|whereas)\s+/, '');

/**
 * The clause a subject's "with" list hangs on, when it has no verb of its own ("residents", "…, and
 * results": the sentence's verb comes after the list). Only the clause after the last comma: "…
 * belong to a course, and results with a score …" has a verb before its "and".
 */
export function verblessClause(before: string): string | undefined {
  const clause = before.includes(',') ? clauseAfterComma(before) : before;
  if (!/[a-z]/.test(clause)) return undefined;
  return tagSentence(clause).some((t) => t.pos === 'verb' || t.pos === 'modal') ? undefined : clause;
}

/** "…, and results with a score …": the subject of a verbless clause joined by ", and" (read alone, not as a verb after "and"). */
export function joinedSubject(before: string): string | undefined {
  if (!/,\s*and\s+[^,]*$/.test(before)) return undefined;
  const clause = verblessClause(before);
  return clause ? trailingPhrase(clause)?.key : undefined;
}

/** ", and members with …": another plural subject with a list of its own. */
export const NEXT_SUBJECT_WITH = /,\s*and\s+(?:the\s+)?[a-z-]+s\s+with\s/;

/**
 * Where the main verb starts after a subject's list ("residents with a name and a phone apply for
 * permits" -> before "apply"): the words after the last item's first noun, read right after the
 * subject, start with a verb ("residents apply for permits").
 */
export function verbAfterList(subject: string, rest: string): number {
  const lastItem = Math.max(rest.lastIndexOf(','), lastJoin(rest));
  const found = verbInItem(subject, rest, lastItem + 1, rest.length, false);
  if (found >= 0) return found;
  // "Exams with a title and a maximum score belong to a course, and results with … belong to an exam and
  // a student": the sentence goes on past its verb, so its last "and" is in the next clause. Then the
  // first item that goes on with a verb and its preposition or object ("belong to") ends the list.
  // (From the first item on: "Hives with a label belong to an apiary and a keeper" has its verb there.)
  const separators = [...rest.slice(0, lastItem).matchAll(/,|\s(?:and|or)\s/g)].map((m) => m.index!);
  const starts = [0, ...separators.map((at) => at + 1)];
  for (const [i, from] of starts.entries()) {
    const item = verbInItem(subject, rest, from, separators[i] ?? lastItem, true);
    if (item >= 0) return item;
  }
  return rest.length;
}

/** Where the last " and " or " or " starts, or -1 (one pass: a look-ahead for a later one would read the rest again at every join). */
function lastJoin(text: string): number {
  let last = -1;
  for (const join of text.matchAll(/\s(?:and|or)\s/g)) last = join.index!;
  return last;
}

/**
 * Words read after the subject to tell whether the first of them is a verb: enough for the tagger's
 * reading of a verb and the word after it, and a bound on the work (a verbless list read to its end,
 * word by word, would tag the whole rest again at every word).
 */
const PROBE_WORDS = 4;

/**
 * Where a verb starts in the item rest[from, to), read right after the subject, or -1. A `strict`
 * reading wants the verb's preposition or object next ("belong to", "need a"), not a noun.
 */
function verbInItem(subject: string, rest: string, from: number, to: number, strict: boolean): number {
  const words = [...rest.slice(from, to).matchAll(/[a-z][a-z-]*/g)];
  const first = words.findIndex((w) => !DETERMINERS.has(w[0]) && !/^(?:and|or)$/.test(w[0]));
  if (first < 0) return -1;
  const verbAt = (k: number): boolean => {
    if (k + 1 >= words.length) return false;
    const tagged = tagSentence(`${subject} ${words.slice(k, k + PROBE_WORDS).map((w) => w[0]).join(' ')}`);
    return tagged[1]?.pos === 'verb' && !/ing$/.test(tagged[1].w) && (strict ? /^(?:prep|det)$/ : /^(?:prep|det|noun|adv|adj)$/).test(tagged[2]?.pos ?? '');
  };
  for (let k = first + 1; k + 1 < words.length; k++) {
    if (!verbAt(k)) continue;
    // "a home address book rooms": a word that reads as a verb before the verb is the item's noun.
    while (verbAt(k + 1)) k++;
    return from + words[k].index!;
  }
  return -1;
}

/**
 * One value, then a verb that says how the subject stands to other records or what it holds ("belong to",
 * "have", "contain"): "Exams with a maximum score belong to a course". (Before other verbs the one value
 * picks out some of the subject, no value of each: "Users with a business profile can create …",
 * "Patients with a treatment in stage 3 require …".)
 */
const ONE_VALUE_THEN_STRUCTURE = /^\s*(?:a|an|one)\s+(?:[a-z-]+\s+){1,3}?(?:belongs?|has|have|contains?|consists?|includes?|refers?|relates?)\b/;

/**
 * "Exams with a maximum score belong to a course": one value in a subject's own "with" list, before the
 * sentence's verb of structure, is a value of the subject (one item after "with" elsewhere is usually a
 * companion or a means: "book a lesson with a coach"). `after` is the text after "with".
 */
export function subjectsOneValue(before: string, after: string, item: FieldItem): boolean {
  return ONE_VALUE_THEN_STRUCTURE.test(after) && oneIndefiniteValue(item) && verblessClause(before) !== undefined;
}
