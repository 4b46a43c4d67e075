// Lookups over a ProjectSpec and the semantic checks zod cannot express (references between
// entities, relations, rules and fields).
import { entityNames, type EntityNames, RESERVED_FIELD_NAMES } from './naming';
import type { Entity, Field, ProjectSpec, Relation, Rule } from './projectSpec';
import { conditionProblem, TIME_TYPES } from './ruleConditions';

export const USER_ENTITY = 'User';

export interface SpecIndex {
  spec: ProjectSpec;
  entity(name: string): Entity | undefined;
  names(entityName: string): EntityNames;
  /** belongsTo relations whose foreign key lives on this entity. */
  parents(entityName: string): Relation[];
  /** belongsTo relations pointing at this entity (its has-many side). */
  children(entityName: string): Relation[];
  manyToMany(entityName: string): Relation[];
  rulesFor(entityName: string): Rule[];
  field(entityName: string, fieldName: string): Field | undefined;
  hasAuth: boolean;
  /** Sentence indices behind an entity and everything attached to it. */
  entitySources(entityName: string): number[];
}

export function indexSpec(spec: ProjectSpec): SpecIndex {
  const byName = new Map(spec.entities.map((entity) => [entity.name, entity]));
  const namesCache = new Map<string, EntityNames>();
  const index: SpecIndex = {
    spec,
    entity: (name) => byName.get(name),
    names: (name) => {
      let names = namesCache.get(name);
      if (!names) {
        names = entityNames(name);
        namesCache.set(name, names);
      }
      return names;
    },
    parents: (name) => spec.relations.filter((r) => r.kind === 'belongsTo' && r.from === name),
    children: (name) => spec.relations.filter((r) => r.kind === 'belongsTo' && r.to === name),
    manyToMany: (name) => spec.relations.filter((r) => r.kind === 'manyToMany' && (r.from === name || r.to === name)),
    rulesFor: (name) => spec.rules.filter((rule) => rule.entity === name),
    field: (entityName, fieldName) => byName.get(entityName)?.fields.find((f) => f.name === fieldName),
    hasAuth: spec.auth.kind !== 'none',
    entitySources: (name) => {
      const entity = byName.get(name);
      const sources = new Set<number>(entity?.sources ?? []);
      for (const field of entity?.fields ?? []) field.sources.forEach((s) => sources.add(s));
      for (const relation of spec.relations) {
        if (relation.from === name || relation.to === name) relation.sources.forEach((s) => sources.add(s));
      }
      for (const rule of spec.rules) if (rule.entity === name) rule.sources.forEach((s) => sources.add(s));
      return [...sources].sort((a, b) => a - b);
    },
  };
  return index;
}

/** Every inconsistency in the spec, as readable sentences (empty when the spec is usable). */
export function validateSpec(spec: ProjectSpec): string[] {
  const problems: string[] = [];
  const index = indexSpec(spec);
  entityProblems(spec, index, problems);
  relationProblems(spec, index, problems);
  ownerProblems(spec, problems);
  authProblems(spec, index, problems);
  for (const rule of spec.rules) ruleProblems(rule, spec, index, problems);
  return problems;
}

/** Entities and tables defined twice; fields defined twice, reserved, or with an impossible default or bounds. */
function entityProblems(spec: ProjectSpec, index: SpecIndex, problems: string[]): void {
  const seenEntities = new Set<string>();
  const seenTables = new Set<string>();
  for (const entity of spec.entities) {
    if (seenEntities.has(entity.name)) problems.push(`Entity ${entity.name} is defined twice`);
    seenEntities.add(entity.name);
    const table = index.names(entity.name).table;
    if (seenTables.has(table)) problems.push(`Entity ${entity.name} would share the table "${table}" with another entity`);
    seenTables.add(table);
    const seenFields = new Set<string>();
    for (const field of entity.fields) {
      if (seenFields.has(field.name)) problems.push(`${entity.name}.${field.name} is defined twice`);
      seenFields.add(field.name);
      if (RESERVED_FIELD_NAMES.has(field.name)) problems.push(`${entity.name}.${field.name} is a reserved name`);
      if (field.type === 'enum' && field.default !== undefined && !field.enumValues?.includes(String(field.default))) {
        problems.push(`${entity.name}.${field.name} defaults to "${field.default}", which is not one of its values`);
      }
      if (field.min !== undefined && field.max !== undefined && field.min > field.max) {
        problems.push(`${entity.name}.${field.name} must be at least ${field.min} and at most ${field.max}, which no value can be`);
      }
    }
  }
}

/** Relations between unknown entities, colliding with a field, or defined twice. */
function relationProblems(spec: ProjectSpec, index: SpecIndex, problems: string[]): void {
  for (const relation of spec.relations) {
    const label = `Relation ${relation.from}.${relation.name}`;
    if (!index.entity(relation.from)) problems.push(`${label}: unknown entity ${relation.from}`);
    if (!index.entity(relation.to)) problems.push(`${label}: unknown entity ${relation.to}`);
    if (index.field(relation.from, relation.name) || index.field(relation.from, `${relation.name}Id`)) {
      problems.push(`${label} collides with a field of ${relation.from}`);
    }
  }
  const relationNames = new Set<string>();
  for (const relation of spec.relations) {
    const key = `${relation.from}.${relation.name}`;
    if (relationNames.has(key)) problems.push(`Relation ${key} is defined twice`);
    relationNames.add(key);
  }
}

/** Owner relations that are no belongsTo to User, or user-owned records without auth. */
function ownerProblems(spec: ProjectSpec, problems: string[]): void {
  for (const entity of spec.entities) {
    if (!entity.ownerRelation) continue;
    const owner = spec.relations.find((r) => r.kind === 'belongsTo' && r.from === entity.name && r.name === entity.ownerRelation);
    if (!owner || owner.to !== USER_ENTITY) {
      problems.push(`${entity.name}.ownerRelation "${entity.ownerRelation}" must name a belongsTo relation to ${USER_ENTITY}`);
    }
    if (spec.auth.kind === 'none') problems.push(`${entity.name} is user-owned but the spec has no auth`);
  }
}

function authProblems(spec: ProjectSpec, index: SpecIndex, problems: string[]): void {
  if (spec.auth.kind === 'emailPassword') {
    if (!index.entity(USER_ENTITY)) problems.push(`Auth needs a ${USER_ENTITY} entity`);
    if (!spec.auth.roles.includes(spec.auth.defaultRole)) problems.push(`Default role "${spec.auth.defaultRole}" is not one of the roles`);
    if (spec.auth.adminRole && !spec.auth.roles.includes(spec.auth.adminRole)) {
      problems.push(`Admin role "${spec.auth.adminRole}" is not one of the roles`);
    }
  }
}

/** What one rule refers to that the spec does not have, or asks what cannot be. */
function ruleProblems(rule: Rule, spec: ProjectSpec, index: SpecIndex, problems: string[]): void {
  const entity = index.entity(rule.entity);
  const label = `Rule ${rule.kind} on ${rule.entity}`;
  if (!entity) {
    problems.push(`${label}: unknown entity`);
    return;
  }
  const needField = (name: string | undefined, on = rule.entity) => {
    if (name && !index.field(on, name)) problems.push(`${label}: ${on} has no field ${name}`);
  };
  const needRelation = (name: string) => {
    const relation = index.parents(rule.entity).find((r) => r.name === name);
    if (!relation) problems.push(`${label}: ${rule.entity} has no belongsTo relation ${name}`);
    return relation;
  };
  switch (rule.kind) {
    case 'capacity':
      capacityProblems(rule, label, index, needField, needRelation, problems);
      break;
    case 'unique':
      for (const field of rule.fields) {
        if (!index.field(rule.entity, field) && !index.parents(rule.entity).some((r) => r.name === field)) {
          problems.push(`${label}: ${rule.entity} has no field or relation ${field}`);
        }
      }
      break;
    case 'noOverlap':
      needRelation(rule.scope);
      needField(rule.start);
      needField(rule.end);
      needField(rule.durationMinutesField);
      if (!rule.end && !rule.durationMinutesField) problems.push(`${label}: needs an end field or a duration field`);
      break;
    case 'ownership':
      if (!entity.ownerRelation) problems.push(`${label}: ${rule.entity} has no ownerRelation`);
      break;
    case 'roleRequired':
      if (spec.auth.kind === 'none') problems.push(`${label}: the spec has no auth`);
      else for (const role of rule.roles) if (!spec.auth.roles.includes(role)) problems.push(`${label}: unknown role ${role}`);
      for (const field of rule.fields ?? []) needField(field);
      if (rule.fields && rule.actions.some((a) => a !== 'create' && a !== 'update')) problems.push(`${label}: only create and update can be limited to fields`);
      for (const field of rule.fields ?? []) {
        // Sign-in keeps these itself (the email, the role an admin gives); a rule on them would not be checked.
        if (rule.entity === USER_ENTITY && ['email', 'password', 'role'].includes(field)) problems.push(`${label}: ${field} is kept by sign-in, not limited by a role rule`);
        const stored = index.field(rule.entity, field);
        // Everyone else could not create a row at all: that is a role rule on create of the whole record.
        if (rule.actions.includes('create') && stored?.required && stored.default === undefined) problems.push(`${label}: ${field} is required with no default, so only these roles could create ${rule.entity} rows; limit create on the whole record instead`);
      }
      break;
    case 'statusWorkflow':
      statusWorkflowProblems(rule, label, index, problems);
      break;
    case 'dateOrder':
      dateOrderProblems(rule, label, index, problems);
      break;
    case 'refuseWhen':
      refuseWhenProblems(rule, label, spec, index, needRelation, problems);
      break;
  }
}

type NeedField = (name: string | undefined, on?: string) => void;
type NeedRelation = (name: string) => Relation | undefined;

function capacityProblems(rule: Extract<Rule, { kind: 'capacity' }>, label: string, index: SpecIndex, needField: NeedField, needRelation: NeedRelation, problems: string[]): void {
  const relation = rule.relation ? needRelation(rule.relation) : undefined;
  if (relation) needField(rule.capacityField, relation.to);
  if (rule.capacityField && !rule.relation) problems.push(`${label}: a limit read from ${rule.capacityField} needs the relation to the record that holds it`);
  if ((rule.capacityField === undefined) === (rule.limit === undefined)) problems.push(`${label}: needs exactly one limit: a number (limit) or a field of the parent (capacityField)`);
  // A fixed limit over the whole table would also refuse ordinary rows made anywhere else.
  if (rule.limit !== undefined && !rule.relation && !rule.period) problems.push(`${label}: a fixed limit needs a scope: a relation (per parent) or a period (per day, week or month)`);
  needField(rule.activeWhenNull);
  if (rule.period) {
    const field = index.field(rule.entity, rule.period.field);
    if (!field) problems.push(`${label}: ${rule.entity} has no field ${rule.period.field}`);
    else if (!TIME_TYPES.includes(field.type)) problems.push(`${label}: the period is counted on ${rule.period.field}, which must be a date or date-time field, not ${field.type}`);
  }
}

function statusWorkflowProblems(rule: Extract<Rule, { kind: 'statusWorkflow' }>, label: string, index: SpecIndex, problems: string[]): void {
  const field = index.field(rule.entity, rule.field);
  if (!field || field.type !== 'enum') problems.push(`${label}: ${rule.field} must be an enum field`);
  else {
    const values = new Set(field.enumValues);
    for (const value of [rule.initial, ...rule.transitions.flatMap((t) => [t.from, t.to])]) {
      if (!values.has(value)) problems.push(`${label}: "${value}" is not a value of ${rule.field}`);
    }
  }
}

function dateOrderProblems(rule: Extract<Rule, { kind: 'dateOrder' }>, label: string, index: SpecIndex, problems: string[]): void {
  for (const name of [rule.earlier, rule.later]) {
    const field = index.field(rule.entity, name);
    if (!field) problems.push(`${label}: ${rule.entity} has no field ${name}`);
    else if (!TIME_TYPES.includes(field.type)) problems.push(`${label}: ${name} must be a date or date-time field, not ${field.type}`);
  }
  if (rule.earlier === rule.later) problems.push(`${label}: compares ${rule.earlier} with itself`);
}

function refuseWhenProblems(rule: Extract<Rule, { kind: 'refuseWhen' }>, label: string, spec: ProjectSpec, index: SpecIndex, needRelation: NeedRelation, problems: string[]): void {
  const { condition } = rule;
  let on = rule.entity;
  if (condition.relation) {
    const relation = needRelation(condition.relation);
    if (!relation) return;
    on = relation.to;
  }
  const field = index.field(on, condition.field);
  if (!field) problems.push(`${label}: ${on} has no field ${condition.field}`);
  else {
    const problem = conditionProblem(field, condition);
    if (problem) problems.push(`${label}: ${problem}`);
  }
  if (!rule.message.trim()) problems.push(`${label}: needs a message saying why`);
  if (new Set(rule.actions).size !== rule.actions.length) problems.push(`${label}: lists an action twice`);
  if (rule.exceptRoles) {
    if (spec.auth.kind === 'none') problems.push(`${label}: excepts roles, but the spec has no auth`);
    else for (const role of rule.exceptRoles) if (!spec.auth.roles.includes(role)) problems.push(`${label}: unknown role ${role}`);
  }
}
