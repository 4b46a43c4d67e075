// The backend's view of a spec: every entity with the columns it stores, in a fixed order, so
// each template (SQL, Drizzle, zod, routes, tests) agrees on names and types.
import type { Entity, Field, FieldType, ProjectSpec, Relation, Rule } from '../../../model/project/projectSpec';
import { indexSpec, USER_ENTITY, type SpecIndex } from '../../../model/project/specIndex';
import { camelCase, entityNames, pascalCase, snakeCase, type EntityNames } from '../../../model/project/naming';
import { foreignKeyProperty, manyToManyProperty, SEARCHED_TYPES } from '../contract';
import { withAdministrator } from '../administrator';
import { ownerOnlyActions, type RowAction } from '../ownership';
import { withMeaningDefaults } from '../fieldMeaning';

export type ColumnType = FieldType | 'foreignKey' | 'passwordHash' | 'role';

export interface Column {
  /** JSON / TypeScript property, e.g. `projectId`. */
  prop: string;
  /** SQL column, e.g. `project_id`. */
  column: string;
  type: ColumnType;
  /** NOT NULL in the database. */
  notNull: boolean;
  unique: boolean;
  enumValues?: string[];
  default?: string | number | boolean;
  min?: number;
  max?: number;
  field?: Field;
  relation?: Relation;
  /** Auth columns added to User (email, passwordHash, role). */
  auth?: boolean;
}

/** One side of a many-to-many relation, stored in a join table. */
export interface Link {
  relation: Relation;
  /** JSON property with the linked ids, e.g. `tagIds`. */
  prop: string;
  joinTable: string;
  /** Drizzle constant of the join table, e.g. `postsTagsLinks`. */
  joinConst: string;
  self: { prop: string; column: string };
  other: { prop: string; column: string; entity: string };
}

export interface EntityModel {
  entity: Entity;
  names: EntityNames;
  columns: Column[];
  parents: Relation[];
  children: Relation[];
  rules: Rule[];
  /** The auth user table (User when auth is emailPassword). */
  isAuthUser: boolean;
  owner?: Relation;
  /** Actions on a row only its owner (or an admin) may take: by rule or by default (see ownership.ts). */
  ownerActions: RowAction[];
  links: Link[];
  sources: number[];
}

export interface BackendModel {
  spec: ProjectSpec;
  index: SpecIndex;
  entities: EntityModel[];
  auth: Extract<ProjectSpec['auth'], { kind: 'emailPassword' }> | undefined;
  entity(name: string): EntityModel;
}

const AUTH_COLUMN_NAMES = new Set(['email', 'passwordHash', 'role']);

/** The backend model of a spec, read with the administrator (administrator.ts) and the validation defaults of fieldMeaning.ts (bounds from meaning, implied date orders). */
export function buildModel(reviewed: ProjectSpec): BackendModel {
  const spec = withMeaningDefaults(withAdministrator(reviewed));
  const index = indexSpec(spec);
  const auth = spec.auth.kind === 'emailPassword' ? spec.auth : undefined;
  const entities = spec.entities.map((entity) => entityModel(entity, index, auth));
  const byName = new Map(entities.map((e) => [e.entity.name, e]));
  return {
    spec,
    index,
    entities,
    auth,
    entity: (name) => {
      const found = byName.get(name);
      if (!found) throw new Error(`Unknown entity ${name}`);
      return found;
    },
  };
}

function entityModel(entity: Entity, index: SpecIndex, auth: BackendModel['auth']): EntityModel {
  const isAuthUser = Boolean(auth) && entity.name === USER_ENTITY;
  const columns: Column[] = [
    ...(isAuthUser && auth ? authColumns(auth) : []),
    ...fieldColumns(entity, isAuthUser),
    ...foreignKeyColumns(index.parents(entity.name)),
  ];
  const owner = entity.ownerRelation ? index.parents(entity.name).find((r) => r.name === entity.ownerRelation) : undefined;
  return {
    entity,
    names: index.names(entity.name),
    columns,
    parents: index.parents(entity.name),
    children: index.children(entity.name),
    rules: index.rulesFor(entity.name),
    isAuthUser,
    owner,
    ownerActions: owner ? ownerOnlyActions(index.spec, entity.name) : [],
    links: index.manyToMany(entity.name).flatMap((relation) => linksOf(relation, entity.name)),
    sources: index.entitySources(entity.name),
  };
}

/** The sign-in columns of the auth user table, ahead of its spec fields. */
function authColumns(auth: NonNullable<BackendModel['auth']>): Column[] {
  return [
    { prop: 'email', column: 'email', type: 'email', notNull: true, unique: true, auth: true },
    { prop: 'passwordHash', column: 'password_hash', type: 'passwordHash', notNull: true, unique: false, auth: true },
    {
      prop: 'role',
      column: 'role',
      type: 'role',
      notNull: true,
      unique: false,
      enumValues: auth.roles,
      default: auth.defaultRole,
      auth: true,
    },
  ];
}

function fieldColumns(entity: Entity, isAuthUser: boolean): Column[] {
  // The auth columns win over spec fields of the same name (a User "email" field is the login).
  return entity.fields
    .filter((field) => !(isAuthUser && AUTH_COLUMN_NAMES.has(field.name)))
    .map((field) => ({
      prop: field.name,
      column: snakeCase(field.name),
      type: field.type,
      notNull: field.required,
      unique: field.unique,
      enumValues: field.enumValues,
      default: field.default,
      min: field.min,
      max: field.max,
      field,
    }));
}

/** One foreign key column per parent relation, after the fields. */
function foreignKeyColumns(parents: Relation[]): Column[] {
  return parents.map((relation) => {
    const prop = foreignKeyProperty(relation.name);
    return { prop, column: snakeCase(prop), type: 'foreignKey', notNull: relation.required, unique: false, relation };
  });
}

/** Join-table columns of a many-to-many relation: the owning side, then the other side. */
export function joinColumns(relation: Relation): { left: { prop: string; column: string }; right: { prop: string; column: string } } {
  const left = camelCase(relation.from) + 'Id';
  const right = relation.from === relation.to ? relation.name + 'Id' : camelCase(relation.to) + 'Id';
  return { left: { prop: left, column: snakeCase(left) }, right: { prop: right, column: snakeCase(right) } };
}

export function joinTableNames(relation: Relation): { table: string; constant: string } {
  const from = entityNames(relation.from);
  return { table: `${from.table}_${snakeCase(relation.name)}`, constant: `${from.camelPlural}${pascalCase(relation.name)}Links` };
}

function linksOf(relation: Relation, entityName: string): Link[] {
  const { left, right } = joinColumns(relation);
  const { table, constant } = joinTableNames(relation);
  const links: Link[] = [];
  if (relation.from === entityName) {
    links.push({ relation, prop: manyToManyProperty(relation.name), joinTable: table, joinConst: constant, self: left, other: { ...right, entity: relation.to } });
  }
  if (relation.to === entityName) {
    links.push({ relation, prop: manyToManyProperty(relation.inverseName), joinTable: table, joinConst: constant, self: right, other: { ...left, entity: relation.from } });
  }
  return links;
}

/** Columns a client may send when creating a row (not the owner, not auth internals). */
export function inputColumns(model: EntityModel): Column[] {
  return model.columns.filter((c) => !c.auth && !(model.owner && c.relation === model.owner));
}

/** Auth columns only the user themselves and admins may see (the email). */
export function privateColumns(model: EntityModel): Column[] {
  return model.isAuthUser ? model.columns.filter((c) => c.auth && c.type === 'email') : [];
}

/** Columns searched by `q` (free text, and enum values as text). */
export function searchableColumns(model: EntityModel): Column[] {
  return model.columns.filter((c) => SEARCHED_TYPES.includes(c.type));
}

/** Columns a record is returned with (never the password hash). */
export function publicColumns(model: EntityModel): Column[] {
  return model.columns.filter((c) => c.type !== 'passwordHash');
}

/** Entities ordered so that required parents come first (cycles keep declaration order). */
export function parentFirstOrder(model: BackendModel): EntityModel[] {
  const ordered: EntityModel[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (entity: EntityModel) => {
    if (state.get(entity.entity.name)) return;
    state.set(entity.entity.name, 'visiting');
    for (const parent of entity.parents) if (parent.to !== entity.entity.name) visit(model.entity(parent.to));
    state.set(entity.entity.name, 'done');
    ordered.push(entity);
  };
  model.entities.forEach(visit);
  return ordered;
}

/** Every spec element id a rule serves under, e.g. `rule:capacity:Registration`. */
export function ruleId(rule: Rule): string {
  return `rule:${rule.kind}:${rule.entity}`;
}

export function relationId(relation: Relation): string {
  return `relation:${relation.from}.${relation.name}`;
}

export function allSources(model: BackendModel): number[] {
  return [...new Set(model.entities.flatMap((e) => e.sources).concat(model.spec.auth.sources))].sort((a, b) => a - b);
}
