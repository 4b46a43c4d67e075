// "Guests reserve rooms for a check-in and check-out date", "diners book a table for a date, a time
// and a number of guests", "customers book a studio with a start, an end and a purpose", "members
// rent boats (date, start time, end time)": the times a booking is made for are the booking's own
// fields, not the room's, the table's, the studio's or the boat's; so are those of "a booking is made
// for a studio with a start and an end".
import type { FieldItem } from './fieldItem';
import { parseItems } from './fieldItems';
import type { FieldList } from './fields';
import type { Covered } from './inlineLists';
import { transactionOf } from './nlpEvidence';
import type { SentenceInfo } from './sentences';

const BOOKING_VERB = /\b(book|books|booked|reserve|reserves|reserved|rent|rents|rented|hire|hires|hired)\s+(?:(?:an?|the|their|one or more|several|some)\s+)?(?:[a-z-]+ )?([a-z-]+)\s+(?:(for|with)\s+(.+)$|\(([^()]+)\))/;
/** "A booking is made for a studio with a start and an end": the booking named, then what it is for. */
const BOOKING_MADE_FOR = /^(?:an?|each|every|the|one)\s+(booking|reservation|rental|hire)s?\s+(?:is|are)\s+(?:always\s+)?(?:made\s+|placed\s+|taken\s+)?for\s+(?:an?|the|one)\s+(?:[a-z-]+ )?([a-z-]+),?\s+(with)\s+(.+)$/;
/** Words that say when, or for how many: what a booking is for, as opposed to who or why ("for their family"). */
const WHEN_WORD = /^(?:date|time|day|night|week|month|hour|duration|period|start|end|check-in|check-out|arrival|departure|count)$/;
/** What a booking carries besides its times: why, for how many, at what price, with what note ("book rooms (date, purpose)"). */
const BOOKING_CARRIES = /^(?:purpose|reason|note|notes|comment|comments|remark|remarks|request|requests|message|status|count|size|number|quantity|price|total|cost|deposit|guest|guests|people|party)$/;
/** Things that take place at a time of their own: "book classes (title, start time)" lists the class's fields. */
const HAPPENS_AT_ITS_TIME = /^(?:class|classe|session|lesson|course|event|screening|show|performance|flight|trip|tour|workshop|webinar|match|game|concert|appointment|meeting|seminar|lecture|training|excursion|outing|ride|slot|shift)s?$/;

/**
 * After "for", every item must say when or how many (not "for their children"). After "with" or in
 * brackets the items may also say what else the booking carries ("a purpose and a note"), but one
 * of them must say when ("book a room with a sea view" describes the room), and the thing booked
 * must not be one that happens at its own time (a class's start time is the class's).
 */
export function bookedForList(sentence: SentenceInfo, covered: Covered = []): FieldList | undefined {
  const made = BOOKING_MADE_FOR.exec(sentence.plain);
  const match = made ?? BOOKING_VERB.exec(sentence.plain);
  if (!match) return undefined;
  const subject = made ? made[1] : transactionOf(match[1]);
  if (!subject) return undefined;
  const joiner = match[3] ?? '(';
  const listed = match[4] ?? match[5];
  const items = parseItems(listed.replace(/[.;]\s*$/, ''));
  const saysWhen = (item: FieldItem) => WHEN_WORD.test(item.words[item.words.length - 1]) && !item.plural;
  // ("Passengers book a crossing (route, departure time)": a route is the crossing's, so the bracket describes the crossing.)
  const bookingsOwn = (item: FieldItem) => saysWhen(item) || BOOKING_CARRIES.test(item.words[item.words.length - 1]);
  const fits = joiner === 'for' ? items.every(saysWhen) : !HAPPENS_AT_ITS_TIME.test(match[2]) && items.some(saysWhen) && items.every((item) => !item.plural && (joiner !== '(' || bookingsOwn(item)));
  if (!items.length || !fits) return undefined;
  // (The "with" or the brackets are this list's: the inline lists must not read them again as the studio's fields.)
  if (joiner !== 'for') covered.push([sentence.plain.indexOf(joiner === '(' ? '(' : ' with ', match.index + match[1].length) + (joiner === '(' ? 0 : 1), sentence.plain.length]);
  // ("for a number of guests" counts the party: a number on the booking, not a link to guest records.)
  return { sentence: sentence.id, subject, items: items.map((item) => ({ ...item, counts: undefined })) };
}
