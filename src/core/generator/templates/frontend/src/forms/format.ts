// How values look on list and detail pages.
import type { FieldMeta } from './meta';

export function formatValue(field: FieldMeta, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  switch (field.kind) {
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'enum':
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
    }
    default:
      return String(value);
  }
}

/** The name a record is shown by in links and pickers. */
export function recordLabel(labelField: string | null, record: Record<string, unknown>): string {
  const value = labelField ? record[labelField] : undefined;
  return value === undefined || value === null || value === '' ? '#' + String(record.id) : String(value);
}
