// Enumerations stated in a sentence of their own: "The lamp can be in one of three states: on, off
// and dimmed", "The status of a lamp can be on, off or dimmed", "Each kettle has a status, which can
// be on, off or boiling", "The suits of the cards are diamonds, hearts, spades and clubs", "The
// interval is either weekly or monthly" (of the record the sentence before is about), "A task can be
// open, in progress or done" (the record's status). Each gives
// the record one enum field named after the values' kind.
import { singular } from './lexicon';
import { trailingPhrase } from './phrases';
import { parseItems } from './fieldItems';
import type { FieldItem } from './fieldItem';
import { pattern } from './regexps';

/** A record (or, with `pronoun`, the record the sentence before is about) and its enum field. */
export interface EnumStatement {
  subject?: string;
  pronoun?: boolean;
  /** Only for a record that already has a field of this name ("Difficulty is easy, medium or hard" says nothing new otherwise). */
  existingField?: boolean;
  items: FieldItem[];
}

/** Words that may name what the values are kinds of. */
const KIND_OF_VALUE = '(?:states?|status(?:es)?|modes?|types?|kinds?|levels?|categor(?:y|ies)|phases?|stages?|options?|values?|settings?)';
/** The same, or a priority: the kinds named before a record's values ("the priority of each ticket: …"). */
const KIND_OR_PRIORITY = `(${KIND_OF_VALUE}|priorit(?:y|ies))`;
const NUMBER = '(?:two|three|four|five|six|seven|eight|nine|ten|\\d+)';
/** "can be", "is either", "must be one of", "can take the values". */
const ONE_OF = '(?:can be|could be|may be|must be|is|are)(?: (?:either|one of|any of))?(?: the (?:values|following))?:?';
/** "on, off or dimmed", "weekly, monthly, every half year, or yearly": two values at least, short ones. */
const VALUES = '([a-z0-9][a-z0-9 -]*(?:,\\s*[a-z0-9][a-z0-9 -]*)*,? (?:or|and) [a-z0-9][a-z0-9 -]*)';

/** The enum field `name` with the values of `values`, when each value is a short word group. */
function enumItem(name: string, values: string): FieldItem[] {
  const words = name.trim().split(/\s+/);
  const head = [...words.slice(0, -1), singular(words[words.length - 1])].join(' ');
  const items = parseItems(`${head} (${values.replace(/\.$/, '')})`);
  return items.length === 1 && items[0].enumValues && items[0].enumValues.length >= 2 ? items : [];
}

function statement(subjectPhrase: string, name: string, values: string): EnumStatement | undefined {
  const subject = trailingPhrase(subjectPhrase)?.key;
  const items = enumItem(name, values);
  return subject && items.length ? { subject, items } : undefined;
}

/** "The lamp can be in one of three states: on, off and dimmed". */
function inOneOfStates(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:the |each |every |a |an )?([a-z][a-z -]{1,30}?) (?:can|could|may|must|will) be in (?:one|any) of (?:the |its )?(?:${NUMBER} |(?:the )?following )?(?:possible )?(${KIND_OF_VALUE})\\s*:\\s*${VALUES}\\.?$`.exec(plain);
  return m ? statement(m[1], m[2], m[3]) : undefined;
}

/** "The status of a lamp can be on, off or dimmed", "the suits of the cards are diamonds, hearts, spades and clubs". */
function valuesOfRecord(plain: string): EnumStatement | undefined {
  const m = pattern`^the ([a-z][a-z ]{1,20}?) of (?:a |an |the |each |every )?([a-z][a-z -]{1,30}?) ${ONE_OF} ${VALUES}\\.?$`.exec(plain);
  // ("The owners of the pets are customers and staff" names records: three values at least after a plain "are".)
  if (!m || (/ are$/.test(plain.slice(0, plain.indexOf(m[3])).trim()) && m[3].split(/,|\bor\b|\band\b/).length < 3)) return undefined;
  return statement(m[2], m[1], m[3]);
}

/** "Each kettle has a status, which can be on, off or boiling". */
function whichCanBe(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:the |each |every |a |an )?([a-z][a-z -]{1,30}?) (?:has|have) (?:a|an|one) ([a-z][a-z ]{1,20}?),? (?:which|that) ${ONE_OF} ${VALUES}\\.?$`.exec(plain);
  return m ? statement(m[1], m[2], m[3]) : undefined;
}

/** "The interval is either weekly, monthly or yearly" (also without "the"): a value of the record the sentence before is about. */
function eitherOf(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:(?:the|its|their) )?([a-z][a-z ]{1,20}?) (?:is|can be|must be) (?:either|one of) ${VALUES}\\.?$`.exec(plain);
  const items = m ? enumItem(m[1], m[2]) : [];
  return items.length ? { pronoun: true, items } : undefined;
}

/** "A room's difficulty can be easy, medium or hard", "each order's status is new, paid or sent". */
function possessiveValues(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:a |an |the |each |every )?([a-z][a-z -]{1,30}?)(?:'s|s'|’s) ([a-z][a-z ]{1,20}?) ${ONE_OF} ${VALUES}\\.?$`.exec(plain);
  // ("A borrower's details are their name, their phone and their email" lists fields, not values.)
  if (!m || / are(?: either| one of)?$/.test(plain.slice(0, plain.indexOf(m[3])).trim())) return undefined;
  return statement(m[1], m[2], m[3]);
}

/**
 * "Voice part is soprano, alto, tenor or bass", "the payment method can be cash, card or transfer":
 * without "either", only a field some record already has (a plain "X is A, B or C" may say anything).
 */
function plainValues(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:(?:the|its|their) )?([a-z][a-z]{1,20}(?: [a-z]{2,20})?) (?:is|can be) ${VALUES}\\.?$`.exec(plain);
  const items = m && m[2].split(/,|\bor\b|\band\b/).every((v) => v.trim().split(/\s+/).length <= 3) ? enumItem(m[1], m[2]) : [];
  return items.length ? { pronoun: true, existingField: true, items } : undefined;
}

/**
 * "A task can be open, in progress or done", "each locker is either free, taken or broken": the states
 * the record itself is in, its status. Short values without an article ("an admin or a guest" are
 * kinds of people), nor a phrase that goes on ("changed by the owner"); two participles alone say what
 * may be done to it ("can be cancelled or moved"), no state.
 */
function statesOfRecord(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:a |an |each |every )([a-z][a-z -]{1,30}?) (?:can be(?: either)?|could be|may be|is either|is always) ${VALUES}\\.?$`.exec(plain);
  if (!m) return undefined;
  const values = m[2].split(/,|\bor\b|\band\b/).map((v) => v.trim()).filter(Boolean);
  if (values.some((v) => v.split(/\s+/).length > 2 || /^(?:a|an|the)\b/.test(v) || /\s(?:by|for|to|at|with|from|of|in|on)\b/.test(v))) return undefined;
  if (values.length < 3 && values.every((v) => /(?:ed|en)$/.test(v) && v !== 'open')) return undefined;
  return statement(m[1], 'status', m[2]);
}

/** "assigned to a", "falls into a specific": the record takes one of the values. */
const TAKES_ONE = '(?:is|are) (?:assigned|allocated) to|(?:is|are) of|falls? into|(?:is|are) classified (?:as|into|under|in)';

/**
 * "Each film is assigned to a specific genre, with a distinction made between thriller, action or
 * comedy", "a book falls into one genre, which can be poetry, drama or prose": the genre is one of
 * the values, an enum field of the record (not a record Genre whose fields are the values).
 */
function assignedOneOf(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:(?:furthermore|moreover|also|in addition|additionally),\\s*)?(?:the |each |every |a |an )?([a-z][a-z -]{1,30}?) (?:${TAKES_ONE}) (?:a|an|one|exactly one)(?: (?:specific|particular|certain|single|given))? ([a-z][a-z ]{1,20}?),? (?:(?:which|that) ${ONE_OF}|with a distinction (?:being )?(?:made )?between) ${VALUES}\\.?$`.exec(plain);
  return m ? statement(m[1], m[2], m[3]) : undefined;
}

/** Two values at least, written as a list after a colon or in brackets ("received, in progress, ready"): the "or"/"and" may be left out. */
const LISTED = '([a-z0-9][a-z0-9 -]*(?:,\\s*[a-z0-9][a-z0-9 -]*)+(?:,? (?:or|and) [a-z0-9][a-z0-9 -]*)?|[a-z0-9][a-z0-9 -]* (?:or|and) [a-z0-9][a-z0-9 -]*)';

/**
 * "Customers can see the status of their own jobs: received, in progress, ready", "we track the
 * priority of each ticket (low, medium, high)": a kind of value of a record, then its values after a
 * colon or in brackets, anywhere in the sentence.
 */
function kindOfRecordListed(plain: string): EnumStatement | undefined {
  const m = pattern`\\bthe ${KIND_OR_PRIORITY} of (?:a |an |the |each |every |their |its |his |her |our |my )?(?:own )?([a-z][a-z -]{1,30}?)\\s*(?::\\s*${LISTED}\\.?$|\\(${LISTED}\\))`.exec(plain);
  return m ? statement(m[2], m[1], m[3] ?? m[4]) : undefined;
}

/** "Job statuses: received, in progress, ready", "order status: new, paid, sent": a record's kind of value, a colon, its values. */
function recordKindListed(plain: string): EnumStatement | undefined {
  const m = pattern`^(?:the )?([a-z][a-z -]{1,30}?) ${KIND_OR_PRIORITY}\\s*:\\s*${LISTED}\\.?$`.exec(plain);
  return m ? statement(m[1], m[2], m[3]) : undefined;
}

const READERS = [inOneOfStates, valuesOfRecord, whichCanBe, assignedOneOf, statesOfRecord, eitherOf, possessiveValues, plainValues, kindOfRecordListed, recordKindListed];

/**
 * Enum fields stated in a later clause of a sentence ("Each costume has a code and a condition; the
 * condition is either new, good or worn, and …"): of a record that has a field of that name.
 */
export function enumClauses(plain: string): EnumStatement[] {
  const parts = plain.split(/;\s*|,\s*and\s+(?=(?:the|its|their)\b)/).slice(1);
  const out: EnumStatement[] = [];
  const last = lastItemWhich(plain);
  if (last) out.push(last);
  for (const part of parts) {
    // The clause may go on with another statement ("…, worn or damaged, and no two costumes may share a code").
    const ends = [part.length, ...[...part.matchAll(/,\s*and\s/g)].map((m) => m.index!).reverse()];
    for (const end of ends) {
      const clause = part.slice(0, end).trim();
      const found = eitherOf(clause) ?? plainValues(clause);
      if (found) {
        out.push({ ...found, existingField: true });
        break;
      }
    }
  }
  return out;
}

/**
 * "Plants have a name and a watering frequency, which can be daily, weekly or monthly": the values of
 * the list's last item, which the list readers end the list before.
 */
function lastItemWhich(plain: string): EnumStatement | undefined {
  const m = pattern`\\s(?:and|or)\\s(?:a|an|one|the|its|their)\\s([a-z][a-z]{1,20}(?: [a-z]{2,20}){0,2}),\\s(?:which|that)\\s${ONE_OF}\\s${VALUES}\\.?$`.exec(plain);
  const items = m ? enumItem(m[1], m[2]) : [];
  return items.length ? { pronoun: true, existingField: true, items } : undefined;
}

/** The enum field a sentence states, if it states one. */
export function enumStatement(plain: string): EnumStatement | undefined {
  for (const read of READERS) {
    const found = read(plain);
    if (found) return found;
  }
  return undefined;
}
