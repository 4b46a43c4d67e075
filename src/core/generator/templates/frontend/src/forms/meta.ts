// What a page needs to know about an entity to render its list, detail and form. Each
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
  /** Status workflow: new records start at `initial`; a value may only change to `next[value]`. */
  workflow?: { initial: string; next: Readonly<Record<string, readonly string[]>> };
  /** Roles that may set (create) or change (update) this field ("only managers can change prices"); others see it read-only. */
  roles?: Partial<Record<'create' | 'update', readonly string[]>>;
}

/**
 * A refusal (refuseWhen rule) on the record's own value: while `op` holds for `field`, the API refuses
 * `actions` with `message` (409) to everyone but `exceptRoles` and the admin. The pages test it on
 * the loaded record so they say why instead of offering a button the API would refuse.
 */
export interface RefusalMeta {
  actions: readonly Action[];
  field: string;
  kind: FieldKind;
  op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte' | 'isEmpty' | 'notEmpty' | 'past' | 'future';
  value?: string | number | boolean;
  /** past/future: "now" moved by this many minutes (a date column: whole days), as the API moves it. */
  offsetMinutes?: number;
  message: string;
  exceptRoles?: readonly string[];
}

/** How records are named in links, pickers, titles and chips (chosen by the generator from the fields' meaning). */
export interface DisplayMeta {
  /** Fields whose values name the record, joined by a space; none: "<entity> #<id>". */
  fields: readonly string[];
  /** name: the values as they are; excerpt: a long text's first line, shortened; date/datetime: "<entity> <date>". */
  style: 'name' | 'excerpt' | 'date' | 'datetime';
  /** The entity's label, for records without a usable value. */
  entity: string;
}

/** A belongsTo (`<relation>Id`) or many-to-many (`<relation>Ids`) picker. */
export interface RelationMeta {
  name: string;
  key: string;
  label: string;
  required: boolean;
  many: boolean;
  /** Collection the picker loads its options from. */
  optionsPath: string;
  /** How the target's records are named. */
  display: DisplayMeta;
  /** Browser route of the target, for links. */
  route: string;
}

/** A has-many list shown on the parent's detail page. */
export interface ChildMeta {
  label: string;
  /** GET <apiPath>/:id/<segment>. */
  segment: string;
  route: string;
  display: DisplayMeta;
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
  display: DisplayMeta;
  readOnly: boolean;
  /** Whether the API's text search (q) has fields to look in; the list shows a search box only then. */
  searchable: boolean;
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
  /** Ownership rule: only the owner (`key` holds their user id) or an admin may do `actions`. */
  /** `managers`: roles that may take an owner-only action on rows they do not own. */
  owner: { key: string; actions: readonly Action[]; managers?: Partial<Record<Action, readonly string[]>> } | null;
  /** Refusals on the record's own values (refuseWhen rules whose condition is not on a parent). */
  refusals: readonly RefusalMeta[];
  /** Validates the JSON body before it is sent (generated from the spec). */
  schema: ZodType;
}
