// Details people give about themselves or about a record they register: "Travellers register by
// providing their name, billing information and travel preferences", "When you register a new
// customer, you enter their address and VAT number". The giver's own values, or (when "you"/"we"
// give them) the values of the record the lead-in clause names.
import { USER_WORDS } from './lexicon';
import { trailingPhrase } from './phrases';
import type { FieldItem } from './fieldItem';
import { parseItems } from './fieldItems';
import { transactionOf } from './nlpEvidence';

const GIVE = '(?:provide|provides|providing|enter|enters|entering|give|gives|giving|specify|specifies|specifying|indicate|indicates|indicating|supply|supplies|supplying|submit|submits|submitting|state|states|stating)';
const MODALS = '(?:(?:can|must|will|should|may|need to|needs to|has to|have to|first|also|then|only) )*';
/** "register to HBMS by", "sign up at the portal by": the way in before the details. */
const JOIN_BY = '((?:register|registers|sign up|signs up|subscribe|subscribes|apply|applies)(?: (?:to|with|at|for|on|in) [a-z0-9 -]{1,30}?)? by )?';
const GIVEN = new RegExp(
  `^(?:(?:when|whenever|if|once|after|as soon as|each time) ([^,]{3,80}),\\s*)?(?:the |our |all |each |every |a |an |new )?([a-z][a-z ]{0,30}?) ${MODALS}${JOIN_BY}${GIVE} (?:their|his|her|his/her) (.+)$`,
);
/** Who gives the details for someone else: "you enter their address". */
const FOR_SOMEONE = /^(?:you|we|i|the system|the app|staff|the staff)$/;

/**
 * "When they book a studio, they give a start, an end and a purpose", "to order, customers enter a
 * delivery date and an address": what a person gives while making a booking or an order are the
 * booking's or the order's values (the lead-in's verb names the record its doing makes).
 */
const GIVEN_WHILE = new RegExp(
  `^(?:when|whenever|once|each time|to|while|for) (?:(?:they|you|we|a [a-z]+|the [a-z]+|[a-z]+s) )?(?:(?:first|also) )?([a-z]+?)(?:ing)? (?:(?:an?|the|their|one) )?(?:[a-z-]+ ){0,2}?,? ?(?:they|you|we|the [a-z]+|[a-z]+s) ${MODALS}${GIVE} (.+)$`,
);

/**
 * "Guests book rooms by giving their arrival date and the number of guests", "adopters apply for a pet by
 * stating their household size and a motivation": what a person gives in the act of booking, ordering or
 * applying are the values of the record the act makes (the booking, the application), not the person's.
 */
const ACT_BY = new RegExp(
  `^(?:the |our |all |each |every |a |an |new )?[a-z][a-z ]{0,30}? ${MODALS}(book|books|order|orders|reserve|reserves|rent|rents|borrow|borrows|(?:apply|applies) (?:for|to))(?: (?:a|an|the|one|their))? (?:[a-z-]+ ){1,3}?by ${GIVE} (.+)$`,
);

function givenInTheAct(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const given = ACT_BY.exec(plain);
  const subject = given ? transactionOf(given[1].split(' ')[0].replace(/ies$/, 'y').replace(/s$/, '')) : undefined;
  if (!given || !subject) return undefined;
  const items = parseItems(given[2].replace(/[.;]\s*$/, '')).filter((item) => !item.plural);
  return items.length >= 2 ? { subject, items } : undefined;
}

/** The record and the items the sentence gives (two items at least, as a list of details). */
export function givenDetails(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const made = givenWhileMaking(plain) ?? givenInTheAct(plain);
  if (made) return made;
  const given = GIVEN.exec(plain);
  if (!given) return undefined;
  const giver = given[2].trim();
  // "When you register a new customer, you enter their …": the lead-in's object owns the details.
  const forSomeone = FOR_SOMEONE.test(giver);
  // ("An organizer provides their name, …" without a way in is left to providedDetails, which wants a
  // modal: a person giving details in passing is often a role that signs in, not a record.)
  if (!forSomeone && !given[3]) return undefined;
  const owner = forSomeone ? (given[1] ? trailingPhrase(given[1]) : undefined) : trailingPhrase(giver);
  // (Users' own details are the sign-in's; "they" would need the record before.)
  if (!owner || USER_WORDS.has(owner.key) || (!forSomeone && USER_WORDS.has(giver))) return undefined;
  // ("… and optional travel preferences": what one gives many of is records of its own, not a value.)
  const items = parseItems(given[4]).filter((item) => !item.plural);
  return items.length >= 2 ? { subject: owner.key, items } : undefined;
}

function givenWhileMaking(plain: string): { subject: string; items: FieldItem[] } | undefined {
  const given = GIVEN_WHILE.exec(plain);
  // ("When registering, users give their name and email": a person's own details, read by GIVEN.)
  const subject = given && !/^regist/.test(given[1]) ? (transactionOf(given[1]) ?? transactionOf(`${given[1]}e`)) : undefined;
  if (!given || !subject) return undefined;
  const items = parseItems(given[2].replace(/[.;]\s*$/, '')).filter((item) => !item.plural);
  return items.length >= 2 ? { subject, items } : undefined;
}
