// Checks the rows the generated seed inserts against the spec as the backend enforces it: column
// types and limits (required, unique, enum, min/max, lengths), foreign keys, and the data rules
// (unique, dateOrder, statusWorkflow, refuseWhen, capacity, noOverlap). Returns what is wrong.
import type { Column, EntityModel } from '../../src/core/generator/backend/model';
import type { SeedRow, SeedTable } from '../../src/core/generator/backend/seedRows';
import type { Rule } from '../../src/model/project/projectSpec';
import { conditionHolds } from '../../src/model/project/ruleConditions';

type Value = SeedRow['values'][string];
type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

const time = (value: Value) => Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(String(value)) ? `${String(value)}T00:00:00.000Z` : String(value));

/** What is wrong with one value of a column ('' when nothing). */
function valueProblem(column: Column, value: Value): string {
  if (value === null || value === undefined) return column.notNull ? 'is missing but required' : '';
  const { min, max } = column;
  switch (column.type) {
    case 'string':
    case 'text': {
      const text = String(value);
      const limit = column.type === 'string' ? Math.min(max ?? 255, 255) : max ?? 100_000;
      if (column.notNull && !text.trim()) return 'is blank';
      if (text.length > limit || (min !== undefined && text.trim().length < min)) return `has length ${text.length} outside its limits`;
      return column.type === 'string' && /[\n\r]/.test(text) ? 'has a line break in a one-line field' : '';
    }
    case 'email':
      return /^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$/i.test(String(value)) ? '' : 'is not an email address';
    case 'url':
      return URL.canParse(String(value)) ? '' : 'is not a URL';
    case 'integer':
    case 'decimal':
    case 'money': {
      const number = Number(value);
      if (!Number.isFinite(number) || (column.type === 'integer' && !Number.isInteger(number))) return 'is not a number of its type';
      if ((min !== undefined && number < min) || (max !== undefined && number > max)) return `${number} is outside [${min}, ${max}]`;
      const negativeAllowed = (min !== undefined && min < 0) || (max !== undefined && max < 0);
      return number < 0 && !negativeAllowed ? 'is negative' : '';
    }
    case 'date':
    case 'datetime':
      return Number.isFinite(time(value)) && (column.type === 'datetime' || /^\d{4}-\d{2}-\d{2}$/.test(String(value))) ? '' : 'is not a valid date';
    case 'enum':
    case 'role':
      return column.enumValues?.includes(String(value)) ? '' : `is not one of ${column.enumValues?.join(', ')}`;
    default:
      return '';
  }
}

/** The value a unique rule or scope compares: a field's value, or which parent row a relation points at. */
function keyOf(entity: EntityModel, row: SeedRow, name: string): string {
  const column = entity.columns.find((c) => c.prop === name || c.relation?.name === name);
  if (column?.relation) {
    const reference = row.references[column.prop];
    return reference ? `#${reference.index}` : 'null';
  }
  return JSON.stringify(row.values[column?.prop ?? name] ?? null);
}

function uniqueProblems(entity: EntityModel, rows: SeedRow[]): string[] {
  const sets = [
    ...entity.columns.filter((c) => c.unique && c.field).map((c) => [c.prop]),
    ...entity.rules.filter((r): r is RuleOf<'unique'> => r.kind === 'unique').map((r) => r.fields),
  ];
  return sets.flatMap((fields) => {
    const keys = rows.map((row) => fields.map((f) => keyOf(entity, row, f)).join('|'));
    return new Set(keys).size === keys.length ? [] : [`${fields.join('+')} repeats: ${keys.join(', ')}`];
  });
}

/** The parent row a relation of the row points at. */
function parentRow(tables: Map<string, SeedTable>, entity: EntityModel, row: SeedRow, relationName: string): SeedRow | undefined {
  const column = entity.columns.find((c) => c.relation?.name === relationName);
  const reference = column ? row.references[column.prop] : null;
  return reference ? tables.get(reference.entity.entity.name)?.rows[reference.index] : undefined;
}

/** "2030-W03": the period a time falls in for a capacity rule. */
function periodKey(value: Value, unit: 'day' | 'week' | 'month'): string {
  const date = new Date(time(value));
  if (unit === 'day') return date.toISOString().slice(0, 10);
  if (unit === 'month') return date.toISOString().slice(0, 7);
  const monday = new Date(date);
  monday.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return `week of ${monday.toISOString().slice(0, 10)}`;
}

function capacityProblems(rule: RuleOf<'capacity'>, entity: EntityModel, rows: SeedRow[], tables: Map<string, SeedTable>): string[] {
  const groups = new Map<string, { count: number; limit: number }>();
  for (const row of rows) {
    if (rule.activeWhenNull && row.values[rule.activeWhenNull] !== null && row.values[rule.activeWhenNull] !== undefined) continue;
    const parent = rule.relation ? parentRow(tables, entity, row, rule.relation) : undefined;
    if (rule.relation && !parent) continue;
    const limit = rule.limit ?? Number(parent?.values[rule.capacityField ?? ''] ?? Infinity);
    const key = `${rule.relation ? keyOf(entity, row, rule.relation) : ''} ${rule.period ? periodKey(row.values[rule.period.field], rule.period.unit) : ''}`;
    const group = groups.get(key) ?? { count: 0, limit };
    group.count++;
    groups.set(key, group);
  }
  return [...groups].filter(([, g]) => g.count > g.limit).map(([key, g]) => `capacity: ${g.count} rows in "${key}", limit ${g.limit}`);
}

function overlapProblems(rule: RuleOf<'noOverlap'>, entity: EntityModel, rows: SeedRow[]): string[] {
  const spans = rows.map((row) => {
    const start = time(row.values[rule.start]);
    const end = rule.end ? time(row.values[rule.end]) : start + Number(row.values[rule.durationMinutesField ?? ''] ?? 0) * 60_000;
    return { scope: keyOf(entity, row, rule.scope), start, end };
  });
  const problems: string[] = [];
  spans.forEach((a, i) =>
    spans.slice(i + 1).forEach((b) => {
      if (a.scope === b.scope && a.start < b.end && b.start < a.end) problems.push(`noOverlap: two rows of ${rule.scope} ${a.scope} overlap`);
    }),
  );
  return problems;
}

function ruleProblems(rule: Rule, entity: EntityModel, rows: SeedRow[], tables: Map<string, SeedTable>): string[] {
  switch (rule.kind) {
    case 'dateOrder':
      return rows.flatMap((row) => {
        const [a, b] = [row.values[rule.earlier], row.values[rule.later]];
        if (a === null || b === null || a === undefined || b === undefined) return [];
        return (rule.allowEqual ? time(b) >= time(a) : time(b) > time(a)) ? [] : [`dateOrder: ${rule.earlier} ${String(a)} -> ${rule.later} ${String(b)}`];
      });
    case 'statusWorkflow':
      return rows.filter((row) => row.values[rule.field] !== rule.initial).map((row) => `statusWorkflow: ${String(row.values[rule.field])} is not ${rule.initial}`);
    case 'refuseWhen':
      return rows.flatMap((row) => {
        const holder = rule.condition.relation ? parentRow(tables, entity, row, rule.condition.relation) : row;
        const holderEntity = rule.condition.relation ? entity.parents.find((r) => r.name === rule.condition.relation)?.to : entity.entity.name;
        const type = [...tables.values()].find((t) => t.entity.entity.name === holderEntity)?.entity.columns.find((c) => c.prop === rule.condition.field)?.field?.type;
        if (!holder || !type) return [];
        return conditionHolds(type, holder.values[rule.condition.field] ?? null, rule.condition) ? [`refuseWhen (${rule.actions.join('/')}) holds: ${rule.message}`] : [];
      });
    case 'capacity':
      return capacityProblems(rule, entity, rows, tables);
    case 'noOverlap':
      return overlapProblems(rule, entity, rows);
    default:
      return [];
  }
}

/** Every problem of the seed, as "<Entity> row <n>: <what>" lines. */
export function seedProblems(seed: SeedTable[]): string[] {
  const tables = new Map(seed.map((table) => [table.entity.entity.name, table]));
  return seed.flatMap(({ entity, rows }) => {
    const name = entity.entity.name;
    const own = rows.flatMap((row, i) =>
      entity.columns.flatMap((column) => {
        if (column.relation) {
          const reference = row.references[column.prop];
          const parentCount = reference ? tables.get(reference.entity.entity.name)?.rows.length ?? 0 : 0;
          if (reference && reference.index >= parentCount) return [`${name} row ${i + 1}: ${column.prop} points at a row the seed does not insert`];
          return !reference && column.notNull ? [`${name} row ${i + 1}: ${column.prop} is required but points nowhere`] : [];
        }
        if (!column.field) return [];
        const problem = valueProblem(column, row.values[column.prop] ?? null);
        return problem ? [`${name} row ${i + 1}: ${column.prop} = ${JSON.stringify(row.values[column.prop])} ${problem}`] : [];
      }),
    );
    const rules = entity.rules.flatMap((rule) => ruleProblems(rule, entity, rows, tables).map((p) => `${name}: ${p}`));
    return [...own, ...uniqueProblems(entity, rows).map((p) => `${name}: ${p}`), ...rules];
  });
}
