// backend/src/db/seed.ts and src/scripts/seed.ts: a few deterministic, realistic rows per entity
// (parents first, planned in seedRows.ts); with sign-in, example accounts whose password comes
// from SEED_PASSWORD (the admin comes from ADMIN_EMAIL / ADMIN_PASSWORD, auth/admin.ts).
import type { LayerTable } from '../layerFiles';
import type { BackendModel, EntityModel } from './model';
import { SEED_ROWS, seedTables, type SeedRow } from './seedRows';
import { lines, str } from './util';
import { jsValue } from '../emit';

/** A sample value as TypeScript (date-times as Date objects, as Drizzle takes them). */
export function literal(value: string | number | boolean | null, type: string | undefined): string {
  if (value === null) return 'null';
  if (type === 'datetime' && typeof value === 'string') return `new Date(${str(value)})`;
  return jsValue(value);
}

/** A seed row as a TypeScript object literal; `pointedAt` collects the tables its foreign keys read (`<table>Rows[i].id`). */
function rowLiteral(entity: EntityModel, row: SeedRow, n: number, model: BackendModel, pointedAt: Set<string>): string {
  const parts: string[] = [];
  const auth = model.auth;
  if (entity.isAuthUser && auth) {
    // Ordinary accounts only: the admin comes from ADMIN_EMAIL / ADMIN_PASSWORD (auth/admin.ts).
    parts.push(`email: ${str(`user${n}@example.com`)}`, `passwordHash`, `role: ${str(auth.defaultRole)}`);
  }
  for (const column of entity.columns) {
    if (column.field) parts.push(`${column.prop}: ${literal(row.values[column.prop] ?? null, column.type)}`);
    if (!column.relation) continue;
    const reference = row.references[column.prop];
    if (reference) pointedAt.add(reference.entity.names.camelPlural);
    parts.push(`${column.prop}: ${reference ? `${reference.entity.names.camelPlural}Rows[${reference.index}].id` : 'null'}`);
  }
  return `{ ${parts.join(', ')} }`;
}

function seedFile(model: BackendModel): string {
  const pointedAt = new Set<string>();
  const tables = seedTables(model).filter((table) => table.rows.length);
  const rowsOf = tables.map(({ entity, rows }) => ({
    entity,
    rows: rows.map((row, i) => `    ${rowLiteral(entity, row, i + 1, model, pointedAt)},`),
  }));
  // Keep the inserted rows only of entities that later rows point at (no unused variables).
  const referenced = (name: string) => pointedAt.has(name);
  const blocks = rowsOf.map(({ entity, rows }) => {
    const table = entity.names.camelPlural;
    return referenced(table)
      ? lines(`  const ${table}Rows = await db`, `    .insert(${table})`, `    .values([`, ...rows, `    ])`, `    .returning();`)
      : lines(`  await db.insert(${table}).values([`, ...rows, `  ]);`);
  });
  const order = tables.map((table) => table.entity);
  // Whether the database is empty is read from the first table that is not the accounts: the
  // server may have created the admin already.
  const first = order.find((e) => !e.isAuthUser) ?? order[0];
  const used = new Set(order.flatMap((e) => [e.names.camelPlural]));
  return lines(
    `// Example data for development. Runs only on an empty database, so it never duplicates rows.`,
    `import type { Db } from './client.js';`,
    `import { ${[...used].sort().join(', ')} } from './schema.js';`,
    model.auth ? `import { hashPassword } from '../auth/password.js';` : null,
    ``,
    `/** Inserts the example rows; returns false when the database already has data. */`,
    `export async function seed(db: Db${model.auth ? ', password: string' : ''}): Promise<boolean> {`,
    first ? `  const [existing] = await db.select({ id: ${first.names.camelPlural}.id }).from(${first.names.camelPlural}).limit(1);` : null,
    first ? `  if (existing) return false;` : null,
    model.auth ? `  const passwordHash = await hashPassword(password);` : null,
    ...blocks,
    `  return true;`,
    `}`,
  );
}

/** With sign-in: the example accounts' password is SEED_PASSWORD, or a random one nobody knows. */
const SEED_WITH_ACCOUNTS = lines(
  `const added = await seed(database.db, env.SEED_PASSWORD ?? randomSecret());`,
  `if (!added) console.log('The database already has data; nothing seeded.');`,
  `else if (env.SEED_PASSWORD) console.log('Seeded example data; the example accounts user1@example.com ... sign in with SEED_PASSWORD.');`,
  `else console.log('Seeded example data. The example accounts (user1@example.com ...) got a random password: set SEED_PASSWORD before seeding to sign in as them.');`,
);

function seedScript(model: BackendModel): string {
  return lines(
    `// \`npm run seed\`: applies migrations, then adds example rows to an empty database.`,
    `import { existsSync } from 'node:fs';`,
    `import { loadEnv } from '../env.js';`,
    `import { openDatabase } from '../db/client.js';`,
    `import { migrate } from '../db/migrate.js';`,
    `import { seed } from '../db/seed.js';`,
    model.auth ? `import { randomSecret } from '../auth/secrets.js';` : null,
    ``,
    `if (existsSync('.env')) process.loadEnvFile('.env');`,
    `const env = loadEnv();`,
    `const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR });`,
    `await migrate(database);`,
    model.auth ? SEED_WITH_ACCOUNTS : `const added = await seed(database.db);`,
    model.auth ? null : `console.log(added ? 'Seeded example data.' : 'The database already has data; nothing seeded.');`,
    `await database.close();`,
  );
}

export const SEED_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/seed',
  serves: (model) => model.entities.map((e) => `entity:${e.entity.name}`).concat(model.auth ? ['auth'] : []),
  files: [
    {
      path: 'backend/src/db/seed.ts',
      content: seedFile,
      explanation: (model) =>
        `Example data for trying the app: up to ${SEED_ROWS} rows per entity, always the same, in the words of each entity's domain and within the spec's rules${model.auth ? ' (the example accounts get SEED_PASSWORD, never a fixed password)' : ''}. It only runs on an empty database.`,
      sources: (model) => model.entities.flatMap((e) => e.sources),
    },
    {
      path: 'backend/src/scripts/seed.ts',
      content: seedScript,
      explanation: 'Command behind `npm run seed`: prepares the database and fills it with the example data.',
    },
  ],
};
