// A tiny migrator: applies each migrations/*.sql file once, in name order, and records it in the
// _migrations table. Runs at server start (and via `npm run migrate`); no drizzle-kit needed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database } from './client.js';

/** backend/migrations, from src/db (tsx, vitest) and dist/db (node) alike. */
export const MIGRATIONS_DIR = fileURLToPath(new URL('../../migrations/', import.meta.url));

export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<string[]> {
  await database.exec(`CREATE TABLE IF NOT EXISTS "_migrations" ("name" text PRIMARY KEY, "applied_at" timestamptz NOT NULL DEFAULT now())`);
  const applied = new Set((await database.query<{ name: string }>('SELECT "name" FROM "_migrations"')).map((row) => row.name));
  const pending = readdirSync(dir)
    .filter((name) => name.endsWith('.sql') && !applied.has(name))
    .sort();
  for (const name of pending) {
    const sql = readFileSync(join(dir, name), 'utf8');
    // One transaction per file: a failing migration leaves no half-created tables behind.
    await database.exec(`BEGIN;\n${sql}\nINSERT INTO "_migrations" ("name") VALUES ('${name.replace(/'/g, "''")}');\nCOMMIT;`);
  }
  return pending;
}
