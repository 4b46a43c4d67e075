// Spec-independent form support copied into every generated app: the entity metadata types, the
// conversions between form inputs and API JSON, and error-message helpers.
import type { FileSet } from '../fileSet';
import { allSources, type FrontendModel } from './model';

const META_TS = `// What a page needs to know about an entity to render its list, detail and form. Each
// src/entities/<entity>.ts file describes one entity with these types.
import type { ZodType } from 'zod';

export type Action = 'create' | 'update' | 'delete';

export type FieldKind =
  | 'string'
  | 'text'
  | 'integer'
  | 'decimal'
  | 'money'
  | 'boolean'
  | 'date'
  | 'datetime'
  | 'enum'
  | 'email'
  | 'url';

export interface FieldMeta {
  name: string;
  label: string;
  kind: FieldKind;
  required: boolean;
  options?: readonly { value: string; label: string }[];
  defaultValue?: string | number | boolean;
  min?: number;
  max?: number;
  /** Status workflow: new records start at \`initial\`; a value may only change to \`next[value]\`. */
  workflow?: { initial: string; next: Readonly<Record<string, readonly string[]>> };
}

/** A belongsTo (\`<relation>Id\`) or many-to-many (\`<relation>Ids\`) picker. */
export interface RelationMeta {
  name: string;
  key: string;
  label: string;
  required: boolean;
  many: boolean;
  /** Collection the picker loads its options from. */
  optionsPath: string;
  /** Field of the target shown as the option text (null: "#id"). */
  labelField: string | null;
  /** Browser route of the target, for links. */
  route: string;
}

/** A has-many list shown on the parent's detail page. */
export interface ChildMeta {
  label: string;
  /** GET <apiPath>/:id/<segment>. */
  segment: string;
  route: string;
  labelField: string | null;
  /** Foreign key the child's create form is pre-filled with (null: the API sets it). */
  createKey: string | null;
  createLabel: string;
  columns: readonly FieldMeta[];
}

export interface EntityMeta {
  name: string;
  label: string;
  pluralLabel: string;
  route: string;
  apiPath: string;
  labelField: string | null;
  readOnly: boolean;
  fields: readonly FieldMeta[];
  columns: readonly FieldMeta[];
  /** Relations the form edits. */
  parents: readonly RelationMeta[];
  /** Relations the list can filter by. */
  filters: readonly RelationMeta[];
  many: readonly RelationMeta[];
  children: readonly ChildMeta[];
  /** Roles allowed per action (roleRequired rules); an action not listed is open to every user. */
  roles: Partial<Record<Action, readonly string[]>>;
  /** Ownership rule: only the owner (\`key\` holds their user id) or an admin may do \`actions\`. */
  owner: { key: string; actions: readonly Action[] } | null;
  /** Validates the JSON body before it is sent (generated from the spec). */
  schema: ZodType;
}
`;

const VALUES_TS = `// Converts between API records and form inputs. Inputs hold strings (checkboxes booleans,
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
`;

const VALIDATION_TS = `// Error messages: zod issues from the generated schemas and the server's validation_failed
// details, both turned into { field: message } so each message shows next to its input.

/** zod error map: "X is required" for a missing value, "X must be <what>" otherwise. */
export function needs(label: string, what: string) {
  return (issue: { input?: unknown }) =>
    issue.input === undefined || issue.input === null || issue.input === '' ? label + ' is required' : label + ' must be ' + what;
}

export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '');
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
}

/**
 * Reads field messages from the server's error details. Accepts the common shapes:
 * [{ path | field, message }], { fieldErrors: { field: [messages] } }, { issues: [...] }
 * and a plain { field: message } object.
 */
export function serverFieldErrors(details: unknown): Record<string, string> {
  const errors: Record<string, string> = {};
  const add = (path: unknown, message: unknown) => {
    const key = Array.isArray(path) ? String(path[0] ?? '') : typeof path === 'string' ? path.split('.')[0] : '';
    const text = Array.isArray(message) ? message[0] : message;
    if (key && typeof text === 'string' && !(key in errors)) errors[key] = text;
  };
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item && typeof item === 'object') {
          const entry = item as Record<string, unknown>;
          add(entry.path ?? entry.field, entry.message);
        }
      }
    } else if (value && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if ('fieldErrors' in record) visit(record.fieldErrors);
      else if ('issues' in record) visit(record.issues);
      else if ('fields' in record) visit(record.fields);
      else for (const [key, message] of Object.entries(record)) add(key, message);
    }
  };
  visit(details);
  return errors;
}
`;

const FORMAT_TS = `// How values look on list and detail pages.
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
`;

export function generateFormsRuntime(model: FrontendModel, files: FileSet): void {
  const common = { layer: 'frontend/forms', serves: ['frontend'], sources: allSources(model.spec) };
  files.add({
    ...common,
    path: 'frontend/src/forms/meta.ts',
    content: META_TS,
    explanation: 'Types of the per-entity descriptions (fields, relation pickers, child lists, zod schema) that the generic pages render from.',
  });
  files.add({
    ...common,
    path: 'frontend/src/forms/values.ts',
    content: VALUES_TS,
    explanation:
      'Converts API records to form inputs and back: numbers, ISO datetimes from datetime-local inputs, empty optional fields left out on create and cleared (null) on edit.',
  });
  files.add({
    ...common,
    path: 'frontend/src/forms/validation.ts',
    content: VALIDATION_TS,
    explanation: 'Turns zod issues and the server\'s validation_failed details into per-field messages shown next to the inputs.',
  });
  files.add({
    ...common,
    path: 'frontend/src/forms/format.ts',
    content: FORMAT_TS,
    explanation: 'Formats values for display (Yes/No, enum labels, local date-times) and picks the text a record is shown by.',
  });
}
