// Edits a user makes to the extracted data model in the review step. Each edit is pure (spec in,
// new spec out) and keeps the spec consistent: renaming an entity or field follows it into the
// relations and rules that name it, deleting one removes what depended on it, and pages are
// rebuilt. Edits that would produce an invalid name throw SpecEditError with a readable reason.
import type { z } from 'zod';
import { buildPages } from './pages';
import { humanize, pluralizeName, RESERVED_FIELD_NAMES, withArticle } from './naming';
import { EntityName, type Field, type FieldType, Identifier, type ProjectSpec, type Relation, Rule } from './projectSpec';
import { conditionProblem, describeCapacity, describeCondition, TIME_TYPES } from './ruleConditions';
import { USER_ENTITY, validateSpec } from './specIndex';
import { fieldActionWords } from './roleRules';

export class SpecEditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SpecEditError';
  }
}

function checkEntityName(spec: ProjectSpec, name: string, except?: string): void {
  if (!EntityName.safeParse(name).success) throw new SpecEditError(`"${name}" is not a valid entity name: use PascalCase letters and digits, e.g. PurchaseOrder`);
  if (spec.entities.some((e) => e.name === name && e.name !== except)) throw new SpecEditError(`There is already an entity called ${name}`);
}

function checkFieldName(spec: ProjectSpec, entity: string, name: string, except?: string): void {
  if (!Identifier.safeParse(name).success) throw new SpecEditError(`"${name}" is not a valid field name: use camelCase letters and digits, e.g. dueDate`);
  if (RESERVED_FIELD_NAMES.has(name)) throw new SpecEditError(`"${name}" is reserved: every entity already has id, createdAt and updatedAt`);
  const target = entityOf(spec, entity);
  if (target.fields.some((f) => f.name === name && f.name !== except)) throw new SpecEditError(`${entity} already has a field called ${name}`);
  if (spec.relations.some((r) => r.from === entity && (r.name === name || `${r.name}Id` === name))) {
    throw new SpecEditError(`${entity} already has a relation called ${name}`);
  }
}

function entityOf(spec: ProjectSpec, name: string) {
  const entity = spec.entities.find((e) => e.name === name);
  if (!entity) throw new SpecEditError(`There is no entity called ${name}`);
  return entity;
}

/** Pages follow the entities and auth; rebuilt after every structural edit. */
function withPages(spec: ProjectSpec): ProjectSpec {
  return { ...spec, pages: buildPages(spec) };
}

const swap = (value: string, from: string, to: string) => (value === from ? to : value);

export function renameEntity(spec: ProjectSpec, from: string, to: string): ProjectSpec {
  if (from === to) return spec;
  entityOf(spec, from);
  if (from === USER_ENTITY && spec.auth.kind !== 'none') throw new SpecEditError('User holds the accounts for sign-in; turn auth off before renaming it');
  checkEntityName(spec, to, from);
  return withPages({
    ...spec,
    entities: spec.entities.map((e) =>
      e.name === from ? { ...e, name: to, label: humanize(to).slice(0, 100), pluralLabel: humanize(pluralizeName(to)).slice(0, 100) } : e,
    ),
    relations: spec.relations.map((r) => ({ ...r, from: swap(r.from, from, to), to: swap(r.to, from, to) })),
    rules: spec.rules.map((rule) => ({ ...rule, entity: swap(rule.entity, from, to) })),
  });
}

export function addEntity(spec: ProjectSpec, name: string): ProjectSpec {
  checkEntityName(spec, name);
  const entity = {
    name,
    label: humanize(name).slice(0, 100),
    pluralLabel: humanize(pluralizeName(name)).slice(0, 100),
    fields: [{ name: 'name', label: 'Name', type: 'string' as const, required: true, unique: false, sources: [] }],
    sources: [],
  };
  return withPages({ ...spec, entities: [...spec.entities, entity] });
}

/** Removes the entity, its relations (both directions) and every rule that named it or them. */
export function deleteEntity(spec: ProjectSpec, name: string): ProjectSpec {
  entityOf(spec, name);
  if (name === USER_ENTITY && spec.auth.kind !== 'none') throw new SpecEditError('User holds the accounts for sign-in; turn auth off before deleting it');
  const removed = spec.relations.filter((r) => r.from === name || r.to === name);
  let next: ProjectSpec = { ...spec, entities: spec.entities.filter((e) => e.name !== name), relations: spec.relations.filter((r) => !removed.includes(r)) };
  for (const relation of removed) next = dropRelationDependents(next, relation);
  next = { ...next, rules: next.rules.filter((rule) => rule.entity !== name) };
  return withPages(next);
}

/** Rules and owner links that cannot stand once `relation` is gone. */
function dropRelationDependents(spec: ProjectSpec, relation: Relation): ProjectSpec {
  const on = relation.from;
  const ruleUses = (rule: Rule) =>
    rule.entity === on &&
    ((rule.kind === 'capacity' && rule.relation === relation.name) ||
      (rule.kind === 'noOverlap' && rule.scope === relation.name) ||
      (rule.kind === 'refuseWhen' && rule.condition.relation === relation.name) ||
      (rule.kind === 'unique' && rule.fields.includes(relation.name)));
  const ownerLost = spec.entities.find((e) => e.name === on)?.ownerRelation === relation.name;
  return {
    ...spec,
    entities: spec.entities.map((e) => (e.name === on && ownerLost ? { ...e, ownerRelation: undefined } : e)),
    rules: spec.rules.filter((rule) => !ruleUses(rule) && !(ownerLost && rule.kind === 'ownership' && rule.entity === on)),
  };
}

/** The entity whose field a refuseWhen condition reads: the rule's entity, or the parent its relation points to. */
function conditionEntity(spec: ProjectSpec, rule: Extract<Rule, { kind: 'refuseWhen' }>): string | undefined {
  if (!rule.condition.relation) return rule.entity;
  return spec.relations.find((r) => r.kind === 'belongsTo' && r.from === rule.entity && r.name === rule.condition.relation)?.to;
}

function fieldReferences(spec: ProjectSpec, rule: Rule, entity: string, field: string): boolean {
  switch (rule.kind) {
    case 'dateOrder':
      return rule.entity === entity && (rule.earlier === field || rule.later === field);
    case 'refuseWhen':
      return rule.condition.field === field && conditionEntity(spec, rule) === entity;
    case 'capacity':
      return rule.entity === entity && (rule.activeWhenNull === field || rule.period?.field === field);
    case 'unique':
      return rule.entity === entity && rule.fields.includes(field);
    case 'noOverlap':
      return rule.entity === entity && [rule.start, rule.end, rule.durationMinutesField].includes(field);
    case 'statusWorkflow':
      return rule.entity === entity && rule.field === field;
    default:
      return false;
  }
}

/** Capacity rules read the limit from the parent entity's field. */
function capacityFieldOwner(spec: ProjectSpec, rule: Extract<Rule, { kind: 'capacity' }>): string | undefined {
  return spec.relations.find((r) => r.kind === 'belongsTo' && r.from === rule.entity && r.name === rule.relation)?.to;
}

export function renameField(spec: ProjectSpec, entity: string, from: string, to: string): ProjectSpec {
  if (from === to) return spec;
  const target = entityOf(spec, entity);
  if (!target.fields.some((f) => f.name === from)) throw new SpecEditError(`${entity} has no field ${from}`);
  checkFieldName(spec, entity, to, from);
  const rename = (value: string | undefined) => (value === from ? to : value);
  const rules = spec.rules.map((rule): Rule => {
    switch (rule.kind) {
      case 'capacity':
        return {
          ...rule,
          capacityField: capacityFieldOwner(spec, rule) === entity ? (rename(rule.capacityField) as string) : rule.capacityField,
          activeWhenNull: rule.entity === entity ? rename(rule.activeWhenNull) : rule.activeWhenNull,
          period: rule.period && rule.entity === entity ? { ...rule.period, field: rename(rule.period.field) as string } : rule.period,
        };
      case 'unique':
        return rule.entity === entity ? { ...rule, fields: rule.fields.map((f) => (f === from ? to : f)) } : rule;
      case 'noOverlap':
        return rule.entity === entity
          ? { ...rule, start: rename(rule.start) as string, end: rename(rule.end), durationMinutesField: rename(rule.durationMinutesField) }
          : rule;
      case 'statusWorkflow':
        return rule.entity === entity ? { ...rule, field: rename(rule.field) as string } : rule;
      case 'dateOrder':
        return rule.entity === entity ? { ...rule, earlier: rename(rule.earlier) as string, later: rename(rule.later) as string } : rule;
      case 'refuseWhen':
        return conditionEntity(spec, rule) === entity ? { ...rule, condition: { ...rule.condition, field: rename(rule.condition.field) as string } } : rule;
      case 'roleRequired':
        return rule.entity === entity && rule.fields ? { ...rule, fields: rule.fields.map((f) => (f === from ? to : f)) } : rule;
      default:
        return rule;
    }
  });
  return {
    ...spec,
    entities: spec.entities.map((e) =>
      e.name === entity ? { ...e, fields: e.fields.map((f) => (f.name === from ? { ...f, name: to, label: humanize(to).slice(0, 100) } : f)) } : e,
    ),
    rules,
  };
}

export function addField(spec: ProjectSpec, entity: string, name: string, type: FieldType = 'string'): ProjectSpec {
  checkFieldName(spec, entity, name);
  const field: Field = {
    name,
    label: humanize(name).slice(0, 100),
    type,
    required: false,
    unique: false,
    sources: [],
    ...(type === 'enum' ? { enumValues: ['active'] } : {}),
  };
  return { ...spec, entities: spec.entities.map((e) => (e.name === entity ? { ...e, fields: [...e.fields, field] } : e)) };
}

/** Removes the field and the rules that read it. */
export function deleteField(spec: ProjectSpec, entity: string, name: string): ProjectSpec {
  const target = entityOf(spec, entity);
  if (!target.fields.some((f) => f.name === name)) throw new SpecEditError(`${entity} has no field ${name}`);
  return {
    ...spec,
    entities: spec.entities.map((e) => (e.name === entity ? { ...e, fields: e.fields.filter((f) => f.name !== name) } : e)),
    rules: spec.rules
      .map((rule) => withoutRoleField(rule, entity, name))
      .filter(
        (rule): rule is Rule =>
          !!rule && !fieldReferences(spec, rule, entity, name) && !(rule.kind === 'capacity' && rule.capacityField === name && capacityFieldOwner(spec, rule) === entity),
      ),
  };
}

/** A role rule on fields without the deleted one; none left: no rule (never widened to the whole record). */
function withoutRoleField(rule: Rule, entity: string, name: string): Rule | undefined {
  if (rule.kind !== 'roleRequired' || !rule.fields || rule.entity !== entity || !rule.fields.includes(name)) return rule;
  const fields = rule.fields.filter((f) => f !== name);
  return fields.length ? { ...rule, fields } : undefined;
}

export interface FieldPatch {
  type?: FieldType;
  required?: boolean;
  unique?: boolean;
  enumValues?: string[];
}

const ENUM_VALUE = /^[a-z][a-z0-9_]{0,62}$/;

/** Changes a field's type or flags; a type change drops defaults and bounds that no longer fit. */
export function updateField(spec: ProjectSpec, entity: string, name: string, patch: FieldPatch): ProjectSpec {
  const target = entityOf(spec, entity);
  const field = target.fields.find((f) => f.name === name);
  if (!field) throw new SpecEditError(`${entity} has no field ${name}`);
  if (patch.enumValues) {
    const bad = patch.enumValues.find((value) => !ENUM_VALUE.test(value));
    if (bad !== undefined) throw new SpecEditError(`"${bad}" is not a valid value: lower-case letters, digits and underscores`);
    if (!patch.enumValues.length) throw new SpecEditError('An enum field needs at least one value');
  }
  let next: Field = { ...field, ...patch };
  if (patch.type && patch.type !== field.type) {
    next = { ...next, default: undefined, min: undefined, max: undefined };
    if (patch.type === 'enum') next.enumValues = patch.enumValues ?? field.enumValues ?? ['active'];
    else next.enumValues = undefined;
  }
  if (next.type === 'enum' && next.default !== undefined && !next.enumValues?.includes(String(next.default))) next = { ...next, default: undefined };
  let rules = spec.rules;
  // A workflow needs an enum whose values still include its states.
  if (next.type !== 'enum' || patch.enumValues) {
    const values = new Set(next.enumValues ?? []);
    rules = rules.filter(
      (rule) =>
        !(rule.kind === 'statusWorkflow' && rule.entity === entity && rule.field === name) ||
        (next.type === 'enum' && [rule.initial, ...rule.transitions.flatMap((t) => [t.from, t.to])].every((v) => values.has(v))),
    );
  }
  // Date order needs date fields; a refusal's condition must still fit the field's type and values.
  rules = rules.filter((rule) => {
    if (rule.kind === 'dateOrder' && rule.entity === entity && (rule.earlier === name || rule.later === name)) return TIME_TYPES.includes(next.type);
    if (rule.kind === 'refuseWhen' && rule.condition.field === name && conditionEntity(spec, rule) === entity) return !conditionProblem(next, rule.condition);
    return true;
  });
  return { ...spec, entities: spec.entities.map((e) => (e.name === entity ? { ...e, fields: e.fields.map((f) => (f.name === name ? next : f)) } : e)), rules };
}

export function addRelation(spec: ProjectSpec, relation: Omit<Relation, 'sources' | 'required' | 'onDelete'> & Partial<Relation>): ProjectSpec {
  entityOf(spec, relation.from);
  entityOf(spec, relation.to);
  if (!Identifier.safeParse(relation.name).success) throw new SpecEditError(`"${relation.name}" is not a valid relation name: use camelCase, e.g. author`);
  if (!Identifier.safeParse(relation.inverseName).success) throw new SpecEditError(`"${relation.inverseName}" is not a valid name for the other side: use camelCase, e.g. posts`);
  if (spec.relations.some((r) => r.from === relation.from && r.name === relation.name)) throw new SpecEditError(`${relation.from} already has a relation called ${relation.name}`);
  if (entityOf(spec, relation.from).fields.some((f) => f.name === relation.name || f.name === `${relation.name}Id`)) {
    throw new SpecEditError(`${relation.from} already has a field called ${relation.name}`);
  }
  const full: Relation = { required: true, onDelete: 'restrict', sources: [], ...relation };
  return { ...spec, relations: [...spec.relations, full] };
}

export function deleteRelation(spec: ProjectSpec, from: string, name: string): ProjectSpec {
  const relation = spec.relations.find((r) => r.from === from && r.name === name);
  if (!relation) throw new SpecEditError(`${from} has no relation ${name}`);
  return dropRelationDependents({ ...spec, relations: spec.relations.filter((r) => r !== relation) }, relation);
}

export function deleteRule(spec: ProjectSpec, index: number): ProjectSpec {
  if (!spec.rules[index]) throw new SpecEditError(`There is no rule ${index + 1}`);
  return { ...spec, rules: spec.rules.filter((_, i) => i !== index) };
}

const withoutSources = (rule: Rule) => JSON.stringify({ ...rule, sources: [] });

/**
 * What adding this rule would break: the problems validateSpec finds with it that it did not find
 * before (problems the spec already had are not the new rule's fault). Empty when it can be added.
 */
export function ruleProblems(spec: ProjectSpec, input: unknown): string[] {
  const parsed = Rule.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  const before = validateSpec(spec);
  const after = validateSpec({ ...spec, rules: [...spec.rules, parsed.data] });
  const remaining = [...before];
  return after.filter((problem) => {
    const at = remaining.indexOf(problem);
    if (at === -1) return true;
    remaining.splice(at, 1);
    return false;
  });
}

/**
 * Adds a rule the user built in the review step. Refuses (SpecEditError, with every reason) a rule
 * that does not fit the spec; the same rule a second time only adds its sentences to the first.
 */
export function addRule(spec: ProjectSpec, input: z.input<typeof Rule>): ProjectSpec {
  const problems = ruleProblems(spec, input);
  if (problems.length) throw new SpecEditError(problems.join('; '));
  const rule = Rule.parse(input);
  const same = spec.rules.findIndex((existing) => withoutSources(existing) === withoutSources(rule));
  if (same !== -1) {
    const merged = { ...spec.rules[same], sources: [...new Set([...spec.rules[same].sources, ...rule.sources])].sort((a, b) => a - b) };
    return { ...spec, rules: spec.rules.map((existing, i) => (i === same ? merged : existing)) };
  }
  return { ...spec, rules: [...spec.rules, rule] };
}

const ROLE = /^[a-z][a-z0-9_]{0,30}$/;

/**
 * Auth on (email + password with these roles) or off. Turning it off removes what needs accounts:
 * owner links, ownership and role rules (the User entity stays, as ordinary data).
 */
export function setAuth(spec: ProjectSpec, auth: { enabled: false } | { enabled: true; roles: string[]; defaultRole?: string; selfSignup?: boolean }): ProjectSpec {
  if (!auth.enabled) {
    return withPages({
      ...spec,
      auth: { kind: 'none', sources: spec.auth.sources },
      entities: spec.entities.map((e) => ({ ...e, ownerRelation: undefined })),
      rules: spec.rules.filter((rule) => rule.kind !== 'ownership' && rule.kind !== 'roleRequired').map((rule) => (rule.kind === 'refuseWhen' ? withoutExceptions(rule, []) : rule)),
    });
  }
  const roles = [...new Set(auth.roles.map((role) => role.trim()).filter(Boolean))];
  if (!roles.length) throw new SpecEditError('Auth needs at least one role, e.g. user');
  const bad = roles.find((role) => !ROLE.test(role));
  if (bad) throw new SpecEditError(`"${bad}" is not a valid role: lower-case letters, digits and underscores`);
  const previous = spec.auth.kind === 'emailPassword' ? spec.auth : undefined;
  const defaultRole = auth.defaultRole && roles.includes(auth.defaultRole) ? auth.defaultRole : previous && roles.includes(previous.defaultRole) ? previous.defaultRole : roles[0];
  const adminRole = previous?.adminRole && roles.includes(previous.adminRole) ? previous.adminRole : undefined;
  let next: ProjectSpec = {
    ...spec,
    auth: { kind: 'emailPassword', roles, defaultRole, adminRole, selfSignup: auth.selfSignup ?? previous?.selfSignup ?? true, sources: spec.auth.sources },
    rules: spec.rules
      .map((rule) => (rule.kind === 'roleRequired' ? { ...rule, roles: rule.roles.filter((r) => roles.includes(r)) } : rule.kind === 'refuseWhen' ? withoutExceptions(rule, roles) : rule))
      .filter((rule) => rule.kind !== 'roleRequired' || rule.roles.length > 0),
  };
  if (!next.entities.some((e) => e.name === USER_ENTITY)) {
    next = {
      ...next,
      entities: [
        {
          name: USER_ENTITY,
          label: 'User',
          pluralLabel: 'Users',
          fields: [{ name: 'name', label: 'Name', type: 'string', required: true, unique: false, sources: [] }],
          sources: [],
        },
        ...next.entities,
      ],
    };
  }
  return withPages(next);
}

/** A refusal's excepted roles that are still roles (none left: it holds for everyone, with no exceptRoles at all). */
function withoutExceptions(rule: Extract<Rule, { kind: 'refuseWhen' }>, roles: string[]): Rule {
  const kept = rule.exceptRoles?.filter((role) => roles.includes(role)) ?? [];
  const { exceptRoles: _dropped, ...rest } = rule;
  return kept.length ? { ...rest, exceptRoles: kept } : rest;
}

/** Readable one-line description of a rule, for the review table. */
export function describeRule(rule: Rule): string {
  switch (rule.kind) {
    case 'capacity':
      return describeCapacity(rule);
    case 'unique':
      return `${rule.fields.join(' + ')} unique per ${rule.entity}`;
    case 'noOverlap':
      return `${rule.entity} times may not overlap for the same ${rule.scope}`;
    case 'ownership':
      return `Only the owner (or an admin) may ${rule.actions.join('/')} ${withArticle(rule.entity)}`;
    case 'roleRequired':
      if (rule.fields) return `Only ${rule.roles.join(', ')} may ${fieldActionWords(rule)} the ${rule.fields.map((f) => humanize(f).toLowerCase()).join(', ')} of ${withArticle(rule.entity)}`;
      return `Only ${rule.roles.join(', ')} may ${rule.actions.join('/')} ${rule.entity}`;
    case 'statusWorkflow':
      return `${rule.entity}.${rule.field} moves ${rule.transitions.map((t) => `${t.from}→${t.to}`).join(', ')} (starts ${rule.initial})`;
    case 'dateOrder':
      return `${rule.entity}.${rule.later} must be ${rule.allowEqual ? 'on or after' : 'after'} ${rule.earlier}`;
    case 'refuseWhen':
      return `Refuse to ${rule.actions.join('/')} ${withArticle(rule.entity)} when ${describeCondition(rule.condition)}${rule.exceptRoles ? ` (except for ${rule.exceptRoles.join(', ')})` : ''}: “${rule.message}”`;
  }
}

/** Turns generated tests or Docker files on or off (undefined leaves an option as it is). */
export function setOptions(spec: ProjectSpec, options: { tests?: boolean; docker?: boolean }): ProjectSpec {
  return { ...spec, options: { tests: options.tests ?? spec.options.tests, docker: options.docker ?? spec.options.docker } };
}
