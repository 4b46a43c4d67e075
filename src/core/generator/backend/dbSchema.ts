// backend/src/db/schema.ts: the Drizzle ORM table definitions, mirroring the SQL migration
// column for column so queries are typed.
import type { LayerTable } from '../layerFiles';
import type { BackendModel, Column, EntityModel } from './model';
import { joinColumns, joinTableNames, relationId } from './model';
import type { Relation } from '../../../model/project/projectSpec';
import { lines, str } from './util';
import { blockComment } from '../emit';

function drizzleColumn(column: Column, model: BackendModel): string {
  const name = str(column.column);
  let expr: string;
  switch (column.type) {
    case 'string':
      expr = `varchar(${name}, { length: 255 })`;
      break;
    case 'email':
      expr = `varchar(${name}, { length: 320 })`;
      break;
    case 'text':
    case 'url':
    case 'passwordHash':
      expr = `text(${name})`;
      break;
    case 'integer':
    case 'foreignKey':
      expr = `integer(${name})`;
      break;
    case 'decimal':
      expr = `numeric(${name})`;
      break;
    case 'money':
      expr = `numeric(${name}, { precision: 12, scale: 2 })`;
      break;
    case 'boolean':
      expr = `boolean(${name})`;
      break;
    case 'date':
      expr = `date(${name}, { mode: 'string' })`;
      break;
    case 'datetime':
      expr = `timestamp(${name}, { withTimezone: true, mode: 'date' })`;
      break;
    case 'enum':
    case 'role':
      expr = `text(${name}, { enum: [${(column.enumValues ?? []).map(str).join(', ')}] })`;
      break;
  }
  if (column.notNull) expr += '.notNull()';
  const defaultValue = drizzleDefault(column);
  if (defaultValue !== undefined) expr += `.default(${defaultValue})`;
  if (column.relation) {
    const parent = model.entity(column.relation.to).names.camelPlural;
    expr += `.references((): AnyPgColumn => ${parent}.id, { onDelete: ${str(onDeleteSql(column.relation.onDelete).toLowerCase())} })`;
  }
  return `  ${column.prop}: ${expr},`;
}

/** The default as a TypeScript literal of the column's Drizzle type (numeric columns take strings). */
export function drizzleDefault(column: Column): string | undefined {
  if (column.default === undefined || column.type === 'date' || column.type === 'datetime') return undefined;
  if (column.type === 'money' || column.type === 'decimal') return str(String(column.default));
  if (column.type === 'integer') return String(Number(column.default));
  if (column.type === 'boolean') return String(Boolean(column.default));
  return str(String(column.default));
}

export function onDeleteSql(onDelete: 'cascade' | 'restrict' | 'setNull'): string {
  return onDelete === 'cascade' ? 'CASCADE' : onDelete === 'setNull' ? 'SET NULL' : 'RESTRICT';
}

function table(entity: EntityModel, model: BackendModel): string {
  const { names } = entity;
  return lines(
    `/** ${blockComment(entity.entity.pluralLabel)}. */`,
    `export const ${names.camelPlural} = pgTable(${str(names.table)}, {`,
    `  id: serial('id').primaryKey(),`,
    ...entity.columns.map((column) => drizzleColumn(column, model)),
    `  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),`,
    `  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),`,
    `});`,
    `export type ${names.pascal}Row = typeof ${names.camelPlural}.$inferSelect;`,
    `export type New${names.pascal}Row = typeof ${names.camelPlural}.$inferInsert;`,
  );
}

/** Only the column builders this spec uses, so the file has no unused imports. */
function imports(model: BackendModel): string {
  const used = new Set(['pgTable', 'serial', 'timestamp']);
  const builder: Record<string, string> = {
    string: 'varchar',
    email: 'varchar',
    text: 'text',
    url: 'text',
    passwordHash: 'text',
    enum: 'text',
    role: 'text',
    integer: 'integer',
    foreignKey: 'integer',
    decimal: 'numeric',
    money: 'numeric',
    boolean: 'boolean',
    date: 'date',
    datetime: 'timestamp',
  };
  const columns = model.entities.flatMap((e) => e.columns);
  for (const column of columns) used.add(builder[column.type]);
  if (model.spec.relations.some((r) => r.kind === 'manyToMany')) used.add('primaryKey').add('integer');
  const names = [...used].sort();
  if (columns.some((c) => c.relation) || model.spec.relations.some((r) => r.kind === 'manyToMany')) names.push('type AnyPgColumn');
  return names.join(', ');
}

function joinTable(relation: Relation, model: BackendModel): string {
  const { table, constant } = joinTableNames(relation);
  const { left, right } = joinColumns(relation);
  const from = model.entity(relation.from).names.camelPlural;
  const to = model.entity(relation.to).names.camelPlural;
  return lines(
    `/** Links of ${relation.from}.${relation.name} <-> ${relation.to}.${relation.inverseName}. */`,
    `export const ${constant} = pgTable(`,
    `  ${str(table)},`,
    `  {`,
    `    ${left.prop}: integer(${str(left.column)}).notNull().references((): AnyPgColumn => ${from}.id, { onDelete: 'cascade' }),`,
    `    ${right.prop}: integer(${str(right.column)}).notNull().references((): AnyPgColumn => ${to}.id, { onDelete: 'cascade' }),`,
    `  },`,
    `  (t) => [primaryKey({ columns: [t.${left.prop}, t.${right.prop}] })],`,
    `);`,
  );
}

function schemaFile(model: BackendModel): string {
  return lines(
    `// Drizzle table definitions. Property names are the JSON names of the API (camelCase);`,
    `// column names are snake_case, as in migrations/0001_init.sql.`,
    `import { ${imports(model)} } from 'drizzle-orm/pg-core';`,
    ``,
    [...model.entities.map((entity) => table(entity, model)), ...model.spec.relations.filter((r) => r.kind === 'manyToMany').map((r) => joinTable(r, model))].join('\n\n'),
  );
}

export const DB_SCHEMA_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/db',
  serves: (model) => [...model.entities.map((e) => `entity:${e.entity.name}`), ...model.spec.relations.map(relationId)],
  sources: (model) => model.entities.flatMap((e) => e.sources),
  files: [
    {
      path: 'backend/src/db/schema.ts',
      content: schemaFile,
      explanation:
        'Describes every table for Drizzle ORM so database queries are type-checked. It matches migrations/0001_init.sql column for column; the SQL file is what actually creates the tables.',
    },
  ],
};
