// Values a record lists or shows: "Invoices are created after each job and list the amount due and
// the due date", "each receipt shows the total and the date of purchase". What a stored record lists
// is what it holds. Read after the entities are chosen, and only for a subject that is already a
// record: "the dashboard lists the open tasks" or "the best author lists …" make no record (a list
// verb read before the entities made records of such phrases once).
import type { Draft } from './draft';
import { applyFieldLists } from './applyFields';
import type { FieldList } from './fields';
import { parseItems } from './fieldItems';
import { recordValues } from './fieldItem';
import { trailingPhrase } from './phrases';
import type { SentenceInfo } from './sentences';
import { resolveKey } from './mentions';
import { guarded } from './guardedRegExp';

/**
 * The record, perhaps a first clause of its own joined by "and" ("are created after each job and"),
 * then "list(s)", "show(s)" or "display(s)" and what it lists, opened by an article or "its"/"their".
 */
const LISTING = guarded(
  /^(?:(?:each|every|a|an|the|all|our|your)\s+)?([a-z][a-z-]*(?:\s[a-z][a-z-]*){0,2}?)\s+(?:(?:is|are)\s+[a-z]+(?:\s[a-z-]+){0,6}?\s+and\s+)?(?:(?:also|always|must|should|will|can|then)\s+)*(?:list|lists|show|shows|display|displays)\s+((?:the|a|an|its|their)\s.+)$/,
);

/** The subject's record and what it lists, when the sentence says so and the subject is a record. */
function listedValues(draft: Draft, sentence: SentenceInfo): FieldList | undefined {
  const listing = LISTING.exec(sentence.plain.replace(/[.!]\s*$/, ''));
  const owner = listing ? trailingPhrase(listing[1]) : undefined;
  if (!listing || !owner || !resolveKey(draft, owner.key)) return undefined;
  // ("The requisition shows the patient's name and …": values of another, the possessor's.)
  if (/^(?:the|a|an)\s+[a-z][a-z-]*(?:'s|s')\s/.test(listing[2])) return undefined;
  const items = parseItems(listing[2]);
  return items.length ? { sentence: sentence.id, ...recordValues(owner, items) } : undefined;
}

/**
 * "On the monthly invoice discounts are given", "on each ticket the seat number is printed": what is
 * given, shown or printed on a record is one of its values. The record words, then the values, then
 * the passive verb (the values end there: "… depending on the turnover" says why, no value).
 */
const ON_RECORD = guarded(
  /^(?:on|in)\s+(?:each|every|the|a|an|this)\s+([a-z][a-z ,-]{0,80}?)\s+(?:is|are)\s+(?:also\s+|always\s+)?(?:given|shown|listed|printed|displayed|stated|mentioned|indicated)\b/,
);

/** The record the words after "on the" start with (the longest that is one), and the values after it. */
function onRecordValues(draft: Draft, sentence: SentenceInfo): FieldList | undefined {
  const on = ON_RECORD.exec(sentence.plain);
  if (!on) return undefined;
  const words = on[1].split(/\s+/);
  for (let cut = Math.min(3, words.length - 1); cut >= 1; cut--) {
    const owner = trailingPhrase(words.slice(0, cut).join(' ').replace(/,$/, ''));
    if (!owner || !resolveKey(draft, owner.key)) continue;
    const rest = words.slice(cut).join(' ').replace(/^,\s*/, '');
    // (A comma inside the record words is no place to cut; the values start right after them.)
    if (words.slice(0, cut - 1).some((w) => w.endsWith(','))) return undefined;
    const items = parseItems(rest);
    return items.length ? { sentence: sentence.id, ...recordValues(owner, items) } : undefined;
  }
  return undefined;
}

/** Adds what each record is said to list or show as its values (or links, for items that name records). */
export function applyListedValues(draft: Draft, sentences: SentenceInfo[], roleWords: Set<string>): void {
  const lists: FieldList[] = [];
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    const listed = listedValues(draft, sentence) ?? onRecordValues(draft, sentence);
    if (listed) lists.push(listed);
  }
  if (lists.length) applyFieldLists(draft, lists, sentences, roleWords);
}
