// Starts the API: reads the configuration, opens the database, applies pending migrations and listens.
import { existsSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';
import { openDatabase } from './db/client.js';
import { migrate } from './db/migrate.js';
import { loadEnv } from './env.js';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = loadEnv();
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR });
const applied = await migrate(database);
if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

const app = createApp({ db: database.db, env });
const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {
  console.log(`API listening on http://localhost:${info.port}/api (${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in ' + env.PGLITE_DATA_DIR})`);
});

function shutdown(): void {
  server.close();
  void database.close().finally(() => process.exit(0));
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
