// Values someone sets for a record: "Inhabitants can specify a threshold for each sensor", "if an
// email address has been specified for the apartment", "the planner sets a deadline for every
// task". What is given to each record is a value the record keeps (a field, or a link when it names
// a record). Read anywhere in the sentence, so also in a lead-in clause ("If …, …").
import { trailingPhrase } from './phrases';
import { parseItems } from './fieldItems';
import type { FieldItem } from './fieldItem';
import { pattern } from './regexps';

const SET = '(?:specify|specifies|define|defines|set|sets|enter|enters|configure|configures)';
const SET_PASSIVE = '(?:specified|defined|set|entered|configured)';
const BE = '(?:has been|have been|is|are|was|were|must be|can be|should be|may be|will be|needs to be|need to be)';
/** The record: "for each sensor", "for the apartment", up to the clause's end. */
const FOR_RECORD = '(?:for|per) (?:each|every|a|an|the|any|one) ([a-z][a-z -]{1,30}?)(?=[,.;:]|$| and | or | so | when | if | by | to | in | at | on | before | after | which | that )';
/** Verbs and modals that make the value's words a clause, not a name. */
const CLAUSE_WORDS = /\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|been|has|have|for)\b/;

/** The record and the one value set for it, when the sentence sets one. */
export function valueSetFor(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const active = pattern`\\b${SET} (?:a|an|the|one) ([a-z][a-z -]{1,30}?) ${FOR_RECORD}`.exec(plain);
  const passive = active ? undefined : pattern`(?:^|\\b(?:if|when|once|after|and|that) )(?:a|an|the) ([a-z][a-z -]{1,30}?) ${BE} (?:also |already )?${SET_PASSIVE} ${FOR_RECORD}`.exec(plain);
  const found = active ?? passive;
  if (!found || CLAUSE_WORDS.test(found[1])) return undefined;
  const record = trailingPhrase(found[2]);
  const items = parseItems(found[1]);
  // (One value: "a start and end date" would be two, a list is for the list readers.)
  return record && items.length === 1 && !items[0].plural ? { subject: record.key, items } : undefined;
}
