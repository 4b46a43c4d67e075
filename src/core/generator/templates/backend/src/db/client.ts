// Opens the database. Without DATABASE_URL the embedded PGlite (PostgreSQL compiled to WASM) is
// used: in memory for tests, in a folder for development. With DATABASE_URL a real PostgreSQL
// server is used through node-postgres. Both speak the same SQL, so migrations and queries are shared.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';

/**
 * The Drizzle database. Typed as the PGlite flavour; the node-postgres one has the same query API
 * (both extend Drizzle's PgDatabase), so one type serves both drivers.
 */
export type Db = PgliteDatabase;

/** What queries run on: the database itself or a transaction (both have these methods). */
export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export interface Database {
  db: Db;
  /** Runs one or more SQL statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent PGlite is used. */
  url?: string;
  /** PGlite data folder; when absent the database lives in memory. */
  dataDir?: string;
  /** PostgreSQL schema to work in (the tests give each file its own); default: the server's search path. */
  schema?: string;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  if (options.url) return openPostgres(options.url, options.schema);
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();
  await client.waitReady;
  return {
    db: drizzlePglite(client),
    exec: async (sql) => {
      await client.exec(sql);
    },
    query: async <T>(sql: string) => (await client.query<T>(sql)).rows,
    close: () => client.close(),
  };
}

async function openPostgres(url: string, schema?: string): Promise<Database> {
  // Loaded only when needed so development and tests never touch the pg driver.
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`Not a plain schema name: ${schema}`);
  const pool = new pg.Pool({ connectionString: url, options: schema ? `-c search_path=${schema}` : undefined });
  return {
    db: drizzle(pool) as unknown as Db,
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <T>(sql: string) => (await pool.query(sql)).rows as T[],
    close: () => pool.end(),
  };
}
