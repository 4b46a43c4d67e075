// Counts said to be kept of a record: "The number of seats on these aircraft is also stored",
// "ask how many people the order is for". A count of things is a value of the record (seatCount),
// never the things themselves: parseItem reads "number of seats" as a count field.
import { trailingPhrase } from './phrases';
import { parseItem, type FieldItem } from './fieldItem';

const KEPT = '(?:is|are|must be|should be|will be|has to be|needs to be) (?:also )?(?:stored|recorded|kept|saved|tracked|noted|logged|registered|known)';
/** "The (total) number of seats on these aircraft is stored": the record after the preposition. */
const NUMBER_OF_KEPT = new RegExp(`^(?:the )?(?:total )?number of ([a-z][a-z -]{1,30}?) (?:on|in|of|for|at|per) (?:each|every|a|an|the|these|this|those|that) ([a-z][a-z -]{1,30}?) ${KEPT}\\b(?!\\s+(?:as|for|about|on|of)\\b)`);
/** "… and ask how many people the order is for", "how many windows the house has": the record is the clause's subject. */
const HOW_MANY = /\bhow many ([a-z][a-z-]*(?: [a-z][a-z-]*)?) (?:the|a|an|each|every|this|that) ([a-z][a-z -]{1,30}?) (?:is|are) for\b/;

/** The record and its count field a sentence states, when it states one. */
export function countValues(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const found = NUMBER_OF_KEPT.exec(plain) ?? HOW_MANY.exec(plain);
  const owner = found ? trailingPhrase(found[2]) : undefined;
  const item = found ? parseItem(`number of ${found[1]}`) : undefined;
  // (A plural owner after "on these aircraft" is still one record type: each has its own count.)
  return owner && item ? { subject: owner.key, items: [item] } : undefined;
}
