// Converts between API records and form inputs. Inputs hold strings (checkboxes booleans,
// multi-selects string arrays); the API wants numbers, ISO datetimes and money as strings.
import type { EntityMeta, FieldMeta } from './meta';

export type FormValue = string | boolean | string[];
export type FormValues = Record<string, FormValue>;
export type Mode = 'create' | 'edit';

/** ISO datetime -> the local "YYYY-MM-DDTHH:mm" a datetime-local input shows. */
export function toLocalInput(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate()) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes())
  );
}

function fieldInitial(field: FieldMeta, value: unknown): FormValue {
  if (field.kind === 'boolean') return value === undefined || value === null ? Boolean(field.defaultValue) : Boolean(value);
  if (value === undefined || value === null) {
    if (field.workflow) return field.workflow.initial;
    return field.defaultValue === undefined ? '' : String(field.defaultValue);
  }
  if (field.kind === 'datetime') return toLocalInput(String(value));
  if (field.kind === 'date') return String(value).slice(0, 10);
  return String(value);
}

/** Form state for a new record (defaults, plus presets such as ?projectId=3) or an existing one. */
export function initialValues(meta: EntityMeta, record?: Record<string, unknown>, presets: Record<string, string> = {}): FormValues {
  const values: FormValues = {};
  for (const field of meta.fields) values[field.name] = fieldInitial(field, record?.[field.name]);
  for (const relation of meta.parents) {
    const value = record?.[relation.key];
    values[relation.key] = value === undefined || value === null ? (presets[relation.key] ?? '') : String(value);
  }
  for (const relation of meta.many) {
    const value = record?.[relation.key];
    values[relation.key] = Array.isArray(value) ? value.map(String) : [];
  }
  return values;
}

/** The values a workflow field may take in the form: the start value, or the current one and its next steps. */
export function allowedValues(field: FieldMeta, mode: Mode, current: FormValue | undefined): readonly string[] | undefined {
  if (!field.workflow) return undefined;
  if (mode === 'create') return [field.workflow.initial];
  const from = typeof current === 'string' ? current : '';
  return [from, ...(field.workflow.next[from] ?? [])];
}

/** Empty optional inputs are left out when creating and sent as null when editing (to clear them). */
function empty(required: boolean, mode: Mode): undefined | null {
  return required || mode === 'create' ? undefined : null;
}

function fieldPayload(field: FieldMeta, raw: FormValue | undefined, mode: Mode): unknown {
  if (field.kind === 'boolean') return Boolean(raw);
  const text = typeof raw === 'string' ? raw.trim() : '';
  if (text === '') return empty(field.required, mode);
  switch (field.kind) {
    case 'integer':
      return Number(text);
    case 'datetime': {
      const date = new Date(text);
      return Number.isNaN(date.getTime()) ? text : date.toISOString();
    }
    default:
      return text;
  }
}

/** The JSON body for POST/PATCH. Undefined properties vanish in JSON.stringify. */
export function toPayload(meta: Pick<EntityMeta, 'fields' | 'parents' | 'many'>, values: FormValues, mode: Mode): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) payload[key] = value;
  };
  for (const field of meta.fields) put(field.name, fieldPayload(field, values[field.name], mode));
  for (const relation of meta.parents) {
    const raw = values[relation.key];
    put(relation.key, typeof raw === 'string' && raw !== '' ? Number(raw) : empty(relation.required, mode));
  }
  for (const relation of meta.many) {
    const raw = values[relation.key];
    put(relation.key, Array.isArray(raw) ? raw.map(Number) : []);
  }
  return payload;
}
