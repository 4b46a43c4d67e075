// The frontend's view of the spec: for each entity, the names, form fields, relation pickers and
// child lists the templates need, computed once so every generated file agrees.
import { collectionPath, foreignKeyProperty, manyToManyProperty, MAX_PAGE_SIZE, SEARCHED_TYPES } from '../contract';
import { withMeaningDefaults } from '../fieldMeaning';
import { humanize, kebabCase, type EntityNames } from '../../../model/project/naming';
import type { Entity, Field, ProjectSpec, Relation, Rule } from '../../../model/project/projectSpec';
import { indexSpec, USER_ENTITY, type SpecIndex } from '../../../model/project/specIndex';
import { withAdministrator } from '../administrator';
import { chooseDisplay, type RecordDisplay } from './displayField';

export interface RelationPicker {
  relation: Relation;
  /** Property in the record and input, e.g. `projectId` or `tagIds`. */
  key: string;
  label: string;
  required: boolean;
  /** The entity the picker chooses from. */
  target: FrontendEntity;
}

export interface ChildList {
  relation: Relation;
  child: FrontendEntity;
  label: string;
  /** URL segment after `/api/<parent>/:id/`. */
  segment: string;
  /** Foreign key on the child used to pre-fill its create form; null when the API fills it (owner). */
  createKey: string | null;
}

export interface FrontendEntity {
  entity: Entity;
  names: EntityNames;
  /** Browser route, e.g. `/purchase-orders`. */
  route: string;
  apiPath: string;
  /** How the record is named in links, pickers and titles (see displayField.ts). */
  display: RecordDisplay;
  /** Read-only in the UI (the auth User entity: accounts come from sign-up). */
  readOnly: boolean;
  /** The API's `q` searches its text (contract.ts SEARCHED_TYPES); without any, the list has no search box. */
  searchable: boolean;
  /** belongsTo relations the form edits (the owner relation is filled by the API). */
  parents: RelationPicker[];
  /** belongsTo relations the list page can filter by (includes the owner). */
  filters: RelationPicker[];
  manyToMany: RelationPicker[];
  children: ChildList[];
  /** Fields shown as list columns. */
  columns: Field[];
  /** statusWorkflow rules by field: the value new rows start with and the allowed next values. */
  workflows: Map<string, { initial: string; next: Record<string, string[]> }>;
  /** dateOrder rules: `later` must come after (or with allowEqual, at) `earlier`. */
  dateOrders: { earlier: string; later: string; allowEqual: boolean }[];
  /**
   * refuseWhen rules on the record's own values that close update or delete (create is left out: a new
   * record has no stored values). A condition on a parent needs the parent, which the pages do not
   * load: the API's 409 says why there.
   */
  refusals: OwnRefusal[];
  serves: string[];
  sources: number[];
}

export interface FrontendModel {
  spec: ProjectSpec;
  index: SpecIndex;
  hasAuth: boolean;
  selfSignup: boolean;
  entities: FrontendEntity[];
  byName: Map<string, FrontendEntity>;
}

const LIST_COLUMN_LIMIT = 5;
export { MAX_PAGE_SIZE };

export type OwnRefusal = Extract<Rule, { kind: 'refuseWhen' }> & { field: Field; actions: Array<'update' | 'delete'> };

function refusalsOf(spec: ProjectSpec, entity: Entity): OwnRefusal[] {
  return spec.rules.flatMap((rule) => {
    if (rule.kind !== 'refuseWhen' || rule.entity !== entity.name || rule.condition.relation) return [];
    const actions = rule.actions.filter((a): a is 'update' | 'delete' => a !== 'create');
    const field = entity.fields.find((f) => f.name === rule.condition.field);
    return actions.length && field ? [{ ...rule, actions, field }] : [];
  });
}

function workflowsOf(spec: ProjectSpec, entityName: string): FrontendEntity['workflows'] {
  const workflows: FrontendEntity['workflows'] = new Map();
  for (const rule of spec.rules) {
    if (rule.kind !== 'statusWorkflow' || rule.entity !== entityName) continue;
    const next: Record<string, string[]> = {};
    for (const { from, to } of rule.transitions) (next[from] ??= []).push(to);
    workflows.set(rule.field, { initial: rule.initial, next });
  }
  return workflows;
}

/** An entity's own part of the model; the relation lists start empty and are filled by linkRelations. */
function entityModel(spec: ProjectSpec, index: SpecIndex, hasAuth: boolean, entity: Entity): FrontendEntity {
  const names = index.names(entity.name);
  return {
    entity,
    names,
    route: `/${names.route}`,
    apiPath: collectionPath(names),
    display: chooseDisplay(entity),
    readOnly: hasAuth && entity.name === USER_ENTITY,
    // The sign-in user also has its email, a column of the backend only.
    searchable: entity.fields.some((f) => SEARCHED_TYPES.includes(f.type)) || (hasAuth && entity.name === USER_ENTITY),
    parents: [],
    filters: [],
    manyToMany: [],
    children: [],
    // Long text makes tables unreadable; it is shown on the detail page instead.
    columns: entity.fields.filter((f) => f.type !== 'text').slice(0, LIST_COLUMN_LIMIT),
    workflows: workflowsOf(spec, entity.name),
    refusals: refusalsOf(spec, entity),
    dateOrders: spec.rules.flatMap((rule) => (rule.kind === 'dateOrder' && rule.entity === entity.name ? [{ earlier: rule.earlier, later: rule.later, allowEqual: rule.allowEqual }] : [])),
    serves: [`entity:${entity.name}`],
    sources: index.entitySources(entity.name),
  };
}

/** belongsTo relations: a filter (and, unless it is the owner, a form picker) here, a child list on the parent. */
function linkParents(frontendEntity: FrontendEntity, index: SpecIndex, byName: Map<string, FrontendEntity>): void {
  for (const relation of index.parents(frontendEntity.entity.name)) {
    const target = byName.get(relation.to);
    if (!target) continue;
    const picker: RelationPicker = {
      relation,
      key: foreignKeyProperty(relation.name),
      label: humanize(relation.name),
      required: relation.required,
      target,
    };
    frontendEntity.filters.push(picker);
    if (relation.name !== frontendEntity.entity.ownerRelation) frontendEntity.parents.push(picker);
    target.children.push({
      relation,
      child: frontendEntity,
      label: humanize(relation.inverseName),
      segment: kebabCase(relation.inverseName),
      createKey: relation.name === frontendEntity.entity.ownerRelation || frontendEntity.readOnly ? null : picker.key,
    });
  }
}

/** manyToMany relations: a multi-picker on the side that declares the relation. */
function linkManyToMany(frontendEntity: FrontendEntity, index: SpecIndex, byName: Map<string, FrontendEntity>): void {
  const name = frontendEntity.entity.name;
  for (const relation of index.manyToMany(name)) {
    if (relation.from !== name) continue;
    const target = byName.get(relation.to);
    if (!target) continue;
    frontendEntity.manyToMany.push({
      relation,
      key: manyToManyProperty(relation.name),
      label: humanize(relation.name),
      required: false,
      target,
    });
  }
}

export function buildFrontendModel(reviewed: ProjectSpec): FrontendModel {
  // The same validation defaults as the backend's (fieldMeaning.ts), so the form refuses what the API refuses.
  const spec = withMeaningDefaults(withAdministrator(reviewed));
  const index = indexSpec(spec);
  const hasAuth = spec.auth.kind === 'emailPassword';
  const entities = spec.entities.map((entity) => entityModel(spec, index, hasAuth, entity));
  const byName = new Map(entities.map((frontendEntity) => [frontendEntity.entity.name, frontendEntity]));
  // Second pass: relations need every entity's model to exist.
  for (const frontendEntity of entities) {
    linkParents(frontendEntity, index, byName);
    linkManyToMany(frontendEntity, index, byName);
  }
  return {
    spec,
    index,
    hasAuth,
    selfSignup: spec.auth.kind === 'emailPassword' ? spec.auth.selfSignup : false,
    entities,
    byName,
  };
}

export function authSources(spec: ProjectSpec): number[] {
  return spec.auth.sources;
}

/** Every requirement sentence index, for files that serve the whole app. */
export function allSources(spec: ProjectSpec): number[] {
  return spec.requirements.sentences.map((s) => s.id);
}

/** A JS string literal (double quotes) for generated code (see emit.ts). */
export { jsString as str } from '../emit';
