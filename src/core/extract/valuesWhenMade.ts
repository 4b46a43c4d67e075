// Values asked for when a record is made: "When a user decides to open a business account, he/she
// has to specify the name of the company", "when guests book a tour, they must give the number of
// people and a pick-up point", "When placing an order, the customer enters a delivery address".
// What someone has to give while making a record is a value of that record, not of the person.
import { trailingPhrase } from './phrases';
import { parseItems } from './fieldItems';
import type { FieldItem } from './fieldItem';

/** Verbs that make a record (finite and gerund forms). */
// ("book a court", "order a pizza", "reserve a room": what is booked, not the booking that is made; left out.)
const MAKE = 'open|opens|create|creates|set up|sets up|register|registers|place|places|make|makes|submit|submits|file|files|start|starts|add|adds|post|posts|publish|publishes|write|writes';
const MAKING = 'opening|creating|setting up|registering|placing|making|submitting|filing|starting|adding|posting|publishing|writing';
/** Verbs of giving a value. */
const GIVE = '(?:specify|specifies|provide|provides|enter|enters|give|gives|indicate|indicates|state|states|fill in|fills in|supply|supplies|choose|chooses|select|selects)';
/** Who gives it: a pronoun or a noun phrase with "the". */
const WHO = '(?:he/she|he or she|she or he|s/he|they|he|she|you|we|the [a-z]+(?: [a-z]+)?)';
const MODAL = '(?:(?:has to|have to|must|needs to|need to|should|will|can|is asked to|are asked to)\\s+)?(?:also\\s+|first\\s+)?';
/** "When a user (decides to) opens a business account, …" or "When opening a business account, …". */
const LEAD_IN = new RegExp(
  `^(?:when|once|if|after|before|while)\\s+(?:(?:a|an|the)\\s+)?[a-z]+(?: [a-z]+)?\\s+(?:(?:decides|decide|wants|want|chooses|choose) to\\s+)?(?:${MAKE})\\s+(?:a|an|the|their|his|her|his/her|a new|their own)\\s+([a-z][a-z -]{1,30}?)\\s*,\\s*${WHO}\\s+${MODAL}${GIVE}\\s+(.+)$` +
    `|^(?:when|while|before|on)\\s+(?:${MAKING})\\s+(?:a|an|the|their|a new)\\s+([a-z][a-z -]{1,30}?)\\s*,\\s*${WHO}\\s+${MODAL}${GIVE}\\s+(.+)$`,
);

/** The record made and the values given for it, when the sentence says so. */
export function valuesWhenMade(plain: string): { subject: string; items: FieldItem[] } | undefined {
  if (!plain.includes(',')) return undefined;
  const found = LEAD_IN.exec(plain);
  if (!found) return undefined;
  const record = trailingPhrase(found[1] ?? found[3]);
  // ("…, they must provide their name and email": their own values, read as the person's.)
  const given = found[2] ?? found[4];
  if (/^(?:their|his|her|his\/her|my|our|your)\s/.test(given)) return undefined;
  const items = parseItems(given);
  return record && items.length ? { subject: record.key, items } : undefined;
}
