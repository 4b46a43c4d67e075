// The statements that turn the database of one catalog into the database of another: tables
// created and dropped, columns added, dropped and altered, constraints and indexes dropped and
// added. Statements are collected per phase so the file runs in an order PostgreSQL accepts
// (constraints go before the columns they read, tables exist before foreign keys point at them).
import type { Catalog, CatalogColumn, CatalogTable } from './schemaCatalog';
import { joinTableShape } from './schemaCatalog';
import { fillValue } from './fillValue';
import { ident } from '../generator/backend/util';

export const PHASES = ['rename', 'dropConstraints', 'dropTables', 'dropColumns', 'createTables', 'alterColumns', 'addConstraints', 'createJoinTables', 'addForeignKeys'] as const;
export type Phase = (typeof PHASES)[number];

export interface MigrationPlan {
  statements: Record<Phase, string[]>;
  /** One line per change, in plain words. */
  summary: string[];
  /** Short names of the changes, for the file name. */
  slugs: string[];
  /** Why no migration can be written (the change must be adjusted first). */
  refusals: string[];
}

export function emptyPlan(): MigrationPlan {
  const statements = Object.fromEntries(PHASES.map((phase) => [phase, []])) as unknown as Record<Phase, string[]>;
  return { statements, summary: [], slugs: [], refusals: [] };
}

const byName = <T extends { name: string }>(items: readonly T[]) => new Map(items.map((item) => [item.name, item]));

/** A table of the same name that cannot be altered into the new one: a join table of another shape, or a change of kind. */
function replaced(before: CatalogTable, after: CatalogTable): boolean {
  return before.kind !== after.kind || (before.kind === 'join' && joinTableShape(before) !== joinTableShape(after));
}

export function diffCatalogs(state: Catalog, next: Catalog, plan: MigrationPlan = emptyPlan()): MigrationPlan {
  const before = byName(state);
  const after = byName(next);
  const gone = state.filter((table) => !after.has(table.name) || replaced(table, after.get(table.name) as CatalogTable));
  const added = next.filter((table) => !before.has(table.name) || replaced(before.get(table.name) as CatalogTable, table));
  if (gone.length) plan.statements.dropTables.push(`DROP TABLE ${gone.map((table) => ident(table.name)).join(', ')};`);
  for (const table of gone) dropTableSummary(table, plan);
  for (const table of added) createTable(table, plan);
  for (const table of next) {
    const old = before.get(table.name);
    if (old && !added.includes(table)) diffTable(old, table, plan);
  }
  return plan;
}

function dropTableSummary(table: CatalogTable, plan: MigrationPlan): void {
  if (table.kind === 'entity') {
    plan.summary.push(`Removes the table ${table.name} (${table.label}): its rows are deleted.`);
    plan.slugs.push(`drop_${table.name}`);
  } else {
    plan.summary.push(`Removes the links ${table.label} (table ${table.name}): every link between their rows is deleted.`);
    plan.slugs.push(`drop_${table.name}`);
  }
}

function createTable(table: CatalogTable, plan: MigrationPlan): void {
  if (table.kind === 'join') {
    plan.statements.createJoinTables.push(table.create);
    plan.summary.push(`Adds the links ${table.label} (table ${table.name}).`);
  } else {
    plan.statements.createTables.push(table.create);
    for (const constraint of table.constraints.filter((c) => c.kind === 'foreignKey')) plan.statements.addForeignKeys.push(addConstraint(table, constraint));
    for (const index of table.indexes) plan.statements.addForeignKeys.push(index.create);
    plan.summary.push(`Adds the table ${table.name} (${table.label}).`);
  }
  plan.slugs.push(`add_${table.name}`);
}

const addConstraint = (table: CatalogTable, constraint: { name: string; definition: string }) =>
  `ALTER TABLE ${ident(table.name)} ADD CONSTRAINT ${ident(constraint.name)} ${constraint.definition};`;

/** Columns, constraints and indexes of a table that stays. */
function diffTable(before: CatalogTable, after: CatalogTable, plan: MigrationPlan): void {
  const oldColumns = byName(before.columns);
  const newColumns = byName(after.columns);
  // A foreign key that now points at another table holds ids of the wrong rows: the column is replaced.
  const kept = (column: CatalogColumn) => newColumns.has(column.name) && newColumns.get(column.name)?.references === column.references;
  // Constraints and indexes on a replaced column go with it, and a retyped column's checks would
  // keep comparing through casts of the old type: they are made again even when their text is the same.
  const remade = before.columns.filter((column) => newColumns.has(column.name) && (!kept(column) || newColumns.get(column.name)?.sqlType !== column.sqlType));
  const replaced = remade.map((column) => ident(column.name));
  const unchanged = (oldSql: string | undefined, newSql: string) => oldSql === newSql && !replaced.some((column) => newSql.includes(column));
  diffConstraints(before, after, plan, unchanged);
  diffIndexes(before, after, plan, unchanged);
  for (const column of before.columns) if (!kept(column)) dropColumn(before, column, plan);
  for (const column of after.columns) {
    const old = oldColumns.get(column.name);
    if (old && kept(old)) alterColumn(after, old, column, plan);
    else addColumn(after, column, plan);
  }
}

type Unchanged = (oldSql: string | undefined, newSql: string) => boolean;

function diffConstraints(before: CatalogTable, after: CatalogTable, plan: MigrationPlan, unchanged: Unchanged): void {
  const oldByName = byName(before.constraints);
  const newByName = byName(after.constraints);
  for (const constraint of before.constraints) {
    if (unchanged(constraint.definition, newByName.get(constraint.name)?.definition ?? '')) continue;
    plan.statements.dropConstraints.push(`ALTER TABLE ${ident(before.name)} DROP CONSTRAINT ${ident(constraint.name)};`);
    if (!newByName.has(constraint.name)) plan.summary.push(`Removes the constraint ${constraint.name} from ${before.name}: ${constraint.definition}.`);
  }
  for (const constraint of after.constraints) {
    const old = oldByName.get(constraint.name);
    if (unchanged(old?.definition, constraint.definition)) continue;
    const phase = constraint.kind === 'foreignKey' ? 'addForeignKeys' : 'addConstraints';
    plan.statements[phase].push(addConstraint(after, constraint));
    plan.summary.push(`${old ? 'Changes' : 'Adds'} the constraint ${constraint.name} on ${after.name}: ${constraint.definition} (rows that break it stop the migration, which then changes nothing).`);
    plan.slugs.push(`${constraint.kind === 'foreignKey' ? 'link' : 'check'}_${after.name}`);
  }
}

function diffIndexes(before: CatalogTable, after: CatalogTable, plan: MigrationPlan, unchanged: Unchanged): void {
  const oldByName = byName(before.indexes);
  const newByName = byName(after.indexes);
  for (const index of before.indexes) {
    if (!unchanged(index.create, newByName.get(index.name)?.create ?? '')) plan.statements.dropConstraints.push(`DROP INDEX ${ident(index.name)};`);
  }
  for (const index of after.indexes) {
    if (!unchanged(oldByName.get(index.name)?.create, index.create)) plan.statements.addForeignKeys.push(index.create);
  }
}

function dropColumn(table: CatalogTable, column: CatalogColumn, plan: MigrationPlan): void {
  plan.statements.dropColumns.push(`ALTER TABLE ${ident(table.name)} DROP COLUMN ${ident(column.name)};`);
  plan.summary.push(`Removes the column ${table.name}.${column.name}: its values are deleted.`);
  plan.slugs.push(`drop_${column.name}_from_${table.name}`);
}

/** The spec's name of a column, e.g. `Member.phone` or `Booking.room` for a relation. */
export function specName(table: CatalogTable, column: CatalogColumn): string {
  return `${table.label}.${column.model.relation?.name ?? column.model.prop}`;
}

/** A new required column on a table that may hold rows, with no value to give them. */
function refuseRequired(table: CatalogTable, column: CatalogColumn, plan: MigrationPlan): void {
  const name = specName(table, column);
  const why = 'is new and required';
  if (column.model.auth) {
    plan.refusals.push(`${name} ${why}, and existing ${table.label} rows have no sign-in ${column.model.prop}: sign-in cannot be added to a ${table.label} table that already holds rows by an update.`);
  } else if (column.model.relation) {
    plan.refusals.push(`${name} ${why}, and existing ${table.label} rows have no ${column.model.relation.name}: make the relation optional, then update again (fill it in, then make it required in a later change).`);
  } else if (column.model.type === 'date' || column.model.type === 'datetime') {
    // The database is never given a default for a date (the API fills those in), so only this helps.
    plan.refusals.push(`${name} ${why}, and existing ${table.label} rows have no value for it: make it optional, then update again (fill it in, then make it required in a later change).`);
  } else {
    plan.refusals.push(`${name} ${why}, and existing ${table.label} rows have no value for it: give ${name} a default, or make it optional, then update again.`);
  }
}

function addColumn(table: CatalogTable, column: CatalogColumn, plan: MigrationPlan): void {
  const alter = `ALTER TABLE ${ident(table.name)}`;
  const fill = column.notNull ? fillValue(column.model) : undefined;
  if (column.notNull && fill === undefined) return refuseRequired(table, column, plan);
  const parts = [ident(column.name), column.sqlType, column.notNull && 'NOT NULL', (column.default ?? fill) !== undefined && `DEFAULT ${column.default ?? fill}`];
  plan.statements.alterColumns.push(`${alter} ADD COLUMN ${parts.filter(Boolean).join(' ')};`);
  // The invented value is for the rows that exist; new rows must still say theirs.
  if (column.default === undefined && fill !== undefined) plan.statements.alterColumns.push(`${alter} ALTER COLUMN ${ident(column.name)} DROP DEFAULT;`);
  const filled = column.default === undefined && fill !== undefined ? ` (existing rows get ${fill})` : '';
  plan.summary.push(`Adds the column ${table.name}.${column.name}${filled}.`);
  plan.slugs.push(`add_${column.name}_to_${table.name}`);
}

function alterColumn(table: CatalogTable, old: CatalogColumn, column: CatalogColumn, plan: MigrationPlan): void {
  const alter = `ALTER TABLE ${ident(table.name)} ALTER COLUMN ${ident(column.name)}`;
  const statements: string[] = [];
  const changes: string[] = [];
  const retyped = old.sqlType !== column.sqlType;
  if (retyped && !castable(old.sqlType, column.sqlType)) {
    const name = specName(table, column);
    plan.refusals.push(
      `${name} cannot become ${column.model.type}: PostgreSQL has no conversion from ${old.sqlType} to ${column.sqlType}. Remove ${name} in one update and add it back with its new type in the next (its values are deleted), or keep its type.`,
    );
    return;
  }
  // The old default may not convert to the new type: it goes first and comes back after.
  if (retyped && old.default !== undefined) statements.push(`${alter} DROP DEFAULT;`);
  if (retyped) {
    statements.push(`${alter} TYPE ${column.sqlType} USING ${ident(column.name)}::${column.sqlType};`);
    changes.push(`its type becomes ${column.sqlType} (values that cannot be read as ${column.sqlType} stop the migration, which then changes nothing)`);
  }
  if (old.default !== column.default || retyped) {
    if (column.default !== undefined) statements.push(`${alter} SET DEFAULT ${column.default};`);
    else if (!retyped) statements.push(`${alter} DROP DEFAULT;`);
    if (old.default !== column.default) changes.push(column.default === undefined ? 'no default' : `default ${column.default}`);
  }
  if (!old.notNull && column.notNull) {
    const fill = fillValue(column.model);
    if (fill !== undefined) statements.push(`UPDATE ${ident(table.name)} SET ${ident(column.name)} = ${fill} WHERE ${ident(column.name)} IS NULL;`);
    statements.push(`${alter} SET NOT NULL;`);
    // Without a value to give, the rows must have one already: PostgreSQL checks, nothing is invented.
    changes.push(fill !== undefined ? `required (rows without a value get ${fill})` : 'required (a row without a value stops the migration, which then changes nothing: fill them in first)');
  }
  if (old.notNull && !column.notNull) {
    statements.push(`${alter} DROP NOT NULL;`);
    changes.push('optional');
  }
  if (!statements.length) return;
  plan.statements.alterColumns.push(...statements);
  plan.summary.push(`Changes the column ${table.name}.${column.name}: ${changes.join('; ')}.`);
  plan.slugs.push(`change_${column.name}_in_${table.name}`);
}

const TEXT = /^(text|varchar\(\d+\))$/;
const NUMBER = /^(integer|numeric(\(\d+, \d+\))?)$/;
const TIME = /^(date|timestamptz)$/;

/** Whether PostgreSQL converts values of one column type to another (text both ways, numbers, integer and boolean, dates and times). */
export function castable(from: string, to: string): boolean {
  if (TEXT.test(from) || TEXT.test(to)) return true;
  if (NUMBER.test(from) && NUMBER.test(to)) return true;
  if (TIME.test(from) && TIME.test(to)) return true;
  const pair = new Set([from, to]);
  return pair.has('integer') && pair.has('boolean');
}
