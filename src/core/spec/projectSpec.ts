// The project spec: the reviewed data model every later stage generates from. Produced by the
// deterministic extractor (or Claude), edited by the user in the panel, stored as JSON. Every
// element keeps the requirement sentences it came from (`sources`: indices into
// `requirements.sentences`) so files can explain which requirements they serve.
import { z } from 'zod';

/** camelCase identifier usable as a TypeScript property and (snake_cased) SQL column. */
export const Identifier = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,62}$/, 'must be a camelCase identifier (letters and digits, starting lower-case)');
/** PascalCase singular entity name, e.g. `PurchaseOrder`. */
export const EntityName = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,62}$/, 'must be a PascalCase name (letters and digits, starting upper-case)');

const Sources = z.array(z.number().int().min(0)).default([]);

export const FieldType = z.enum([
  'string',
  'text',
  'integer',
  'decimal',
  'money',
  'boolean',
  'date',
  'datetime',
  'enum',
  'email',
  'url',
]);
export type FieldType = z.infer<typeof FieldType>;

export const Field = z
  .object({
    name: Identifier,
    label: z.string().min(1).max(100),
    type: FieldType,
    required: z.boolean().default(false),
    unique: z.boolean().default(false),
    default: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
    /** Allowed values when `type` is `enum` (lower-case words, e.g. `in_progress`). */
    enumValues: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,62}$/)).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    sources: Sources,
  })
  .refine((field) => field.type !== 'enum' || (field.enumValues?.length ?? 0) >= 1, {
    message: 'an enum field needs at least one value',
    path: ['enumValues'],
  });
export type Field = z.infer<typeof Field>;

export const Entity = z.object({
  name: EntityName,
  /** Plural label for titles and routes, e.g. "Purchase orders". */
  label: z.string().min(1).max(100),
  pluralLabel: z.string().min(1).max(100),
  fields: z.array(Field).max(200),
  /**
   * User-owned rows: the name of this entity's belongsTo relation to `User` that records who
   * created the row. The API fills it from the signed-in user and ownership rules check it.
   */
  ownerRelation: Identifier.optional(),
  sources: Sources,
});
export type Entity = z.infer<typeof Entity>;

/**
 * `belongsTo`: `from` holds a foreign key to `to` (the owning side is `from`); the has-many view
 * from `to` is `inverseName`. `manyToMany`: a join table, owned by `from`.
 */
export const Relation = z.object({
  kind: z.enum(['belongsTo', 'manyToMany']),
  from: EntityName,
  to: EntityName,
  /** Property on `from`, e.g. `author` (column `author_id` for belongsTo). */
  name: Identifier,
  /** Property on `to`, e.g. `posts`. */
  inverseName: Identifier,
  required: z.boolean().default(true),
  onDelete: z.enum(['cascade', 'restrict', 'setNull']).default('restrict'),
  sources: Sources,
});
export type Relation = z.infer<typeof Relation>;

export const Auth = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none'), sources: Sources }),
  z.object({
    kind: z.literal('emailPassword'),
    /** Role names in lower case; the first is given to new sign-ups unless `defaultRole` says otherwise. */
    roles: z.array(z.string().regex(/^[a-z][a-z0-9_]{0,30}$/)).min(1),
    defaultRole: z.string(),
    /** A role allowed to do everything (admin-like), if the text names one. */
    adminRole: z.string().optional(),
    /** Whether anyone may register (false: accounts are created by an admin or the seed). */
    selfSignup: z.boolean().default(true),
    sources: Sources,
  }),
]);
export type Auth = z.infer<typeof Auth>;

const Action = z.enum(['create', 'read', 'update', 'delete']);

/** Actions a refuseWhen rule can refuse (reading is never refused by data). */
export const WriteAction = z.enum(['create', 'update', 'delete']);
export type WriteAction = z.infer<typeof WriteAction>;

/**
 * Comparisons of a refuseWhen condition. `eq`/`ne` compare with `value`; `lt`..`gte` order numbers
 * and dates; `isEmpty`/`notEmpty` test for no value; `past`/`future` compare a date or date-time
 * with now (a date is past once its day is over and future from the next day on).
 */
export const ConditionOp = z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte', 'isEmpty', 'notEmpty', 'past', 'future']);
export type ConditionOp = z.infer<typeof ConditionOp>;

/** A test on one field of the row, or of its parent row when `relation` names a belongsTo of the entity. */
export const RuleCondition = z.object({
  relation: Identifier.optional(),
  field: Identifier,
  op: ConditionOp,
  value: z.union([z.string().max(500), z.number(), z.boolean()]).optional(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export const Rule = z.discriminatedUnion('kind', [
  /** At most `parent.capacityField` rows of `entity` per parent (optionally counting only active rows). */
  z.object({
    kind: z.literal('capacity'),
    entity: EntityName,
    relation: Identifier,
    capacityField: Identifier,
    /** Count only rows where this field is null (e.g. loans not yet returned). */
    activeWhenNull: Identifier.optional(),
    sources: Sources,
  }),
  /** These fields together are unique within `entity`. */
  z.object({ kind: z.literal('unique'), entity: EntityName, fields: z.array(Identifier).min(1), sources: Sources }),
  /** Two rows with the same `scope` relation may not overlap in time. */
  z.object({
    kind: z.literal('noOverlap'),
    entity: EntityName,
    scope: Identifier,
    start: Identifier,
    end: Identifier.optional(),
    durationMinutesField: Identifier.optional(),
    sources: Sources,
  }),
  /** Only the owner (or an admin) may perform these actions. */
  z.object({ kind: z.literal('ownership'), entity: EntityName, actions: z.array(Action).min(1), sources: Sources }),
  /** Only these roles may perform these actions. */
  z.object({
    kind: z.literal('roleRequired'),
    entity: EntityName,
    actions: z.array(Action).min(1),
    roles: z.array(z.string()).min(1),
    sources: Sources,
  }),
  /** Allowed transitions of an enum status field. */
  z.object({
    kind: z.literal('statusWorkflow'),
    entity: EntityName,
    field: Identifier,
    initial: z.string(),
    transitions: z.array(z.object({ from: z.string(), to: z.string() })),
    sources: Sources,
  }),
  /** `later` must come after `earlier` (both date or date-time fields of `entity`); equal only with allowEqual. */
  z.object({
    kind: z.literal('dateOrder'),
    entity: EntityName,
    earlier: Identifier,
    later: Identifier,
    allowEqual: z.boolean().default(false),
    sources: Sources,
  }),
  /**
   * Refuse these actions (409, `message`) while `condition` holds: for create on the incoming row,
   * for update and delete on the stored row before the change (or on the parent row it links to).
   */
  z.object({
    kind: z.literal('refuseWhen'),
    entity: EntityName,
    actions: z.array(WriteAction).min(1),
    condition: RuleCondition,
    message: z.string().min(1).max(300),
    sources: Sources,
  }),
]);
export type Rule = z.infer<typeof Rule>;

/** A requirement Takoss recognised but does not implement, said honestly. */
export const UnimplementedRequirement = z.object({ text: z.string().max(2000), reason: z.string().max(500), sources: Sources });

/** A one-click fix the review step offers for a sentence (or clause) that was not understood. */
export const Suggestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addEntity'), name: EntityName, label: z.string().max(200) }),
  z.object({ kind: z.literal('addField'), entity: EntityName, field: Identifier, type: FieldType, label: z.string().max(200) }),
  z.object({ kind: z.literal('addRule'), rule: Rule, label: z.string().max(200) }),
]);
export type Suggestion = z.infer<typeof Suggestion>;

/**
 * A sentence or clause the extractor could not turn into data, relations or rules, with why and
 * what the user could do about it. Nothing is dropped silently: every requirement sentence is
 * mapped to spec elements, listed here, listed as unimplemented, or ignored by the user.
 */
export const NotUnderstood = z.object({
  text: z.string().max(2000),
  reason: z.string().max(500),
  sources: Sources,
  suggestions: z.array(Suggestion).max(6).default([]),
});
export type NotUnderstood = z.infer<typeof NotUnderstood>;

export const Page = z.object({
  kind: z.enum(['list', 'detail', 'create', 'edit', 'login', 'register', 'home']),
  entity: EntityName.optional(),
  path: z.string().regex(/^\/[a-z0-9/:_-]*$/),
  title: z.string().max(100),
  sources: Sources,
});
export type Page = z.infer<typeof Page>;

export const Sentence = z.object({
  id: z.number().int().min(0),
  text: z.string(),
  /** A heading or title line: context for the sentences under it, nothing to implement itself. */
  heading: z.boolean().optional(),
});

export const SPEC_VERSION = 1;

export const ProjectSpec = z.object({
  specVersion: z.literal(SPEC_VERSION).default(SPEC_VERSION),
  /** Folder and package name: lower-case words joined by dashes. */
  name: z.string().regex(/^[a-z][a-z0-9-]{0,49}$/, 'must be lower-case letters, digits and dashes'),
  title: z.string().min(1).max(100),
  description: z.string().max(2000).default(''),
  requirements: z.object({ text: z.string(), sentences: z.array(Sentence) }),
  entities: z.array(Entity).max(500),
  relations: z.array(Relation).default([]),
  auth: Auth,
  rules: z.array(Rule).default([]),
  unimplemented: z.array(UnimplementedRequirement).default([]),
  /** Sentences or clauses that were not understood (see NotUnderstood). */
  notUnderstood: z.array(NotUnderstood).default([]),
  /** Sentence ids the user chose to ignore in the review step (they need nothing generated). */
  ignoredSentences: z.array(z.number().int().min(0)).default([]),
  /** Requirements Claude implemented beyond the deterministic rules, with where; worth a review. */
  modelImplemented: z
    .array(z.object({ text: z.string().max(2000), how: z.string().max(1000), files: z.array(z.string().max(240)), sources: Sources }))
    .default([]),
  pages: z.array(Page).default([]),
  /** What to generate besides the app: tests and Docker files can be turned off in the review step. */
  options: z.object({ tests: z.boolean().default(true), docker: z.boolean().default(true) }).default({ tests: true, docker: true }),
  warnings: z.array(z.string()).default([]),
});
export type ProjectSpec = z.infer<typeof ProjectSpec>;
export type ProjectSpecInput = z.input<typeof ProjectSpec>;
