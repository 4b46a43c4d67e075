import * as z from 'zod';
import { generateProject } from '../../generator';
import { deleteEntity } from '../../../model/project/edit';
import { buildPages } from '../../../model/project/pages';
import { EntityName, ProjectSpec } from '../../../model/project/projectSpec';
import { USER_ENTITY, validateSpec } from '../../../model/project/specIndex';
import { describeModelChanges, type EntityRename, hasModelChanges, modelChanges } from '../../../model/run/modelChanges';
import { prompts } from './define';
import { fillTemplate, type StageDefinition } from './types';

const describe = (spec: ProjectSpec) =>
  `${spec.entities.length} entities, ${spec.relations.length} relations, ${spec.rules.length} rules, auth: ${spec.auth.kind === 'none' ? 'none' : 'email + password'}`;

/**
 * Claude's answer: the corrected spec, and the entities it renamed (so their relations and rules
 * follow, and the review shows a rename rather than a removal and an addition).
 */
export const ModelAnswer = ProjectSpec.extend({
  renamedEntities: z
    .array(z.object({ from: EntityName, to: EntityName }))
    .max(100)
    .optional()
    .describe('Entities you renamed: the old name and the new one.'),
});
export type ModelAnswer = z.infer<typeof ModelAnswer>;

export interface ReconciledModel {
  spec: ProjectSpec;
  renames: EntityRename[];
  /** Relations and rules dropped because the entity they named was removed. */
  dropped: string[];
}

/**
 * Makes Claude's answer a consistent spec before it is checked: what the user decided stays (name,
 * options, ignored sentences), references to a renamed entity follow it, relations and rules of a
 * removed entity go with it (the review step's own cascade), and the pages are rebuilt.
 */
export function reconcileModel(answer: ModelAnswer, before: ProjectSpec): ReconciledModel {
  const { renamedEntities = [], ...rest } = answer;
  let spec: ProjectSpec = {
    ...rest,
    specVersion: before.specVersion,
    name: before.name,
    options: before.options,
    ignoredSentences: before.ignoredSentences,
  };
  const beforeNames = new Set(before.entities.map((e) => e.name));
  const names = () => new Set(spec.entities.map((e) => e.name));
  const renames = renamedEntities.filter(({ from, to }) => beforeNames.has(from) && !names().has(from) && names().has(to));
  if (renames.length) {
    const follow = new Map(renames.map((r) => [r.from, r.to]));
    const swap = (name: string) => follow.get(name) ?? name;
    spec = {
      ...spec,
      relations: spec.relations.map((r) => ({ ...r, from: swap(r.from), to: swap(r.to) })),
      rules: spec.rules.map((rule) => ({ ...rule, entity: swap(rule.entity) })),
    };
  }
  // Whatever still names an entity that is gone: removed with it, as deleting it in the review does.
  const present = names();
  const dangling = [...new Set([...spec.relations.flatMap((r) => [r.from, r.to]), ...spec.rules.map((rule) => rule.entity)])].filter(
    (name) => !present.has(name) && EntityName.safeParse(name).success && !(name === USER_ENTITY && spec.auth.kind !== 'none'),
  );
  const dropped: string[] = [];
  for (const name of dangling) {
    const relations = spec.relations.length;
    const rules = spec.rules.length;
    const stub = { name, label: name, pluralLabel: name, fields: [], sources: [] };
    spec = deleteEntity({ ...spec, entities: [...spec.entities, stub] }, name);
    const gone = relations - spec.relations.length + rules - spec.rules.length;
    if (gone) dropped.push(`${gone} relation(s) and rule(s) of the removed entity ${name}`);
  }
  return { spec: { ...spec, pages: buildPages(spec) }, renames, dropped };
}

/** Everything that makes a refined model unusable, as sentences Claude can act on. */
export function checkModel(refined: ProjectSpec, before: ProjectSpec, renames: readonly EntityRename[] = []): string[] {
  const problems = validateSpec(refined);
  if (!refined.entities.length) problems.push('the model needs at least one entity');
  const sentences = (spec: ProjectSpec) => JSON.stringify(spec.requirements.sentences.map((s) => [s.id, s.text]));
  if (sentences(refined) !== sentences(before)) problems.push('requirements.sentences must not change');
  if (refined.modelImplemented.length) problems.push('modelImplemented must stay empty: it is filled by the business-rules stage');
  // Sources stay meaningful: real sentence ids, and whatever is new says where it comes from.
  const ids = new Set(before.requirements.sentences.map((s) => s.id));
  const bad = new Set<string>();
  const checkSources = (where: string, sources: readonly number[]) => {
    for (const id of sources) if (!ids.has(id)) bad.add(`${where} cites sentence ${id}, which does not exist`);
  };
  for (const entity of refined.entities) {
    checkSources(`entity ${entity.name}`, entity.sources);
    for (const field of entity.fields) checkSources(`field ${entity.name}.${field.name}`, field.sources);
  }
  refined.relations.forEach((r) => checkSources(`relation ${r.from}.${r.name}`, r.sources));
  refined.rules.forEach((rule) => checkSources(`rule ${rule.kind} on ${rule.entity}`, rule.sources));
  checkSources('auth', refined.auth.sources);
  problems.push(...[...bad].slice(0, 10));
  const renamedTo = new Set(renames.map((r) => r.to));
  const beforeEntities = new Set(before.entities.map((e) => e.name));
  for (const entity of refined.entities) {
    if (!beforeEntities.has(entity.name) && !renamedTo.has(entity.name) && !entity.sources.length) {
      problems.push(`the new entity ${entity.name} must cite in "sources" the requirement sentences it comes from`);
    }
  }
  const oldRelations = new Set(before.relations.map((r) => `${r.from}.${r.name}`));
  for (const relation of refined.relations) {
    const old = renames.find((r) => r.to === relation.from)?.from ?? relation.from;
    if (!oldRelations.has(`${old}.${relation.name}`) && !relation.sources.length) {
      problems.push(`the new relation ${relation.from}.${relation.name} must cite in "sources" the requirement sentences it comes from`);
    }
  }
  const oldRules = new Set(before.rules.map((rule) => JSON.stringify({ ...rule, sources: [] })));
  const follow = new Map(renames.map((r) => [r.to, r.from]));
  for (const rule of refined.rules) {
    const key = JSON.stringify({ ...rule, entity: follow.get(rule.entity) ?? rule.entity, sources: [] });
    if (!oldRules.has(key) && !rule.sources.length) problems.push(`the new ${rule.kind} rule on ${rule.entity} must cite in "sources" the requirement sentences it comes from`);
  }
  if (!problems.length) {
    // The last word: the generator itself must be able to build every layer from it.
    try {
      generateProject(refined);
    } catch (error) {
      problems.push(`the generator cannot build this model: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return problems;
}

/** The reviewed data model: entities, fields, relations, auth, rules. */
export const domainModel: StageDefinition = {
  kind: 'domain-model',
  title: 'Domain model',
  dependsOn: ['requirements-analysis'],
  finalizesModel: true,
  description:
    'Entities, fields, relations, auth and business rules, each traced to its requirement sentences. With Claude the model may gain, lose or rename entities; the per-entity stages are added once it is final.',
  prompt: prompts(
    'Review the project spec in the context against the numbered requirement sentences and return it corrected: right field types, required and unique flags, missing fields, relations and their owning side, auth roles, business rules (and requirements that cannot be implemented, with reasons). The extraction found these entities: {{entities}}. Add an entity the requirements clearly describe but the spec lacks, remove one they do not support, and rename a badly named one (list it in renamedEntities so its relations and rules follow). Every entity, relation and rule you add must cite in "sources" the requirement sentences it comes from; keep all other "sources" accurate. Leave requirements.sentences and modelImplemented as they are.',
    2,
  ),
  outputSchema: ProjectSpec,
  offline: ({ spec }) => ({ files: [], spec, summary: describe(spec) }),
  claude: {
    toolName: 'emit_spec',
    toolDescription: 'Return the corrected project spec.',
    schema: ModelAnswer,
    maxOutputTokens: 16_000,
    instructions: ({ spec }, variant) => fillTemplate(variant.template, { entities: spec.entities.map((e) => e.name).join(', ') }),
    validate: (value: ModelAnswer, { spec }) => {
      const reconciled = reconcileModel(value, spec);
      return checkModel(reconciled.spec, spec, reconciled.renames);
    },
    apply: (value: ModelAnswer, { spec }) => {
      const reconciled = reconcileModel(value, spec);
      const changes = modelChanges(spec, reconciled.spec, reconciled.renames);
      const said = hasModelChanges(changes) ? describeModelChanges(changes).join('; ') : 'no changes';
      return { files: [], spec: reconciled.spec, summary: `${describe(reconciled.spec)} (refined by Claude: ${said})`.slice(0, 2000) };
    },
  },
};
