// The value existing rows get when a column becomes required: the spec's default, or a value the
// type has by nature (an enum's first value, false, a number within the field's bounds). Text,
// e-mail, URL, dates and relations have no honest value to invent: the caller refuses those.
import type { Column } from '../generator/backend/model';
import { sqlDefault } from '../generator/backend/migrations';
import { sqlString } from '../generator/backend/util';

const NUMBER_TYPES = new Set(['integer', 'decimal', 'money']);

export function fillValue(column: Column): string | undefined {
  const stated = sqlDefault(column);
  if (stated !== undefined) return stated;
  if ((column.type === 'enum' || column.type === 'role') && column.enumValues?.length) return sqlString(column.enumValues[0]);
  if (column.type === 'boolean') return 'FALSE';
  if (NUMBER_TYPES.has(column.type)) return String(numberWithin(column));
  return undefined;
}

/** 0, or the nearest bound when 0 is outside them (whole numbers for integer columns). */
function numberWithin(column: Column): number {
  const { min, max } = column;
  const whole = column.type === 'integer';
  if (min !== undefined && min > 0) return whole ? Math.ceil(min) : min;
  if (max !== undefined && max < 0) return whole ? Math.floor(max) : max;
  return 0;
}
