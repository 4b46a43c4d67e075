// The mutable model the extractor builds before it is turned into a ProjectSpec. Keys are
// lower-case singular words ("purchase order"); names are derived from them at the end.
import { camelCase, humanize, pascalCase, pluralizeName, RESERVED_FIELD_NAMES } from '../../model/project/naming';
import type { Field, FieldType, NotUnderstood, Rule } from '../../model/project/projectSpec';

export interface DraftField {
  name: string;
  label: string;
  type: FieldType;
  required: boolean;
  unique: boolean;
  enumValues?: string[];
  default?: string | number | boolean;
  min?: number;
  max?: number;
  sources: Set<number>;
}

export interface DraftEntity {
  key: string;
  name: string;
  fields: DraftField[];
  sources: Set<number>;
  ownerRelation?: string;
  /** Set when its fields came from the text (not the knowledge table). */
  fieldsFromText: boolean;
  /** Sentences that give examples of it ("subjects (e.g. mathematics, science)"): names of it. */
  namedByExamples?: Set<number>;
}

export interface DraftRelation {
  kind: 'belongsTo' | 'manyToMany';
  from: string;
  to: string;
  name: string;
  inverseName: string;
  required: boolean;
  onDelete: 'cascade' | 'restrict' | 'setNull';
  sources: Set<number>;
}

export interface Draft {
  entities: DraftEntity[];
  relations: DraftRelation[];
  rules: Rule[];
  unimplemented: Array<{ text: string; reason: string; sources: number[] }>;
  /** Sentences or clauses not understood, with why and one-click fixes. */
  notUnderstood: NotUnderstood[];
  warnings: string[];
  /** Sentence ids that produced something (entity, field, relation, rule or auth). */
  used: Set<number>;
}

export function newDraft(): Draft {
  return { entities: [], relations: [], rules: [], unimplemented: [], notUnderstood: [], warnings: [], used: new Set() };
}

const IDENT = /^[a-z][A-Za-z0-9]{0,62}$/;
const ENTITY = /^[A-Z][A-Za-z0-9]{0,62}$/;

export function entityNameOf(key: string): string | undefined {
  const name = pascalCase(key).slice(0, 63);
  return ENTITY.test(name) ? name : undefined;
}

export function findEntity(draft: Draft, keyOrName: string): DraftEntity | undefined {
  return draft.entities.find((e) => e.key === keyOrName || e.name === keyOrName);
}

export function addEntity(draft: Draft, key: string, source?: number): DraftEntity | undefined {
  const existing = findEntity(draft, key);
  if (existing) {
    if (source !== undefined) existing.sources.add(source);
    return existing;
  }
  const name = entityNameOf(key);
  if (!name) return undefined;
  // Two keys may give the same table (e.g. "series" twice); keep the first.
  const table = pluralizeName(name).toLowerCase();
  if (draft.entities.some((e) => e.name === name || pluralizeName(e.name).toLowerCase() === table)) return undefined;
  const entity: DraftEntity = { key, name, fields: [], sources: new Set(source === undefined ? [] : [source]), fieldsFromText: false };
  draft.entities.push(entity);
  return entity;
}

export function fieldNameOf(words: string[]): string | undefined {
  const name = camelCase(words.join(' ')).slice(0, 63);
  if (!IDENT.test(name) || RESERVED_FIELD_NAMES.has(name)) return undefined;
  return name;
}

export interface FieldInput {
  words: string[];
  type: FieldType;
  required?: boolean;
  unique?: boolean;
  enumValues?: string[];
  min?: number;
  max?: number;
  unit?: string;
  name?: string;
}

export function addField(entity: DraftEntity, input: FieldInput, source?: number): DraftField | undefined {
  const name = input.name ?? fieldNameOf(input.words);
  if (!name) return undefined;
  const existing = entity.fields.find((f) => f.name === name);
  if (existing) {
    if (source !== undefined) existing.sources.add(source);
    if (input.unique) existing.unique = true;
    if (input.type === 'enum' && input.enumValues?.length && existing.type !== 'enum') {
      existing.type = 'enum';
      existing.enumValues = input.enumValues;
      existing.default = input.enumValues[0];
    }
    return existing;
  }
  if (entity.fields.length >= 60) return undefined;
  let label = humanize(name);
  if (input.unit) label += ` (${input.unit})`;
  const field: DraftField = {
    name,
    label: label.slice(0, 100),
    type: input.type,
    required: input.required ?? false,
    unique: input.unique ?? false,
    sources: new Set(source === undefined ? [] : [source]),
  };
  if (input.type === 'enum') {
    field.enumValues = input.enumValues;
    field.default = input.enumValues?.[0];
    field.required = true;
  }
  if (input.min !== undefined) field.min = input.min;
  if (input.max !== undefined) field.max = input.max;
  entity.fields.push(field);
  return field;
}

export function relationsFrom(draft: Draft, entityName: string): DraftRelation[] {
  return draft.relations.filter((r) => r.from === entityName);
}

/** Adds a belongsTo (or many-to-many) relation unless an equivalent one exists; returns it. */
export function addRelation(
  draft: Draft,
  input: { kind?: 'belongsTo' | 'manyToMany'; from: string; to: string; name?: string; inverseName?: string; required?: boolean; onDelete?: 'cascade' | 'restrict' | 'setNull' },
  source?: number,
): DraftRelation | undefined {
  const kind = input.kind ?? 'belongsTo';
  if (input.from === input.to && !input.name) return undefined;
  const from = findEntity(draft, input.from);
  const to = findEntity(draft, input.to);
  if (!from || !to) return undefined;
  const same = draft.relations.find(
    (r) => r.from === from.name && r.to === to.name && r.kind === kind && (input.name === undefined || r.name === input.name),
  ) ?? (kind === 'belongsTo' ? draft.relations.find((r) => r.from === to.name && r.to === from.name && r.kind === 'belongsTo' && input.name === undefined && from.name !== 'User' && to.name !== 'User') : undefined);
  if (same) {
    if (source !== undefined) same.sources.add(source);
    return same;
  }
  if (kind === 'manyToMany' && draft.relations.some((r) => r.kind === 'manyToMany' && r.from === to.name && r.to === from.name)) return undefined;
  let name = input.name ?? (kind === 'manyToMany' ? camelCase(pluralizeName(to.name)) : camelCase(to.name));
  if (!IDENT.test(name)) return undefined;
  // Field names and relation names share the row: the relation wins, the field goes.
  from.fields = from.fields.filter((f) => f.name !== name && f.name !== `${name}Id`);
  if (draft.relations.some((r) => r.from === from.name && r.name === name)) {
    if (input.name) return undefined;
    name = `${name}${draft.relations.filter((r) => r.from === from.name && r.to === to.name).length + 1}`;
  }
  let inverseName = input.inverseName ?? camelCase(pluralizeName(from.name));
  const taken = (n: string) => draft.relations.some((r) => (r.to === to.name && r.inverseName === n) || (r.from === to.name && r.name === n)) || to.fields.some((f) => f.name === n);
  if (taken(inverseName)) inverseName = camelCase(`${name} ${pluralizeName(from.name)}`);
  let counter = 2;
  while (taken(inverseName) && counter < 20) inverseName = camelCase(`${pluralizeName(from.name)} ${counter++}`);
  if (!IDENT.test(inverseName)) return undefined;
  const relation: DraftRelation = {
    kind,
    from: from.name,
    to: to.name,
    name,
    inverseName,
    required: kind === 'manyToMany' ? false : input.required ?? true,
    onDelete: input.onDelete ?? (input.required === false ? 'setNull' : 'restrict'),
    sources: new Set(source === undefined ? [] : [source]),
  };
  if (!relation.required && relation.onDelete !== 'setNull' && kind === 'belongsTo') relation.onDelete = 'setNull';
  draft.relations.push(relation);
  return relation;
}

export function toSpecField(field: DraftField): Field {
  const out: Field = { name: field.name, label: field.label, type: field.type, required: field.required, unique: field.unique, sources: [...field.sources].sort((a, b) => a - b) };
  if (field.type === 'enum') out.enumValues = field.enumValues;
  if (field.default !== undefined) out.default = field.default;
  if (field.min !== undefined) out.min = field.min;
  if (field.max !== undefined) out.max = field.max;
  return out;
}
