// Renames are invisible to a comparison of two specs (a renamed field looks like one removed and
// one added, and its values would be lost). The review step knows them; here they become RENAME
// statements. The previous spec is renamed with the review step's own edits (edit.ts), both
// catalogs are built, and their objects pair up by tag (see schemaCatalog.ts): a pair with two
// names is renamed. What comes back is the database as it stands after the renames.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { renameEntity, renameField } from '../../model/project/edit';
import type { Catalog, CatalogTable } from './schemaCatalog';
import type { MigrationPlan } from './schemaDiff';
import { ident } from '../generator/backend/util';

export interface SpecRenames {
  entities?: { from: string; to: string }[];
  /** `entity` may be the entity's name before or after its own rename. */
  fields?: { entity: string; from: string; to: string }[];
}

/** The previous spec with the renames applied (throws SpecEditError when one does not fit it). */
export function renamedSpec(spec: ProjectSpec, renames: SpecRenames): ProjectSpec {
  let renamed = spec;
  for (const { from, to } of renames.entities ?? []) renamed = renameEntity(renamed, from, to);
  const entityNow = (name: string) => renames.entities?.find((rename) => rename.from === name)?.to ?? name;
  for (const { entity, from, to } of renames.fields ?? []) renamed = renameField(renamed, entityNow(entity), from, to);
  return renamed;
}

type Named = { tag: string; name: string };

/** Pairs of [old name, new name] of objects with the same tag and different names. */
function renamedPairs<T extends Named>(real: readonly T[], renamed: readonly T[]): [string, string][] {
  const byTag = new Map(renamed.map((item) => [item.tag, item.name]));
  return real.flatMap((item) => {
    const name = byTag.get(item.tag);
    return name !== undefined && name !== item.name ? [[item.name, name] as [string, string]] : [];
  });
}

/** Names PostgreSQL made itself are kept only up to 63 characters; longer ones it shortened its own way. */
const fits = ([from, to]: [string, string]) => from.length <= 63 && to.length <= 63;

/** Writes the RENAME statements into the plan and returns the database after them. */
export function applyRenames(real: Catalog, renamed: Catalog, plan: MigrationPlan): Catalog {
  const renamedByTag = new Map(renamed.map((table) => [table.tag, table]));
  const tableNames = new Map(renamedPairs(real, renamed));
  return real.map((table) => {
    const target = renamedByTag.get(table.tag);
    return target ? renameTable(table, target, tableNames, plan) : table;
  });
}

function renameTable(table: CatalogTable, target: CatalogTable, tableNames: Map<string, string>, plan: MigrationPlan): CatalogTable {
  const name = target.name;
  const statements = plan.statements.rename;
  if (name !== table.name) {
    statements.push(`ALTER TABLE ${ident(table.name)} RENAME TO ${ident(name)};`);
    plan.summary.push(`Renames the table ${table.name} to ${name} (${table.label} -> ${target.label}); its rows stay.`);
    plan.slugs.push(`rename_${table.name}_to_${name}`);
  }
  const columns = renamedPairs(table.columns, target.columns);
  for (const [from, to] of columns) {
    statements.push(`ALTER TABLE ${ident(name)} RENAME COLUMN ${ident(from)} TO ${ident(to)};`);
    plan.summary.push(`Renames the column ${name}.${from} to ${to}; its values stay.`);
    plan.slugs.push(`rename_${from}_to_${to}`);
  }
  const implicit = renamedPairs(table.implicit, target.implicit).filter(fits);
  for (const [from, to] of implicit) {
    const kind = table.implicit.find((item) => item.name === from)?.kind;
    statements.push(kind === 'sequence' ? `ALTER SEQUENCE ${ident(from)} RENAME TO ${ident(to)};` : `ALTER TABLE ${ident(name)} RENAME CONSTRAINT ${ident(from)} TO ${ident(to)};`);
  }
  const constraints = renamedPairs(table.constraints, target.constraints);
  for (const [from, to] of constraints) statements.push(`ALTER TABLE ${ident(name)} RENAME CONSTRAINT ${ident(from)} TO ${ident(to)};`);
  const indexes = renamedPairs(table.indexes, target.indexes);
  for (const [from, to] of indexes) statements.push(`ALTER INDEX ${ident(from)} RENAME TO ${ident(to)};`);
  const names = new Map([...tableNames, ...columns, ...implicit, ...constraints, ...indexes]);
  return renamedCatalogTable(table, target, names);
}

/** The table under its new names; definitions read the new names too (PostgreSQL follows renames into them). */
function renamedCatalogTable(table: CatalogTable, target: CatalogTable, names: Map<string, string>): CatalogTable {
  const rename = (name: string) => names.get(name) ?? name;
  const targetColumns = new Map(target.columns.map((column) => [column.tag, column]));
  return {
    ...table,
    name: target.name,
    label: target.label,
    create: renameIdentifiers(table.create, names),
    columns: table.columns.map((column) => ({ ...column, name: rename(column.name), references: column.references && rename(column.references), model: targetColumns.get(column.tag)?.model ?? column.model })),
    constraints: table.constraints.map((constraint) => ({ ...constraint, name: rename(constraint.name), definition: renameIdentifiers(constraint.definition, names) })),
    indexes: table.indexes.map((index) => ({ ...index, name: rename(index.name), create: renameIdentifiers(index.create, names) })),
    implicit: table.implicit.map((item) => ({ ...item, name: rename(item.name) })),
  };
}

/** Replaces every "quoted" identifier that was renamed. */
function renameIdentifiers(sql: string, names: Map<string, string>): string {
  return sql.replace(/"((?:[^"]|"")*)"/g, (quoted, inner: string) => {
    const to = names.get(inner.replace(/""/g, '"'));
    return to === undefined ? quoted : ident(to);
  });
}
