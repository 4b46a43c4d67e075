// `npm run migrate`: applies pending migrations to the configured database and exits.
import { loadEnv } from '../env.js';
import { openDatabase } from '../db/client.js';
import { migrate } from '../db/migrate.js';

const env = loadEnv();
const database = await openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
const applied = await migrate(database);
console.log(applied.length ? `Applied ${applied.join(', ')}` : 'Database is up to date');
await database.close();
