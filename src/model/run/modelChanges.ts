// What changed between two data models, in words a reviewer reads: entities added, removed or
// renamed, fields, relations and rules added or removed, auth. Shown before the user accepts
// Claude's model in the review step, and told in the run when the domain-model stage changed it.
import * as z from 'zod';
import { describeRule } from '../project/edit';
import type { Entity, ProjectSpec, Relation, Rule } from '../project/projectSpec';

const Names = z.array(z.string().max(300)).max(500);

export const ModelChanges = z.object({
  entitiesAdded: Names,
  entitiesRemoved: Names,
  entitiesRenamed: z.array(z.object({ from: z.string().max(100), to: z.string().max(100) })).max(500),
  /** `Entity.field` (type) */
  fieldsAdded: Names,
  fieldsRemoved: Names,
  /** `Entity.field`: what changed (type, required, unique, values) */
  fieldsChanged: Names,
  /** `From.name → To` */
  relationsAdded: Names,
  relationsRemoved: Names,
  /** Readable rule descriptions */
  rulesAdded: Names,
  rulesRemoved: Names,
  /** How sign-in changed, when it did */
  auth: z.string().max(300).optional(),
});
export type ModelChanges = z.infer<typeof ModelChanges>;

export interface EntityRename {
  from: string;
  to: string;
}

const fieldShape = (entity: Entity) => new Map(entity.fields.map((field) => [field.name, field]));
const relationKey = (relation: Relation, rename: (name: string) => string = (name) => name) => `${rename(relation.from)}.${relation.name}`;
const relationText = (relation: Relation) => `${relation.from}.${relation.name} → ${relation.to}${relation.kind === 'manyToMany' ? ' (many to many)' : ''}`;

function ruleKey(rule: Rule, rename: (name: string) => string = (name) => name): string {
  const { sources: _sources, ...rest } = rule;
  return JSON.stringify({ ...rest, entity: rename(rule.entity) });
}

function ruleText(rule: Rule): string {
  try {
    return describeRule(rule) ?? `${rule.kind} on ${rule.entity}`;
  } catch {
    return `${rule.kind} on ${rule.entity}`;
  }
}

/**
 * Renames between two models: the ones declared (when both sides fit), then a removed and an
 * added entity with exactly the same (non-empty) field names.
 */
export function inferRenames(before: ProjectSpec, after: ProjectSpec, declared: readonly EntityRename[] = []): EntityRename[] {
  const beforeNames = new Set(before.entities.map((e) => e.name));
  const afterNames = new Set(after.entities.map((e) => e.name));
  const removed = new Set([...beforeNames].filter((name) => !afterNames.has(name)));
  const added = new Set([...afterNames].filter((name) => !beforeNames.has(name)));
  const renames: EntityRename[] = [];
  for (const { from, to } of declared) {
    if (removed.has(from) && added.has(to)) {
      renames.push({ from, to });
      removed.delete(from);
      added.delete(to);
    }
  }
  const fieldsOf = (spec: ProjectSpec, name: string) =>
    spec.entities
      .find((e) => e.name === name)
      ?.fields.map((f) => f.name)
      .sort()
      .join(',') ?? '';
  for (const from of [...removed]) {
    const signature = fieldsOf(before, from);
    if (!signature) continue;
    const to = [...added].find((name) => fieldsOf(after, name) === signature);
    if (to) {
      renames.push({ from, to });
      removed.delete(from);
      added.delete(to);
    }
  }
  return renames;
}

export function modelChanges(before: ProjectSpec, after: ProjectSpec, declaredRenames: readonly EntityRename[] = []): ModelChanges {
  const renames = inferRenames(before, after, declaredRenames);
  const renamedTo = new Map(renames.map((r) => [r.from, r.to]));
  const rename = (name: string) => renamedTo.get(name) ?? name;
  const beforeByName = new Map(before.entities.map((e) => [rename(e.name), e]));
  const afterByName = new Map(after.entities.map((e) => [e.name, e]));
  const changes: ModelChanges = {
    entitiesAdded: after.entities.filter((e) => !beforeByName.has(e.name)).map((e) => e.name),
    entitiesRemoved: before.entities.filter((e) => !afterByName.has(rename(e.name))).map((e) => e.name),
    entitiesRenamed: renames,
    fieldsAdded: [],
    fieldsRemoved: [],
    fieldsChanged: [],
    relationsAdded: [],
    relationsRemoved: [],
    rulesAdded: [],
    rulesRemoved: [],
  };
  for (const entity of after.entities) {
    const old = beforeByName.get(entity.name);
    if (!old) continue;
    const oldFields = fieldShape(old);
    const newFields = fieldShape(entity);
    for (const [name, field] of newFields) {
      const was = oldFields.get(name);
      if (!was) {
        changes.fieldsAdded.push(`${entity.name}.${name} (${field.type})`);
        continue;
      }
      const what: string[] = [];
      if (was.type !== field.type) what.push(`${was.type} → ${field.type}`);
      if (was.required !== field.required) what.push(field.required ? 'now required' : 'now optional');
      if (was.unique !== field.unique) what.push(field.unique ? 'now unique' : 'no longer unique');
      if ((was.enumValues ?? []).join(',') !== (field.enumValues ?? []).join(',') && field.type === 'enum') what.push(`values ${(field.enumValues ?? []).join(', ')}`);
      if (what.length) changes.fieldsChanged.push(`${entity.name}.${name}: ${what.join(', ')}`);
    }
    for (const name of oldFields.keys()) if (!newFields.has(name)) changes.fieldsRemoved.push(`${entity.name}.${name}`);
  }
  const oldRelations = new Set(before.relations.map((r) => relationKey(r, rename)));
  const newRelations = new Set(after.relations.map((r) => relationKey(r)));
  changes.relationsAdded = after.relations.filter((r) => !oldRelations.has(relationKey(r))).map(relationText);
  changes.relationsRemoved = before.relations.filter((r) => !newRelations.has(relationKey(r, rename))).map(relationText);
  const oldRules = new Set(before.rules.map((rule) => ruleKey(rule, rename)));
  const newRules = new Set(after.rules.map((rule) => ruleKey(rule)));
  changes.rulesAdded = after.rules.filter((rule) => !oldRules.has(ruleKey(rule))).map(ruleText);
  changes.rulesRemoved = before.rules.filter((rule) => !newRules.has(ruleKey(rule, rename))).map(ruleText);
  const authText = (spec: ProjectSpec) => (spec.auth.kind === 'none' ? 'no sign-in' : `email + password, roles ${spec.auth.roles.join(', ')}`);
  if (authText(before) !== authText(after)) changes.auth = `${authText(before)} → ${authText(after)}`;
  return changes;
}

export function hasModelChanges(changes: ModelChanges): boolean {
  return Boolean(
    changes.auth ||
      changes.entitiesAdded.length ||
      changes.entitiesRemoved.length ||
      changes.entitiesRenamed.length ||
      changes.fieldsAdded.length ||
      changes.fieldsRemoved.length ||
      changes.fieldsChanged.length ||
      changes.relationsAdded.length ||
      changes.relationsRemoved.length ||
      changes.rulesAdded.length ||
      changes.rulesRemoved.length,
  );
}

/** One line per kind of change, e.g. "entities added: Organizer". */
export function describeModelChanges(changes: ModelChanges): string[] {
  const lines: string[] = [];
  const list = (label: string, items: readonly string[]) => {
    if (items.length) lines.push(`${label}: ${items.join('; ')}`.slice(0, 500));
  };
  list('entities added', changes.entitiesAdded);
  list('entities removed', changes.entitiesRemoved);
  list('entities renamed', changes.entitiesRenamed.map((r) => `${r.from} → ${r.to}`));
  list('fields added', changes.fieldsAdded);
  list('fields removed', changes.fieldsRemoved);
  list('fields changed', changes.fieldsChanged);
  list('relations added', changes.relationsAdded);
  list('relations removed', changes.relationsRemoved);
  list('rules added', changes.rulesAdded);
  list('rules removed', changes.rulesRemoved);
  if (changes.auth) lines.push(`sign-in: ${changes.auth}`);
  return lines;
}
