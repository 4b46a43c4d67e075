// The sample values component tests type into forms, expect in payloads and get back from the
// mocked API (dates through the generated date helpers, so they keep the spec's date order).
import type { Field } from '../../../../model/project/projectSpec';
import { type FrontendEntity, str } from '../model';
import { jsValue } from '../../emit';
import { conditionHolds, offsetMinutes, valueWhere } from '../../../../model/project/ruleConditions';

const DATE_HELPERS = ['sampleDate', 'sampleIsoDateTime', 'sampleLocalDateTime'];

/** The import of the date helpers a generated test file calls (none: no import). */
export function datesImport(code: string): string {
  const used = DATE_HELPERS.filter((name) => code.includes(`${name}(`));
  return used.length ? `import { ${used.join(', ')} } from './dates';\n` : '';
}

/** Where a file's import of the date helpers goes; withDatesImport puts the import there (or nothing). */
export const DATES_IMPORT = '/* dates import */\n';
export function withDatesImport(code: string): string {
  return code.replace(DATES_IMPORT, datesImport(code.replace(DATES_IMPORT, '')));
}

/** A call of a date helper, as code (`days` after the first sample day). */
export function dateCall(helper: string, days: number): string {
  return `${helper}(${days || ''})`;
}

function clamp(value: number, field: Field): number {
  let result = value;
  if (field.min !== undefined && result < field.min) result = field.min;
  if (field.max !== undefined && result > field.max) result = field.max;
  return result;
}

/**
 * Days every sample date of the entity moves so that no refusal with a margin closes its sample record
 * ("orders can't be changed less than 60 days before delivery": 30 days ahead would be refused).
 */
function refusalMargin(entity: FrontendEntity): number {
  const timed = entity.refusals.filter((rule) => ['date', 'datetime'].includes(rule.field.type));
  const future = timed.filter((rule) => rule.condition.op === 'future');
  if (future.length) {
    // ("… cannot be changed once it is more than a day away": every sample day before today, and before the margin.)
    const dateFields = entity.entity.fields.filter((f) => f.type === 'date' || f.type === 'datetime').length;
    const margin = Math.min(...future.map((rule) => Math.floor(offsetMinutes(rule.condition.offset) / 1440)));
    return margin - 30 - dateFields - 2;
  }
  let days = 0;
  for (const rule of timed) if (rule.condition.op === 'past') days = Math.max(days, Math.ceil(offsetMinutes(rule.condition.offset) / 1440));
  return days;
}

type Literal = string | number | boolean | null;

/** The sample a field has in SAMPLE before any refusal is considered (undefined for dates: they are counted from the day the tests run). */
function usualLiteral(field: Field, entity?: FrontendEntity): Literal | undefined {
  const workflow = entity?.workflows.get(field.name);
  if (workflow) return workflow.initial;
  if (field.type === 'date' || field.type === 'datetime') return undefined;
  const value = sampleLiteral(field);
  return field.type === 'integer' ? Number(value) : value;
}

/**
 * SAMPLE's value of a field when the entity's own refusals ("closed tickets cannot be changed",
 * "archived projects cannot be deleted") would hold on the usual sample: the record the edit and
 * delete tests load must be open. Undefined: the usual sample is open (past/future are kept open by
 * moving every sample date, see refusalMargin), or no value of the field is.
 */
export function openSampleLiteral(field: Field, entity?: FrontendEntity): Literal | undefined {
  const rules = (entity?.refusals ?? []).filter((rule) => rule.field.name === field.name && rule.condition.op !== 'past' && rule.condition.op !== 'future');
  if (!rules.length) return undefined;
  const usual = usualLiteral(field, entity);
  let value: Literal | undefined = usual;
  for (let pass = 0; pass < 2; pass++) {
    for (const rule of rules) {
      const open = valueWhere(field, rule.condition, false, value ?? undefined);
      if (open === undefined) return undefined;
      value = open;
    }
  }
  if (value === undefined || (value === null && field.required) || rules.some((rule) => conditionHolds(field.type, value, rule.condition))) return undefined;
  return value === usual ? undefined : value;
}

/** Days a date field's samples move so dateOrder rules hold: one per step after the earliest field. */
export function daysAfter(field: Field, entity?: FrontendEntity, seen = new Set<string>()): number {
  if (!entity || seen.has(field.name)) return 0;
  seen.add(field.name);
  let days = refusalMargin(entity);
  for (const order of entity.dateOrders) {
    if (order.later !== field.name) continue;
    const earlier = entity.entity.fields.find((f) => f.name === order.earlier);
    if (earlier) days = Math.max(days, daysAfter(earlier, entity, new Set(seen)) + 1);
  }
  return days;
}

/** What a test types into a field's input, as code (booleans: the value after one click). */
export function sampleInput(field: Field, entity?: FrontendEntity): string {
  const workflow = entity?.workflows.get(field.name);
  // A new record may only start in the workflow's initial state.
  if (workflow) return str(workflow.initial);
  // Dates count from the day the tests run (see dates.ts), a day later per dateOrder step.
  if (field.type === 'date') return dateCall('sampleDate', daysAfter(field, entity));
  if (field.type === 'datetime') return dateCall('sampleLocalDateTime', daysAfter(field, entity));
  const value = sampleLiteral(field);
  return typeof value === 'boolean' ? String(value) : str(value);
}

/** The literal sample of a field that is not a date. */
export function sampleLiteral(field: Field): string | boolean {
  switch (field.type) {
    case 'integer':
      return String(Math.round(clamp(5, field)));
    case 'decimal':
      return String(clamp(3.5, field));
    case 'money':
      return clamp(12.5, field).toFixed(2);
    case 'boolean':
      return field.default !== true;
    case 'enum': {
      const values = field.enumValues ?? [];
      return values[values.length - 1] ?? '';
    }
    case 'email':
      return 'sample@example.com';
    case 'url':
      return 'https://example.com/sample';
    case 'text':
      // Two lines: the pages must keep the break.
      return `Sample ${field.label.toLowerCase()}\nwith a second line`;
    default:
      return `Sample ${field.label.toLowerCase()}`;
  }
}

/** The JSON value (as code) the form should send for sampleInput. */
export function expectedPayloadValue(field: Field, entity?: FrontendEntity): string {
  if (field.type === 'datetime') return `new Date(${sampleInput(field, entity)}).toISOString()`;
  if (field.type === 'date' || entity?.workflows.has(field.name)) return sampleInput(field, entity);
  const value = sampleLiteral(field);
  if (field.type === 'integer') return String(Number(value));
  return jsValue(value);
}

/** The value (as code) in a record the mocked API returns. */
export function sampleRecordValue(field: Field, entity: FrontendEntity): string {
  const open = openSampleLiteral(field, entity);
  if (open !== undefined) return jsValue(open);
  if (field.type === 'datetime') return dateCall('sampleIsoDateTime', daysAfter(field, entity));
  return expectedPayloadValue(field, entity);
}

export function sampleRecord(entity: FrontendEntity, id = 1): string {
  const parts = [`id: ${id}`];
  if (entity.readOnly) parts.push(`email: 'sample@example.com'`, `role: 'member'`);
  for (const field of entity.entity.fields) if (!(entity.readOnly && field.name === 'email')) parts.push(`${field.name}: ${sampleRecordValue(field, entity)}`);
  for (const picker of entity.filters) parts.push(`${picker.key}: 1`);
  for (const picker of entity.manyToMany) parts.push(`${picker.key}: [1]`);
  parts.push(`createdAt: ${dateCall('sampleIsoDateTime', 0)}`, `updatedAt: ${dateCall('sampleIsoDateTime', 0)}`);
  return `{ ${parts.join(', ')} }`;
}
