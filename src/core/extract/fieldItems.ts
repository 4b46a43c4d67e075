// A list's text read into items: "a title, an optional description and a status (todo, done)",
// split at commas and "and"/"or" outside parentheses, up to the clause's end.
import { COLON_TYPES, LEADING, MEASURES, NUMBER_WORDS, parseItem, type FieldItem } from './fieldItem';
import { tagSentence } from './nlp';
import { singular } from './lexicon';

/** "one or more", "at least one and at most five", "one or two": written as one quantifier before a list is split at "and"/"or". */
// (Not before a unit: "a duration of 30 or 60 minutes" gives the values of the duration.)
const QUANTIFIER_PAIR = new RegExp(`\\b(?:${NUMBER_WORDS} or (?:more|several|${NUMBER_WORDS})|at least ${NUMBER_WORDS} (?:and|but) (?:at most|up to|no more than|not more than) ${NUMBER_WORDS})\\s+(?=[a-z])(?!(?:${[...MEASURES].join('|')})\\b)`, 'g');

/** Modifiers written in pairs that share a head noun ("start and end date"). */
/** Pairs whose plural head is a count of each side ("home and away goals"), kept plural. */
const COUNTED_PAIRS = new Set(['home', 'away']);
const PAIRED = new Set(['start', 'end', 'first', 'last', 'begin', 'beginning', 'birth', 'death', 'arrival', 'departure', 'pickup', 'drop-off', 'check-in', 'check-out', 'checkin', 'checkout', 'opening', 'closing', 'home', 'away', 'min', 'max', 'minimum', 'maximum', 'from', 'to', 'billing', 'shipping', 'given', 'family', 'middle', 'net', 'gross']);

/** Splits at commas (or other separators) outside parentheses and quotes. */
export function splitTop(text: string, separator: RegExp): string[] {
  const parts: string[] = [];
  let depth = 0;
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[') depth++;
    else if (ch === ')' || ch === ']') depth = Math.max(0, depth - 1);
    else if (depth === 0) {
      separator.lastIndex = i;
      const match = separator.exec(text);
      if (match && match.index === i) {
        parts.push(text.slice(last, i));
        last = i + match[0].length;
        i = last - 1;
      }
    }
  }
  parts.push(text.slice(last));
  return parts.map((p) => p.trim()).filter(Boolean);
}

/**
 * "has a name and is assigned to an owner", "has an address and consists of two rooms", "… and can
 * be moved": a second predicate of the sentence's subject, not another value. ("has a name and is
 * available" stays: "is" plus a word alone is a yes/no value.)
 */
const SECOND_PREDICATE = String.raw`\s(?:and|but)\s(?=(?:is|are|was|were|can|could|may|might|must|will|would|should|cannot|has been|have been)\s+[a-z]+(?:ed|en)\s+(?:to|by|with|in|into|at|for|from|on|as)\s|(?:can|could|may|might|must|will|would|should|cannot)\s|(?:consists|belongs|contains|includes|refers|depends|relates|appears|needs|requires)\s)`;

/**
 * "… with additional information about the order, and I need to know …", "a name and they can …": a
 * personal pronoun never names a value, so after a comma or "and"/"but" it is the next clause's subject.
 * ("the subjects they can teach" has no comma nor "and" before the pronoun: a relative clause, read on.)
 */
const PRONOUN_CLAUSE = String.raw`(?:,\s*(?:(?:and|but|or|so)\s+)?|\s(?:and|but)\s)(?=(?:i|we|you|he|she|they)\s+[a-z])`;

/** Where a list's clause ends. */
// ("the price for that airplane": after a preposition "that" is a determiner, not a clause.)
// (", and others can comment", ", and the end time has to be …" (not "the subjects they can teach"), "While trucks have a weight, vans have seats", "… with a problem, the diagnosis is posed by …": a subject before a modal, "has" or a passive starts the next clause.)
const CLAUSE_END = new RegExp(
  String.raw`(?<!\b(?:for|of|in|on|at|to|with|from|by|about|per))\sthat\s|\s(?:which|so that|so|who|where|when|while|but|because|if|until|once|then|like|such as|e\.?g\.?,?|for example,?|including|to be|in order to)\s|;|\.(?:\s|$)|:\s|\s-\s|\s—\s|,\s*(?:and\s+)?(?=(?:(?:the|each|every|this|its|their)\s+)?(?!\S+\s+(?:they|we|you|he|she|i)\s)[a-z-]+(?:\s+[a-z-]+)?\s+(?:can|could|will|should|must|may|might|cannot|can't|has|have)\s)|,\s*(?:and\s+)?(?=(?:the|a|an|each|every|this|its|their)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:is|are|was|were)\s+[a-z]+(?:ed|en|wn)\s)|${PRONOUN_CLAUSE}|${SECOND_PREDICATE}`,
);

/**
 * "a name, which has to be unique, and a phone number": a relative clause between commas, with the
 * list going on after it (", and" plus a short noun phrase that ends the list), is an aside on one
 * item, not the list's end.
 */
const RELATIVE_ASIDE = /,\s(?:which|who)\s([^,()]{3,60}),(?=\s*(?:and|or)\s+(?:(?:a|an|the|its|their|his|her)\s+)?[a-z-]+(?:\s+[a-z-]+){0,2}\s*(?:[.;)]|$|,|\s(?:and|or)\s))/g;

/** The aside read as the item's flag ("(unique)"), blanked to the same length so indices still fit. */
function asideAsFlag(text: string): string {
  return text.replace(RELATIVE_ASIDE, (aside: string, said: string) => {
    const flag = /\b(unique|optional|required|mandatory)\b/.exec(said)?.[1];
    return `${flag ? ` (${flag})` : ''}`.padEnd(aside.length - 1) + ',';
  });
}

/** Ends a list at the first clause boundary ("… and a status, which …"). */
export function cutClause(text: string): string {
  const read = text.includes(', wh') ? asideAsFlag(text) : text;
  // Words inside parentheses ("(three letters, e.g. JBR)") never end the list: match on a copy
  // with them blanked out, same length, so indices still fit.
  const masked = read.replace(/\([^()]*\)/g, (inner) => ' '.repeat(inner.length));
  const match = CLAUSE_END.exec(masked);
  return match ? read.slice(0, match.index) : read;
}

/**
 * Where a closed list ("a date, a weight and a category") is followed by ", and" plus plural
 * things with a list of their own ("…, and households (reference, size)"): the next record.
 */
export function nextRecordAt(text: string): number {
  for (const match of text.matchAll(/,\s*and\s+([a-z][a-z -]*?)\s*\(([^()]*,[^()]*)\)/g)) {
    const before = text.slice(0, match.index).replace(/\([^()]*\)/g, ' ');
    const last = before.slice(before.lastIndexOf(',') + 1);
    if (!/\s(?:and|&)\s/.test(last)) continue;
    const head = parseItem(match[1]);
    if (head?.plural && !head.quantified && !head.hint) return match.index;
  }
  return text.length;
}

/** The words that bring in examples ("such as the price", "including a date"). */
export const FOR_EXAMPLE = String.raw`(?:such as|like|including|namely|e\.\s?g\.?|for example)`;

/**
 * "further details, such as the price and a delivery date", "several features, like the bounce rate":
 * a generic word for values followed by examples; the examples are the values.
 */
const VALUES_FOR_EXAMPLE = new RegExp(String.raw`^\s*(?:(?:some|the|all|any|more|basic|further|additional|other|several|various|many|specific|following|personal|contact)\s+)*(?:information|info|details|data|features|attributes|properties|characteristics|elements|facts|fields)\s*,?\s*${FOR_EXAMPLE}\s*,?\s*`);

export const examplesAsValues = (text: string): string => text.replace(VALUES_FOR_EXAMPLE, '');

/** "(with a name and an address)", "(identified by a code)", "(incl. company name and address)": words that bring in a thing's own values. */
const VALUES_LEAD = /^\s*(?:with|having|identified by|described by|characteri[sz]ed by|incl\.?|including|consisting of|containing|comprising)\s+/;
/** "(name and address are known)", "(its name is stored)": the values, then that they are kept. */
const VALUES_KEPT = /\s+(?:is|are)\s+(?:also\s+|always\s+)?(?:known|stored|recorded|kept|registered|saved|noted)\s*$/;

/**
 * "the repair shop (name and address are known)", "player attributes (identified by a name and a
 * value)": a parenthesis that says in so many words that it lists the thing's own values (not its
 * kinds or its possible values, "(todo, done)"). The list's text, without those words.
 */
export function valuesInBrackets(inner: string): string | undefined {
  const lead = VALUES_LEAD.exec(inner);
  const kept = VALUES_KEPT.exec(inner);
  if (!lead && !kept) return undefined;
  const list = inner.slice(lead ? lead[0].length : 0, kept ? kept.index : inner.length).replace(/^\s*(?:its|their)\s+/, '').trim();
  return /^[a-z][a-z ,/-]*$/.test(list) ? list : undefined;
}

/** "the repair shop (name and address are known)": the segment's words before the bracket and the values the bracket gives. */
const BRACKET_AT_END = /^([^()]*?)\s*\(([^()]*)\)\s*$/;

/** Parses "a title, an optional description and a status (todo, done)" into items. */
export function parseItems(listText: string): FieldItem[] {
  // "capacity: long" is a type annotation, not a clause boundary.
  let text = cutClause(examplesAsValues(listText).replace(COLON_TYPES, ' of type $1'));
  // ("a name, a city as well as a star rating": "as well as" joins the list like "and".)
  text = text.slice(0, nextRecordAt(text)).replace(/,?\s+as well as\s+/g, ', ');
  // "information about the VAT rate, the currency and …": the list is what the information is about.
  text = text.replace(/^\s*(?:(?:some|the|all|any|more|basic|further|additional)\s+)?(?:information|info|details|data)\s+(?:about|on|regarding|concerning|like)\s+/, '');
  const segments = segmentsOf(text);
  const items: FieldItem[] = [];
  for (let s = 0; s < segments.length && items.length < 40; s++) {
    const segment = segments[s].replace(/^(?:and|or)\s+/, '').replace(QUANTIFIER_PAIR, 'several ');
    // "owners with address and phone, their pets (…)": a possessive starts the next record.
    // (A list of records goes on: "clients, their dogs, and walks". A singular value without a
    // list of its own is the owner's next field: "a unique user name, their email address and a password".)
    if (items.length && /^(?:their|its|his|her)\s/.test(segment) && items.some((i) => !i.plural || i.sub?.length) && startsARecord(segment)) break;
    // "…, belonging to a resident", "…, owned by the club": a participle clause about the record ends its fields.
    // (Also after an adverb: "an account number, automatically generated by the system".)
    if (items.length && /^(?:[a-z]+ly\s+)?(?:[a-z]+ing\s+(?:to|with)|[a-z]+ed\s+(?:by|to|in|with))\s+(?:a|an|the|one|each|every|its|their|his|her|our|some)\s/.test(segment)) break;
    // "patients with rare, and often unexplainable symptoms": an adjective alone describes the next item's noun.
    if (segments[s + 1] && describesNextHead(segment, segments[s + 1])) {
      segments[s + 1] = segments[s + 1].replace(/^(?:and|or)\s+(?:[a-z]+ly\s+)?/, '');
      continue;
    }
    const each = /^each (?:with|having|has|containing|of which has)\s+(.*)$/.exec(segment);
    if (each) {
      const previous = items[items.length - 1];
      if (previous) {
        previous.sub = parseItems(segments.slice(s).join(', ').replace(/^each (?:with|having|has|containing|of which has)\s+/, ''));
        previous.each = true;
      }
      break;
    }
    // "any number of rounds, with each round containing a date and a score": the same, the record named again.
    const eachNamed = items.length ? EACH_NAMED.exec(segment) : null;
    if (eachNamed && singular(eachNamed[1]) === items[items.length - 1].key) {
      const previous = items[items.length - 1];
      previous.sub = parseItems([segment.slice(eachNamed[0].length), ...segments.slice(s + 1)].join(', '));
      previous.each = true;
      break;
    }
    // "the repair shop (name and address are known)": the last item has values of its own (a record).
    const bracket = BRACKET_AT_END.exec(segment);
    const bracketed = bracket ? valuesInBrackets(bracket[2]) : undefined;
    if (bracket && bracketed) {
      const heads = itemsOfSegment(bracket[1]);
      const described = heads[heads.length - 1];
      const values = parseItems(bracketed);
      if (described && values.length) {
        described.sub = values;
        described.ownValues = true;
      }
      items.push(...heads);
      continue;
    }
    const withAt = / with (?![^(]*\))/.exec(segment);
    if (withAt) {
      // ("name and a url to a website with …": the items before "with" are read like any others; the last is the one "with" describes.)
      const heads = itemsOfSegment(segment.slice(0, withAt.index));
      const described = heads[heads.length - 1];
      // ("a website with additional information on the artist": what a thing holds in general, no values of its own.)
      if (described && !GENERAL_INFORMATION.test(segment.slice(withAt.index + 6))) described.sub = parseItems(segment.slice(withAt.index + 6));
      items.push(...heads);
      continue;
    }
    items.push(...itemsOfSegment(segment));
  }
  return items;
}

/** "with each round containing", "with every room having": a record named again after "with each", then a verb of having. */
const EACH_NAMED = /^with (?:each|every) ([a-z][a-z-]*(?: [a-z][a-z-]*)?) (?:having|containing|holding|including|showing|carrying|with)\s+/;

/** "additional information on …", "more details about …": what a thing holds, said in general. */
const GENERAL_INFORMATION = /^\s*(?:(?:some|more|further|additional|extra|other|all|any|useful|detailed)\s+)+(?:information|info|details|data)\b/;

/** A lone adjective before ", and" plus an adjective and a noun ("rare, and often unexplainable symptoms"): both describe that noun. */
function describesNextHead(segment: string, next: string): boolean {
  if (!/^[a-z-]+$/.test(segment) || !/^(?:and|or)\s/.test(next)) return false;
  const alone = tagSentence(segment);
  const rest = tagSentence(next.replace(/^(?:and|or)\s+/, ''));
  const head = rest.findIndex((t) => t.pos !== 'adv');
  return alone.length === 1 && alone[0].pos === 'adj' && rest[head]?.pos === 'adj' && rest[rest.length - 1].pos === 'noun';
}

/**
 * A possessive segment names the next record when its noun is plural, it has a list of its own
 * ("their pets (name, type)") or it is a clause ("its lines say which plant").
 */
function startsARecord(segment: string): boolean {
  if (/\([^()]*,[^()]*\)/.test(segment)) return true;
  const terms = tagSentence(segment.replace(/\s*\(.*$/, ''));
  let end = 1;
  while (end < terms.length && (terms[end].pos === 'noun' || terms[end].pos === 'adj')) end++;
  const head = terms[end - 1];
  if (end === 1 || head.pos !== 'noun' || head.plural) return true;
  return end < terms.length && (terms[end].pos === 'verb' || terms[end].pos === 'modal');
}

/** The comma-separated segments; "a duration of 15, 30 or 60 minutes": a bare number list continues the previous item. */
function segmentsOf(text: string): string[] {
  const segments: string[] = [];
  for (const segment of splitTop(text, /,/y)) {
    if (segments.length && /^(?:or\s+|and\s+)?\d/.test(segment)) segments[segments.length - 1] += ', ' + segment;
    else segments.push(segment);
  }
  return segments;
}

/** The items of one segment, split at "and"/"or": "a start and end date", "a name and whether they are a chief steward or stewardess". */
function itemsOfSegment(segment: string): FieldItem[] {
  // "a name and whether they are a chief steward or stewardess": the yes/no question is one item.
  const askedAt = /(?:^|\s(?:and|or)\s)(?:it is (?:also )?[a-z]+ )?whether\s/.exec(segment);
  // ("a start date/time": one value with a date and a time, not a date and a "time".)
  // ("a bed for his/her stay": one owner written both ways, not two values; "the institution he/she works
  // for", "the club he or she plays for": one person, the value is the institution, the club.)
  const listed = (askedAt ? segment.slice(0, askedAt.index) : segment)
    .replace(/\bdate\s?\/\s?time\b/g, 'date-time')
    .replace(/\b(?:his|her)\s?\/\s?(?:his|her)\b/g, 'their')
    .replace(/\b(?:he\s?\/\s?she|she\s?\/\s?he|s\/he|he or she|she or he)\s(?=[a-z]+)/g, 'they ');
  const pieces = /\d/.test(listed) ? splitTop(listed, /\s(?:and|&|\+)\s/y) : splitTop(listed, /\s(?:and|or|&|\+)\s|\//y);
  const askedAll = askedAt ? segment.slice(askedAt.index).replace(/^\s(?:and|or)\s/, '') : undefined;
  // ("whether they are double carports and whether they have a flat roof": two questions, two flags.)
  const questions = askedAll ? askedAll.split(/\s(?:and|or)\s(?=whether\s)/) : [];
  const asked = questions[questions.length - 1];
  pieces.push(...questions);
  // "a start and end date", "first and last names": the pair shares its head. (A plural head is
  // the pair's, not the values': "the start and end dates of the projects" are one of each.)
  for (let p = 0; p + 1 < pieces.length; p++) {
    const first = pieces[p].replace(LEADING, '').trim();
    const next = pieces[p + 1].replace(LEADING, '').trim().split(/\s+/);
    if (!PAIRED.has(first) || next.length !== 2 || !PAIRED.has(next[0])) continue;
    const head = COUNTED_PAIRS.has(first) ? next[1] : singular(next[1]);
    pieces[p] = `${first} ${head}`;
    pieces[p + 1] = `${next[0]} ${head}`;
  }
  const parsed = pieces.map(parseItem).filter((item): item is FieldItem => !!item).flatMap((item) => boundsOfRange(item) ?? [item]);
  // "… or stewardess": the other answer is a value of the question, not a field or a record.
  const other = asked && /\sor\s(?!not\b)(?:an?\s)?([a-z][a-z -]*?)\s*$/.exec(asked);
  if (other && parsed.length) {
    const answer = parseItem(other[1]);
    if (answer) parsed.push({ ...answer, value: true });
  }
  // "first name and last name of type String": the type written last is the type of each.
  const typed = parsed[parsed.length - 1];
  if (typed?.typeWritten) for (const item of parsed) if (!item.hint) item.hint = typed.hint;
  return parsed;
}

const LOWER_BOUND = /^(?:min|minimum|lower)$/;
const UPPER_BOUND = /^(?:max|maximum|upper)$/;
/** Words of a range's name that say nothing of what is bounded ("a valid value range"). */
const RANGE_WORDS = new Set(['range', 'valid', 'allowed', 'permitted', 'acceptable', 'accepted', 'value', 'values', 'bounds', 'limits']);

/**
 * "a valid value range (min, max)", "a temperature range (minimum, maximum)": the bounds are two
 * values (min and max, minTemperature and maxTemperature), not an enum whose choices are "min" and "max".
 */
function boundsOfRange(item: FieldItem): FieldItem[] | undefined {
  const bounds = item.enumValues;
  if (bounds?.length !== 2 || !LOWER_BOUND.test(bounds[0]) || !UPPER_BOUND.test(bounds[1])) return undefined;
  const named = item.words.filter((w) => !RANGE_WORDS.has(w));
  const items = bounds.map((bound) => parseItem([bound, ...named].join(' '))).filter((b): b is FieldItem => !!b);
  if (items.length !== 2) return undefined;
  // (A bare bound says nothing of its type: a number.)
  return items.map((b) => ({ ...b, optional: item.optional, required: item.required, ...(named.length || b.hint ? {} : { hint: { type: 'decimal' as const } }) }));
}
