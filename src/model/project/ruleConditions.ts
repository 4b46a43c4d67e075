// The conditions of refuseWhen rules: which comparisons fit which field types, whether a value
// fits the field, and (at generation time) whether a sample value would trigger a refusal, so
// the generator can pick example rows that do not and test rows that do.
import type { ConditionOp, Field, FieldType, Rule, RuleCondition } from './projectSpec';

export const NUMERIC_TYPES: readonly FieldType[] = ['integer', 'decimal', 'money'];
export const TIME_TYPES: readonly FieldType[] = ['date', 'datetime'];

/** Comparisons that need a `value`. */
export const VALUE_OPS: readonly ConditionOp[] = ['eq', 'ne', 'lt', 'lte', 'gt', 'gte'];
export const ORDER_OPS: readonly ConditionOp[] = ['lt', 'lte', 'gt', 'gte'];

/** Words for each comparison, for descriptions ("status is closed"). */
export const OP_WORDS: Record<ConditionOp, string> = {
  eq: 'is',
  ne: 'is not',
  lt: 'is less than',
  lte: 'is at most',
  gt: 'is more than',
  gte: 'is at least',
  isEmpty: 'is empty',
  notEmpty: 'is filled in',
  past: 'is in the past',
  future: 'is in the future',
};

const TIME_WORDS: Partial<Record<ConditionOp, string>> = { lt: 'is before', lte: 'is on or before', gt: 'is after', gte: 'is on or after' };

type Offset = NonNullable<RuleCondition['offset']>;

const MINUTES: Record<Offset['unit'], number> = { minutes: 1, hours: 60, days: 1440 };
/** Margins beyond this would reach the far sample dates (2001, 2090) generated rows use. */
const MAX_OFFSET_DAYS = 3650;

/** The margin of a past/future condition in minutes (0 without one). */
export function offsetMinutes(offset: RuleCondition['offset']): number {
  return offset ? offset.amount * MINUTES[offset.unit] : 0;
}

/** "2 hours", "1 day": the size of a margin, without its sign. */
export function describeAmount(offset: Offset): string {
  const n = Math.abs(offset.amount);
  return `${n} ${n === 1 ? offset.unit.slice(0, -1) : offset.unit}`;
}

/** past/future with a margin in words: "is less than 2 hours away (or past)", "is more than 30 days ago". */
function offsetWords(op: 'past' | 'future', offset: Offset): string {
  const size = describeAmount(offset);
  if (offset.amount >= 0) return op === 'past' ? `is less than ${size} away (or past)` : `is more than ${size} away`;
  return op === 'past' ? `is more than ${size} ago` : `is less than ${size} ago (or in the future)`;
}

/** "fitness class start time is in the past", "status is closed": the condition in words. */
export function describeCondition(condition: RuleCondition, type?: FieldType): string {
  const subject = condition.relation ? `${condition.relation}.${condition.field}` : condition.field;
  if (condition.offset && condition.offset.amount !== 0 && (condition.op === 'past' || condition.op === 'future')) return `${subject} ${offsetWords(condition.op, condition.offset)}`;
  const words = (type && TIME_TYPES.includes(type) && TIME_WORDS[condition.op]) || OP_WORDS[condition.op];
  return VALUE_OPS.includes(condition.op) ? `${subject} ${words} ${JSON.stringify(condition.value)}` : `${subject} ${words}`;
}

type CapacityRule = Extract<Rule, { kind: 'capacity' }>;

/** "per week of deliveredOn": the period a capacity rule counts in, or '' without one. */
export function describePeriod(rule: Pick<CapacityRule, 'period'>): string {
  return rule.period ? `per ${rule.period.unit} of ${rule.period.field}` : '';
}

/**
 * "At most capacity Booking rows per fitnessClass", "At most 15 Dog rows per day of date",
 * "At most 1 Parcel rows per flat per week of deliveredOn": a capacity rule in one line.
 */
export function describeCapacity(rule: CapacityRule): string {
  const limit = rule.limit !== undefined ? String(rule.limit) : rule.capacityField ?? '?';
  const scope = [rule.relation ? `per ${rule.relation}` : '', describePeriod(rule)].filter(Boolean).join(' ');
  return `At most ${limit} ${rule.entity} rows${scope ? ` ${scope}` : ' in all'}${rule.activeWhenNull ? ` (counting those without ${rule.activeWhenNull})` : ''}`;
}

/** The comparisons that make sense for a field type. */
export function opsFor(type: FieldType): ConditionOp[] {
  if (NUMERIC_TYPES.includes(type)) return ['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isEmpty', 'notEmpty'];
  if (TIME_TYPES.includes(type)) return ['past', 'future', 'eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isEmpty', 'notEmpty'];
  return ['eq', 'ne', 'isEmpty', 'notEmpty'];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** Why `value` cannot be compared with this field, or undefined when it can. */
function valueProblem(field: Field, value: RuleCondition['value']): string | undefined {
  const name = field.name;
  if (value === undefined) return `needs a value to compare ${name} with`;
  if (NUMERIC_TYPES.includes(field.type)) {
    if (typeof value !== 'number' || !Number.isFinite(value)) return `${name} is a number, so the value must be a number (not ${JSON.stringify(value)})`;
    if (field.type === 'integer' && !Number.isInteger(value)) return `${name} is a whole number, so the value must be one (not ${value})`;
    return undefined;
  }
  if (field.type === 'date') {
    if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) return `${name} is a date, so the value must be a date like 2030-01-31 (not ${JSON.stringify(value)})`;
    return undefined;
  }
  if (field.type === 'datetime') {
    if (typeof value !== 'string' || !(DATE_TIME.test(value) || DATE.test(value)) || Number.isNaN(Date.parse(value))) {
      return `${name} is a date and time, so the value must look like 2030-01-31T09:00:00Z (not ${JSON.stringify(value)})`;
    }
    return undefined;
  }
  if (field.type === 'boolean') return typeof value === 'boolean' ? undefined : `${name} is yes/no, so the value must be true or false (not ${JSON.stringify(value)})`;
  if (field.type === 'enum') {
    if (typeof value !== 'string' || !field.enumValues?.includes(value)) return `"${String(value)}" is not a value of ${name} (${(field.enumValues ?? []).join(', ')})`;
    return undefined;
  }
  return typeof value === 'string' ? undefined : `${name} is text, so the value must be text (not ${JSON.stringify(value)})`;
}

/**
 * Why this condition does not fit the field, or undefined when it does: the comparison must suit
 * the type, the value must be of the field's type (an enum value of the enum), and the condition
 * must be able both to hold and not to hold for a valid row.
 */
export function conditionProblem(field: Field, condition: RuleCondition): string | undefined {
  const { op, value } = condition;
  const name = field.name;
  if (!opsFor(field.type).includes(op)) {
    if (op === 'past' || op === 'future') return `"${op}" needs a date or date-time field, and ${name} is ${field.type}`;
    return `"${op}" cannot compare ${name} (${field.type}): use ${opsFor(field.type).join(', ')}`;
  }
  if (condition.offset) {
    if (op !== 'past' && op !== 'future') return `a margin (${describeAmount(condition.offset)}) only goes with "past" or "future", not "${op}"`;
    if (field.type === 'date' && condition.offset.unit !== 'days') return `${name} is a date without a time of day, so the margin must be in whole days (not ${describeAmount(condition.offset)})`;
    if (Math.abs(offsetMinutes(condition.offset)) > MAX_OFFSET_DAYS * 1440) return `a margin of ${describeAmount(condition.offset)} is longer than ${MAX_OFFSET_DAYS} days`;
  }
  if (VALUE_OPS.includes(op)) {
    const problem = valueProblem(field, value);
    if (problem) return problem;
  } else if (value !== undefined) {
    return `"${op}" takes no value (remove ${JSON.stringify(value)})`;
  }
  if (field.required && op === 'isEmpty') return `${name} is required, so it is never empty and the rule would never apply`;
  if (field.required && op === 'notEmpty') return `${name} is required, so it is always filled in and the rule would refuse every row`;
  if (NUMERIC_TYPES.includes(field.type) && typeof value === 'number') {
    const min = field.min ?? -Infinity;
    const max = field.max ?? Infinity;
    const never =
      (op === 'eq' && (value < min || value > max)) || (op === 'lt' && min >= value) || (op === 'lte' && min > value) || (op === 'gt' && max <= value) || (op === 'gte' && max < value);
    if (never) return `${name} must be from ${field.min ?? '…'} to ${field.max ?? '…'}, so "${op} ${value}" never holds and the rule would never apply`;
    const always =
      (op === 'ne' && (value < min || value > max)) || (op === 'lt' && max < value) || (op === 'lte' && max <= value) || (op === 'gt' && min > value) || (op === 'gte' && min >= value);
    if (always && field.required) return `${name} must be from ${field.min ?? '…'} to ${field.max ?? '…'}, so "${op} ${value}" always holds and the rule would refuse every row`;
  }
  if (field.type === 'enum' && field.required && op === 'ne' && field.enumValues?.length === 1) {
    return `${name} can only be "${field.enumValues[0]}", so "ne" never holds`;
  }
  return undefined;
}

type Value = string | number | boolean | null | undefined;

function timeOf(value: string): number {
  return Date.parse(DATE.test(value) ? `${value}T00:00:00.000Z` : value);
}

/**
 * Whether the condition holds for this (sample) value of a field of this type. `now` is the
 * moment past/future compare with. A missing value only satisfies isEmpty (and not notEmpty).
 */
export function conditionHolds(type: FieldType, value: Value, condition: Pick<RuleCondition, 'op' | 'value' | 'offset'>, now = Date.now()): boolean {
  const { op } = condition;
  const empty = value === null || value === undefined || value === '';
  if (op === 'isEmpty') return empty;
  if (op === 'notEmpty') return !empty;
  if (empty) return false;
  if (op === 'past' || op === 'future') {
    // A margin moves "now": past with +2 hours holds from two hours before the time on.
    const moved = now + offsetMinutes(condition.offset) * 60_000;
    const t = timeOf(String(value));
    if (type === 'date') {
      const today = new Date(moved).toISOString().slice(0, 10);
      return op === 'past' ? String(value) < today : String(value) > today;
    }
    return op === 'past' ? t <= moved : t > moved;
  }
  let a: number | string | boolean = value as string | number | boolean;
  let b: number | string | boolean = condition.value as string | number | boolean;
  if (NUMERIC_TYPES.includes(type)) {
    a = Number(a);
    b = Number(b);
  } else if (TIME_TYPES.includes(type)) {
    a = timeOf(String(a));
    b = timeOf(String(b));
  }
  switch (op) {
    case 'eq':
      return a === b;
    case 'ne':
      return a !== b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
  }
  return false;
}

/** A date far in the past or future, as the field's type wants it. */
export function farTime(type: FieldType, future: boolean): string {
  const day = future ? '2090-06-15' : '2001-06-15';
  return type === 'date' ? day : `${day}T10:00:00.000Z`;
}

function shiftTimeValue(value: string, type: FieldType, days: number): string {
  const t = timeOf(value) + days * 86_400_000;
  const iso = new Date(t).toISOString();
  return type === 'date' ? iso.slice(0, 10) : iso;
}

function withinBounds(field: Pick<Field, 'min' | 'max'>, value: number): boolean {
  return (field.min === undefined || value >= field.min) && (field.max === undefined || value <= field.max);
}

/** Candidate values of a field for which the condition may hold (`holds`) or may not. */
function candidates(field: Pick<Field, 'type' | 'enumValues' | 'min' | 'max'>, condition: Pick<RuleCondition, 'op' | 'value' | 'offset'>, holds: boolean, current: Value): Value[] {
  const { type } = field;
  const v = condition.value;
  const out: Value[] = [];
  if (condition.op === 'past' || condition.op === 'future') {
    out.push(farTime(type, (condition.op === 'future') === holds));
    return out;
  }
  if (condition.op === 'isEmpty' || condition.op === 'notEmpty') {
    out.push((condition.op === 'isEmpty') === holds ? null : current ?? sampleFor(field));
    return out;
  }
  if (NUMERIC_TYPES.includes(type) && typeof v === 'number') {
    const step = type === 'integer' ? 1 : 0.5;
    const base = type === 'integer' ? [Math.floor(v), Math.ceil(v)] : [v];
    for (const b of base) out.push(b, b + step, b - step, b + 10 * step, b - 10 * step);
    if (field.min !== undefined) out.push(field.min);
    if (field.max !== undefined) out.push(field.max);
    const fixed = out.filter((x): x is number => typeof x === 'number' && withinBounds(field, x));
    return type === 'integer' ? fixed : fixed.map((x) => (type === 'money' ? x.toFixed(2) : String(x)));
  }
  if (TIME_TYPES.includes(type) && typeof v === 'string') {
    out.push(v, shiftTimeValue(v, type, 1), shiftTimeValue(v, type, -1), shiftTimeValue(v, type, 30), shiftTimeValue(v, type, -30));
    return out.map((x) => (type === 'datetime' && typeof x === 'string' && DATE.test(x) ? `${x}T00:00:00.000Z` : x));
  }
  if (type === 'boolean') return [true, false];
  if (type === 'enum') return [...(v !== undefined ? [v as string] : []), ...(field.enumValues ?? [])];
  if (typeof v === 'string') return [v, `${v} (other)`.slice(0, 255), `Other than ${v}`.slice(0, 255)];
  return out;
}

function sampleFor(field: Pick<Field, 'type' | 'enumValues' | 'min' | 'max'>): Value {
  if (NUMERIC_TYPES.includes(field.type)) return field.type === 'integer' ? field.min ?? 1 : String(field.min ?? 1);
  if (TIME_TYPES.includes(field.type)) return farTime(field.type, true);
  if (field.type === 'boolean') return true;
  if (field.type === 'enum') return field.enumValues?.[0] ?? null;
  return 'Example';
}

/**
 * A value of the field for which the condition holds (`holds` true: a row the rule refuses) or
 * does not (false: an ordinary row). `current` is kept when it already does; undefined when no
 * candidate works (e.g. a condition that contradicts the field's bounds).
 */
export function valueWhere(
  field: Pick<Field, 'type' | 'enumValues' | 'min' | 'max'>,
  condition: Pick<RuleCondition, 'op' | 'value' | 'offset'>,
  holds: boolean,
  current?: Value,
  now = Date.now(),
): Value | undefined {
  // Past and future always get a far date, so generated files do not depend on today.
  const timeRelative = condition.op === 'past' || condition.op === 'future';
  if (!timeRelative && current !== undefined && conditionHolds(field.type, current, condition, now) === holds) return current;
  for (const candidate of candidates(field, condition, holds, current)) {
    if (conditionHolds(field.type, candidate, condition, now) === holds) return candidate;
  }
  return undefined;
}
