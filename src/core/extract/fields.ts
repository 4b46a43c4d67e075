// Field lists: "A task has a title, an optional description and a status (todo, done)",
// "products (SKU, name, unit price)", "recipes with a title, …", "order lines, each with a
// product and a quantity", and bullet lists introduced by a sentence ending in ':'.
import { CREATE_VERBS, DETERMINERS, ENUM_HEADS, NOT_FIELD, singular, isPlural } from './lexicon';
import { leadingPhrase, trailingPhrase } from './phrases';
import { analyze, endsWithNoun, trailingSubject } from './grammar';
import { tagSentence } from './nlp';
import { DOCUMENT_PART_WORDS, genericHeadAllowed, NON_ENTITY, USER_WORDS } from './lexicon';
import { colonListSubject, isPersonKey } from './nlpEvidence';
import { namesAField, type SentenceInfo } from './sentences';
import { typeFromHint, type TypeGuess } from './types';
import type { FieldType } from '../../model/project/projectSpec';

export interface FieldItem {
  /** Lower-case words of the field name ("unit", "price"). */
  words: string[];
  /** Singular key, for matching entity names ("order line"). */
  key: string;
  plural: boolean;
  enumValues?: string[];
  hint?: TypeGuess;
  optional: boolean;
  unique: boolean;
  required: boolean;
  /** Words around the item that help typing ("in minutes", "1-5"). */
  context: string;
  /** Fields of this item when it is itself a record ("order lines, each with …"). */
  sub?: FieldItem[];
  /** The sub-list was introduced by "each with" (a strong sign the item is a record). */
  each?: boolean;
  /**
   * "a number of seats": a count field (words end in "count"), unless the counted noun (this key)
   * names a record — then it says how many of them the subject has, a relation.
   */
  counts?: string;
  /** "several rooms", "any number of branches", "one or more rooms": how many, a relation, never a field. */
  quantified?: boolean;
  /**
   * A value, neither a field nor a record: the other answer of a yes/no question ("whether it is a
   * steward or stewardess"), or an example ("publishers (e.g., Acme, Globex)").
   */
  value?: boolean;
  /** The type was written as a programmer's type name ("of type String"). */
  typeWritten?: boolean;
}

export interface FieldList {
  sentence: number;
  /** Key of the record the fields belong to, if written in this sentence. */
  subject?: string;
  /** For bullets: the sentence that introduced the list. */
  leadId?: number;
  /** "It must include …", "They have …": the subject is the record the sentence before is about. */
  pronoun?: boolean;
  items: FieldItem[];
}

const LEADING = /^(?:(?:a|an|the|its|their|his|her|whose|one|some|any|each|own|also|both|either|exactly|multiple|several|many|few|various|\d+\s*-\s*\d+)\s+)+/;
const FLAGS = /\b(optional|required|mandatory|unique)\s+/g;
const CUT_WORDS = new Set(['there', 'for', 'from', 'at', 'to', 'in', 'with', 'by', 'like', 'such', 'captured', 'used', 'per', 'that', 'which', 'into', 'as', 'e.g', 'eg', 'when', 'where', 'who', 'so', 'if', 'is', 'are', 'was', 'will', 'can', 'should', 'must', 'on', 'under', 'over', 'about', 'via', 'including', 'etc', 'or']);
const ADJECTIVES = new Set(['short', 'long', 'brief', 'small', 'large', 'optional', 'simple', 'basic', 'main', 'new', 'single', 'given', 'specific', 'possible', 'original']);
/** Words that pick out an instance ("a certain duration", "their respective roles"), never part of a field's name. */
const PICKING = new Set(['certain', 'particular', 'respective', 'various', 'different', 'own', 'additional', 'specified', 'separate']);

/** Type names a programmer writes next to a field ("of type int", "(long)", ": String"), to the spec's types. */
const TYPE_NAMES: Record<string, FieldType> = Object.assign(Object.create(null) as Record<string, FieldType>, {
  int: 'integer', integer: 'integer', long: 'integer', short: 'integer', byte: 'integer', bigint: 'integer',
  double: 'decimal', float: 'decimal', decimal: 'decimal', real: 'decimal', number: 'decimal', bigdecimal: 'decimal', numeric: 'decimal',
  string: 'string', text: 'string', char: 'string', varchar: 'string',
  boolean: 'boolean', bool: 'boolean',
  date: 'date', localdate: 'date', datetime: 'datetime', 'date-time': 'datetime', localdatetime: 'datetime', timestamp: 'datetime',
});
/** Modifiers of a class diagram written before the type ("of type protected long"). */
const MODIFIERS = '(?:(?:public|private|protected|package|static|final|const|readonly)\\s+)*';
const TYPE_NAME = '(int|integer|long|short|byte|bigint|double|float|decimal|real|number|bigdecimal|numeric|string|text|char|varchar|boolean|bool|date|localdate|datetime|date-time|localdatetime|timestamp)';
/** "of type int", "of data type String", "with type double", "type: long" after the field's name ("name: String" is read as this). */
const OF_TYPE = new RegExp(`\\s*(?:,\\s*)?(?:(?:of|with)\\s+(?:the\\s+)?(?:data\\s+)?type:?|(?:data\\s+)?type:)\\s+${MODIFIERS}${TYPE_NAME}\\b`);
/** "(long)", "(private int)", "(type String)": a parenthesis that only names a type. */
const TYPE_ONLY = new RegExp(`^\\s*(?:(?:data\\s+)?type:?\\s+)?${MODIFIERS}${TYPE_NAME}\\s*$`);
/** "balance: double, owner: String": annotations after colons, anywhere in a list. */
const COLON_TYPES = new RegExp(`\\s*:\\s*(${MODIFIERS}${TYPE_NAME})(?=\\s*(?:[,;.)]|\\band\\b|$))`, 'gi');

/** "(it is also noted) whether (or not) they are a VIP", "whether the rent is paid", "whether it has a garden". */
const WHETHER = /^(?:it is (?:also )?(?:noted|stored|recorded|known|indicated|registered|kept|saved|tracked|specified) )?whether (?:or not )?(?:(?:it|they|he|she|the [a-z-]+(?: [a-z-]+)?|[a-z-]+) )?(?:is|are|was|were|has been|have been|wants? to (?:be|stay|remain)|would like to (?:be|stay|remain)|can be|should be|needs? to be|offers?|has|have|includes?|contains?)\s+(?:already\s+)?([a-z][a-z -]*?)(?:\s+or not)?$/;

/** Things counted in units: "the number of hours" is the hours, not an "hour count". */
const MEASURES = new Set(['servings', 'portions', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years', 'nights', 'points', 'units', 'liters', 'litres', 'kilometers', 'kilometres', 'miles', 'meters', 'metres', 'kilograms', 'grams', 'credits', 'calories']);
const NUMBER_WORDS = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)';
/** "one or more", "at least one and at most five", "one or two": written as one quantifier before a list is split at "and"/"or". */
const QUANTIFIER_PAIR = new RegExp(`\\b(?:${NUMBER_WORDS} or (?:more|several|${NUMBER_WORDS})|at least ${NUMBER_WORDS} (?:and|but) (?:at most|up to|no more than|not more than) ${NUMBER_WORDS})\\s+(?=[a-z])`, 'g');
/** Words that say how many records there are ("any number of branches", "several rooms", "two pieces"). */
const QUANTIFIER = new RegExp(`^(?:(?:any|an arbitrary|an unlimited|a variable|a large|a small)\\s+number of|(?:at least|at most|up to|no more than|more than|fewer than|less than|exactly)\\s+${NUMBER_WORDS}|several|many|multiple|numerous|a few|lots of|a lot of|${NUMBER_WORDS})\\s+`);

/** A sentence that is only a comma list of short items, with no clause ("Description, found on (date), room"). */
function isBareList(plain: string): boolean {
  const bare = plain.replace(/\([^()]*\)/g, ' ').replace(/[.!]\s*$/, '');
  const items = bare.split(/,|\band\b/).map((i) => i.trim()).filter(Boolean);
  if (items.length < 2 || items.some((i) => i.split(/\s+/).length > 4)) return false;
  return !tagSentence(bare).some((t) => t.pos === 'modal' || t.pos === 'pron');
}

/** Modifiers written in pairs that share a head noun ("start and end date"). */
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

/** Ends a list at the first clause boundary ("… and a status, which …"). */
function cutClause(text: string): string {
  // Words inside parentheses ("(three letters, e.g. JBR)") never end the list: match on a copy
  // with them blanked out, same length, so indices still fit.
  const masked = text.replace(/\([^()]*\)/g, (inner) => ' '.repeat(inner.length));
  const match = /\s(?:which|that|so that|so|who|where|when|while|but|because|if|until|once|then|like|such as|e\.?g\.?|including|to be|in order to)\s|;|\.(?:\s|$)|:\s|\s-\s|\s—\s/.exec(masked);
  return match ? text.slice(0, match.index) : text;
}

function enumFrom(inner: string): string[] | undefined {
  const parts = inner.split(/\s*(?:,|\bor\b|\band\b|\/)\s*/).map((p) => p.trim().replace(/^["'`]|["'`]$/g, '')).filter(Boolean);
  if (parts.length < 2 || parts.length > 20) return undefined;
  const values = parts.map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''));
  if (!values.every((v) => /^[a-z][a-z0-9_]{0,62}$/.test(v) && v.split('_').length <= 3)) return undefined;
  return [...new Set(values)];
}

function parseItem(raw: string): FieldItem | undefined {
  let text = raw.replace(/[`"'*]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  let enumValues: string[] | undefined;
  let hint: TypeGuess | undefined;
  let context = text;
  // "a tracking code": an article before an -ing word makes it a noun phrase, not a clause.
  const articled = /^(?:a|an|the|its|their|his|her|our|my|your)\s/.test(text);
  // "last name of type String", "an x value of type protected long", "balance: double": the type a
  // programmer would write; it sets the field's type and is never part of its name.
  let typeWritten = false;
  const written = (type: string): void => {
    hint = { type: TYPE_NAMES[type] };
    typeWritten = true;
  };
  text = text.replace(OF_TYPE, (_all, type: string) => {
    written(type);
    return ' ';
  });
  // "(unique)", "(optional)" written after a field are flags, not values.
  text = text.replace(/\((unique|optional|required|mandatory)\)/g, ' $1 ').replace(/\s(unique|optional|required|mandatory)\s*$/, (_all, flag: string) => ` ${flag}`);
  const trailingFlag = /\s(unique|optional|required|mandatory)\s*$/.exec(text)?.[1];
  if (trailingFlag) text = `${trailingFlag} ${text.replace(/\s(unique|optional|required|mandatory)\s*$/, '')}`;
  text = text.replace(/\(([^()]*)\)/g, (_all, inner: string) => {
    const named = TYPE_ONLY.exec(inner);
    if (named) {
      written(named[1]);
      return ' ';
    }
    // "(date, duration, price)" is a list; "(an integer, at least 0)" is a type with a note.
    const typed = inner.includes(',') && !/^\s*(?:a|an)\s/.test(inner) ? undefined : typeFromHint(inner);
    if (typed) hint = typed;
    else enumValues ??= enumFrom(inner);
    return ' ';
  });
  const flags = { optional: false, unique: false, required: false };
  // "it is also noted whether they are a VIP or not", "whether they want to stay anonymous": a yes/no field.
  const whether = WHETHER.exec(text.trim());
  if (whether) {
    text = whether[1];
    hint = { type: 'boolean' };
  }
  // "the number of decks", "how many seats there are": a count. ("a number of rooms" may instead say
  // how many rooms records there are: the caller decides once it knows the records.)
  const count = /^(?:(the|a|an|its|their|his|her)\s+)?(?:(?:total|certain|overall)\s+)?number of\s+|^how many\s+/.exec(text.trim());
  const counted = !!count;
  const countedLoosely = count?.[1] === 'a' || count?.[1] === 'an';
  if (count) text = text.trim().slice(count[0].length).replace(/\s(?:of|it|they|he|she|we|you|there)\s.*$/, '');
  // "any number of branches", "several rooms", "two game pieces": how many records, not a field.
  const quantifier = counted ? undefined : QUANTIFIER.exec(text.trim());
  if (quantifier) text = text.trim().slice(quantifier[0].length);
  text = text.replace(LEADING, '').replace(/^(?:which|what|how many|how much)\s+/, '');
  text = text.replace(FLAGS, (_all, flag: string) => {
    if (flag === 'optional') flags.optional = true;
    else if (flag === 'unique') flags.unique = true;
    else flags.required = true;
    return '';
  });
  text = text.replace(LEADING, '').replace(/^\d+\s*(?:-|–|to)\s*\d+\s*/, '').trim();
  // "is available" -> a boolean named "available"
  const flag = /^(?:is|has been)\s+([a-z][a-z ]*)$/.exec(text);
  if (flag) {
    text = flag[1];
    hint = { type: 'boolean' };
  }
  // "score out of 10": a range, not part of the name.
  const outOf = /\s+out of\s+(\d+)\b.*$/.exec(text);
  if (outOf) {
    hint ??= { type: 'integer', min: 0, max: Number(outOf[1]) };
    text = text.slice(0, outOf.index);
  }
  // "duration of 15, 30 or 60 minutes" -> duration, unit minutes
  const numbered = /^([a-z][a-z ]*?) of [\d ,.or]+(minutes|hours|days|weeks)?/.exec(text);
  if (numbered) {
    context += ` in ${numbered[2] ?? ''}`;
    text = numbered[1];
  }
  // "a description of the work", "the date of the next inspection": the field is the head before "of the".
  text = text.replace(/^([a-z][a-z -]*?)\s+of\s+(?:the|a|an|this|that|their|its|his|her)\s.*$/, '$1');
  const words: string[] = [];
  // "the date they joined" -> "date joined", "the date we received it" -> "date received",
  // "the language pairs they work in" -> "language pairs": a relative clause names the field.
  text = text.replace(/\b(?:that |which )?(?:they|we|you|he|she|it|i)\s+([a-z]+ed)\b.*$/, '$1').replace(/\b(?:that |which )?(?:they|we|you|he|she|i)\s+[a-z]+\b.*$/, '');
  const tokens = text.split(/[^a-z0-9-]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (w === 'of' && words.length && tokens[i + 1] && !CUT_WORDS.has(tokens[i + 1])) {
      words.push(w);
      continue;
    }
    if (w === 'on' && tokens[i + 1] === 'hand') {
      words.push('on', 'hand');
      break;
    }
    // "reported at", "created at (timestamp)": the time something happened.
    if (w === 'at' && words.length && (!tokens[i + 1] || /^(timestamp|date|time|datetime)$/.test(tokens[i + 1]))) {
      words.push('at');
      break;
    }
    // "a valid from date", "an available until time": a date named by its preposition ("valid from").
    if (/^(?:from|to|until|till)$/.test(w) && words.length && i + 2 === tokens.length && /^(?:date|time|datetime|day)$/.test(tokens[i + 1])) {
      words.push(w);
      hint ??= { type: tokens[i + 1] === 'time' || tokens[i + 1] === 'datetime' ? 'datetime' : 'date' };
      break;
    }
    // "rate per word", "price per night": the unit is part of the name.
    if (w === 'per' && words.length && tokens[i + 1] && !CUT_WORDS.has(tokens[i + 1]) && i + 2 >= tokens.length) {
      words.push('per', tokens[i + 1]);
      break;
    }
    if (CUT_WORDS.has(w) || /^\d/.test(w)) break;
    words.push(w);
  }
  while (words.length > 1 && (ADJECTIVES.has(words[0]) || PICKING.has(words[0]))) words.shift();
  if (!words.length || words.length > 4 || words.some((w) => NOT_FIELD.has(w)) || !/^[a-z]/.test(words[0])) return undefined;
  if (['and', 'or', 'the', 'a', 'an', 'other', 'more', 'many', 'following', 'it', 'them', 'this', 'that', 'of', 'obviously', 'etc', 'which', 'who', 'what', 'whose', 'whether', 'not', 'one'].includes(words[0])) return undefined;
  // "an x value", "the y coordinate": the axis is the name.
  if (words.length === 2 && /^[a-z]$/.test(words[0]) && /^(?:value|coordinate|co-ordinate|position)$/.test(words[1])) words.pop();
  // "viewing purchase information" and "see their order history" are clauses, not fields.
  // ("a tracking code", "borrowing institution", "opening hours" name a thing: an -ing word before one
  // singular noun, or a unit, or after an article, is a modifier.)
  const ingCompound = words.length === 2 && (articled || !isPlural(words[1]) || MEASURES.has(words[1]));
  if (/ing$/.test(words[0]) && words.length > 1 && !ingCompound && (CREATE_VERBS.has(words[0]) || /^(selecting|using|making|getting|clicking|having|doing|giving|taking|seeing)$/.test(words[0]))) return undefined;
  // ("licence no": a final "no" is the number.)
  if (words.slice(1).some((w, i) => DETERMINERS.has(w) && w !== 'one' && !(w === 'no' && i === words.length - 2))) return undefined;
  const last = words[words.length - 1];
  if (counted && !words.some((w) => MEASURES.has(w))) {
    const countWords = countName(words);
    return { words: countWords, key: countWords.join(' '), plural: false, hint: hint ?? { type: 'integer', min: 0 }, ...flags, context, counts: countedLoosely ? countWords.slice(0, -1).join(' ') : undefined };
  }
  const item: FieldItem = {
    words,
    key: [...words.slice(0, -1), singular(last)].join(' '),
    plural: isPlural(last),
    enumValues,
    hint,
    ...flags,
    context,
  };
  if (quantifier && item.plural && !typeWritten) item.quantified = true;
  if (typeWritten) item.typeWritten = true;
  return item;
}

/** "decks" -> "deck count", "needed rooms" -> "needed room count"; things counted in units stay ("hours", "hours driven"). */
export function countName(counted: string[]): string[] {
  const last = counted[counted.length - 1];
  if (!last || counted.some((w) => MEASURES.has(w))) return counted;
  return [...counted.slice(0, -1), singular(last), 'count'];
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

/** Parses "a title, an optional description and a status (todo, done)" into items. */
export function parseItems(listText: string): FieldItem[] {
  // "capacity: long" is a type annotation, not a clause boundary.
  let text = cutClause(listText.replace(COLON_TYPES, ' of type $1'));
  text = text.slice(0, nextRecordAt(text));
  // "information about the VAT rate, the currency and …": the list is what the information is about.
  text = text.replace(/^\s*(?:(?:some|the|all|any|more|basic|further|additional)\s+)?(?:information|info|details|data)\s+(?:about|on|regarding|concerning|like)\s+/, '');
  const segments: string[] = [];
  for (const segment of splitTop(text, /,/y)) {
    // "a duration of 15, 30 or 60 minutes": a bare number list continues the previous item.
    if (segments.length && /^(?:or\s+|and\s+)?\d/.test(segment)) segments[segments.length - 1] += ', ' + segment;
    else segments.push(segment);
  }
  const items: FieldItem[] = [];
  for (let s = 0; s < segments.length && items.length < 40; s++) {
    const segment = segments[s].replace(/^(?:and|or)\s+/, '').replace(QUANTIFIER_PAIR, 'several ');
    // "owners with address and phone, their pets (…)": a possessive starts the next record.
    // (A list of records goes on: "clients, their dogs, and walks".)
    if (items.length && /^(?:their|its|his|her)\s/.test(segment) && items.some((i) => !i.plural || i.sub?.length)) break;
    // "…, belonging to a resident", "…, owned by the club": a participle clause about the record ends its fields.
    if (items.length && /^(?:[a-z]+ing\s+(?:to|with)|[a-z]+ed\s+(?:by|to|in|with))\s+(?:a|an|the|one|each|every|its|their|his|her|our|some)\s/.test(segment)) break;
    const each = /^each (?:with|having|has|containing|of which has)\s+(.*)$/.exec(segment);
    if (each) {
      const previous = items[items.length - 1];
      if (previous) {
        previous.sub = parseItems(segments.slice(s).join(', ').replace(/^each (?:with|having|has|containing|of which has)\s+/, ''));
        previous.each = true;
      }
      break;
    }
    const withAt = / with (?![^(]*\))/.exec(segment);
    if (withAt) {
      const head = parseItem(segment.slice(0, withAt.index));
      if (head) {
        head.sub = parseItems(segment.slice(withAt.index + 6));
        items.push(head);
      }
      continue;
    }
    // "a name and whether they are a chief steward or stewardess": the yes/no question is one item.
    const askedAt = /(?:^|\s(?:and|or)\s)(?:it is (?:also )?[a-z]+ )?whether\s/.exec(segment);
    const listed = askedAt ? segment.slice(0, askedAt.index) : segment;
    const pieces = /\d/.test(listed) ? splitTop(listed, /\s(?:and|&|\+)\s/y) : splitTop(listed, /\s(?:and|or|&|\+)\s|\//y);
    const asked = askedAt ? segment.slice(askedAt.index).replace(/^\s(?:and|or)\s/, '') : undefined;
    if (asked) pieces.push(asked);
    // "a start and end date", "first and last names": the pair shares its head.
    for (let p = 0; p + 1 < pieces.length; p++) {
      const first = pieces[p].replace(LEADING, '').trim();
      const next = pieces[p + 1].replace(LEADING, '').trim().split(/\s+/);
      if (PAIRED.has(first) && next.length === 2 && PAIRED.has(next[0])) pieces[p] = `${first} ${next[1]}`;
    }
    const parsed = pieces.map(parseItem).filter((item): item is FieldItem => !!item);
    // "… or stewardess": the other answer is a value of the question, not a field or a record.
    const other = asked && /\sor\s(?!not\b)(?:an?\s)?([a-z][a-z -]*?)\s*$/.exec(asked);
    if (other && parsed.length) {
      const answer = parseItem(other[1]);
      if (answer) parsed.push({ ...answer, value: true });
    }
    // "first name and last name of type String": the type written last is the type of each.
    const typed = parsed[parsed.length - 1];
    if (typed?.typeWritten) for (const item of parsed) if (!item.hint) item.hint = typed.hint;
    items.push(...parsed);
  }
  return items;
}

const LIST_VERBS = /\b(has|have|having|records?|contains?|includes?|gets?|stores?|holds?|consists of|comes with|with|captures?|needs?|requires?|containing|storing)\s+(?!many\b|several\b|multiple\b|one or more\b|zero or more\b|a lot of\b|lots of\b|no\b|to\b|been\b|the following\b|two\b|three\b|access\b)/g;

/**
 * Where the main verb starts after a subject's list ("residents with a name and a phone apply for
 * permits" -> before "apply"): the words after the last item's first noun, read right after the
 * subject, start with a verb ("residents apply for permits").
 */
function verbAfterList(subject: string, rest: string): number {
  const lastItem = Math.max(rest.lastIndexOf(','), rest.search(/\s(?:and|or)\s(?!.*\s(?:and|or)\s)/));
  const tail = rest.slice(lastItem + 1);
  const words = [...tail.matchAll(/[a-z][a-z-]*/g)];
  const first = words.findIndex((w) => !DETERMINERS.has(w[0]) && !/^(?:and|or)$/.test(w[0]));
  if (first < 0) return rest.length;
  const verbAt = (k: number): boolean => {
    if (k + 1 >= words.length) return false;
    const tagged = tagSentence(`${subject} ${words.slice(k).map((w) => w[0]).join(' ')}`);
    return tagged[1]?.pos === 'verb' && !/ing$/.test(tagged[1].w) && /^(?:prep|det|noun|adv|adj)$/.test(tagged[2]?.pos ?? '');
  };
  for (let k = first + 1; k + 1 < words.length; k++) {
    if (!verbAt(k)) continue;
    // "a home address book rooms": a word that reads as a verb before the verb is the item's noun.
    while (verbAt(k + 1)) k++;
    return lastItem + 1 + words[k].index!;
  }
  return rest.length;
}

/** Every field list written in one sentence. */
// Entity evidence and the field lists themselves both read a sentence's lists: read them once.
const listsRead = new WeakMap<SentenceInfo, Map<boolean, FieldList[]>>();

export function findFieldLists(sentence: SentenceInfo, leadIsList: boolean): FieldList[] {
  let read = listsRead.get(sentence);
  if (!read) listsRead.set(sentence, (read = new Map()));
  let lists = read.get(leadIsList);
  if (!lists) read.set(leadIsList, (lists = readFieldLists(sentence, leadIsList)));
  return lists;
}

function readFieldLists(sentence: SentenceInfo, leadIsList: boolean): FieldList[] {
  const plain = sentence.plain.replace(/[`]/g, '');
  const lists: FieldList[] = [];
  const covered: Array<[number, number]> = [];
  if (sentence.leadId !== undefined && leadIsList && plain.split(' ').length <= 8 && !colonListSubject(sentence)) {
    // "- status: planned, done" under a list lead is one field with its values.
    const valued = /^([a-z][a-z -]{0,30}?)\s*:\s*([^:]+[,/][^:]+)$/.exec(plain);
    const items = parseItems(valued ? `${valued[1]} (${valued[2].replace(/[.]\s*$/, '')})` : plain);
    if (items.length) lists.push({ sentence: sentence.id, leadId: sentence.leadId, items });
    return lists;
  }
  // "## Screenings … Fields: start time, subtitle language": the fields of the record the heading names.
  const fieldsLine = /^(?:fields|attributes|columns|properties|data)\s*:\s*(.+)$/.exec(plain);
  const headed = fieldsLine && sentence.section ? trailingPhrase(sentence.section.toLowerCase().replace(/[^a-z -]+/g, ' ').trim()) : undefined;
  if (fieldsLine && headed) {
    const items = parseItems(fieldsLine[1].replace(/\.\s*$/, ''));
    if (items.length) {
      lists.push({ sentence: sentence.id, subject: headed.key, items });
      return lists;
    }
  }
  // "Vehicles: plate number (unique), make, model"
  const colon = colonListSubject(sentence);
  {
    // "Simple CRM: companies, contacts (name, email), deals (value, stage, company)": a list of
    // records, each with its own fields in brackets.
    const after = colon ? plain.slice(plain.search(/[:–—]|\s=\s|\s-\s/) + 1).replace(/^[=-]\s*/, '') : /^[^:]{3,60}:\s*(.+)$/.exec(plain)?.[1];
    const items = after ? parseItems(after.replace(/\s\/\s/g, ', ')) : [];
    const bracketed = (item: FieldItem) => /\(([^()]*,[^()]*)\)/.exec(item.context)?.[1];
    if (items.length >= 2 && items.every((i) => i.plural && i.words.length <= 3) && items.some((i) => bracketed(i))) {
      lists.push({ sentence: sentence.id, items: items.map((i) => ({ ...i, context: i.context.replace(/\s*\([^()]*\)/, '') })) });
      for (const item of items) {
        const inner = bracketed(item);
        if (inner) lists.push({ sentence: sentence.id, subject: item.key, items: parseItems(inner.replace(/:\s*([^,]+)/g, ' ($1)')) });
      }
      return lists;
    }
  }
  if (colon) {
    const items = parseItems(plain.slice(plain.search(/[:–—]|\s=\s|\s-\s/) + 1).replace(/^[=-]\s*/, '').replace(/\s\/\s/g, ', '));
    if (items.length) {
      lists.push({ sentence: sentence.id, subject: colon, items });
      return lists;
    }
  }
  // "App for my dog walking business: clients, their dogs, and walks": a colon list of records.
  const afterColon = /^[^:]{3,60}:\s*(.+)$/.exec(plain);
  if (afterColon && !colon) {
    const items = parseItems(afterColon[1]);
    if (items.length >= 2 && items.every((i) => i.plural && i.words.length <= 3)) lists.push({ sentence: sentence.id, items });
  }
  // Under "### Lost and found items": "Description, found on (date), room, handed to reception (yes/no)."
  if (sentence.section && !colon && !/:/.test(plain)) {
    const underHeading = colonListSubject({ ...sentence, text: `${sentence.section}: ${sentence.text}` });
    if (underHeading && isBareList(plain)) {
      const items = parseItems(plain.replace(/\.\s*$/, ''));
      if (items.length >= 2) {
        lists.push({ sentence: sentence.id, subject: underHeading, items });
        return lists;
      }
    }
  }
  const stored = storedForList(sentence);
  if (stored) {
    lists.push(stored);
    return lists;
  }
  for (const match of plain.matchAll(LIST_VERBS)) {
    if (covered.some(([a, b]) => match.index >= a && match.index < b)) continue;
    // "Doctors (name, specialty) have appointments": look past the parenthesis for the subject.
    const before = plain.slice(0, match.index).replace(/\([^()]*\)\s*$/, '');
    const verb = match[1];
    // "It must include the date and …", "They also have a name and …": about the record named before.
    const pronoun = verb !== 'with' && /^(?:it|they)\s+(?:(?:also|must|should|will|always|usually|each|all)\s+)*$/.test(`${before.trim()} `);
    // "… so that I get treated", "because we have little time": the story's benefit, not a list.
    if (verb !== 'with' && /\b(?:so that|so|because|in order that|then)\s+(?:i|we|you|they|he|she)\s+(?:\w+\s+)?$/.test(before)) continue;
    // "users can store images" is an action; "a loan records the member" lists fields.
    if (!pronoun && !/^(has|have|having|with)$/.test(verb) && /\b(?:can|could|will|should|must|may|to|and|or|not)\s*$/.test(before)) continue;
    // "open a service record for it": the word is the noun of a compound here, not a verb.
    if (/^(records?|stores?|holds?|gets?|needs?)$/.test(verb)) {
      const tagged = tagSentence(`${before} ${plain.slice(match.index)}`.replace(/\s+/g, ' '));
      const at = tagSentence(before).length;
      if (tagged[at]?.w === verb && tagged[at].pos === 'noun') continue;
    }
    let subject = trailingPhrase(before)?.key;
    // Past a verb ("the sessions are scheduled with …") the subject is the clause's noun phrase.
    const nlpSubject = trailingSubject(before, (p) => !NON_ENTITY.has(p.headWord) || p.headWord === 'field');
    if (nlpSubject && (!subject || /"/.test(before) || !endsWithNoun(before.replace(/\s*\([^()]*\)\s*$/, '')))) subject = nlpSubject.key;
    // "A review of a book has …": the subject is the review.
    if (/^\s*(?:(?:a|an|the|each|every)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s+of\s+(?:(?:a|an|the)\s+)?[a-z-]+(?:\s+[a-z-]+)?\s*$/.test(before)) subject = leadingPhrase(before)?.key ?? subject;
    if (verb !== 'with' && /\band\s*$/.test(before)) subject = leadingPhrase(before)?.key;
    // "Speakers create an account with their name, email and bio": the account holder's fields.
    if (subject && /^(account|profile|login|registration)$/.test(subject.split(' ').pop() ?? '')) {
      const holder = analyze(before).clauses[0]?.subject;
      if (holder) subject = holder.key;
    }
    // "many employees, each of whom has a name and …": the people named before.
    const eachOf = /([a-z][a-z -]*?),?\s+each of (?:whom|which|them)\s*$/.exec(before);
    if (eachOf) subject = trailingPhrase(eachOf[1])?.key ?? subject;
    // "log service records for a vehicle with a date": the fields go to the records, not the vehicle.
    const attached = /([a-z][a-z -]*?)\s(?:(for|on|to)\s(?:a|an|the|each|every|its|their|it)|per)\b[a-z -]*?(,?)\s*$/.exec(before);
    if (verb === 'with' && attached) {
      const main = trailingSubject(attached[1], () => true);
      // The object a verb makes gets the fields ("write a daily note for a child with a mood").
      const madeByVerb = analyze(attached[1]).clauses.some((c) => c.objects.some((o) => o.key === main?.key));
      // "a report card for each booking, with …", "a log entry per visit, with …": the comma closes
      // the distributive phrase, so the list describes what is made for each one.
      const distributed = !!attached[3] && /\s(?:for (?:each|every)|per)\s[a-z -]*,\s*$/.test(before);
      if (main && (main.plural || madeByVerb || distributed) && main.head === analyze(attached[1]).terms.length - 1 && (!NON_ENTITY.has(main.headWord) || genericHeadAllowed(main.key)) && !isPersonKey(main.key)) subject = main.key;
    }
    // "The customer data includes a name, …": the record itself.
    if (subject) subject = subject.replace(/^([a-z].*?) (?:data|information|info)$/, '$1');
    if (pronoun) subject = undefined;
    else if (!subject) continue;
    const start = match.index + match[0].length;
    let rest = cutClause(plain.slice(start));
    // "Residents with a name and a phone apply for permits": before a subject's "with" list there is
    // no verb, so the sentence's verb comes after the list and ends it.
    const subjectWord = /([a-z]+)\s*$/.exec(before)?.[1];
    if (verb === 'with' && subjectWord && !tagSentence(before).some((t) => t.pos === 'verb' || t.pos === 'modal')) rest = rest.slice(0, verbAfterList(subjectWord, rest));
    const items = parseItems(rest);
    if (!items.length) continue;
    // "with" needs a list or a clear field to count ("book appointments with doctors" is a relation).
    if (verb === 'with' && items.length < 2 && !items[0].sub) continue;
    if (pronoun && items.length < 2) continue;
    lists.push(pronoun ? { sentence: sentence.id, pronoun, items } : { sentence: sentence.id, subject, items });
    // The list ends where a possessive starts the next record ("…, their pets (…)").
    // (Or where plural things with a list of their own follow a closed list: "…, and households (…)".)
    const listEnd = Math.min(/,\s*(?:and\s+)?(?:their|its|his|her)\s/.exec(rest)?.index ?? rest.length, nextRecordAt(rest));
    covered.push([match.index, start + listEnd]);
  }
  for (const match of plain.matchAll(/\(([^()]{3,400})\)/g)) {
    const at = match.index;
    if (covered.some(([a, b]) => at >= a && at < b)) continue;
    // "Plot inspections by the committee (date, plot, score)": the list describes the records, not who does them.
    const byAgent = /([a-z][a-z -]*?)\s+(by|from|for)\s+(the|our|a|an|each|every)\s+[a-z-]+\s*$/.exec(plain.slice(0, at));
    const agentMain = byAgent ? trailingPhrase(byAgent[1]) : undefined;
    // "record daily attendance for each child (date, arrived at)": the list describes what is recorded.
    // ("shifts for an activity (name, description)" describes the activity: only "for each" distributes.)
    const recorded = byAgent?.[2] === 'for' && /^(each|every)$/.test(byAgent[3]) && agentMain && analyze(byAgent[1]).clauses.some((c) => c.objects.some((o) => o.key === agentMain.key));
    const phrase = (byAgent?.[2] !== 'for' && agentMain?.plural) || recorded ? agentMain : trailingPhrase(plain.slice(0, at));
    if (!endsWithNoun(sentence.text.slice(0, Math.max(0, sentence.text.indexOf('(', Math.max(0, at - 5)))) || plain.slice(0, at))) continue;
    if (!phrase || ENUM_HEADS.has(phrase.key.split(' ').pop() ?? '')) continue;
    if (!match[1].includes(',') && typeFromHint(match[1])) continue;
    // "(two or three people)", "(about 20)": a count, not a list of fields.
    if (/^\s*(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|a few|several|many|some|about|around|approx\w*|up to|max|at most|at least)\b/.test(match[1])) continue;
    // "(e.g., IEE, Elsevier)", "(such as aerobics, yoga)": examples of values, not fields (the list
    // still says the things before it are records with names).
    const examples = /^\s*(?:e\.?\s?g\b|for example|for instance|such as|like)\b/.test(match[1]);
    const items = parseItems(examples ? match[1].replace(/^\s*(?:e\.?\s?g\.?|for example|for instance|such as|like)\s*,?\s*/, '') : match[1]).map((i) => (examples ? { ...i, value: true } : i));
    if (items.length >= 2 || (items.length === 1 && /,/.test(match[1]))) lists.push({ sentence: sentence.id, subject: phrase.key, items });
  }
  return lists;
}

const STORE = '(?:keep|keeps|kept|store|stores|stored|record|records|recorded|track|tracks|tracked|save|saves|saved|need|needs|needed|want|capture|captured|collect|collected|note|noted|log|logged|register|registered|know|is|are)';

/**
 * "For each customer we keep their name, phone number and email", "For a vehicle we need the plate
 * number, make and model", "The name, type and year are stored for aircraft", "We record the name
 * and address of each owner".
 */
export function storedForList(sentence: SentenceInfo): FieldList | undefined {
  const plain = sentence.plain.replace(/[`]/g, '');
  // "For each trainer, the diploma is also recorded", "For each locker the size is recorded" (read
  // before the lead pattern below, which would take "locker the size" for the record).
  const forEachPassive = /^for (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?),? (?:the |their |its )?(.+?) (?:is|are) (?:also )?(?:recorded|stored|kept|saved|tracked|noted|known)\.?$/.exec(plain);
  if (forEachPassive) {
    const subject = trailingPhrase(forEachPassive[1])?.key;
    const items = parseItems(forEachPassive[2]);
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  const leadPattern = new RegExp(`^(?:for|of|about) (?:each|every|a|an|the|all|any)? ?([a-z][a-z -]{1,40}?),? (?:we|you|i|they|the (?:app|system))? ?(?:also )?(?:want to |need to |have to |must |should |will |can )?${STORE}(?: (?:to (?:know|store|record|keep)|down|track of))? (.+)$`);
  // "An owner can have several dogs, and for a dog we note the name, …": the same, after a clause.
  const laterClause = /[,;]\s*(?:and |but |while )?(?=for (?:each|every|a|an|the) [a-z])/.exec(plain);
  const lead = leadPattern.exec(plain) ?? (laterClause ? leadPattern.exec(plain.slice(laterClause.index + laterClause[0].length)) : null);
  if (lead) {
    const subject = trailingPhrase(lead[1])?.key;
    const items = parseItems(lead[2]);
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  // "Each article is uniquely identified by a DOI", "A cruise is identified by a number and a name",
  // "Every center is characterized by a unique name".
  const identified = /^(?:each |every |a |an |the )?([a-z][a-z -]{1,40}?) (?:is|are) (uniquely )?(?:also )?(?:identified|characteri[sz]ed|described|defined|known) by (.+?)(?:,? and (?:has|have) (.*))?$/.exec(plain);
  if (identified) {
    const subject = trailingPhrase(identified[1])?.key;
    const items = [...parseItems(identified[3]).map((item) => (identified[2] ? { ...item, unique: true } : item)), ...(identified[4] ? parseItems(identified[4]) : [])];
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  // "The following is recorded for each person: a, b".
  const followingFor = /\b(?:is|are) (?:also )?(?:recorded|stored|kept|saved|tracked|noted|known) for (?:each|every|a|an|the|all) ([a-z][a-z -]{1,30}?):\s*(.+)$/.exec(plain);
  if (followingFor) {
    const subject = trailingPhrase(followingFor[1])?.key;
    const items = parseItems(followingFor[2]);
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  // "The name of each ship, the number of decks and the length of the ship are known."
  const ofEachKnown = new RegExp(`^(?:the )?([a-z][a-z ]{1,30}?) of (?:each|every|a|an|the) ([a-z][a-z -]{1,30}?)((?:,| and) .+?) (?:is|are|must be|should be|will be) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\\b`).exec(plain);
  // ("Each aircraft can be part of an airline, whose name is stored": a clause, not a list of fields.)
  if (ofEachKnown && !/\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have)\b/.test(ofEachKnown[1])) {
    const subject = trailingPhrase(ofEachKnown[2])?.key;
    const rest = ofEachKnown[3].replace(/\s+of (?:the|this|that|each|every|a|an) [a-z -]+?(?=,| and |$)/g, '');
    const items = parseItems(`${ofEachKnown[1]}${rest}`);
    if (subject && items.length >= 2) return { sentence: sentence.id, subject, items };
  }
  // "The position of each author is stored", "In the case of a group, the size and the leader of the
  // group are recorded": the values of one record said to be kept (after an optional lead-in clause).
  // ("The contents of a box are recorded as box lines" names records, not a field.)
  const ofOneKnown = /^(?:[^,]*,\s*)?(?:the |its |their )?([a-z][a-z ]{1,30}?)(?:,? and (?:the |its |their )?([a-z][a-z ]{1,30}?))? of (?:each|every|a|an|the) ([a-z][a-z -]{1,30}?) (?:is|are|must be|should be|will be|has to be|have to be) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\b(?! as\b)/.exec(plain);
  if (ofOneKnown && ![ofOneKnown[1], ofOneKnown[2] ?? ''].some((w) => /\b(?:can|could|may|might|must|will|would|should|is|are|was|were|be|has|have|of|number|amount)\b/.test(w))) {
    const subject = trailingPhrase(ofOneKnown[3])?.key;
    const items = parseItems([ofOneKnown[1], ofOneKnown[2]].filter(Boolean).join(', '));
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  const passive = new RegExp(`^(?:the |their |its )?(.+?) (?:is|are|must be|should be|will be|have to be|has to be|need to be|needs to be|gets|get) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known) (?:for|about|of|on) (?:each |every |a |an |the |all |any )?([a-z][a-z -]{1,40}?)(?:[,.;]|$| and | as | when | so | in )`).exec(plain);
  if (passive) {
    const subject = trailingPhrase(passive[2])?.key;
    const items = parseItems(passive[1]);
    if (subject && items.length) return { sentence: sentence.id, subject, items };
  }
  // "Several passengers take part in a flight, and their names and passport numbers are stored",
  // "an airline, whose name is stored": the owner is the noun phrase before "their"/"whose".
  const owned = new RegExp(`^(.*?)(?:,?\\s*(?:and|while)?\\s*(?:their|its|whose)) (.+?) (?:is|are|must be|should be|will be|has to be|have to be|need to be|needs to be|gets|get) (?:also )?(?:stored|recorded|kept|saved|tracked|captured|noted|logged|registered|known)\\b`).exec(plain);
  if (owned) {
    const before = owned[1].replace(/,\s*$/, '');
    const whose = /\bwhose\s*$/.test(plain.slice(0, plain.indexOf(owned[2])).trim());
    const phrase = whose ? trailingPhrase(before) : (leadingSubjectOf(before) ?? trailingPhrase(before));
    // "their names" of several owners: each owner has one name.
    const owners = whose ? trailingPhrase(before) : undefined;
    const items = parseItems(owned[2]).map((item) => (item.plural && (!whose || owners?.plural) ? singularItem(item) : item));
    if (phrase && items.length) return { sentence: sentence.id, subject: phrase.key, items };
  }
  // "As a volunteer I want to sign up with my name, email and phone", "… add my phone number and
  // address to my profile": in a user story "my" details are the role's own fields.
  const story = /^as an? ([a-z][a-z -]{1,30}?),? i (?:want|would like|need|wish) to (?:sign up|register|create an account|add|enter|give|provide|update|edit|set|keep|store|save|fill in)\b[a-z ]*?\bmy ((?:[a-z -]+)(?:,\s*[a-z -]+)*(?:,? and [a-z -]+)?)(?:\s(?:to|in|on) my (?:profile|account|details|page))?(?:\s+so\b|\s+because\b|[.;]|$)/.exec(plain);
  if (story) {
    const role = story[1].trim().split(/\s+/).map(singular).join(' ');
    const items = parseItems(story[2]).filter((i) => !i.plural || i.words.length > 1);
    if (items.length && !/^(children|kids|pets|dogs|cats|bookings|orders)$/.test(story[2].trim())) return { sentence: sentence.id, subject: role, items };
  }
  // "members sign up with name, email and licence number": the people's own fields.
  const signUp = /^(?:the |our |all )?([a-z][a-z ]{1,30}?)s? (?:can |must |will )?(?:sign up|register|create (?:an |their )?accounts?|join) (?:with|using|by giving) (?:their |a |an )?(.+)$/.exec(plain);
  if (signUp) {
    const items = parseItems(signUp[2]);
    const who = singular(signUp[1].trim().split(/\s+/).pop() ?? '');
    if (items.length >= 2 && !USER_WORDS.has(who)) return { sentence: sentence.id, subject: who, items };
  }
  const ofEach = new RegExp(`\\b(?:we|you|i|they|the (?:app|system)) (?:also )?(?:want to |need to |have to |must |should |will |can )?${STORE}(?: track of| a record of)? (?:the |their |its )?(.+?) (?:of|for) (?:each|every|a|an|the|all) ([a-z][a-z -]{1,40}?)(?:[,.;]|$| and | as | when | so )`).exec(plain);
  if (ofEach) {
    const subject = trailingPhrase(ofEach[2])?.key;
    const items = parseItems(ofEach[1]);
    if (subject && items.length >= 2) return { sentence: sentence.id, subject, items };
  }
  return undefined;
}

function singularItem(item: FieldItem): FieldItem {
  const words = [...item.words.slice(0, -1), singular(item.words[item.words.length - 1])];
  return { ...item, words, key: words.join(' '), plural: false };
}

/** The subject noun phrase of a clause ("Several passengers take part in a flight" -> passenger). */
function leadingSubjectOf(fragment: string) {
  const { clauses } = analyze(fragment);
  const subject = clauses[0]?.subject;
  return subject ? { key: subject.key } : undefined;
}

/** The record a list-introducing sentence is about ("A book has the following fields:" -> book). */
export function leadSubjectKey(lead: SentenceInfo): string | undefined {
  if (headingNamesRecord(lead)) return trailingPhrase(lead.plain.replace(/[^a-z -]+/g, ' ').trim())?.key;
  const match = /^(.*?)\b(?:has|have|with|contains?|containing|includes?|including|records?|stores?|tracks?|needs?|consists of)\b/.exec(lead.plain);
  return match ? (trailingPhrase(match[1]) ?? leadingPhrase(match[1]))?.key : undefined;
}

/** Headings that name parts of the document, not records. */
const DOCUMENT_HEADS = new RegExp(String.raw`^(?:${DOCUMENT_PART_WORDS}|users?|examples?|overview|introduction|background|context|scope|summary|questions?|ideas?|stor(?:y|ies)|permissions?|workflows?|process(?:es)?|reports?|notifications?|deadlines?|numbers?|people|who|what|why|how|data|model|entities|records|tables|fields|glossary|appendix|day|week|flows?|steps?)$`);

/**
 * "## Visitors" over "- name", "- email", "1. Customer" over "   - name", "Customer:" over
 * "  name: string": a heading, a bullet or a line ending in a colon that names a record alone
 * (a noun phrase, no verb).
 */
export function headingNamesRecord(sentence: SentenceInfo): boolean {
  // (A line ending in a colon names a record alone: "Customer:", not "Each dog has:".)
  if (/\b(?:each|every|a|an|the|has|have|with|contains?|includes?|stores?|records?|needs?|following)\b/.test(sentence.plain)) return false;
  if (!sentence.heading && !sentence.bullet && !/^[a-z][a-z -]{1,40}:\s*$/.test(sentence.plain)) return false;
  const words = sentence.plain.replace(/[^a-z -]+/g, ' ').trim().split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 4) return false;
  const analysis = analyze(`the ${words.join(' ')}`);
  if (analysis.terms.some((t) => t.pos === 'verb' || t.pos === 'modal')) return false;
  const last = analysis.phrases[analysis.phrases.length - 1];
  return !!last && last.head === analysis.terms.length - 1 && !DOCUMENT_HEADS.test(last.headWord) && !DOCUMENT_HEADS.test(words[words.length - 1]);
}

/** A bullet that names one field ("- phone (optional)", "- status: open, closed"), not a sentence. */
export function bulletIsField(sentence: SentenceInfo): boolean {
  const bare = sentence.plain.replace(/\([^()]*\)/g, ' ').replace(/:.*$/, '').replace(/[.!]\s*$/, '').trim();
  const words = bare.split(/\s+/).filter(Boolean);
  return words.length > 0 && words.length <= 5 && namesAField(bare);
}

/** Whether a sentence introduces a bullet list of fields ("… containing the following:"). */
export function introducesList(sentence: SentenceInfo): boolean {
  if (headingNamesRecord(sentence)) return true;
  // "Records:", "Entities:", "Data model:" label a list of records, not the fields of one.
  if (/^(?:the )?(?:records?|entities|entity list|tables?|models?|objects?|data(?: model)?|domain(?: model)?)\s*:\s*$/.test(sentence.plain)) return false;
  return /:\s*$/.test(sentence.plain) && /\b(following|fields?|contains?|containing|has|have|with|includes?|columns?|attributes?|properties|details|stores?|records?|tracks?)\b/.test(sentence.plain);
}
