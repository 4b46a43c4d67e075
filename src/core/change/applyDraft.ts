// What the extractor's readers changed in the draft, applied to the spec through the review
// step's edits (src/model/project/edit.ts), each said in words: new entities, fields and
// relations, fields whose type, flags or bounds changed, new rules and owner links. The edits
// validate; what they refuse is reported with their reason, never dropped.
import * as edit from '../../model/project/edit';
import type { Field, ProjectSpec, Rule } from '../../model/project/projectSpec';
import { toSpecField, type Draft, type DraftEntity, type DraftField, type DraftRelation } from '../extract/draft';
import { knownNoun } from '../extract/knowledge';
import { entityKey } from './changeDraft';

export interface Outcome {
  spec: ProjectSpec;
  applied: string[];
  /** What the sentence named that is already so (said only when it changed nothing else). */
  unchanged: string[];
  problems: string[];
}

/** One field in words: "phoneNumber (string, optional)", "status (enum: pending, confirmed)". */
export function fieldWords(field: Pick<Field, 'name' | 'type' | 'required' | 'unique' | 'enumValues' | 'min' | 'max'>): string {
  const type = field.type === 'enum' ? `enum: ${field.enumValues?.join(', ')}` : field.type;
  const flags = [field.required ? 'required' : 'optional', ...(field.unique ? ['unique'] : []), ...boundsWords(field)];
  return `${field.name} (${type}, ${flags.join(', ')})`;
}

function boundsWords(field: Pick<Field, 'min' | 'max'>): string[] {
  if (field.min !== undefined && field.max !== undefined) return [`${field.min}–${field.max}`];
  if (field.min !== undefined) return [`at least ${field.min}`];
  return field.max !== undefined ? [`at most ${field.max}`] : [];
}

const withSource = (sources: number[], id: number) => (sources.includes(id) ? sources : [...sources, id].sort((a, b) => a - b));

/** Sets what edit.ts has no edit for (label, bounds, default) and the sentence as a source. */
function settleField(spec: ProjectSpec, entity: string, drafted: DraftField, id: number): ProjectSpec {
  const target = toSpecField(drafted);
  return {
    ...spec,
    entities: spec.entities.map((e) =>
      e.name !== entity
        ? e
        : { ...e, sources: withSource(e.sources, id), fields: e.fields.map((f) => (f.name === drafted.name ? { ...f, label: target.label, default: target.default, min: target.min, max: target.max, sources: withSource(f.sources, id) } : f)) },
    ),
  };
}

function addDraftField(out: Outcome, entity: string, drafted: DraftField, id: number): void {
  let spec = edit.addField(out.spec, entity, drafted.name, drafted.type);
  spec = edit.updateField(spec, entity, drafted.name, { required: drafted.required, unique: drafted.unique, ...(drafted.enumValues ? { enumValues: drafted.enumValues } : {}) });
  out.spec = settleField(spec, entity, drafted, id);
}

const sameField = (a: Field, b: Field) =>
  a.type === b.type && a.required === b.required && a.unique === b.unique && a.min === b.min && a.max === b.max && String(a.enumValues) === String(b.enumValues);

/** A field the sentence named again: changed (type, flags, bounds) or said to be there already. */
function changeDraftField(out: Outcome, entity: string, before: Field, drafted: DraftField, id: number): void {
  const after = toSpecField(drafted);
  if (sameField(before, after)) {
    out.unchanged.push(`${entity} already has ${fieldWords(before)}: unchanged`);
    return;
  }
  const spec = edit.updateField(out.spec, entity, before.name, { type: after.type, required: after.required, unique: after.unique, ...(after.enumValues ? { enumValues: after.enumValues } : {}) });
  out.spec = settleField(spec, entity, drafted, id);
  out.applied.push(`${entity}.${before.name} becomes ${fieldWords(after)} (was ${fieldWords(before)})`);
}

function applyFields(out: Outcome, entity: DraftEntity, id: number): void {
  const current = out.spec.entities.find((e) => e.name === entity.name)!;
  for (const drafted of entity.fields) {
    const before = current.fields.find((f) => f.name === drafted.name);
    // (An earlier part of the same sentence may have named the field already: that part said so.)
    const named = drafted.sources.has(id) && !before?.sources.includes(id);
    const touched = named || drafted.min !== before?.min || drafted.max !== before?.max || drafted.unique !== before?.unique;
    if (!touched) continue;
    attempt(out, () => {
      if (!before) {
        addDraftField(out, entity.name, drafted, id);
        out.applied.push(`${entity.name} gains ${fieldWords(toSpecField(drafted))}`);
      } else changeDraftField(out, entity.name, before, drafted, id);
    });
  }
}

/** A new entity: its fields as read, or the usual ones for the noun, or a name. */
function applyNewEntity(out: Outcome, entity: DraftEntity, id: number): void {
  attempt(out, () => {
    let spec = edit.addEntity(out.spec, entity.name);
    spec = { ...spec, entities: spec.entities.map((e) => (e.name === entity.name ? { ...e, sources: [id], fields: [] } : e)) };
    out.spec = spec;
    const fields: DraftField[] = entity.fields.length ? entity.fields : defaultFields(entity, id);
    for (const field of fields) addDraftField(out, entity.name, field, id);
    out.applied.push(`New entity ${entity.name} with ${fields.map((f) => fieldWords(toSpecField(f))).join(', ')}`);
  });
}

function defaultFields(entity: DraftEntity, id: number): DraftField[] {
  const known = knownNoun(entityKey(entity.name))?.fields ?? [{ name: 'name', type: 'string' as const, required: true }];
  return known.map((f) => ({ label: f.name, unique: false, required: false, ...f, sources: new Set([id]) }));
}

function applyRelation(out: Outcome, relation: DraftRelation, id: number): void {
  attempt(out, () => {
    out.spec = edit.addRelation(out.spec, { ...relation, sources: [id] });
    out.applied.push(
      relation.kind === 'manyToMany'
        ? `${relation.from} and ${relation.to} link many-to-many (${relation.from}.${relation.name}, ${relation.to}.${relation.inverseName})`
        : `${relation.from} belongs to ${relation.to} (${relation.from}.${relation.name}, ${relation.required ? 'required' : 'optional'}); ${relation.to} has many ${relation.inverseName}`,
    );
  });
}

function applyRule(out: Outcome, rule: Rule): void {
  attempt(out, () => {
    const known = out.spec.rules.length;
    out.spec = edit.addRule(out.spec, rule);
    out.applied.push(out.spec.rules.length > known ? `New rule: ${edit.describeRule(rule)}` : `The rule is already there: ${edit.describeRule(rule)}`);
  });
}

/** Runs one edit; a refusal becomes a problem with the edit's reason. */
function attempt(out: Outcome, run: () => void): void {
  const saved = { spec: out.spec, applied: out.applied.length };
  try {
    run();
  } catch (error) {
    if (!(error instanceof edit.SpecEditError)) throw error;
    out.spec = saved.spec;
    out.applied.length = saved.applied;
    out.problems.push(error.message);
  }
}

const ruleKey = (rule: Rule) => JSON.stringify({ ...rule, sources: [] });

/** Applies everything sentence `id` changed in the draft (made from `spec`) to the spec. */
export function applyDraft(spec: ProjectSpec, draft: Draft, id: number): Outcome {
  const out: Outcome = { spec, applied: [], unchanged: [], problems: [] };
  for (const entity of draft.entities) {
    if (spec.entities.some((e) => e.name === entity.name)) applyFields(out, entity, id);
    else applyNewEntity(out, entity, id);
  }
  for (const relation of draft.relations) {
    const existing = spec.relations.find((r) => r.from === relation.from && r.name === relation.name);
    if (!existing) applyRelation(out, relation, id);
    else if (relation.sources.has(id) && !existing.sources.includes(id)) out.unchanged.push(`${relation.from} already links to ${relation.to} (${relation.from}.${relation.name}): unchanged`);
  }
  for (const entity of draft.entities) applyOwner(out, spec, entity);
  const known = new Set(spec.rules.map(ruleKey));
  for (const rule of draft.rules) if (rule.sources.includes(id)) {
    const already = known.has(ruleKey(rule)) ? `The rule is already there: ${edit.describeRule(rule)}` : uniqueField(out.spec, rule);
    if (already) out.unchanged.push(already);
    else applyRule(out, rule);
  }
  if (!out.applied.length) out.applied.push(...out.unchanged);
  return out;
}

/** A one-field uniqueness rule on a field that is unique already says nothing new. */
function uniqueField(spec: ProjectSpec, rule: Rule): string | undefined {
  if (rule.kind !== 'unique' || rule.fields.length !== 1) return undefined;
  const field = spec.entities.find((e) => e.name === rule.entity)?.fields.find((f) => f.name === rule.fields[0]);
  return field?.unique ? `${rule.entity}.${field.name} is unique already: unchanged` : undefined;
}

/** An owner link a rule reader made ("only the member who made a booking may cancel it"). */
function applyOwner(out: Outcome, before: ProjectSpec, entity: DraftEntity): void {
  const was = before.entities.find((e) => e.name === entity.name)?.ownerRelation;
  if (!entity.ownerRelation || entity.ownerRelation === was || !out.spec.relations.some((r) => r.from === entity.name && r.name === entity.ownerRelation)) return;
  out.spec = { ...out.spec, entities: out.spec.entities.map((e) => (e.name === entity.name ? { ...e, ownerRelation: entity.ownerRelation } : e)) };
  out.applied.push(`${entity.name} rows belong to the user who creates them (${entity.ownerRelation})`);
}
