// Field type inference from a field's words and any hint written next to it
// ("(an integer between 1 and 5)", "in minutes", "(low, medium, high)").
import type { FieldType } from '../../model/project/projectSpec';

export interface TypeGuess {
  type: FieldType;
  min?: number;
  max?: number;
  /** Unit named next to the field, e.g. "minutes" (goes into the label). */
  unit?: string;
}

const MONEY = new Set(['price', 'cost', 'amount', 'budget', 'salary', 'fee', 'fees', 'total', 'balance', 'spent', 'revenue', 'wage', 'payment', 'subtotal', 'tax', 'rent', 'fine', 'deposit']);
const INTEGER = new Set(['quantity', 'qty', 'count', 'mileage', 'odometer', 'capacity', 'copies', 'stock', 'servings', 'seats', 'age', 'duration', 'minutes', 'hours', 'year', 'rating', 'score', 'stars', 'points', 'votes', 'pages', 'rank', 'position', 'floor', 'attempts', 'likes', 'views', 'level']);
const DECIMAL = new Set(['weight', 'height', 'latitude', 'longitude', 'percentage', 'percent', 'ratio', 'distance', 'temperature', 'width', 'length', 'rate']);
const TEXT = new Set(['description', 'bio', 'notes', 'note', 'body', 'content', 'steps', 'instructions', 'ingredients', 'text', 'summary', 'comment', 'comments', 'message', 'details', 'memo', 'biography', 'abstract', 'remarks', 'directions', 'answer', 'feedback', 'story']);
const BOOLEAN = new Set(['active', 'enabled', 'completed', 'done', 'available', 'archived', 'verified', 'visible', 'pinned', 'locked', 'featured', 'private', 'public', 'approved', 'paid', 'resolved', 'read', 'hidden', 'closed', 'finished']);
const DATE_WORDS = new Set(['date', 'birthday', 'deadline', 'dob', 'birthdate']);
const DATETIME_WORDS = new Set(['time', 'timestamp', 'datetime', 'at']);
const DURATION_TIME = new Set(['cooking', 'preparation', 'prep', 'reading', 'travel', 'running', 'waiting', 'total', 'baking', 'cook']);
const UNITS = new Set(['minutes', 'minute', 'hours', 'hour', 'days', 'day', 'seconds', 'weeks', 'months', 'years', 'kg', 'grams', 'km', 'miles', 'stars', 'percent']);

const TYPE_HINT_START = /^\s*(?:(?:a|an)\s+)?(?:non-empty\s+|optional\s+|required\s+)?(?:string|integer|int|whole number|number|float|decimal|double|boolean|bool|date|datetime|date-time|timestamp|array|list of|text|email|url)\b/;

/** Reads a type out of a parenthesised description: "a string", "an integer between 1 and 5". */
export function typeFromHint(hint: string): TypeGuess | undefined {
  const h = hint.toLowerCase();
  if (!TYPE_HINT_START.test(h)) return undefined;
  const range = /(\d+)\s*(?:-|to|and|–)\s*(\d+)/.exec(h);
  const bounds = range ? { min: Number(range[1]), max: Number(range[2]) } : {};
  if (/\barray\b|\blist of\b/.test(h)) return { type: 'text' };
  if (/\b(?:integer|int|whole number)\b/.test(h)) return { type: 'integer', ...bounds };
  if (/\b(?:float|decimal|double|number)\b/.test(h)) return { type: 'decimal', ...bounds };
  if (/\bboolean\b|\btrue or false\b/.test(h)) return { type: 'boolean' };
  if (/\bdate ?time\b|\btimestamp\b|\bdate(?: and | ?[&/+] ?)time\b/.test(h)) return { type: 'datetime' };
  if (/\bdate\b/.test(h)) return { type: 'date' };
  if (/\bemail\b/.test(h)) return { type: 'email' };
  if (/\burl\b/.test(h)) return { type: 'url' };
  if (/\bstring\b|\btext\b/.test(h)) return { type: 'string' };
  return undefined;
}

/** What a sum of money is, said after it ("amount due", "balance owed"). */
const MONEY_STATE = /^(?:due|owed|owing|paid|outstanding|payable|remaining|received|charged|refunded)$/;
/** What is said of a sum of money before it is known or as its bound ("price estimate", "cost limit"). */
const MONEY_MEASURE = /^(?:estimate|quote|limit|cap|ceiling)$/;

/** Guesses a type from a field's (lower-case) words and the words just around it. */
/** Past participles not ending in -ed ("date set", "last seen", "date sent"). */
const IRREGULAR_PARTICIPLE = /^(?:set|sent|paid|built|made|taken|given|held|sold|bought|found|left|met|begun|seen|done|won|lost|read|shot|run|put|cut|hit|spent|told|kept|laid|written|drawn|shown|worn|grown|known|born)$/;

/**
 * Units of measure (not time: time units are read above): "a distance in kilometres", "an area in
 * square metres", "a weight in kg". Said right after the value, they make it a number of that unit.
 */
const MEASURE_UNIT =
  /^in (square (?:metres|meters|feet|kilometres|kilometers)|cubic (?:metres|meters)|sq m|km|kms|kilometres|kilometers|miles|metres|meters|m|cm|mm|centimetres|centimeters|millimetres|millimeters|inches|feet|kg|kgs|kilograms|kilos|grams|g|tonnes|tons|litres|liters|ml|millilitres|milliliters|degrees(?: celsius| fahrenheit)?|celsius|fahrenheit|percent|kwh|kw|watts|volts|hectares|acres)\b/;

/** The value's type, and a unit of measure written right after it in the context ("a length in km" -> decimal, "(km)" in the label). */
export function inferType(allWords: string[], context = ''): TypeGuess {
  const guess = inferTypeFromWords(allWords, context);
  const name = allWords.join(' ');
  const at = name ? context.toLowerCase().indexOf(`${name} in `) : -1;
  const measure = at >= 0 ? MEASURE_UNIT.exec(context.toLowerCase().slice(at + name.length + 1)) : null;
  if (!measure || guess.unit || !['string', 'integer', 'decimal'].includes(guess.type)) return guess;
  // ("number of seats in ..." stays a count; a measured value has fractions: "7.5 tonnes".)
  const counted = allWords[0] === 'number' || allWords[0] === 'count';
  return { ...guess, type: counted ? guess.type : 'decimal', unit: measure[1] };
}

function inferTypeFromWords(allWords: string[], context = ''): TypeGuess {
  // "year of manufacture", "date of the next inspection": the head comes before "of".
  const ofAt = allWords.indexOf('of');
  const words = ofAt > 0 && !/^(number|count|amount)$/.test(allWords[0]) ? allWords.slice(0, ofAt) : allWords;
  const last = words[words.length - 1] ?? '';
  const first = words[0] ?? '';
  const joined = words.join(' ');
  const unitMatch = /\bin (minutes|hours|days|seconds|weeks|kg|grams|km|miles)\b/.exec(context) ?? /\b(minutes|hours|seconds)\b/.exec(context);
  const unit = unitMatch?.[1];
  const range = /\b(\d+)\s*(?:-|–|to)\s*(\d+)\b/.exec(context);
  const bounds = range && Number(range[1]) < Number(range[2]) ? { min: Number(range[1]), max: Number(range[2]) } : {};
  if (joined.includes('email') || last === 'e-mail') return { type: 'email' };
  if (['url', 'website', 'homepage', 'link', 'site'].includes(last) || joined === 'web site') return { type: 'url' };
  if (first === 'is' || first === 'has' || (words.length === 1 && BOOLEAN.has(last))) return { type: 'boolean' };
  if (joined.startsWith('number of') || joined.startsWith('count of') || joined.endsWith('on hand')) return { type: 'integer', ...bounds };
  // "last watered", "first visited", "date set", "date paid": when something last happened.
  if (words.length > 1 && /^(last|first|next|date)$/.test(first) && (/ed$/.test(last) || IRREGULAR_PARTICIPLE.test(last))) return { type: 'date' };
  if (joined.includes('date of birth') || DATE_WORDS.has(last) || last.endsWith('date') || (last === 'day' && words.length > 1)) return { type: 'date' };
  if (last === 'time' && (unit || DURATION_TIME.has(first))) return { type: 'integer', unit: unit ?? 'minutes' };
  if (last === 'year' || last === 'years') return { type: 'integer' };
  // ("member, room, start, end": a bare start or end of a booked thing is a moment.)
  if (DATETIME_WORDS.has(last) || last.endsWith('time') || (words.length === 1 && /^(start|end|begin|finish)$/.test(last))) return { type: 'datetime' };
  // ("amount due", "balance owed", "total paid", "price estimate": a sum of money, then what it is.)
  if (MONEY.has(last) || (words.length > 1 && MONEY.has(first) && (last === 'amount' || MONEY_STATE.test(last) || MONEY_MEASURE.test(last)))) return { type: 'money', ...bounds };
  // "plate number", "phone number", "ticket number" identify things: text, not arithmetic.
  if (last === 'number' && words.length > 1 && !/^(total|max|maximum|min|minimum|average)$/.test(first)) return { type: 'string' };
  if (INTEGER.has(last) || words.includes('number')) return { type: 'integer', ...bounds, unit: unit && UNITS.has(unit) ? unit : undefined };
  if (DECIMAL.has(last)) return { type: 'decimal', ...bounds };
  if (TEXT.has(last) || (words.length > 1 && last === 'list')) return { type: 'text' };
  // "watering interval in days", "weight in kg": a value given in a unit is a number of that unit.
  if (unitMatch?.[0].startsWith('in ')) return /^(?:kg|grams|km|miles)$/.test(unit!) ? { type: 'decimal' } : { type: 'integer', unit: UNITS.has(unit!) ? unit : undefined };
  return { type: 'string' };
}
