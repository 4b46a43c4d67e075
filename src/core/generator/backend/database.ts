// backend/src/db/client.ts and backend/src/db/migrate.ts: opening the database (embedded PGlite
// or PostgreSQL) and applying the SQL migrations once each.
import type { FileSink } from './util';
import type { BackendModel } from './model';
import { lines } from './util';

const CLIENT = lines(
  `// Opens the database. Without DATABASE_URL the embedded PGlite (PostgreSQL compiled to WASM) is`,
  `// used: in memory for tests, in a folder for development. With DATABASE_URL a real PostgreSQL`,
  `// server is used through node-postgres. Both speak the same SQL, so migrations and queries are shared.`,
  `import { mkdirSync } from 'node:fs';`,
  `import { PGlite } from '@electric-sql/pglite';`,
  `import { drizzle as drizzlePglite, type PgliteDatabase } from 'drizzle-orm/pglite';`,
  ``,
  `/**`,
  ` * The Drizzle database. Typed as the PGlite flavour; the node-postgres one has the same query API`,
  ` * (both extend Drizzle's PgDatabase), so one type serves both drivers.`,
  ` */`,
  `export type Db = PgliteDatabase;`,
  ``,
  `/** What queries run on: the database itself or a transaction (both have these methods). */`,
  `export type Executor = Pick<Db, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;`,
  ``,
  `export interface Database {`,
  `  db: Db;`,
  `  /** Runs one or more SQL statements without parameters (migrations). */`,
  `  exec(sql: string): Promise<void>;`,
  `  query<T>(sql: string): Promise<T[]>;`,
  `  close(): Promise<void>;`,
  `}`,
  ``,
  `export interface DatabaseOptions {`,
  `  /** PostgreSQL connection string; when absent PGlite is used. */`,
  `  url?: string;`,
  `  /** PGlite data folder; when absent the database lives in memory. */`,
  `  dataDir?: string;`,
  `}`,
  ``,
  `export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {`,
  `  if (options.url) return openPostgres(options.url);`,
  `  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });`,
  `  const client = options.dataDir ? new PGlite(options.dataDir) : new PGlite();`,
  `  await client.waitReady;`,
  `  return {`,
  `    db: drizzlePglite(client),`,
  `    exec: async (sql) => {`,
  `      await client.exec(sql);`,
  `    },`,
  `    query: async <T>(sql: string) => (await client.query<T>(sql)).rows,`,
  `    close: () => client.close(),`,
  `  };`,
  `}`,
  ``,
  `async function openPostgres(url: string): Promise<Database> {`,
  `  // Loaded only when needed so development and tests never touch the pg driver.`,
  `  const { default: pg } = await import('pg');`,
  `  const { drizzle } = await import('drizzle-orm/node-postgres');`,
  `  const pool = new pg.Pool({ connectionString: url });`,
  `  return {`,
  `    db: drizzle(pool) as unknown as Db,`,
  `    exec: async (sql) => {`,
  `      await pool.query(sql);`,
  `    },`,
  `    query: async <T>(sql: string) => (await pool.query(sql)).rows as T[],`,
  `    close: () => pool.end(),`,
  `  };`,
  `}`,
);

const MIGRATE = lines(
  `// A tiny migrator: applies each migrations/*.sql file once, in name order, and records it in the`,
  `// _migrations table. Runs at server start (and via \`npm run migrate\`); no drizzle-kit needed.`,
  `import { readdirSync, readFileSync } from 'node:fs';`,
  `import { join } from 'node:path';`,
  `import { fileURLToPath } from 'node:url';`,
  `import type { Database } from './client.js';`,
  ``,
  `/** backend/migrations, from src/db (tsx, vitest) and dist/db (node) alike. */`,
  `export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));`,
  ``,
  `export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {`,
  `  await database.exec(\`CREATE TABLE IF NOT EXISTS "_migrations" ("name" text PRIMARY KEY, "applied_at" timestamptz NOT NULL DEFAULT now())\`);`,
  `  const applied = new Set((await database.query<{ name: string }>('SELECT "name" FROM "_migrations"')).map((row) => row.name));`,
  `  const pending = readdirSync(dir)`,
  `    .filter((name) => name.endsWith('.sql') && !applied.has(name))`,
  `    .sort();`,
  `  for (const name of pending) {`,
  `    const sql = readFileSync(join(dir, name), 'utf8');`,
  `    // One transaction per file: a failing migration leaves no half-created tables behind.`,
  `    await database.exec(\`BEGIN;\\n\${sql}\\nINSERT INTO "_migrations" ("name") VALUES ('\${name.replace(/'/g, "''")}');\\nCOMMIT;\`);`,
  `  }`,
  `  return pending;`,
  `}`,
);

const MIGRATE_SCRIPT = lines(
  `// \`npm run migrate\`: applies pending migrations to the configured database and exits.`,
  `import { loadEnv } from '../env.js';`,
  `import { openDatabase } from '../db/client.js';`,
  `import { migrate } from '../db/migrate.js';`,
  ``,
  `const env = loadEnv();`,
  `const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });`,
  `const applied = await migrate(database);`,
  `console.log(applied.length ? \`Applied \${applied.join(', ')}\` : 'Database is up to date');`,
  `await database.close();`,
);

export function addDatabase(model: BackendModel, files: FileSink): void {
  const serves = ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)];
  files.add({
    path: 'backend/src/db/client.ts',
    layer: 'backend/db',
    explanation:
      'Connects to the database: an embedded PostgreSQL (PGlite) that needs no installation for development and tests, or a real PostgreSQL server when DATABASE_URL is set.',
    serves,
    content: CLIENT,
  });
  files.add({
    path: 'backend/src/db/migrate.ts',
    layer: 'backend/db',
    explanation:
      'Applies the SQL files in migrations/ once each, in order, and remembers which ran in a _migrations table. The server calls it at startup.',
    serves,
    content: MIGRATE,
  });
  files.add({
    path: 'backend/src/scripts/migrate.ts',
    layer: 'backend/db',
    explanation: 'Command behind `npm run migrate`: brings the configured database up to date and exits.',
    serves,
    content: MIGRATE_SCRIPT,
  });
}
