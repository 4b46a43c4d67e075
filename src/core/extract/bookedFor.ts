// "Guests reserve rooms for a check-in and check-out date", "diners book a table for a date, a time
// and a number of guests": the times a booking is made for are the booking's own fields, not the
// room's or the table's.
import { parseItems } from './fieldItems';
import type { FieldList } from './fields';
import { transactionOf } from './nlpEvidence';
import type { SentenceInfo } from './sentences';

const BOOKING_VERB = /\b(book|books|booked|reserve|reserves|reserved|rent|rents|rented|hire|hires|hired)\s+(?:an?|the|their|one or more|several|some)?\s*[a-z-]+(?: [a-z-]+)?\s+for\s+(.+)$/;
/** Words that say when, or for how many: what a booking is for, as opposed to who or why ("for their family"). */
const WHEN_WORD = /^(?:date|time|day|night|week|month|hour|duration|period|start|end|check-in|check-out|arrival|departure|count)$/;

export function bookedForList(sentence: SentenceInfo): FieldList | undefined {
  const match = BOOKING_VERB.exec(sentence.plain);
  if (!match) return undefined;
  const subject = transactionOf(match[1]);
  if (!subject) return undefined;
  const items = parseItems(match[2].replace(/[.;]\s*$/, ''));
  if (!items.length || !items.every((item) => WHEN_WORD.test(item.words[item.words.length - 1]) && !item.plural)) return undefined;
  // ("for a number of guests" counts the party: a number on the booking, not a link to guest records.)
  return { sentence: sentence.id, subject, items: items.map((item) => ({ ...item, counts: undefined })) };
}
