// backend/src/auth/admin.ts: the first admin account, from ADMIN_EMAIL / ADMIN_PASSWORD, created
// at start while the app has no admin (apps with sign-in and an admin role). Sign-up only ever
// makes ordinary accounts, so without it a fresh deployment could never be administered.
import { bootstrapAdminRole } from '../contract';
import type { BackendModel, Column, EntityModel } from './model';
import { sampleValue } from './samples';
import { literal } from './seed';
import type { LayerTable } from '../layerFiles';
import { lines, str } from './util';

const ADMIN_NAME = 'Administrator';

/** A value for a required User field the two variables do not give: a name where one fits, else a valid sample. */
function requiredFieldValue(column: Column, user: EntityModel, model: BackendModel): string {
  const isName = column.type === 'string' && !column.enumValues;
  if (isName && (column.min ?? 0) <= ADMIN_NAME.length && (column.max ?? 255) >= ADMIN_NAME.length) return str(ADMIN_NAME);
  return literal(sampleValue(column, 1, user, model), column.type);
}

function requiredFields(user: EntityModel, model: BackendModel): string[] {
  return user.columns
    .filter((c) => c.field && c.notNull && c.default === undefined)
    .map((c) => `${c.prop}: ${requiredFieldValue(c, user, model)}`);
}

function adminFile(model: BackendModel, role: string): string {
  const user = model.entity('User');
  const users = user.names.camelPlural;
  const values = [...requiredFields(user, model), 'email: env.ADMIN_EMAIL', 'passwordHash: await hashPassword(env.ADMIN_PASSWORD)', 'role: ADMIN_ROLE'];
  return lines(
    `// The first admin account: sign-up only makes ordinary accounts, so ADMIN_EMAIL and ADMIN_PASSWORD`,
    `// create an admin at start while there is none. Later starts change nothing (an admin exists).`,
    `import { eq } from 'drizzle-orm';`,
    `import type { Db } from '../db/client.js';`,
    `import { ${users} } from '../db/schema.js';`,
    `import type { Env } from '../env.js';`,
    `import { hashPassword } from './password.js';`,
    ``,
    `const ADMIN_ROLE = ${str(role)};`,
    ``,
    `export type AdminBootstrap = 'created' | 'exists' | 'not-configured';`,
    ``,
    `/** Creates the admin account from ADMIN_EMAIL / ADMIN_PASSWORD unless an admin exists already. */`,
    `export async function ensureAdmin(db: Db, env: Pick<Env, 'ADMIN_EMAIL' | 'ADMIN_PASSWORD'>): Promise<AdminBootstrap> {`,
    `  const [admin] = await db.select({ id: ${users}.id }).from(${users}).where(eq(${users}.role, ADMIN_ROLE)).limit(1);`,
    `  if (admin) return 'exists';`,
    `  if (!env.ADMIN_EMAIL || !env.ADMIN_PASSWORD) return 'not-configured';`,
    `  const [taken] = await db.select({ id: ${users}.id }).from(${users}).where(eq(${users}.email, env.ADMIN_EMAIL));`,
    `  // Never promote: whoever signed up first with that address would become the admin.`,
    `  if (taken) throw new Error(\`ADMIN_EMAIL \${env.ADMIN_EMAIL} belongs to an account that is not an admin; it is not promoted. Choose another address.\`);`,
    `  const [created] = await db`,
    `    .insert(${users})`,
    `    .values({ ${values.join(', ')} })`,
    `    // Two servers starting at once: the second one's insert does nothing.`,
    `    .onConflictDoNothing()`,
    `    .returning({ id: ${users}.id });`,
    `  return created ? 'created' : 'exists';`,
    `}`,
  );
}

const adminRole = (model: BackendModel) => bootstrapAdminRole(model.spec)!;

/** The first admin account, when the spec has an admin role to give it. */
export const ADMIN_ACCOUNT_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/auth',
  when: (model) => Boolean(bootstrapAdminRole(model.spec)),
  serves: ['auth', 'entity:User'],
  sources: (model) => model.spec.auth.sources,
  files: [
    {
      path: 'backend/src/auth/admin.ts',
      content: (model) => adminFile(model, adminRole(model)),
      explanation: (model) =>
        `Creates the first "${adminRole(model)}" account from ADMIN_EMAIL and ADMIN_PASSWORD when the server starts and no admin exists yet; later starts change nothing, and an address that already belongs to an ordinary account is never promoted.`,
    },
  ],
};
