// Validation defaults from what a field means, for specs that do not state them: counts, amounts,
// durations and sizes cannot be negative, a capacity (seats, limit, max …) is at least one, and an
// end, finish, until or due date comes after the start, begin or from date of the same record.
// Meaning is read from the field's name and label words (and the money type), never from one app.
// What the spec states wins: its min/max and its dateOrder rules are kept as they are.
import { singularizeWord, words } from '../../model/project/naming';
import type { Entity, Field, ProjectSpec, Rule } from '../../model/project/projectSpec';

type DateOrder = Extract<Rule, { kind: 'dateOrder' }>;

/** Words of quantities that can go below zero: no default bound is guessed for them. */
const SIGNED = new Set([
  'balance', 'change', 'delta', 'difference', 'diff', 'offset', 'adjustment', 'correction', 'variance', 'net', 'profit', 'loss', 'gain',
  'temperature', 'temp', 'celsius', 'fahrenheit', 'degree', 'latitude', 'lat', 'longitude', 'lng', 'lon', 'elevation', 'altitude', 'score', 'point',
]);

/** Words of sizes that must leave room for at least one: capacities and limits. */
const POSITIVE = new Set(['capacity', 'seat', 'slot', 'spot', 'quota', 'limit', 'max', 'maximum']);

/** Words of amounts, counts, durations and measures, none of which is negative. */
const NON_NEGATIVE = new Set([
  'count', 'quantity', 'qty', 'number', 'amount', 'price', 'cost', 'fee', 'charge', 'total', 'subtotal', 'tax', 'tip', 'discount', 'deposit',
  'salary', 'wage', 'pay', 'budget', 'revenue', 'duration', 'time', 'second', 'minute', 'hour', 'day', 'week', 'month', 'year',
  'length', 'distance', 'weight', 'height', 'width', 'depth', 'size', 'area', 'volume', 'mileage', 'age', 'stock', 'inventory',
  'copy', 'page', 'serving', 'portion', 'calorie', 'guest', 'attendee', 'participant', 'people', 'person', 'item', 'unit', 'piece', 'min', 'minimum',
]);

const NUMBER_TYPES = new Set(['integer', 'decimal', 'money']);

/** The field's name and label as singular lower-case words ("unpaidFees" -> unpaid, fee). */
function meaningWords(field: Pick<Field, 'name' | 'label'>): string[] {
  return [...new Set([...words(field.name), ...words(field.label)].map((word) => singularizeWord(word)))];
}

/** Whether an integer field is named by a plural noun, as counts are ("servings", "copies"). */
function namedLikeACount(field: Field): boolean {
  const last = words(field.name).at(-1) ?? '';
  return field.type === 'integer' && last.length > 3 && singularizeWord(last) !== last;
}

/**
 * The lower bound a number field gets from its meaning, or undefined: 1 for an integer capacity or
 * limit, 0 for amounts, counts, durations and measures (and for a decimal capacity, as 0 < x has
 * no step to stand on). Money is an amount unless its words say it can be negative (a balance).
 */
export function meaningMin(field: Field): number | undefined {
  if (!NUMBER_TYPES.has(field.type)) return undefined;
  const found = meaningWords(field);
  if (found.some((word) => SIGNED.has(word))) return undefined;
  if (found.some((word) => POSITIVE.has(word))) return field.type === 'integer' ? 1 : 0;
  if (field.type === 'money' || found.some((word) => NON_NEGATIVE.has(word)) || namedLikeACount(field)) return 0;
  return undefined;
}

/** The field with its default lower bound, unless the spec gives one (or a max below it). */
export function withMeaningMin(field: Field): Field {
  const min = meaningMin(field);
  if (min === undefined || field.min !== undefined || (field.max !== undefined && field.max < min)) return field;
  return { ...field, min };
}

/** A required text field needs more than white space (the API trims what it is sent). */
export function mustHaveText(field: Pick<Field, 'type' | 'required'>): boolean {
  return field.required && (field.type === 'string' || field.type === 'text');
}

const START_WORDS = new Set(['start', 'starts', 'started', 'starting', 'begin', 'begins', 'beginning', 'from', 'since', 'open', 'opens', 'opened', 'opening', 'checkin', 'kickoff']);
const END_WORDS = new Set(['end', 'ends', 'ended', 'ending', 'finish', 'finishes', 'finished', 'until', 'till', 'to', 'due', 'deadline', 'close', 'closes', 'closed', 'closing', 'checkout', 'expiry', 'expires']);

/** The field's name words without its start or end word ("startsAt" -> "at"), or undefined when it has none. */
function restAfter(field: Field, marker: Set<string>): string | undefined {
  const nameWords = words(field.name).join(' ').replace(/\bcheck (in|out)\b/g, 'check$1').split(' ');
  const at = nameWords.findIndex((word) => marker.has(word));
  return at < 0 ? undefined : nameWords.filter((_, i) => i !== at).join(' ');
}

/**
 * dateOrder rules the field names imply and the spec does not already state: each end-like date
 * after the start-like date with the same other words ("startDate" / "endDate"), or after the only
 * start-like date of the entity. Whole days may be equal (a one-day booking); instants may not.
 */
export function impliedDateOrders(entity: Entity, rules: readonly Rule[]): DateOrder[] {
  const times = entity.fields.filter((f) => f.type === 'date' || f.type === 'datetime');
  const starts = times.filter((f) => restAfter(f, START_WORDS) !== undefined);
  const stated = rules.filter((r): r is DateOrder => r.kind === 'dateOrder' && r.entity === entity.name);
  const implied: DateOrder[] = [];
  for (const end of times) {
    const rest = restAfter(end, END_WORDS);
    if (rest === undefined || starts.includes(end)) continue;
    const start = starts.find((s) => restAfter(s, START_WORDS) === rest) ?? (starts.length === 1 ? starts[0] : undefined);
    if (!start || stated.some((r) => r.later === end.name || (r.earlier === end.name && r.later === start.name))) continue;
    const sources = [...new Set([...start.sources, ...end.sources])].sort((a, b) => a - b);
    implied.push({ kind: 'dateOrder', entity: entity.name, earlier: start.name, later: end.name, allowEqual: start.type === 'date' && end.type === 'date', sources });
  }
  return implied;
}

/** The spec as the generator reads it: number fields with their default bounds, and the implied date orders. */
export function withMeaningDefaults(spec: ProjectSpec): ProjectSpec {
  const implied = spec.entities.flatMap((entity) => impliedDateOrders(entity, spec.rules));
  const entities = spec.entities.map((entity) => ({ ...entity, fields: entity.fields.map(withMeaningMin) }));
  return { ...spec, entities, rules: [...spec.rules, ...implied] };
}
