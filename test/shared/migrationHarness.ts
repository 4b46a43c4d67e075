// Shared steps of the migration tests: a PGlite database made by a spec's 0001_init.sql, a
// migration step applied the way the generated migrator applies it (one transaction), and the
// check that a migrated database has exactly the schema a fresh one of the new spec has.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { migrationSql } from '../../src/core/generator/backend/migrations';
import { buildModel } from '../../src/core/generator/backend/model';
import { migrationForChange, type MigrationStep, type SpecRenames } from '../../src/core/update/migrationStep';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { MIGRATIONS_TABLE, schemaSnapshot, type QueryRunner } from './schemaSnapshot';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

export const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

/** Runs a whole script (several statements); PGlite's exec and a pg client's query both do. */
export interface ScriptRunner extends QueryRunner {
  exec(sql: string): Promise<unknown>;
}

// Starting PGlite takes seconds (WebAssembly): the tests share one instance and empty it between uses.
let shared: PGlite | undefined;

/** The shared database, emptied and made by `spec`'s 0001_init.sql. */
export async function databaseAt(spec: ProjectSpec): Promise<PGlite> {
  shared ??= new PGlite();
  await shared.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  await createSchema(shared, spec);
  return shared;
}

export async function createSchema(db: ScriptRunner, spec: ProjectSpec): Promise<void> {
  await db.exec(MIGRATIONS_TABLE);
  await db.exec(`BEGIN;\n${migrationSql(buildModel(spec))}\nCOMMIT;`);
}

/** The step's SQL, asserting there is one. */
export function sqlStep(previous: ProjectSpec, next: ProjectSpec, renames?: SpecRenames): Extract<MigrationStep, { kind: 'sql' }> {
  const step = migrationForChange(previous, next, renames);
  assert.equal(step.kind, 'sql', JSON.stringify(step));
  return step as Extract<MigrationStep, { kind: 'sql' }>;
}

/** As src/db/migrate.ts of a generated backend runs a file: all of it or nothing. */
export async function applyStep(db: ScriptRunner, sql: string): Promise<void> {
  await db.exec(`BEGIN;\n${sql}\nCOMMIT;`);
}

export async function assertSameSchema(migrated: QueryRunner, fresh: QueryRunner | string[]): Promise<void> {
  const actual = await schemaSnapshot(migrated);
  const expected = Array.isArray(fresh) ? fresh : await schemaSnapshot(fresh);
  const missing = expected.filter((line) => !actual.includes(line));
  const extra = actual.filter((line) => !expected.includes(line));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, `the migrated schema differs from a fresh one: ${JSON.stringify({ missing, extra }, null, 1)}`);
}

/** The schema a fresh database of `spec` has (made in the shared database, which it empties). */
export async function freshSnapshot(spec: ProjectSpec): Promise<string[]> {
  return schemaSnapshot(await databaseAt(spec));
}

/** Migrates a database of `previous` (after `seed` put rows in it) and compares it with a fresh database of `next`; returns the migrated one. */
export async function migrateAndCompare(
  previous: ProjectSpec,
  next: ProjectSpec,
  options: { renames?: SpecRenames; seed?: (db: PGlite) => Promise<unknown> } = {},
): Promise<{ db: PGlite; step: Extract<MigrationStep, { kind: 'sql' }> }> {
  const step = sqlStep(previous, next, options.renames);
  const expected = await freshSnapshot(next);
  const db = await databaseAt(previous);
  await options.seed?.(db);
  await applyStep(db, step.sql);
  await assertSameSchema(db, expected);
  return { db, step };
}

export async function rows<T>(db: QueryRunner, sql: string): Promise<T[]> {
  return (await db.query<T>(sql)).rows;
}
