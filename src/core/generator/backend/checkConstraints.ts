// The CHECK constraints of an entity's table: allowed enum values, number ranges, required text
// that is not blank, and date orders between two columns of the row. Each is named, so a
// violation (SQLSTATE 23514) is answered with 400 naming the field (see http/errors.ts).
import { mustHaveText } from '../fieldMeaning';
import type { Column, EntityModel } from './model';
import { ident, sqlString } from './util';

export interface CheckConstraint {
  kind: 'enum' | 'range' | 'notBlank' | 'dateOrder';
  name: string;
  /** The SQL boolean expression. */
  expression: string;
  /** The API property the message belongs to. */
  path: string;
  message: string;
  /** dateOrder: the property that must come first. */
  earlier?: string;
}

const NUMBER_TYPES = new Set(['integer', 'decimal', 'money']);

function constraintName(entity: EntityModel, suffix: string): string {
  return `${entity.names.table}_${suffix}`.slice(0, 63);
}

function labelOf(column: Column): string {
  return column.field?.label ?? column.prop;
}

function rangeCheck(entity: EntityModel, column: Column): CheckConstraint | undefined {
  const { min, max } = column;
  if (!NUMBER_TYPES.has(column.type) || (min === undefined && max === undefined)) return undefined;
  const name = ident(column.column);
  const parts = [min !== undefined && `${name} >= ${min}`, max !== undefined && `${name} <= ${max}`].filter((p): p is string => Boolean(p));
  const what = min !== undefined && max !== undefined ? `between ${min} and ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`;
  return { kind: 'range', name: constraintName(entity, `${column.column}_range`), expression: parts.join(' AND '), path: column.prop, message: `${labelOf(column)} must be ${what}.` };
}

function enumCheck(entity: EntityModel, column: Column): CheckConstraint | undefined {
  if (!column.enumValues) return undefined;
  const values = column.enumValues.map(sqlString).join(', ');
  return {
    kind: 'enum',
    name: constraintName(entity, `${column.column}_check`),
    expression: `${ident(column.column)} IN (${values})`,
    path: column.prop,
    message: `${labelOf(column)} must be one of: ${column.enumValues.join(', ')}.`,
  };
}

function notBlankCheck(entity: EntityModel, column: Column): CheckConstraint | undefined {
  if (!column.field || !mustHaveText(column.field)) return undefined;
  // POSIX class: any character that is not white space.
  return { kind: 'notBlank', name: constraintName(entity, `${column.column}_not_blank`), expression: `${ident(column.column)} ~ '[^[:space:]]'`, path: column.prop, message: `${labelOf(column)} must not be blank.` };
}

/** dateOrder rules between two columns of the same type (a date against a timestamp would depend on the server's time zone). */
function dateOrderChecks(entity: EntityModel): CheckConstraint[] {
  return entity.rules.flatMap((rule) => {
    if (rule.kind !== 'dateOrder') return [];
    const earlier = entity.columns.find((c) => c.prop === rule.earlier);
    const later = entity.columns.find((c) => c.prop === rule.later);
    if (!earlier || !later || earlier.type !== later.type) return [];
    return [
      {
        kind: 'dateOrder' as const,
        name: constraintName(entity, `${later.column}_after_${earlier.column}`),
        expression: `${ident(later.column)} ${rule.allowEqual ? '>=' : '>'} ${ident(earlier.column)}`,
        path: later.prop,
        message: `${labelOf(later)} must be ${rule.allowEqual ? 'on or after' : 'after'} ${labelOf(earlier).toLowerCase()}.`,
        earlier: earlier.prop,
      },
    ];
  });
}

export function checkConstraints(entity: EntityModel): CheckConstraint[] {
  const perColumn = (make: (entity: EntityModel, column: Column) => CheckConstraint | undefined) =>
    entity.columns.flatMap((column) => make(entity, column) ?? []);
  return [...perColumn(enumCheck), ...perColumn(rangeCheck), ...perColumn(notBlankCheck), ...dateOrderChecks(entity)];
}
