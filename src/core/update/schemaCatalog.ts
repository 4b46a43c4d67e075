// The database a spec's 0001_init.sql creates, described as data: tables, their columns,
// constraints and indexes, each named exactly as migrations.ts names them. takoss update compares
// two of these catalogs to write the ALTER TABLE statements of a new migration.
// Every object carries a `tag` that does not depend on names (an entity's position, a column's
// position in its table, a constraint's kind and columns): specs that differ only by renames give
// catalogs whose objects pair up by tag, which is how renames become RENAME statements.
import type { BackendModel, Column, EntityModel } from '../generator/backend/model';
import { joinColumns, joinTableNames } from '../generator/backend/model';
import { createTable, foreignKeyOf, joinTable, sqlDefault, sqlType, tableConstraints } from '../generator/backend/migrations';
import type { Relation } from '../../model/project/projectSpec';

export interface CatalogColumn {
  tag: string;
  name: string;
  sqlType: string;
  notNull: boolean;
  /** The SQL default as written in 0001_init.sql, if any. */
  default?: string;
  /** The table a foreign key column points to (a column that changes parent is replaced). */
  references?: string;
  model: Column;
}

export interface CatalogConstraint {
  tag: string;
  name: string;
  /** As written after CONSTRAINT name, e.g. `CHECK ("age" >= 0)`. */
  definition: string;
  kind: 'unique' | 'check' | 'foreignKey';
}

export interface CatalogIndex {
  tag: string;
  name: string;
  /** The CREATE INDEX statement. */
  create: string;
}

export interface CatalogTable {
  tag: string;
  name: string;
  kind: 'entity' | 'join';
  /** What the table stores, for the summary: `Member`, or `Post.tags <-> Tag`. */
  label: string;
  /** The CREATE TABLE statement (with its inline constraints; join tables with their index). */
  create: string;
  columns: CatalogColumn[];
  constraints: CatalogConstraint[];
  indexes: CatalogIndex[];
  /** Names PostgreSQL gave objects created implicitly (sequence, primary key, inline foreign keys): renamed with the table. */
  implicit: { tag: string; kind: 'sequence' | 'constraint'; name: string }[];
  entity?: EntityModel;
}

export type Catalog = CatalogTable[];

export function catalogOf(model: BackendModel): Catalog {
  const entityTables = model.entities.map((entity, position) => entityTable(model, entity, position));
  const joinTables = model.spec.relations.flatMap((relation, position) => (relation.kind === 'manyToMany' ? [joinTableOf(model, relation, position)] : []));
  return [...entityTables, ...joinTables];
}

function entityTable(model: BackendModel, entity: EntityModel, position: number): CatalogTable {
  const table = entity.names.table;
  const columnTag = (column: string) => `c${entity.columns.findIndex((c) => c.column === column)}`;
  const constraints: CatalogConstraint[] = tableConstraints(entity).map((constraint) => ({
    tag: `${constraint.kind}:${constraint.columns.map(columnTag).join(',')}`,
    name: constraint.name,
    definition: constraint.definition,
    kind: constraint.kind === 'unique' ? 'unique' : 'check',
  }));
  const indexes: CatalogIndex[] = [];
  entity.columns.forEach((column, index) => {
    const foreignKey = foreignKeyOf(model, entity, column);
    if (!foreignKey) return;
    constraints.push({ tag: `fk:c${index}`, name: foreignKey.name, definition: foreignKey.definition, kind: 'foreignKey' });
    indexes.push({ tag: `idx:c${index}`, name: foreignKey.indexName, create: foreignKey.createIndex });
  });
  return {
    tag: `e${position}`,
    name: table,
    kind: 'entity',
    label: entity.entity.name,
    create: createTable(entity),
    columns: entity.columns.map((column, index) => catalogColumn(model, column, `c${index}`)),
    constraints,
    indexes,
    implicit: implicitNames(table, ['id']),
    entity,
  };
}

function catalogColumn(model: BackendModel, column: Column, tag: string): CatalogColumn {
  return {
    tag,
    name: column.column,
    sqlType: sqlType(column),
    notNull: column.notNull,
    default: sqlDefault(column),
    references: column.relation ? model.entity(column.relation.to).names.table : undefined,
    model: column,
  };
}

/** A join table is created and dropped whole; its columns matter only for renames. */
function joinTableOf(model: BackendModel, relation: Relation, position: number): CatalogTable {
  const { table } = joinTableNames(relation);
  const { left, right } = joinColumns(relation);
  const joinColumn = (name: string, tag: string): CatalogColumn => ({
    tag,
    name,
    sqlType: 'integer',
    notNull: true,
    model: { prop: name, column: name, type: 'foreignKey', notNull: true, unique: false },
  });
  const indexName = `${table}_${right.column}_idx`.slice(0, 63);
  return {
    tag: `j${position}`,
    name: table,
    kind: 'join',
    label: `${relation.from}.${relation.name} <-> ${relation.to}`,
    create: joinTable(relation, model),
    columns: [joinColumn(left.column, 'left'), joinColumn(right.column, 'right')],
    constraints: [],
    indexes: [{ tag: 'idx:right', name: indexName, create: '' }],
    implicit: [
      ...implicitNames(table, []),
      { tag: 'fk:left', kind: 'constraint', name: `${table}_${left.column}_fkey` },
      { tag: 'fk:right', kind: 'constraint', name: `${table}_${right.column}_fkey` },
    ],
  };
}

function implicitNames(table: string, serialColumns: string[]): CatalogTable['implicit'] {
  return [
    { tag: 'pkey', kind: 'constraint' as const, name: `${table}_pkey` },
    ...serialColumns.map((column) => ({ tag: `seq:${column}`, kind: 'sequence' as const, name: `${table}_${column}_seq` })),
  ];
}

/** The join table's CREATE statement without its comment line (which names the inverse side). */
export function joinTableShape(table: CatalogTable): string {
  return table.create
    .split('\n')
    .filter((line) => !line.startsWith('--'))
    .join('\n');
}
