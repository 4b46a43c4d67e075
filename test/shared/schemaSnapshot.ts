// A database schema as comparable text, read from information_schema and pg_catalog: every
// column (type, nullability, default), constraint (by definition), index and sequence of the
// public schema, sorted by name so the order columns were added in does not matter. Two databases
// with equal snapshots accept and refuse the same rows. Works on PGlite and on PostgreSQL.

/** Anything that runs a query and returns rows (a PGlite instance, a pg client wrapper). */
export interface QueryRunner {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

const COLUMNS = `SELECT table_name || '.' || column_name || ' ' || data_type
    || coalesce('(' || character_maximum_length || ')', '')
    || coalesce(' precision ' || numeric_precision || ',' || numeric_scale, '')
    || CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END
    || coalesce(' default ' || column_default, '') AS line
  FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_migrations'`;

// NOT NULL constraints (contype 'n') are left out: nullability is compared through the columns, and
// only PostgreSQL 18 (PGlite) lists them, under names a table rename does not follow.
const CONSTRAINTS = `SELECT conrelid::regclass::text || ' ' || conname || ': ' || pg_get_constraintdef(oid) AS line
  FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid <> 'public._migrations'::regclass AND contype <> 'n'`;

const INDEXES = `SELECT indexdef AS line FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_migrations'`;

const SEQUENCES = `SELECT 'sequence ' || sequence_name AS line FROM information_schema.sequences WHERE sequence_schema = 'public'`;

export async function schemaSnapshot(db: QueryRunner): Promise<string[]> {
  const lines: string[] = [];
  for (const sql of [COLUMNS, CONSTRAINTS, INDEXES, SEQUENCES]) {
    const { rows } = await db.query<{ line: string }>(sql);
    lines.push(...rows.map((row) => row.line).sort());
  }
  return lines;
}

/** The migrations table the generated migrator keeps, so snapshots of migrated and fresh databases compare. */
export const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_migrations" ("name" text PRIMARY KEY, "applied_at" timestamptz NOT NULL DEFAULT now())`;
