// The project spec: the reviewed data model every later stage generates from. Produced by the
// deterministic extractor (or Claude), edited by the user in the panel, stored as JSON. Every
// element keeps the requirement sentences it came from (`sources`: indices into
// `requirements.sentences`) so files can explain which requirements they serve.
import * as z from 'zod';

/** camelCase identifier usable as a TypeScript property and (snake_cased) SQL column. */
export const Identifier = z
  .string()
  .regex(/^[a-z][A-Za-z0-9]{0,62}$/, 'must be a camelCase identifier (letters and digits, starting lower-case)');
/** PascalCase singular entity name, e.g. `PurchaseOrder`. */
export const EntityName = z
  .string()
  .regex(/^[A-Z][A-Za-z0-9]{0,62}$/, 'must be a PascalCase name (letters and digits, starting upper-case)');

const Sources = z.array(z.number().int().min(0)).default([]);

// Spec strings are data that the generator writes into code, comments, SQL, Markdown and YAML.
// Characters that change how a reader or a parser splits that text are refused here, at the one
// boundary every spec crosses (extractor, CLI --spec, webview messages, Claude's answers):
// control characters (a newline ends a comment), U+2028/U+2029 (they end a JS `//` comment but
// are legal inside strings), bidi embeddings/overrides/isolates (they make code read differently
// from how it runs, "Trojan Source") and lone surrogates (not writable as UTF-8).
// The character classes, as RegExp source, are shared with the generator's emit helpers.
/** C0 and C1 control characters except tab, LF and CR. */
export const CONTROL_CHARACTERS = '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f';
/** U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR. */
export const LINE_SEPARATORS = '\\u2028\\u2029';
/** Bidi embeddings, overrides and isolates. */
export const BIDI_CONTROLS = '\\u202a-\\u202e\\u2066-\\u2069';
const LONE_SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const UNSAFE_CHARACTER = new RegExp(`[${CONTROL_CHARACTERS}${LINE_SEPARATORS}${BIDI_CONTROLS}]|${LONE_SURROGATE}`);
/** Line breaks and tabs, allowed only in prose (descriptions, requirement notes). */
const BREAK_OR_TAB = /[\t\n\r]/;

/** The first character a text may not hold, as `U+XXXX`, or undefined. */
export function unsafeCharacter(text: string, multiline = false): string | undefined {
  const match = UNSAFE_CHARACTER.exec(text) ?? (multiline ? null : BREAK_OR_TAB.exec(text));
  return match ? `U+${match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}` : undefined;
}

const withoutUnsafeCharacters = (schema: z.ZodString, multiline: boolean) =>
  schema.superRefine((text, ctx) => {
    const found = unsafeCharacter(text, multiline);
    if (found) {
      ctx.addIssue({
        code: 'custom',
        message: `contains ${found}: ${multiline ? 'control characters (except line breaks and tabs)' : 'line breaks, tabs, control characters'}, line/paragraph separators and bidi controls are not allowed`,
      });
    }
  });

/** One line of text shown to people: a label, title or message (no line breaks or control characters). */
export const SpecLine = (max: number, min = 0) => withoutUnsafeCharacters(z.string().min(min).max(max), false);
/** Prose that may run over several lines (descriptions, notes); still no other control characters. */
export const SpecProse = (max: number) => withoutUnsafeCharacters(z.string().max(max), true);

/**
 * Makes free text (requirements as typed or pasted) fit the spec's text rules before anything is
 * derived from it: U+2028/U+2029 become line breaks, other control characters spaces, bidi
 * controls are removed and lone surrogates become U+FFFD.
 */
export function toSpecText(text: string): string {
  return text
    .replace(new RegExp(`[${LINE_SEPARATORS}]`, 'g'), '\n')
    .replace(new RegExp(`[${BIDI_CONTROLS}]`, 'g'), '')
    .replace(new RegExp(`[${CONTROL_CHARACTERS}]`, 'g'), ' ')
    .replace(new RegExp(LONE_SURROGATE, 'g'), '\ufffd');
}

/** A label (entity, plural, field): one line, 1-100 characters. */
const Label = SpecLine(100, 1);
/** An enum value or role: a lower-case word, e.g. `in_progress`. */
const EnumValue = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'must be a lower-case word (letters, digits and _)');
const RoleName = z.string().regex(/^[a-z][a-z0-9_]{0,30}$/, 'must be a lower-case role name (letters, digits and _)');

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
    label: Label,
    type: FieldType,
    required: z.boolean().default(false),
    unique: z.boolean().default(false),
    default: z.union([SpecLine(500), z.number(), z.boolean()]).optional(),
    /** Allowed values when `type` is `enum` (lower-case words, e.g. `in_progress`). */
    enumValues: z.array(EnumValue).optional(),
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
  label: Label,
  pluralLabel: Label,
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
    roles: z.array(RoleName).min(1),
    defaultRole: RoleName,
    /** A role allowed to do everything (admin-like), if the text names one. */
    adminRole: RoleName.optional(),
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
  value: z.union([SpecLine(500), z.number(), z.boolean()]).optional(),
  /**
   * `past`/`future` only: compare with now moved by this much (positive: later, negative: earlier).
   * "cancelled up to 2 hours before the class starts" refuses while startsAt is `past` with +2 hours.
   */
  offset: z.object({ amount: z.number().int().min(-100_000).max(100_000), unit: z.enum(['minutes', 'hours', 'days']) }).optional(),
});
export type RuleCondition = z.infer<typeof RuleCondition>;

export const Rule = z.discriminatedUnion('kind', [
  /**
   * At most N rows of `entity`: N is the parent's `capacityField` (per parent row of `relation`) or
   * the fixed `limit` (per parent row of `relation` when given, else over the whole table). With a
   * `period`, only rows whose `period.field` falls in the same UTC day, ISO week or month count
   * ("max 15 dogs per day", "one parcel per week per flat"). Optionally counting only active rows.
   */
  z.object({
    kind: z.literal('capacity'),
    entity: EntityName,
    relation: Identifier.optional(),
    capacityField: Identifier.optional(),
    limit: z.number().int().min(1).max(1_000_000).optional(),
    period: z.object({ field: Identifier, unit: z.enum(['day', 'week', 'month']) }).optional(),
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
  /**
   * Only these roles may perform these actions. With `fields` ("only managers can change prices"),
   * the rule holds for those fields alone: everyone else may still create and change the record, but
   * not give these fields a value (create) or a different value (update). Only create and update
   * can be narrowed to fields.
   */
  z.object({
    kind: z.literal('roleRequired'),
    entity: EntityName,
    actions: z.array(Action).min(1),
    roles: z.array(RoleName).min(1),
    fields: z.array(Identifier).min(1).max(20).optional(),
    sources: Sources,
  }),
  /** Allowed transitions of an enum status field. */
  z.object({
    kind: z.literal('statusWorkflow'),
    entity: EntityName,
    field: Identifier,
    initial: EnumValue,
    transitions: z.array(z.object({ from: EnumValue, to: EnumValue })),
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
    message: SpecLine(300, 1),
    /**
     * Roles the refusal does not hold for ("only managers can delete orders once they are shipped":
     * shipped orders are refused to everyone but managers). These roles also take these actions on
     * rows they do not own (the owner check lets them through), and the admin is always excepted.
     */
    exceptRoles: z.array(RoleName).min(1).optional(),
    sources: Sources,
  }),
]);
export type Rule = z.infer<typeof Rule>;

/** A requirement Takoss recognised but does not implement, said honestly. */
export const UnimplementedRequirement = z.object({ text: SpecProse(2000), reason: SpecProse(500), sources: Sources });

/** A one-click fix the review step offers for a sentence (or clause) that was not understood. */
export const Suggestion = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('addEntity'), name: EntityName, label: SpecLine(200) }),
  z.object({ kind: z.literal('addField'), entity: EntityName, field: Identifier, type: FieldType, label: SpecLine(200) }),
  z.object({ kind: z.literal('addRule'), rule: Rule, label: SpecLine(200) }),
]);
export type Suggestion = z.infer<typeof Suggestion>;

/**
 * A sentence or clause the extractor could not turn into data, relations or rules, with why and
 * what the user could do about it. Nothing is dropped silently: every requirement sentence is
 * mapped to spec elements, listed here, listed as unimplemented, or ignored by the user.
 */
export const NotUnderstood = z.object({
  text: SpecProse(2000),
  reason: SpecProse(500),
  sources: Sources,
  suggestions: z.array(Suggestion).max(6).default([]),
});
export type NotUnderstood = z.infer<typeof NotUnderstood>;

export const Page = z.object({
  kind: z.enum(['list', 'detail', 'create', 'edit', 'login', 'register', 'home']),
  entity: EntityName.optional(),
  path: z.string().regex(/^\/[a-z0-9/:_-]*$/),
  title: SpecLine(100),
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
  title: SpecLine(100, 1),
  description: SpecProse(2000).default(''),
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
    .array(z.object({ text: SpecProse(2000), how: SpecProse(1000), files: z.array(SpecLine(240)), sources: Sources }))
    .default([]),
  pages: z.array(Page).default([]),
  /** What to generate besides the app: tests and Docker files can be turned off in the review step. */
  options: z.object({ tests: z.boolean().default(true), docker: z.boolean().default(true) }).default({ tests: true, docker: true }),
  warnings: z.array(z.string()).default([]),
});
export type ProjectSpec = z.infer<typeof ProjectSpec>;
export type ProjectSpecInput = z.input<typeof ProjectSpec>;
