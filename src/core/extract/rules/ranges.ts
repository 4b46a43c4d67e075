// Value ranges: "a score out of 100", "rating between 1 and 5", "price must be positive", "kg can't
// be negative", "at least 18 years old", "a discount of up to 50%", "a walk can't be shorter than 30
// min". They set min/max on the field (added with a numeric type when the text names it and the
// model lacks it), cite the sentence on the field and mark it used.
import type { FieldType } from '../../../model/project/projectSpec';
import type { DraftEntity, DraftField } from '../draft';
import { candidates, ensureField, fieldIn, fieldSuggestion, isPeople, locateField, mentionsIn, note, type RuleContext, isTimeField } from './context';
import { singular } from '../lexicon';
import { NUMBER, parseNumber, PEOPLE_WORDS, stripArticles, UNITS, wordsOf } from './words';
import { withArticle } from '../../../model/project/naming';
import { rangeShorthand } from './rangeShorthand';
import { guarded } from '../guardedRegExp';

const NUMERIC: FieldType[] = ['integer', 'decimal', 'money'];
const MONTHS = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/;
const STOP = new Set(['go', 'become', 'fall', 'drop', 'a', 'an', 'the', 'each', 'every', 'its', 'their', 'his', 'her', 'my', 'our', 'your', 'with', 'has', 'have', 'gives', 'give', 'get', 'gets', 'is', 'are', 'be', 'must', 'should', 'can', 'cannot', "can't", 'cant', 'may', 'to', 'and', 'or', 'for', 'where', 'which', 'that', 'as', 'on', 'in', 'i', 'we', 'they', 'want', 'need', 'needs', 'enter', 'enters', 'record', 'records', 'store', 'stores', 'keep', 'note', 'rate', 'rated', 'scored', 'plus', 'by']);

const RATE_BEFORE = /^(?:the|a|an|its|their|hourly|daily|nightly|weekly|monthly|yearly|annual|base|tax|interest|exchange|discount|fixed|flat|commission|vat)$/;

/** The noun phrase just before a position ("… gives a proposal a score" -> ["score"]). */
function phraseBefore(text: string, maxWords = 6): string[] {
  const cut = Math.max(...[',', ';', ':', '(', ')', '.', '+', '|'].map((c) => text.lastIndexOf(c)));
  const ws = wordsOf(cut >= 0 ? text.slice(cut + 1) : text);
  const out: string[] = [];
  for (let i = ws.length - 1; i >= 0 && out.length < maxWords; i--) {
    // "the weight of a parcel": an article after "of" belongs to the phrase.
    if (/^(a|an|the|each|every|its|their)$/.test(ws[i]) && ws[i - 1] === 'of' && out.length) continue;
    // "the hourly rate must be positive": "rate" after an article or a kind of rate is the value, not the verb.
    const rateNoun = ws[i] === 'rate' && !out.length && RATE_BEFORE.test(ws[i - 1] ?? '');
    if (STOP.has(ws[i]) && !rateNoun) break;
    out.unshift(ws[i]);
  }
  while (out.length && /^(of|up|be|not|no|than)$/.test(out[out.length - 1])) out.pop();
  return countOf(out);
}

/** "the number of seats" is the count kept of them, named as countValues.ts names it (seatCount). */
function countOf(words: string[]): string[] {
  const at = words.findIndex((w, i) => /^(?:number|amount|count|quantity)$/.test(w) && words[i + 1] === 'of');
  if (at < 0 || at + 2 >= words.length) return words;
  // "the quantity of an order line", "the amount of an invoice": a value of one record, not a count of many.
  const head = words[words.length - 1];
  if (singular(head) === head) return words;
  const counted = stripArticles(words.slice(at + 2));
  return counted.length ? [...counted.slice(0, -1), singular(counted[counted.length - 1]), 'count'] : words;
}

/** Which dimension a unit or comparative measures, as field words and a type. */
function dimension(unit: string | undefined, comparative: string | undefined): { words: string[]; type: FieldType } | undefined {
  const u = unit ? UNITS[unit] ?? (unit === 'years old' || unit === 'old' ? 'age' : undefined) : undefined;
  if (u === 'age' || comparative === 'older' || comparative === 'younger') return { words: ['age'], type: 'integer' };
  if (comparative === 'shorter' || comparative === 'longer') return { words: ['duration'], type: 'integer' };
  if (comparative === 'heavier' || comparative === 'lighter' || u === 'kg' || u === 'g') return { words: ['weight'], type: 'decimal' };
  if (comparative === 'cheaper' || comparative === 'dearer' || u === 'money') return { words: ['price'], type: 'money' };
  if (u === 'minutes') return { words: ['duration'], type: 'integer' };
  if (u === 'hours') return { words: ['hours'], type: 'decimal' };
  if (u === 'km' || u === 'm') return { words: ['distance'], type: 'decimal' };
  if (u === 'percent') return { words: ['percentage'], type: 'decimal' };
  if (u === 'points' && unit) return { words: [unit.replace(/s$/, '')], type: 'integer' };
  return undefined;
}

function typeFor(ws: string[], unit?: string): FieldType {
  const text = ws.join(' ');
  if (/\b(price|cost|fee|fees|quote|amount|rent|salary|wage|wages|rate|budget|deposit|fine|total|charge|payment)\b/.test(text) || UNITS[unit ?? ''] === 'money') return 'money';
  if (/\b(weight|kg|km|distance|hours|hrs|size|height|width|length|volume|temperature|dose|area|percentage|percent|discount)\b/.test(text) || ['kg', 'km', 'm', 'hours', 'percent', 'litres'].includes(UNITS[unit ?? ''] ?? '')) return 'decimal';
  return 'integer';
}

/** Field names that hold text, never a number. */
const TEXTUAL = /name|title|description|text|comment|note|email|address|phone|code|reference|url|link|label|summary|remark/i;

function step(type: FieldType): number {
  return type === 'integer' ? 1 : 0.01;
}

type Bounds = { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean };
type RangeHint = { unit?: string; comparative?: string; label: string; on?: DraftEntity };
type Dimension = NonNullable<ReturnType<typeof dimension>>;

/** Where a range goes: the record, its field when it has one yet, and the words that name the field. */
interface RangeTarget {
  entity?: DraftEntity;
  field?: DraftField;
  words: string[];
}

const numeric = (f: DraftField) => NUMERIC.includes(f.type);

/** Finds (or adds) the numeric field a range is about and sets its bounds; notes why when it cannot. */
export function applyRange(ctx: RuleContext, subject: string[], bounds: Bounds, hint: RangeHint): boolean {
  const dim = dimension(hint.unit, hint.comparative);
  const target = rangeTarget(ctx, subject, hint, dim);
  if (!target) return true;
  const { entity, words } = target;
  if (!entity) {
    note(ctx, `Looks like a value range (${hint.label}), but no record type with that value was found.`);
    return true;
  }
  const type = target.field?.type ?? dim?.type ?? typeFor(words, hint.unit);
  const field = target.field ? asNumber(ctx, entity, target.field, words, hint) : addValueField(ctx, entity, words, type, hint, dim);
  if (field) setBounds(ctx, entity, field, bounds, hint.label);
  return true;
}

/** The record and field the subject (or else the unit) names; undefined once a note says no record has that field. */
function rangeTarget(ctx: RuleContext, subject: string[], hint: RangeHint, dim: Dimension | undefined): RangeTarget | undefined {
  // Records named inside a parenthesised list are items of it, not the owner of the value.
  const named = mentionsIn(ctx, ctx.clause.plain.replace(/\([^()]*\)/g, ' ')).filter((m) => !m.person || m.entity.name !== 'User').map((m) => m.entity);
  let words = stripArticles(subject);
  if (!words.length && ctx.clause.subjectField) words = ctx.clause.subjectField;
  const asEntity = hint.on ? { entity: hint.on } : words.length ? mentionsIn(ctx, words).find((m) => m.end === words.length - 1 && m.start === 0) : undefined;
  // "members must be at least 18": a number a person must be, with no unit, is their age (not a field "members").
  if (asEntity && !dim && !hint.on && isPeople(ctx, words)) dim = dimension('years old', undefined);
  if (asEntity && dim) {
    // "a walk can't be shorter than 30 min", "max 4 hours per booking": the record is named; the unit names the field.
    const entity = asEntity.entity;
    const field = fieldIn(entity, dim.words, 1.5, numeric) ?? entity.fields.find((f) => numeric(f) && (f.name.toLowerCase().includes(dim.words[0]) || (dim.words[0] === 'duration' && /length|minutes/i.test(f.name))));
    return { entity, field, words: dim.words };
  }
  if (words.length) return namedField(ctx, words, named, hint);
  if (dim) return fieldOfDimension(ctx, named, dim);
  return { words };
}

/** The field the subject words name, on a record named nearby; a note (and undefined) when the record is only a guess and lacks it. */
function namedField(ctx: RuleContext, words: string[], named: DraftEntity[], hint: RangeHint): RangeTarget | undefined {
  // "quote must be positive", "kg can't be negative": a field typed text only for want of a type is the value (retyped later).
  const untyped = (f: DraftField) => f.type === 'string' && !f.enumValues && !TEXTUAL.test(f.name) && UNITS[hint.unit ?? ''] !== 'characters';
  const hit = locateField(ctx, words.join(' '), named, (f) => numeric(f) || untyped(f)) ?? undefined;
  const subjectField = ctx.clause.subjectField;
  if (hit && !hit.field && hit.guessed && !(subjectField && fieldIn(hit.entity, subjectField, 2.5))) {
    const suggestion = fieldSuggestion(hit.entity, hit.words, typeFor(hit.words, hint.unit));
    note(ctx, `Looks like a value range (${hint.label}), but no record type has a field "${hit.words.join(' ')}".`, suggestion ? [suggestion] : []);
    return undefined;
  }
  let field = hit?.field;
  if (!field && hit && subjectField) field = fieldIn(hit.entity, subjectField, 2.5);
  return { entity: hit?.entity, field, words: hit?.words ?? words };
}

/** No subject: the first record (of those in play) with a field of the unit's dimension, else the first named. */
function fieldOfDimension(ctx: RuleContext, named: DraftEntity[], dim: Dimension): RangeTarget {
  for (const e of candidates(ctx, named)) {
    const f = fieldIn(e, dim.words, 1.5, numeric);
    if (f) return { entity: e, field: f, words: dim.words };
  }
  return { entity: named[0], words: dim.words };
}

/** The field found, as a number: a text field typed only by its name is retyped; any other type gets a note. */
function asNumber(ctx: RuleContext, entity: DraftEntity, field: DraftField, words: string[], hint: RangeHint): DraftField | undefined {
  // "The mileage must be positive": a text field typed only by its name is a number after all.
  if (field.type === 'string' && !field.enumValues) {
    const guess = typeFor(words, hint.unit);
    field.type = NUMERIC.includes(guess) ? guess : 'decimal';
  }
  if (numeric(field)) return field;
  note(ctx, `Looks like a value range (${hint.label}), but ${entity.name}.${field.name} is a ${field.type} field, not a number.`);
  return undefined;
}

/** Adds the numeric field the words name, unless one of another type has the name or the value is only a span between two dates. */
function addValueField(ctx: RuleContext, entity: DraftEntity, words: string[], type: FieldType, hint: RangeHint, dim: Dimension | undefined): DraftField | undefined {
  const existing = words.length ? fieldIn(entity, words, 1.5) : undefined;
  if (existing && !numeric(existing)) {
    note(ctx, `Looks like a value range (${hint.label}), but ${entity.name}.${existing.name} is a ${existing.type} field, not a number.`);
    return undefined;
  }
  // A limit on a length of time the row only stores as start and end cannot be a field range.
  if (dim && (dim.words[0] === 'duration' || dim.words[0] === 'hours') && entity.fields.filter(isTimeField).length >= 2 && !fieldIn(entity, words, 1.5)) {
    const suggestion = fieldSuggestion(entity, dim.words, dim.type);
    note(ctx, `Looks like a limit on how long ${withArticle(entity.name)} lasts (${hint.label}), but its length is only given by its start and end; Takoss can limit a stored duration field, not the time between two dates.`, suggestion ? [suggestion] : []);
    return undefined;
  }
  const field = ensureField(ctx, entity, words, type, { required: false });
  if (!field) note(ctx, `Looks like a value range (${hint.label}), but no field could be named for it on ${entity.name}.`);
  return field;
}

/** Sets the bounds (exclusive ones a step inside, whole numbers for integers) unless they contradict the field's range. */
function setBounds(ctx: RuleContext, entity: DraftEntity, field: DraftField, bounds: Bounds, label: string): void {
  let min = bounds.min !== undefined ? bounds.min + (bounds.minExclusive ? step(field.type) : 0) : undefined;
  let max = bounds.max !== undefined ? bounds.max - (bounds.maxExclusive ? step(field.type) : 0) : undefined;
  if (field.type === 'integer') {
    if (min !== undefined) min = Math.ceil(min);
    if (max !== undefined) max = Math.floor(max);
  }
  const nextMin = min ?? field.min;
  const nextMax = max ?? field.max;
  if (nextMin !== undefined && nextMax !== undefined && nextMin > nextMax) {
    note(ctx, `Looks like a value range (${label}), but it contradicts the range ${entity.name}.${field.name} already has (${field.min ?? '…'} to ${field.max ?? '…'}).`);
    return;
  }
  if (min !== undefined) field.min = Math.round(min * 100) / 100;
  if (max !== undefined) field.max = Math.round(max * 100) / 100;
  field.sources.add(ctx.sentence.id);
  ctx.draft.used.add(ctx.sentence.id);
  ctx.outcome.rules++;
  ctx.outcome.ranges = (ctx.outcome.ranges ?? 0) + 1;
}

/**
 * "meeting rooms max 4 hours per booking" with RoomBooking and DeskBooking: "booking" is the head of
 * several records; the one linked to (or named after) the clause's subject is meant.
 */
export function perHead(ctx: RuleContext, text: string, subject: string[]): DraftEntity | undefined {
  const head = singular(wordsOf(text)[0] ?? '');
  if (!head) return undefined;
  const sharing = ctx.draft.entities.filter((e) => e.name !== 'User' && e.key.split(' ').length > 1 && e.key.split(' ').pop() === head);
  if (sharing.length < 2) return sharing.length === 1 ? sharing[0] : undefined;
  const about = mentionsIn(ctx, subject).filter((m) => m.entity.name !== 'User').map((m) => m.entity);
  const subjectWords = new Set(stripArticles(subject).map((w) => singular(w)));
  const linked = sharing.filter((e) => about.some((a) => ctx.draft.relations.some((r) => (r.from === e.name && r.to === a.name) || (r.to === e.name && r.from === a.name))) || e.key.split(' ').some((w) => subjectWords.has(w)));
  return linked.length === 1 ? linked[0] : undefined;
}

const NUM = `(-?${NUMBER})`;

/** The words before a range without the verb that leads into it ("the rating must be", "ratings go", "scores can range"). */
function verbTail(before: string): string {
  return before.replace(/\s*\b(?:(?:must|should|shall|has to|have to|needs? to|can|may|will|is to|are to)\s+)?(?:only\s+|always\s+)?(?:be|is|are|goes|go|ranges?|lies?|lie|varies|vary|runs?|count|counts)?\s*(?:a\s+(?:whole\s+)?number\s+|a\s+value\s+|an\s+integer\s+|any(?:thing)?\s+)?$/, ' ');
}

/** A span of numbers right after words that make it a value ("a number", "an integer", "a scale of"). */
const VALUE_LEAD = String.raw`(?<=\b(?:an?\s+(?:whole\s+)?(?:number|integer|value)|(?:on|in)\s+a\s+(?:scale|range)(?:\s+of)?)\s+)`;

/** "between 1 and 5", "from 1 to 5", "(0-10)", "a number 1-5" (groups: the two ends of each form, then the unit). */
const RANGE_BETWEEN = guarded(new RegExp(String.raw`\b(?:between|from)\s+${NUM}\s*(?:%|[a-z]{1,5}\b)?\s*(?:and|to|-|–)\s*${NUM}(?:\b|(?=%))\s*([a-z%]+)?|\(\s*${NUM}\s*(?:-|–|to)\s*${NUM}\s*\)|${VALUE_LEAD}${NUM}\s*(?:-|–|to)\s*${NUM}\b`));

/** "rating between 1 and 5", "a mood score from 1 to 5", "points (0-10)", "a number 1-5", "on a scale of 1 to 10". */
export function rangeBetween(ctx: RuleContext): boolean {
  // Also "the rating is a number 1-5", "a grade on a scale of 1 to 10": the words before the span say it is a value.
  const m = RANGE_BETWEEN.exec(ctx.clause.plain);
  if (!m) return rangeShorthand(ctx);
  const unit = m[3];
  if (unit && MONTHS.test(unit)) return false;
  const a = parseNumber(m[1] ?? m[4] ?? m[6]);
  const b = parseNumber(m[2] ?? m[5] ?? m[7]);
  if (a === undefined || b === undefined) return false;
  // Times of day ("from 9 to 17") and years are not ranges of a value. (Unless hours are a value the
  // records keep: "a job has a date and hours. The hours must be between 1 and 8".)
  const beforeSpan = ctx.clause.plain.slice(Math.max(0, m.index - 20), m.index);
  const hoursKept = /\bhours\b/.test(beforeSpan) && !/\bopen/.test(beforeSpan) && ctx.draft.entities.some((e) => e.fields.some((f) => /^(?:hours|[a-z]+Hours)$/.test(f.name)));
  if ((/\b(?:open|opens|opening|hours|o'clock|am|pm)\b/.test(beforeSpan) && !hoursKept) || /^(?:am|pm|h)$/.test(unit ?? '')) return false;
  // "between 4 and 8 players" counts records or people: a capacity (capacity.ts), not a value range.
  if (unit && !UNITS[unit] && (PEOPLE_WORDS.has(unit) || mentionsIn(ctx, [unit]).length)) return false;
  const before = ctx.clause.plain.slice(0, m.index);
  const subject = judgedValue(ctx, before) ?? phraseBefore(verbTail(before.replace(/\s*\b(?:on|in) a (?:scale|range)(?: of| from)?\s*$/, ' ')));
  return applyRange(ctx, subject, { min: Math.min(a, b), max: Math.max(a, b) }, { unit, label: ctx.clause.plain.slice(m.index, m.index + m[0].length).trim() });
}

/** The value a verb of judging gives what it judges: "rate recipes" gives a rating, "grade essays" a grade. */
const JUDGED_VALUE: Record<string, string> = { rate: 'rating', score: 'score', grade: 'grade', rank: 'rank', mark: 'mark', review: 'rating', evaluate: 'score', assess: 'score', judge: 'score' };
// ("Grades go from 0 to 20": a plural noun before the verb of a range is the value, not a verb "grade".)
const JUDGING = new RegExp(String.raw`\b(${Object.keys(JUDGED_VALUE).join('|')})(?:s|d|ed)?\s+(?!(?:go|goes|range|ranges|run|runs|lie|lies|vary|varies|are|is|must|should|can|may|will|have|has)\b)(?:(?:a|an|the|each|every|their|its|his|her|my|our|your)\s+)?([a-z-]+(?:\s+[a-z-]+)?)\s*$`);

/**
 * "Users can rate recipes from 1 to 5", "teachers grade each essay from 0 to 100": the span bounds
 * the value the verb gives ("recipe rating"; a Rating record's, when ratings are records), not the
 * thing judged (that made a field "recipes").
 */
function judgedValue(ctx: RuleContext, before: string): string[] | undefined {
  const m = JUDGING.exec(before);
  if (!m) return undefined;
  const value = JUDGED_VALUE[m[1]];
  // (Where ratings are records of their own, the span bounds their number: "rating stars".)
  const record = ctx.draft.entities.find((e) => e.key === value);
  const number = record?.fields.find((f) => f.type === 'integer' || f.type === 'decimal');
  if (record && number) return [value, ...wordsOf(number.name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase())];
  return [...wordsOf(m[2]).map((w) => singular(w)), value];
}

/** "out of 10". */
const OUT_OF = new RegExp(String.raw`\bout of\s+${NUM}\b`);

/** "a score out of 10". */
export function rangeOutOf(ctx: RuleContext): boolean {
  const m = OUT_OF.exec(ctx.clause.plain);
  if (!m) return false;
  const max = parseNumber(m[1]);
  if (max === undefined) return false;
  const subject = phraseBefore(ctx.clause.plain.slice(0, m.index));
  return applyRange(ctx, subject, { min: 0, max }, { label: `out of ${max}` });
}

/**
 * The verb between a value and its bound, without a modal too ("the price must be", "the price is",
 * "stock stays", "kg can't go"): the words before it name the value.
 */
const COPULA_TAIL = /\b(?:(?:must|has to|have to|should|needs? to|can't|cannot|can not|cant|may not|must not|mustn't|shouldn't|should not|will|may|can)\s+)?(?:never\s+|always\s+|only\s+|not\s+)?(?:be|is|are|isn't|aren't|stays?|remains?|go|goes|become|becomes|fall|falls|drop|drops)?\s*(?:always\s+|never\s+|not\s+)?(?:a\s+|of\s+)?$/;

const COMPARATIVES: Record<string, 'min' | 'max'> = {
  more: 'min', greater: 'min', higher: 'min', larger: 'min', bigger: 'min', longer: 'min', older: 'min', heavier: 'min', over: 'min', above: 'min',
  less: 'max', lower: 'max', smaller: 'max', fewer: 'max', shorter: 'max', younger: 'max', lighter: 'max', cheaper: 'max', under: 'max', below: 'max',
};

/** "at least 3", "no more than 10", "must not exceed 100" (the comparison and its number). */
const COMPARED_TO_NUMBER = guarded(new RegExp(String.raw`(?:\b(at least|at most|no more than|no less than|not more than|not less than|up to|a maximum of|a minimum of|max(?:imum)?|min(?:imum)?|exceed|exceeds|go over|goes over|go above|be over)|\b(more|greater|higher|larger|bigger|longer|older|heavier|less|lower|smaller|fewer|shorter|younger|lighter|cheaper|over|under|above|below)(?: than)?|(>=|<=|>|<|≥|≤))\s*${NUM}\s*(years old|[a-z%]+)?`));

/** "18 or more", "65 and over", "18 years or older", "10 kg or less": a bound written after its number. */
const OPEN_ENDED = new RegExp(String.raw`\b${NUM}(\s*(?:years old|years|[a-z%]+))?\s+(?:or|and)\s+(?:(more|over|above|older|higher|greater|up|upwards|bigger|larger|longer|heavier)|(less|under|below|younger|lower|fewer|smaller|shorter|lighter|cheaper))\b`, 'g');

/** The same bound written before its number ("at least 18"), which the comparison below reads. */
function openEnded(plain: string): string {
  // ("18 or older" is an age: "at least 18 years old".)
  return plain.replace(OPEN_ENDED, (all: string, n: string, unit: string | undefined, up: string | undefined) => `${up ? 'at least' : 'at most'} ${n}${unit ?? (/\b(?:older|younger)$/.test(all) ? ' years old' : '')}`);
}

/**
 * "price must be positive", "kg can't be negative", "weight must be more than 0", "km can't be less
 * than 0", "at least 18 years old", "a discount of up to 50%", "max 10 hrs a day", "number, > 0".
 */
export function rangeCompare(ctx: RuleContext): boolean {
  const plain = openEnded(ctx.clause.plain.replace(/[.;!]\s*$/, ''));
  const negated = (before: string) => /\b(?:can't|cannot|can not|cant|may not|must not|mustn't|shouldn't|should not|shouldnt|never|not|no)\s+(?:be|go|become|fall|drop|get)?\s*(?:any\s+)?$/.test(before);
  const sign = /\b(non-negative|positive|negative|zero or more)\b/.exec(plain);
  if (sign) {
    const before = plain.slice(0, sign.index);
    const subject = phraseBefore(before.replace(COPULA_TAIL, ''));
    const no = negated(before) || /\bnever\b/.test(before);
    const word = sign[1];
    if (word === 'positive' && !no) return applyRange(ctx, subject, { min: 0, minExclusive: true }, { label: 'positive' });
    if ((word === 'negative' && no) || word === 'non-negative' || word === 'zero or more') return applyRange(ctx, subject, { min: 0 }, { label: 'not negative' });
    return false;
  }
  const m = COMPARED_TO_NUMBER.exec(plain);
  if (!m) return false;
  const n = parseNumber(m[4]);
  if (n === undefined) return false;
  const unit = m[5] && (UNITS[m[5]] || m[5] === 'years old' || m[5] === '%') ? m[5] : undefined;
  // "at most 20 participants" counts records: that is a capacity, not a value range.
  if (m[5] && !unit && !/^(?:per|a|an|the|each|every|in|on|for|at|and|or|than|if|when|so|but|from|to|with|by|of|is|are|unless|until|as|otherwise|obviously|obvs|please)$/.test(m[5])) return false;
  // "up to 24 hours before the shift" is a time margin (refuseWhen), not a range of a value.
  if (/^\s*(?:before|after|in advance|ahead|prior|earlier|later|beforehand)\b/.test(plain.slice(m.index + m[0].length))) return false;
  const before = plain.slice(0, m.index);
  const no = negated(before);
  let bound: 'min' | 'max';
  let exclusive = false;
  const phrase = m[1];
  const exceed = !!phrase && /exceed|over|above/.test(phrase);
  // "exceeds 600" alone is a condition; "can't exceed 600" is the bound.
  if (exceed && !no) return false;
  if (phrase) bound = /least|no less|not less|minimum|^min/.test(phrase) ? 'min' : 'max';
  else if (m[2]) {
    bound = COMPARATIVES[m[2]];
    exclusive = true;
  } else {
    bound = m[3].startsWith('>') || m[3] === '≥' ? 'min' : 'max';
    exclusive = m[3] === '>' || m[3] === '<';
  }
  if (no && !exceed) {
    bound = bound === 'min' ? 'max' : 'min';
    exclusive = !exclusive;
    if (phrase) exclusive = false;
  }
  // "students under 7 can only have …": a comparison without "must be" is a condition, not a bound.
  // ("stock can never go below zero", "the balance must not drop under 0": a verb of moving past the number is a bound too.)
  if (m[2] && !/\b(?:must|has to|have to|should|needs? to|be|is|are|cannot|can't|cant|can not|may not|never|not)\s*(?:be\s+|go\s+|drop\s+|fall\s+|get\s+|sink\s+|rise\s+)?(?:any\s+)?$/.test(before)) return false;
  const subject = phraseBefore(before.replace(COPULA_TAIL, '').replace(/\bof\s+$/, ''));
  const label = plain.slice(m.index, m.index + m[0].length).trim();
  // "max 4 hours per booking": the record after "per" holds the value.
  const per = /^\s*(?:per|a|each|for each|every|for every)\s+([a-z][a-z -]{1,40})/.exec(plain.slice(m.index + m[0].length));
  const on = per ? (mentionsIn(ctx, per[1]).find((x) => x.start === 0 && x.entity.name !== 'User')?.entity ?? perHead(ctx, per[1], subject)) : undefined;
  return applyRange(ctx, on ? [] : subject, bound === 'min' ? { min: n, minExclusive: exclusive } : { max: n, maxExclusive: exclusive }, { unit, comparative: m[2], label, on });
}
