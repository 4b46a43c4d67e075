// backend/src/auth/* and backend/src/routes/auth.ts: email + password sign-in. Passwords are
// hashed with scrypt from node:crypto (memory-hard, salted, no native module to compile); tokens
// are HS256 JWTs signed with JWT_SECRET via `jose`.
import type { LayerTable } from '../layerFiles';
import password from '../templates/backend/src/auth/password.ts?text';
import token from '../templates/backend/src/auth/token.ts?text';
import type { BackendModel, EntityModel } from './model';
import { dataRules } from './rules';
import { lines, str } from './util';
import { hasFieldRoleRules } from './fieldRoles';

function accessFile(model: BackendModel): string {
  const auth = model.auth!;
  const users = model.entity('User').names.camelPlural;
  return lines(
    `// Who may do what: the sign-in middleware and the role / ownership checks the routes call.`,
    `import type { MiddlewareHandler } from 'hono';`,
    `import { eq } from 'drizzle-orm';`,
    `import { ${users} } from '../db/schema.js';`,
    `import { ApiError } from '../http/errors.js';`,
    `import type { AppDeps, AppEnv, AuthUser } from '../http/context.js';`,
    `import { verifyToken } from './token.js';`,
    ``,
    `export const ROLES = ${JSON.stringify(auth.roles)} as const;`,
    `export const DEFAULT_ROLE = ${str(auth.defaultRole)};`,
    `/** The role allowed to do everything${auth.adminRole ? '' : ' (this app has none)'}. */`,
    `export const ADMIN_ROLE: string | undefined = ${auth.adminRole ? str(auth.adminRole) : 'undefined'};`,
    ``,
    `/** Rejects requests without a valid \`Authorization: Bearer <token>\` (401) and sets c.var.user. */`,
    `export function requireAuth({ db, env }: AppDeps): MiddlewareHandler<AppEnv> {`,
    `  return async (c, next) => {`,
    `    const match = /^Bearer\\s+(\\S+)$/i.exec(c.req.header('authorization') ?? '');`,
    `    const id = match ? await verifyToken(match[1], env.JWT_SECRET) : undefined;`,
    `    if (id === undefined) throw new ApiError(401, 'unauthorized', 'Sign in to continue.');`,
    `    const [user] = await db.select({ id: ${users}.id, email: ${users}.email, role: ${users}.role }).from(${users}).where(eq(${users}.id, id));`,
    `    if (!user) throw new ApiError(401, 'unauthorized', 'This account no longer exists.');`,
    `    c.set('user', user);`,
    `    await next();`,
    `  };`,
    `}`,
    ``,
    `export function isAdmin(user: AuthUser): boolean {`,
    `  return ADMIN_ROLE !== undefined && user.role === ADMIN_ROLE;`,
    `}`,
    ``,
    `/** 403 unless the user has one of the roles (the admin role always passes). */`,
    `export function requireRole(user: AuthUser, roles: readonly string[], what: string): void {`,
    `  if (isAdmin(user) || roles.includes(user.role)) return;`,
    `  throw new ApiError(403, 'forbidden', \`Only \${roles.join(' or ')} users may \${what}.\`);`,
    `}`,
    ``,
    `/** 403 unless the user owns the row, is an admin, or has a role that manages every row for this action. */`,
    `export function requireOwner(user: AuthUser, ownerId: number | null, what: string, managers: readonly string[] = []): void {`,
    `  if (isAdmin(user) || ownerId === user.id || managers.includes(user.role)) return;`,
    `  throw new ApiError(403, 'forbidden', \`Only the owner may \${what}.\`);`,
    `}`,
    ...(hasFieldRoleRules(model.entities) ? ['', ...SAME_VALUE] : []),
  );
}

/** For the field role checks of the routes (fieldRoles.ts): whether a value sent is the one stored. */
const SAME_VALUE = [
  `/**`,
  ` * Whether a value sent for a field is the value stored, so re-sending a form unchanged is no change:`,
  ` * decimals compare digit by digit ("12.5" is the stored "12.50"; no rounding through floating point)`,
  ` * and times as instants. Anything written differently counts as a change, which only the roles may make.`,
  ` */`,
  `export function sameValue(sent: unknown, stored: unknown, numeric = false): boolean {`,
  `  if (sent === null || sent === undefined || stored === null || stored === undefined) return (sent ?? null) === (stored ?? null);`,
  `  if (sent instanceof Date || stored instanceof Date) return new Date(sent as string).getTime() === new Date(stored as string).getTime();`,
  `  return numeric ? decimalDigits(String(sent)) === decimalDigits(String(stored)) : sent === stored;`,
  `}`,
  ``,
  `/** "012.50" -> "12.5", "-0.0" -> "0": a decimal written without the zeros that do not change it. */`,
  `function decimalDigits(text: string): string {`,
  `  const match = /^(-?)0*(\\d*?)(?:\\.(\\d*?)0*)?$/.exec(text.trim());`,
  `  if (!match) return text;`,
  `  const whole = match[2] || '0';`,
  `  const digits = match[3] ? \`\${whole}.\${match[3]}\` : whole;`,
  `  return digits === '0' ? '0' : match[1] + digits;`,
  `}`,
];

function authRoutesFile(model: BackendModel): string {
  const user = model.entity('User');
  // Sign-ups are creates too: the User rules (date order, refusals, uniqueness...) run in the same transaction.
  const userRules = dataRules(user).length > 0;
  return lines(
    `// POST /api/auth/register, POST /api/auth/login, GET /api/auth/me.`,
    authRoutesImports(user, userRules),
    ``,
    `/** Compared against when the email is unknown, so both failures take the same time. */`,
    `const DUMMY_HASH = hashPassword('not-a-real-password');`,
    ``,
    `export function authRoutes({ db, env }: AppDeps): Hono<AppEnv> {`,
    `  const routes = new Hono<AppEnv>();`,
    ``,
    registerRoute(model.auth!, user, userRules),
    ``,
    loginAndMeRoutes(user.names.camelPlural),
    ``,
    `  return routes;`,
    `}`,
  );
}

function authRoutesImports(user: EntityModel, userRules: boolean): string {
  const { camelPlural: users, route } = user.names;
  return lines(
    `import { Hono } from 'hono';`,
    `import { eq } from 'drizzle-orm';`,
    `import { ${users}${userRules ? `, type New${user.names.pascal}Row` : ''} } from '../db/schema.js';`,
    `import { ApiError, parseWith, readJson } from '../http/errors.js';`,
    `import type { AppDeps, AppEnv } from '../http/context.js';`,
    `import { DEFAULT_ROLE, requireAuth } from '../auth/access.js';`,
    `import { hashPassword, verifyPassword } from '../auth/password.js';`,
    `import { signToken } from '../auth/token.js';`,
    `import { LoginInput, RegisterInput } from '../validation/${route}.js';`,
    `import { findUser, toUser } from './${route}.js';`,
    userRules ? `import * as rules from '../rules/${route}.js';` : null,
  );
}

/** POST /register: the new account always gets the default role; with User rules, the insert runs after them in one transaction. */
function registerRoute(auth: NonNullable<BackendModel['auth']>, user: EntityModel, userRules: boolean): string {
  const users = user.names.camelPlural;
  return lines(
    `  routes.post('/register', async (c) => {`,
    auth.selfSignup ? null : `    throw new ApiError(403, 'forbidden', 'Sign-up is closed: an admin creates accounts.');`,
    `    const { password, ...input } = parseWith(RegisterInput, await readJson(c));`,
    userRules
      ? lines(
          `    const values: New${user.names.pascal}Row = { ...input, role: DEFAULT_ROLE, passwordHash: await hashPassword(password) };`,
          `    const created = await db.transaction(async (tx) => {`,
          `      await rules.beforeCreate(tx, values);`,
          `      const [row] = await tx.insert(${users}).values(values).returning();`,
          `      return row;`,
          `    });`,
        )
      : lines(
          `    const [created] = await db`,
          `      .insert(${users})`,
          `      .values({ ...input, role: DEFAULT_ROLE, passwordHash: await hashPassword(password) })`,
          `      .returning();`,
        ),
    `    const token = await signToken(created, env.JWT_SECRET);`,
    `    return c.json({ token, user: toUser(created) }, 201);`,
    `  });`,
  );
}

function loginAndMeRoutes(users: string): string {
  return lines(
    `  routes.post('/login', async (c) => {`,
    `    const { email, password } = parseWith(LoginInput, await readJson(c));`,
    `    const [found] = await db.select().from(${users}).where(eq(${users}.email, email));`,
    `    const valid = await verifyPassword(password, found?.passwordHash ?? (await DUMMY_HASH));`,
    `    if (!found || !valid) throw new ApiError(401, 'unauthorized', 'Wrong email or password.');`,
    `    const token = await signToken(found, env.JWT_SECRET);`,
    `    return c.json({ token, user: toUser(found) });`,
    `  });`,
    ``,
    `  routes.get('/me', requireAuth({ db, env }), async (c) => {`,
    `    return c.json({ user: toUser(await findUser(db, c.get('user').id)) });`,
    `  });`,
  );
}

/** Ownership and role rules: what access.ts enforces besides sign-in. */
const accessRules = (model: BackendModel) => model.spec.rules.filter((r) => r.kind === 'ownership' || r.kind === 'roleRequired');

export const AUTH_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/auth',
  when: (model) => Boolean(model.auth),
  serves: ['auth'],
  sources: (model) => model.spec.auth.sources,
  files: [
    {
      path: 'backend/src/auth/password.ts',
      content: password,
      explanation: 'Hashes and checks passwords with scrypt, a deliberately slow, salted algorithm built into Node.js, so stored passwords are hard to crack and nothing native needs compiling.',
    },
    {
      path: 'backend/src/auth/token.ts',
      content: token,
      explanation: 'Creates and checks the sign-in tokens (JWT, signed with the server secret) that the frontend sends with each request.',
    },
    {
      path: 'backend/src/auth/access.ts',
      content: accessFile,
      explanation: 'Decides who may do what: rejects requests without a valid sign-in (401) and checks roles and ownership (403).',
      serves: (model) => ['auth', ...accessRules(model).map((r) => `rule:${r.kind}:${r.entity}`)],
      sources: (model) => [...model.spec.auth.sources, ...accessRules(model).flatMap((r) => r.sources)],
    },
    {
      path: 'backend/src/routes/auth.ts',
      content: authRoutesFile,
      explanation: (model) =>
        `Sign-up${model.auth?.selfSignup ? '' : ' (closed: admins create accounts)'}, sign-in and "who am I" endpoints. New accounts get the "${model.auth?.defaultRole}" role; the client cannot choose its role.`,
      serves: ['auth', 'api', 'entity:User'],
    },
  ],
};
