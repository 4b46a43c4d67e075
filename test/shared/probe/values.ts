// Values the probe sends, chosen from each field's type and limits and the spec's rules alone (not
// from the generated code or its tests): a valid row, values each kind of field must refuse, and
// the comparison of a value sent with the value read back.
import type { Field, ProjectSpec, RuleCondition } from '../../../src/model/project/projectSpec';

const DAY_MS = 86_400_000;
/** Sample rows start 60 days from now, a week apart, so none is in the past or overlaps another. */
const FIRST_DAY = Date.parse(new Date(Date.now() + 60 * DAY_MS).toISOString().slice(0, 10));

const STARTS = /^(start|begin|from|open|check_?in|issued|borrowed|depart|pick_?up)|(start|begin|from)(s|ed)?(_?at|_?on|_?date|_?time)?$/i;
const ENDS = /^(end|finish|until|to|due|close|return|check_?out|expir|deadline|drop_?off)|(end|finish|until|due|close)(s|ed)?(_?at|_?on|_?date|_?time)?$/i;

/** Start-like date fields come first in a row, end-like ones last, the rest between. */
function dateRank(field: Field): number {
  if (STARTS.test(field.name)) return 0;
  if (ENDS.test(field.name)) return 2;
  return 1;
}

export function dateValue(type: 'date' | 'datetime', dayNumber: number): string {
  const time = FIRST_DAY + dayNumber * DAY_MS + (type === 'datetime' ? 10 * 3_600_000 : 0);
  const iso = new Date(time).toISOString();
  return type === 'date' ? iso.slice(0, 10) : iso;
}

/** A number inside the field's limits, 10 when they allow it. */
function numberIn(field: Field): number {
  const low = field.min ?? -Infinity;
  const high = field.max ?? Infinity;
  return Math.min(Math.max(10, low), high);
}

/** Whether the field holds a number (sent as a number or, for money, a decimal string). */
export function isNumber(field: Field): boolean {
  return field.type === 'integer' || field.type === 'decimal' || field.type === 'money';
}

export function formatNumber(field: Field, value: number): unknown {
  return field.type === 'integer' ? Math.round(value) : value.toFixed(2);
}

/** A valid value of one field for row number n (n makes unique fields unique). */
export function validValue(field: Field, n: number, initialStatus?: string): unknown {
  switch (field.type) {
    case 'string':
      return `Probe ${field.name} ${n}`.slice(0, field.max ?? 255);
    case 'text':
      return `Probe ${field.name} ${n}\nsecond line`;
    case 'integer':
    case 'decimal':
    case 'money':
      return formatNumber(field, numberIn(field) + (field.unique ? n : 0));
    case 'boolean':
      return true;
    case 'date':
    case 'datetime':
      return dateValue(field.type, n * 7 + dateRank(field));
    case 'enum':
      return initialStatus ?? field.enumValues?.[0];
    case 'email':
      return `probe${n}.${field.name.toLowerCase()}@example.com`;
    case 'url':
      return `https://example.com/probe/${n}`;
  }
}

/** A value of the wrong type, which validation must refuse with 400. */
export function wrongType(field: Field): unknown {
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return 'not a number';
    case 'boolean':
      return 'maybe';
    case 'date':
    case 'datetime':
      return 'not a date';
    case 'enum':
      return 'not_one_of_the_values';
    case 'email':
      return 'not an email';
    case 'url':
      return 'not a url';
    default:
      return { not: 'text' };
  }
}

/** Whether a value read back is the value sent (numbers as numbers, times as instants). */
export function sameValue(field: Field, sent: unknown, read: unknown): boolean {
  if (sent === null || sent === undefined) return read === null || read === undefined;
  switch (field.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return Number(sent) === Number(read);
    case 'datetime':
      return Date.parse(String(sent)) === Date.parse(String(read));
    case 'date':
      return String(read).slice(0, 10) === String(sent).slice(0, 10);
    default:
      return sent === read;
  }
}

/** Fields of an entity that, by meaning, cannot be negative (counts, amounts, durations, capacities). */
export const NON_NEGATIVE = /(count|quantity|qty|amount|price|cost|fee|total|capacity|seats|stock|copies|duration|minutes|hours|days|weight|length|size|servings|age|limit|max)/i;

/**
 * Makes a row avoid every refuseWhen condition on create and respect dateOrder rules, so the
 * "valid row" is valid by the spec, not only by type.
 */
export function respectRules(spec: ProjectSpec, entity: string, row: Record<string, unknown>): void {
  const fields = new Map(spec.entities.find((e) => e.name === entity)?.fields.map((f) => [f.name, f]) ?? []);
  const rules = spec.rules.filter((rule) => rule.entity === entity);
  for (const rule of rules) {
    if (rule.kind !== 'refuseWhen' || !rule.actions.includes('create') || rule.condition.relation) continue;
    const field = fields.get(rule.condition.field);
    if (field) row[field.name] = avoiding(rule.condition, field, row[field.name]);
  }
  // After the refusals: a date moved away from "past" may now come after its end.
  keepDatesInOrder(spec, entity, row);
}

/** Names of start and end dates (the generator orders such a pair even when the spec states no rule). */
export const START_NAME = /^(start|begin|from|check_?in|depart|opens?)|(start|begin)s?(_?at|_?on|_?date|_?time)?$/i;
export const END_NAME = /^(end|finish|until|check_?out|closes?)|(end|finish)(s|ed)?(_?at|_?on|_?date|_?time)?$/i;

/** Moves each later date after its earlier one: the spec's dateOrder rules and start/end pairs by name. */
export function keepDatesInOrder(spec: ProjectSpec, entity: string, row: Record<string, unknown>): void {
  const fields = new Map(spec.entities.find((e) => e.name === entity)?.fields.map((f) => [f.name, f]) ?? []);
  const pairs: [string, string][] = spec.rules.flatMap((r) => (r.kind === 'dateOrder' && r.entity === entity ? [[r.earlier, r.later] as [string, string]] : []));
  const dates = [...fields.values()].filter((f) => f.type === 'date' || f.type === 'datetime');
  const start = dates.find((f) => START_NAME.test(f.name));
  const end = dates.find((f) => END_NAME.test(f.name));
  if (start && end) pairs.push([start.name, end.name]);
  for (const [earlier, later] of pairs) orderDates({ earlier, later }, fields, row);
}

function orderDates(rule: { earlier: string; later: string }, fields: Map<string, Field>, row: Record<string, unknown>): void {
  const earlier = row[rule.earlier];
  const later = fields.get(rule.later);
  if (typeof earlier !== 'string' || !later || (later.type !== 'date' && later.type !== 'datetime')) return;
  if (typeof row[rule.later] === 'string' && Date.parse(String(row[rule.later])) > Date.parse(earlier)) return;
  const moved = new Date(Date.parse(earlier) + DAY_MS).toISOString();
  row[rule.later] = later.type === 'date' ? moved.slice(0, 10) : moved;
}

/** A value of the field for which the condition does not hold. */
export function avoiding(condition: RuleCondition, field: Field, current: unknown): unknown {
  return pickFor(condition, field, current, false);
}

/** A value of the field for which the condition holds (undefined when none can be chosen). */
export function meeting(condition: RuleCondition, field: Field, current: unknown): unknown {
  return pickFor(condition, field, current, true);
}

function pickFor(condition: RuleCondition, field: Field, current: unknown, holds: boolean): unknown {
  const value = condition.value;
  const other = field.type === 'enum' ? field.enumValues?.find((v) => v !== value) : field.type === 'boolean' ? !value : `other ${String(value)}`;
  const number = typeof value === 'number' ? value : Number(value);
  switch (condition.op) {
    case 'eq':
      return holds ? value : current === value ? other : current;
    case 'ne':
      return holds ? (current === value ? other : current) : value;
    case 'isEmpty':
      return holds ? null : (current ?? validValue(field, 1));
    case 'notEmpty':
      return holds ? (current ?? validValue(field, 1)) : null;
    // The boundary itself where it is on the wanted side, so "fees > 0" is avoided by 0, not by -1
    // (which the field's own limits would refuse).
    case 'lt':
      return formatNumber(field, holds ? number - 1 : number);
    case 'lte':
      return formatNumber(field, holds ? number : number + 1);
    case 'gt':
      return formatNumber(field, holds ? number + 1 : number);
    case 'gte':
      return formatNumber(field, holds ? number : number - 1);
    case 'past':
    case 'future': {
      const offsetDays = condition.offset ? (condition.offset.amount * { minutes: 1 / 1440, hours: 1 / 24, days: 1 }[condition.offset.unit]) : 0;
      const wantPast = (condition.op === 'past') === holds;
      const days = wantPast ? -400 + offsetDays : 400 + offsetDays;
      const time = new Date(Date.now() + days * DAY_MS).toISOString();
      return field.type === 'date' ? time.slice(0, 10) : time;
    }
  }
}
