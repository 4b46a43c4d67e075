// One item of a field list ("an optional due date (date)", "the number of decks", "status (open,
// closed)") read into a field name, its flags and what the words say about its type.
import { CREATE_VERBS, DETERMINERS, NOT_FIELD, singular, isPlural } from './lexicon';
import { typeFromHint, type TypeGuess } from './types';
import { tagSentence } from './nlp';
import type { FieldType } from '../../model/project/projectSpec';
import { guarded } from './guardedRegExp';

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
  /** The sub-list is in brackets that say they are the item's values ("the repair shop (name and address are known)"): a record. */
  ownValues?: boolean;
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
  /** "a description of the items": the record the value is said to be of (singular key, as written). */
  of?: string;
  /** That record was written in the plural ("of the items": each item has one). */
  ofMany?: boolean;
}

export const LEADING = /^(?:(?:a|an|the|its|their|his|her|my|our|your|whose|one|some|any|each|own|also|both|either|exactly|multiple|several|many|few|various|\d+\s*-\s*\d+)\s+)+/;
const FLAGS = /\b(optional|required|mandatory|unique)\s+/g;
const CUT_WORDS = new Set(['there', 'for', 'from', 'at', 'to', 'in', 'with', 'by', 'like', 'such', 'captured', 'used', 'per', 'that', 'which', 'into', 'as', 'e.g', 'eg', 'when', 'where', 'who', 'so', 'if', 'is', 'are', 'was', 'will', 'can', 'should', 'must', 'on', 'under', 'over', 'about', 'via', 'including', 'etc', 'or']);
const ADJECTIVES = new Set(['short', 'long', 'brief', 'small', 'large', 'optional', 'simple', 'basic', 'main', 'new', 'single', 'given', 'specific', 'possible', 'original']);
/**
 * Words that pick out an instance ("a certain duration", "their respective roles"), never part of a
 * field's name; "two pizzas may have the same name" compares the records' name, it names no other field.
 */
const PICKING = new Set(['certain', 'particular', 'respective', 'various', 'different', 'own', 'additional', 'specified', 'separate', 'same']);

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
export const COLON_TYPES = new RegExp(`\\s*:\\s*(${MODIFIERS}${TYPE_NAME})(?=\\s*(?:[,;.)]|\\band\\b|$))`, 'gi');

/** "(it is also noted) whether (or not) they are a VIP", "whether the rent is paid", "whether it has a garden". */
const WHETHER = guarded(/^(?:it is (?:also )?(?:noted|stored|recorded|known|indicated|registered|kept|saved|tracked|specified) )?whether (?:or not )?(?:(?:it|they|he|she|the [a-z-]+(?: [a-z-]+)?|[a-z-]+) )?(?:is|are|was|were|has been|have been|wants? to (?:be|stay|remain)|would like to (?:be|stay|remain)|can be|should be|needs? to be|offers?|has|have|includes?|contains?)\s+(?:already\s+)?([a-z][a-z -]*?)(?:\s+or not)?$/);

/** "whether an upgrade is desired", "whether a receipt is wanted": the thing asked for names the yes/no value. */
const WISHED = /^(?:it is (?:also )?[a-z]+ )?whether (?:or not )?(?:a|an|the) ([a-z][a-z-]*(?: [a-z][a-z-]*)?) (?:is|are) (?:desired|wanted|requested|wished|wished for)(?: or not)?$/;

/** Things counted in units: "the number of hours" is the hours, not an "hour count". */
export const MEASURES = new Set(['servings', 'portions', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years', 'nights', 'points', 'units', 'liters', 'litres', 'kilometers', 'kilometres', 'miles', 'meters', 'metres', 'kilograms', 'grams', 'credits', 'calories']);
export const NUMBER_WORDS = '(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)';
/** Words that say how many records there are ("any number of branches", "several rooms", "two pieces"). */
const QUANTIFIER = new RegExp(`^(?:(?:any|an arbitrary|an unlimited|a variable|a large|a small)\\s+number of|(?:at least|at most|up to|no more than|more than|fewer than|less than|exactly)\\s+${NUMBER_WORDS}|several|many|multiple|numerous|a few|lots of|a lot of|${NUMBER_WORDS})\\s+`);

/** "deposit paid (yes/no)", "(y/n)", "(true or false)": a yes-or-no value, no choice of two words. */
const YES_NO = /^\s*(?:yes\s*(?:\/|or)\s*no|no\s*(?:\/|or)\s*yes|y\s*\/\s*n|true\s*(?:\/|or)\s*false)\s*$/i;

function enumFrom(inner: string): string[] | undefined {
  const parts = inner.split(/\s*(?:,|\bor\b|\band\b|\/)\s*/).map((p) => p.trim().replace(/^["'`]|["'`]$/g, '')).filter(Boolean);
  if (parts.length < 2 || parts.length > 20) return undefined;
  const values = parts.map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, ''));
  if (!values.every((v) => /^[a-z][a-z0-9_]{0,62}$/.test(v) && v.split('_').length <= 3)) return undefined;
  return [...new Set(values)];
}

/** What reading an item has found so far besides its name. */
interface ItemReading {
  /** The words still to read. */
  text: string;
  /** Words around the item that help typing ("in minutes", "1-5"). */
  context: string;
  hint?: TypeGuess;
  enumValues?: string[];
  typeWritten: boolean;
  /** The record after "of the" that trimToName cut off ("a description of the items" -> item). */
  of?: string;
  ofMany?: boolean;
}

export function parseItem(raw: string): FieldItem | undefined {
  // ("the donor's name" is the donorName, not "donor s name".)
  const text = raw.replace(/([A-Za-z])['’]s\b/g, '$1').replace(/[`"'*]/g, ' ').replace(/\s+/g, ' ').trim().toLowerCase();
  const reading: ItemReading = { text, context: text, typeWritten: false };
  // "a tracking code": an article before an -ing word makes it a noun phrase, not a clause.
  const articled = /^(?:a|an|the|its|their|his|her|our|my|your)\s/.test(text);
  readAnnotations(reading);
  // "it is also noted whether they are a VIP or not", "whether they want to stay anonymous": a yes/no field.
  const whether = WHETHER.exec(reading.text.trim());
  const wished = whether ? undefined : WISHED.exec(reading.text.trim());
  let placeFlag = false;
  if (wished) {
    // ("whether an upgrade is desired": yes or no to the thing wished for.)
    reading.text = wished[1];
    reading.hint = { type: 'boolean' };
  } else if (whether) {
    // ("whether a driver is on sick leave", "… is in the repair shop": the place is the flag's name, one word for the name reader.)
    const where = /^(on|in|at|under) (?:(?:a|an|the) )?([a-z][a-z -]*)$/.exec(whether[1]);
    reading.text = where ? `${where[1]}-${where[2].trim().replace(/\s+/g, '-')}` : whether[1];
    placeFlag = !!where;
    reading.hint = { type: 'boolean' };
  }
  const { counted, countedLoosely, quantified } = readHowMany(reading);
  const flags = readFlags(reading);
  trimToName(reading);
  const read = nameWords(reading);
  const words = placeFlag ? read.flatMap((w) => w.split('-')) : read;
  if (!isFieldName(words, articled)) return undefined;
  // "an x value", "the y coordinate": the axis is the name.
  if (words.length === 2 && /^[a-z]$/.test(words[0]) && /^(?:value|coordinate|co-ordinate|position)$/.test(words[1])) words.pop();
  const { hint, context } = reading;
  const last = words[words.length - 1];
  if (counted && !words.some((w) => MEASURES.has(w))) {
    const countWords = countName(words);
    return { words: countWords, key: countWords.join(' '), plural: false, hint: hint ?? { type: 'integer', min: 0 }, ...flags, context, counts: countedLoosely ? countWords.slice(0, -1).join(' ') : undefined };
  }
  const item: FieldItem = {
    words,
    key: [...words.slice(0, -1), singular(last)].join(' '),
    plural: isPlural(last),
    enumValues: reading.enumValues,
    hint,
    ...flags,
    context,
  };
  if (quantified && item.plural && !reading.typeWritten) item.quantified = true;
  if (reading.typeWritten) item.typeWritten = true;
  if (reading.of) Object.assign(item, { of: reading.of }, reading.ofMany ? { ofMany: true } : {});
  return item;
}

/**
 * Type names, flags and parentheses written with the item: "last name of type String", "an x value
 * of type protected long", "balance: double" (the type a programmer would write; it sets the
 * field's type and is never part of its name), "(unique)", "(integer, at least 0)", "(open, closed)".
 */
function readAnnotations(reading: ItemReading): void {
  const written = (type: string): void => {
    reading.hint = { type: TYPE_NAMES[type] };
    reading.typeWritten = true;
  };
  let text = reading.text.replace(OF_TYPE, (_all, type: string) => {
    written(type);
    return ' ';
  });
  // "(unique)", "(optional)" written after a field are flags, not values.
  text = text.replace(/\((unique|optional|required|mandatory)\)/g, ' $1 ').replace(/\s(unique|optional|required|mandatory)\s*$/, (_all, flag: string) => ` ${flag}`);
  const trailingFlag = /\s(unique|optional|required|mandatory)\s*$/.exec(text)?.[1];
  if (trailingFlag) text = `${trailingFlag} ${text.replace(/\s(unique|optional|required|mandatory)\s*$/, '')}`;
  reading.text = text.replace(/\(([^()]*)\)/g, (_all, inner: string) => {
    const named = TYPE_ONLY.exec(inner);
    if (named) {
      written(named[1]);
      return ' ';
    }
    // "(date, duration, price)" is a list; "(an integer, at least 0)" is a type with a note.
    const typed = YES_NO.test(inner) ? { type: 'boolean' as const } : inner.includes(',') && !/^\s*(?:a|an)\s/.test(inner) ? undefined : typeFromHint(inner);
    if (typed) reading.hint = typed;
    else reading.enumValues ??= enumFrom(inner);
    return ' ';
  });
}

/**
 * "the number of decks", "how many seats there are": a count. ("a number of rooms" may instead say
 * how many rooms records there are: the caller decides once it knows the records.) "any number of
 * branches", "several rooms", "two game pieces": how many records, not a field.
 */
function readHowMany(reading: ItemReading): { counted: boolean; countedLoosely: boolean; quantified: boolean } {
  const count = /^(?:(the|a|an|its|their|his|her)\s+)?(?:(?:total|certain|overall)\s+)?number of\s+|^how many\s+/.exec(reading.text.trim());
  if (count) reading.text = reading.text.trim().slice(count[0].length).replace(/\s(?:of|it|they|he|she|we|you|there)\s.*$/, '');
  const quantifier = count ? undefined : QUANTIFIER.exec(reading.text.trim());
  if (quantifier) reading.text = reading.text.trim().slice(quantifier[0].length);
  return { counted: !!count, countedLoosely: count?.[1] === 'a' || count?.[1] === 'an', quantified: !!quantifier };
}

/** Leading articles and "optional", "unique", "required" before the name. */
function readFlags(reading: ItemReading): { optional: boolean; unique: boolean; required: boolean } {
  const flags = { optional: false, unique: false, required: false };
  const text = reading.text.replace(LEADING, '').replace(/^(?:which|what|how many|how much)\s+/, '').replace(FLAGS, (_all, flag: string) => {
    if (flag === 'optional') flags.optional = true;
    else if (flag === 'unique') flags.unique = true;
    else flags.required = true;
    return '';
  });
  reading.text = text.replace(LEADING, '').replace(/^\d+\s*(?:-|–|to)\s*\d+\s*/, '').trim();
  return flags;
}

/** Cuts what follows the name: "is available", "out of 10", "of 15, 30 or 60 minutes", "of the work", "they joined". */
function trimToName(reading: ItemReading): void {
  let text = reading.text;
  // "is available" -> a boolean named "available"
  const flag = /^(?:is|has been)\s+([a-z][a-z ]*)$/.exec(text);
  if (flag) {
    text = flag[1];
    reading.hint = { type: 'boolean' };
  }
  // "a weight measured in kilograms", "a length expressed in metres": the unit goes to the context, not the name.
  const measured = /\s+(?:measured|expressed|given|specified|recorded|stored|kept) in\s+([a-z]+)\b.*$/.exec(text);
  if (measured) {
    reading.context += ` in ${measured[1]}`;
    text = text.slice(0, measured.index);
  }
  // "score out of 10": a range, not part of the name.
  const outOf = /\s+out of\s+(\d+)\b.*$/.exec(text);
  if (outOf) {
    reading.hint ??= { type: 'integer', min: 0, max: Number(outOf[1]) };
    text = text.slice(0, outOf.index);
  }
  // "a score between 0 and 100", "a rating from 1 to 5": bounds (read as a range from the context), not part of the name.
  const bounded = /\s+(?:between|from)\s+-?\d.*$/.exec(text);
  if (bounded) text = text.slice(0, bounded.index);
  // "duration of 15, 30 or 60 minutes" -> duration, unit minutes
  const numbered = /^([a-z][a-z ]*?) of [\d ,.or]+(minutes|hours|days|weeks)?/.exec(text);
  if (numbered) {
    reading.context += ` in ${numbered[2] ?? ''}`;
    text = numbered[1];
  }
  // "the date of the next inspection": a date or time of an event is named after the event (nextInspectionDate).
  text = text.replace(/^(date|time|datetime|date-time|timestamp)\s+of\s+(?:the|a|an)\s+((?:next|last|first|previous|latest|upcoming|final)\s+[a-z]+)$/, '$2 $1');
  // "the latest time of delivery", "the earliest date of pickup": a bound on an event's time is named after the event (latestDeliveryTime).
  text = text.replace(/^(latest|earliest|desired|preferred|planned|expected|requested|scheduled|estimated|agreed)\s+(date|time|datetime|date-time|day|hour)\s+of\s+(?:the\s+)?([a-z-]+)$/, '$1 $3 $2');
  // "a day of the week", "the time of the day": a calendar position, named whole (dayOfWeek).
  text = text.replace(/^(day|time|hour|week|month)\s+of\s+the\s+(week|month|year|day)$/, '$1 of $2');
  // "a description of the work": the field is the head before "of the" (the work kept as what it is of).
  // (Only a record named with "the": "the quantity of a product" in an order line is the line's own.)
  const ofThe = /^([a-z][a-z -]*?)\s+of\s+(?:(the|this|that|their|its|his|her)|a|an)\s+([a-z][a-z-]*(?:\s+[a-z][a-z-]*)?)\b(.*)$/.exec(text);
  if (ofThe) {
    const owner = ofThe[3].split(' ').filter((w, i) => i === 0 || (!CUT_WORDS.has(w) && !/^(?:to|be)$/.test(w)));
    if (ofThe[2]) {
      reading.of = [...owner.slice(0, -1), singular(owner[owner.length - 1])].join(' ');
      reading.ofMany = isPlural(owner[owner.length - 1]);
    }
    text = ofThe[1];
  }
  // "the date they joined" -> "date joined", "the date we received it" -> "date received",
  // "the language pairs they work in" -> "language pairs": a relative clause names the field.
  reading.text = text.replace(/\b(?:that |which )?(?:they|we|you|he|she|it|i)\s+([a-z]+ed)\b.*$/, '$1').replace(/\b(?:that |which )?(?:they|we|you|he|she|i)\s+[a-z]+\b.*$/, '');
}

/** The words of the name, up to the first word that cannot be part of it. */
function nameWords(reading: ItemReading): string[] {
  const words: string[] = [];
  const tokens = reading.text.split(/[^a-z0-9-]+/).filter(Boolean);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i];
    if (w === 'of' && words.length && tokens[i + 1] && !CUT_WORDS.has(tokens[i + 1])) {
      words.push(w);
      continue;
    }
    // "joined on", "paid on": the day something happened, named by its participle and "on" (joinedOn).
    if (w === 'on' && i + 1 === tokens.length && words.length && /[a-z]ed$/.test(words[words.length - 1])) {
      words.push('on');
      break;
    }
    if (w === 'on' && tokens[i + 1] === 'hand') {
      words.push('on', 'hand');
      break;
    }
    // "a quantity in stock", "the copies in store": how many are held, named with the place (quantityInStock).
    if (w === 'in' && words.length && i + 2 === tokens.length && /^(?:stock|store|inventory|storage)$/.test(tokens[i + 1])) {
      words.push('in', tokens[i + 1]);
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
      reading.hint ??= { type: tokens[i + 1] === 'time' || tokens[i + 1] === 'datetime' ? 'datetime' : 'date' };
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
  // "a valid licence number" is the licence number (a "valid from" date keeps its name).
  if (words[0] === 'valid' && words.length > 1 && !/^(?:from|until|till|to|through)$/.test(words[1])) words.shift();
  return words;
}

/**
 * Words a value's name never holds: pronouns ("his/her reliability rating" split at the slash, "place
 * it") and the adverbs that join clauses ("and thus should be considered unique", "the latter").
 */
const NEVER_IN_NAME = new Set(
  `i me my you your he him his she her hers it its we us our they them their theirs himself herself itself themselves
   then thus hence therefore latter former moreover furthermore however possibly probably perhaps`.split(/\s+/),
);

/** Whether the words name a field, not a clause ("viewing purchase information") or a list's glue ("and the"). */
function isFieldName(words: string[], articled: boolean): boolean {
  if (!words.length || words.length > 4 || words.some((w, i) => (NOT_FIELD.has(w) && !storedLink(words, i, articled)) || NEVER_IN_NAME.has(w)) || !/^[a-z]/.test(words[0])) return false;
  // "e.g." read as two letters ("i.e." starts with a pronoun).
  if (words[0] === 'e' && words[1] === 'g') return false;
  if (['and', 'or', 'the', 'a', 'an', 'other', 'more', 'many', 'following', 'it', 'them', 'this', 'that', 'of', 'obviously', 'etc', 'which', 'who', 'what', 'whose', 'whether', 'not', 'one'].includes(words[0])) return false;
  // "viewing purchase information" and "see their order history" are clauses, not fields.
  // ("a tracking code", "borrowing institution", "opening hours" name a thing: an -ing word before one
  // singular noun, or a unit, or after an article, is a modifier.)
  const ingCompound = words.length === 2 && (articled || !isPlural(words[1]) || MEASURES.has(words[1]));
  if (/ing$/.test(words[0]) && words.length > 1 && !ingCompound && (CREATE_VERBS.has(words[0]) || /^(selecting|using|making|getting|clicking|having|doing|giving|taking|seeing)$/.test(words[0]))) return false;
  // ("licence no": a final "no" is the number.)
  return !words.slice(1).some((w, i) => DETERMINERS.has(w) && w !== 'one' && !(w === 'no' && i === words.length - 2));
}

/** "a sheet music link", "each video has a title and a link": a link a record keeps is its web address, not a link on a page. */
function storedLink(words: string[], i: number, articled: boolean): boolean {
  return words[i] === 'link' && i === words.length - 1 && (articled || words.length > 1);
}

/** "decks" -> "deck count", "needed rooms" -> "needed room count"; things counted in units stay ("hours", "hours driven"). */
export function countName(counted: string[]): string[] {
  const last = counted[counted.length - 1];
  if (!last || counted.some((w) => MEASURES.has(w))) return counted;
  return [...counted.slice(0, -1), singular(last), 'count'];
}

/** A record and values a sentence says it has (givenValues, placedValues, describedByPhrases). */
export interface RecordValues {
  subject: string;
  items: FieldItem[];
  /** The owners are written in the plural ("Patients are given a room"): each has one of a plural value. */
  manyOwners?: boolean;
}

/** The values of the record a phrase names; owners written in the plural each have one of each value. */
export function recordValues(owner: { key: string; plural: boolean }, items: FieldItem[]): RecordValues {
  return owner.plural ? { subject: owner.key, items: items.map((i) => (i.plural ? i : singularItem(i))), manyOwners: true } : { subject: owner.key, items };
}

/** The item named for one record ("their names" of several owners: each has one name). */
export function singularItem(item: FieldItem): FieldItem {
  const words = [...item.words.slice(0, -1), singular(item.words[item.words.length - 1])];
  return { ...item, words, key: words.join(' '), plural: false };
}

/**
 * Whether words cut from a rule's sentence name a field the way a list item would: read as an item
 * they keep all their words (leading articles or "new" aside). "number such as", "offer expires 24
 * hours", "of the booking information" and "start of the" are spans of a clause, not names; a lone
 * participle ("considered", "assumed") says something of a value and names none.
 */
export function namesAField(words: string[]): boolean {
  const read = parseItem(words.join(' '));
  if (!read || read.words.join(' ') !== words.slice(words.length - read.words.length).join(' ')) return false;
  if (words.length > 1 || !/ed$/.test(words[0])) return true;
  // ("speed", "bed": nouns that end like a participle.)
  return tagSentence(`we ${words[0]} it`)[1]?.pos !== 'verb' || tagSentence(`it was ${words[0]}`)[2]?.pos === 'noun';
}
