// Deterministic example values per column (the n-th row), used by the seed script and the tests.
// Words and numbers come from what each field means and the entity's domain (sampleStrings.ts,
// sampleNumbers.ts); here they are made to satisfy the spec's rules: time ranges in order, no
// overlaps, and no refuseWhen condition holds for them.
import type { RuleCondition } from '../../../model/project/projectSpec';
import { conditionHolds, valueWhere } from '../../../model/project/ruleConditions';
import type { BackendModel, Column, EntityModel } from './model';
import { birthDate, isBirthDate, numberSample } from './sampleNumbers';
import { emailSample, stringSample, textSample } from './sampleStrings';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Fields that size a capacity rule get a roomy value so ordinary rows never hit the limit. */
function isCapacityField(column: Column, entity: EntityModel, model: BackendModel): boolean {
  return model.spec.rules.some(
    (r) =>
      r.kind === 'capacity' && r.capacityField !== undefined && r.capacityField === column.prop && model.index.parents(r.entity).some((rel) => rel.name === r.relation && rel.to === entity.entity.name),
  );
}

/** Whether no two rows may share the column's value: a unique field, or the only field of a unique rule. */
export function isUniqueColumn(column: Column, entity: EntityModel): boolean {
  return column.unique || entity.rules.some((r) => r.kind === 'unique' && r.fields.length === 1 && r.fields[0] === column.prop);
}

/** How many different values the samples of a unique column can take (the rows the seed can hold). */
export function distinctSamples(column: Column, entity: EntityModel): number {
  if (!isUniqueColumn(column, entity)) return Infinity;
  if (column.type === 'boolean') return 2;
  if (column.type !== 'enum') return Infinity;
  return workflowInitial(entity, column) ? 1 : column.enumValues?.length ?? 0;
}

/** Workflow-controlled fields start at the workflow's initial value. */
export function workflowInitial(entity: EntityModel, column: Column): string | undefined {
  const rule = entity.rules.find((r) => r.kind === 'statusWorkflow' && r.field === column.prop);
  return rule?.kind === 'statusWorkflow' ? rule.initial : undefined;
}

/**
 * The refuseWhen conditions that read this column: the entity's own, and those of child entities
 * whose condition reads it through their belongsTo relation to this entity.
 */
export function refusalConditions(column: Column, entity: EntityModel, model: BackendModel): RuleCondition[] {
  if (!column.field) return [];
  return model.spec.rules.flatMap((rule) => {
    if (rule.kind !== 'refuseWhen' || rule.condition.field !== column.prop) return [];
    const { relation } = rule.condition;
    if (!relation) return rule.entity === entity.entity.name ? [rule.condition] : [];
    const target = model.index.parents(rule.entity).find((r) => r.name === relation)?.to;
    return target === entity.entity.name ? [rule.condition] : [];
  });
}

type Sample = string | number | boolean | null;

/** The sample moved (if needed) to a value for which no refusal of the column holds. */
function refusalSafe(value: Sample, column: Column, entity: EntityModel, model: BackendModel): Sample {
  const field = column.field;
  if (!field) return value;
  let safe = value;
  for (const condition of refusalConditions(column, entity, model)) {
    const moved = valueWhere(field, condition, false, safe);
    if (moved !== undefined) safe = moved;
  }
  return safe;
}

const PERIOD_DAYS = { day: 1, week: 7, month: 31 } as const;

/**
 * Days between the samples of a field a capacity rule counts periods on (0 for other fields): a
 * full period apart (31 days always reaches the next month), so ordinary rows never fill one.
 */
export function periodSpacing(column: Column, entity: EntityModel): number {
  const days = entity.rules.flatMap((r) => (r.kind === 'capacity' && r.period?.field === column.prop ? [PERIOD_DAYS[r.period.unit]] : []));
  return days.length ? Math.max(...days) : 0;
}

/** A JSON-compatible sample value for a field column (not foreign keys or auth internals). */
export function sampleValue(column: Column, n: number, entity: EntityModel, model: BackendModel): Sample {
  const spacing = periodSpacing(column, entity);
  if (spacing) {
    // Counted per period: the n-th sample is n - 1 periods after the first (which avoids every refusal).
    const first = refusalSafe(baseSample(column, 1, entity, model), column, entity, model);
    return typeof first === 'string' ? shiftTime(first, (n - 1) * spacing * (column.type === 'date' ? 1 : 1440), column.type) : first;
  }
  const base = baseSample(column, n, entity, model);
  const safe = refusalSafe(base, column, entity, model);
  return safe !== base && n > 1 ? spreadTime(safe, n, column, entity, model) : safe;
}

/**
 * A date moved to a refusal-safe far date is one day further per row, so rows do not all share
 * one instant (a unique date, a noOverlap slot), unless that would trigger the refusal after all.
 */
function spreadTime(value: Sample, n: number, column: Column, entity: EntityModel, model: BackendModel): Sample {
  const field = column.field;
  if (typeof value !== 'string' || !field || (column.type !== 'date' && column.type !== 'datetime')) return value;
  const spread = shiftTime(value, (n - 1) * (column.type === 'date' ? 1 : 1440), column.type);
  return refusalConditions(column, entity, model).some((condition) => conditionHolds(field.type, spread, condition)) ? value : spread;
}

function baseSample(column: Column, n: number, entity: EntityModel, model: BackendModel): Sample {
  switch (column.type) {
    case 'string':
      return stringSample(column, n, entity, model);
    case 'email':
      return emailSample(column, n, entity, model);
    case 'text':
      return textSample(column, n, entity, model);
    case 'url':
      return `https://example.com/${entity.names.route}/${n}`;
    case 'integer':
    case 'decimal':
    case 'money':
      return numberSample(column, n, isCapacityField(column, entity, model));
    case 'boolean':
      return n % 2 === 0;
    case 'date':
      if (isBirthDate(column)) return birthDate(n);
      return `2030-01-${pad(1 + ((n - 1) % 28))}`;
    case 'datetime':
      return `2030-01-${pad(1 + ((n - 1) % 28))}T${pad(9 + (n % 8))}:00:00.000Z`;
    case 'enum':
    case 'role': {
      const initial = workflowInitial(entity, column);
      if (initial) return initial;
      if (column.default !== undefined && !isUniqueColumn(column, entity)) return String(column.default);
      return column.enumValues?.[(n - 1) % column.enumValues.length] ?? null;
    }
    case 'foreignKey':
    case 'passwordHash':
      return null;
  }
}

/** Sample values of every spec field of an entity, with time ranges made valid for noOverlap rules. */
export function sampleFields(entity: EntityModel, n: number, model: BackendModel): Record<string, string | number | boolean | null> {
  const values: Record<string, string | number | boolean | null> = {};
  for (const column of entity.columns) {
    if (!column.field) continue;
    values[column.prop] = sampleValue(column, n, entity, model);
  }
  for (const rule of entity.rules) {
    if (rule.kind === 'capacity' && rule.activeWhenNull) values[rule.activeWhenNull] = null;
    if (rule.kind !== 'noOverlap') continue;
    const start = values[rule.start];
    // An hour long (a day for whole dates), within the duration field's own limits.
    const duration = entity.columns.find((c) => c.prop === rule.durationMinutesField);
    if (duration) values[duration.prop] = Math.min(duration.max ?? Infinity, Math.max(duration.min ?? 0, 60));
    const endType = entity.columns.find((c) => c.prop === rule.end)?.type;
    if (rule.end && typeof start === 'string') values[rule.end] = shiftTime(start, endType === 'date' ? 1 : 60, endType);
  }
  // Later dates after earlier ones (a few passes, for chains such as start < end < review).
  const orders = entity.rules.filter((r) => r.kind === 'dateOrder');
  for (let pass = 0; pass < orders.length; pass++) {
    for (const rule of orders) {
      if (rule.kind !== 'dateOrder') continue;
      const earlier = values[rule.earlier];
      const later = values[rule.later];
      if (typeof earlier !== 'string' || typeof later !== 'string') continue;
      if (inOrder(earlier, later, rule.allowEqual)) continue;
      // A date a refusal reads keeps its value (chosen not to trigger it); the other one moves instead.
      const laterColumn = entity.columns.find((c) => c.prop === rule.later);
      const earlierColumn = entity.columns.find((c) => c.prop === rule.earlier);
      if (laterColumn && refusalConditions(laterColumn, entity, model).length && earlierColumn && !refusalConditions(earlierColumn, entity, model).length) {
        const type = earlierColumn.type;
        values[rule.earlier] = shiftTime(type === 'date' ? later.slice(0, 10) : later, type === 'date' ? -1 : -60, type);
        continue;
      }
      const type = laterColumn?.type;
      values[rule.later] = shiftTime(type === 'date' ? earlier.slice(0, 10) : earlier, type === 'date' ? 1 : 60, type);
    }
  }
  return values;
}

function timeOf(value: string): number {
  return Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : value);
}

/** Whether `later` is after (or, when allowed, at) `earlier`; dates and date-times compare as instants. */
export function inOrder(earlier: string, later: string, allowEqual = false): boolean {
  return allowEqual ? timeOf(later) >= timeOf(earlier) : timeOf(later) > timeOf(earlier);
}

/** Moves a date/datetime sample by minutes (datetime) or the same number of days (date). */
export function shiftTime(value: string, minutes: number, type: string | undefined): string {
  if (type === 'date') {
    // (A date-time moved into a date column keeps its day: "start" may be a date-time, "end" a date.)
    const date = new Date(`${value.slice(0, 10)}T00:00:00.000Z`);
    date.setUTCDate(date.getUTCDate() + minutes);
    return date.toISOString().slice(0, 10);
  }
  return new Date(Date.parse(value) + minutes * 60_000).toISOString();
}
