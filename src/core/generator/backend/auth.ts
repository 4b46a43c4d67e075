// backend/src/auth/* and backend/src/routes/auth.ts: email + password sign-in. Passwords are
// hashed with scrypt from node:crypto (memory-hard, salted, no native module to compile); tokens
// are HS256 JWTs signed with JWT_SECRET via `jose`.
import type { FileSink } from './util';
import type { BackendModel } from './model';
import { dataRules } from './rules';
import { lines, str } from './util';

const PASSWORD = lines(
  `// Password hashing with scrypt (node:crypto): memory-hard and salted, so stolen hashes are slow`,
  `// to crack; compared in constant time. Stored as scrypt$N$r$p$salt$hash so parameters can grow later.`,
  `import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';`,
  ``,
  `const N = 16384;`,
  `const R = 8;`,
  `const P = 1;`,
  `const KEY_LENGTH = 64;`,
  ``,
  `function derive(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {`,
  `  return new Promise((resolve, reject) => {`,
  `    scrypt(password, salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)));`,
  `  });`,
  `}`,
  ``,
  `export async function hashPassword(password: string): Promise<string> {`,
  `  const salt = randomBytes(16);`,
  `  const key = await derive(password, salt, KEY_LENGTH, { N, r: R, p: P });`,
  `  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');`,
  `}`,
  ``,
  `export async function verifyPassword(password: string, stored: string): Promise<boolean> {`,
  `  const [scheme, n, r, p, salt, hash] = stored.split('$');`,
  `  if (scheme !== 'scrypt' || !salt || !hash) return false;`,
  `  const expected = Buffer.from(hash, 'base64');`,
  `  const actual = await derive(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });`,
  `  return actual.length === expected.length && timingSafeEqual(actual, expected);`,
  `}`,
);

const TOKEN = lines(
  `// Session tokens: JWTs signed with HS256 and JWT_SECRET. The subject is the user id; the user is`,
  `// loaded again on every request, so deleting an account ends its sessions.`,
  `import { jwtVerify, SignJWT } from 'jose';`,
  ``,
  `const TOKEN_LIFETIME = '7d';`,
  ``,
  `function key(secret: string): Uint8Array {`,
  `  return new TextEncoder().encode(secret);`,
  `}`,
  ``,
  `export function signToken(user: { id: number; role: string }, secret: string): Promise<string> {`,
  `  return new SignJWT({ role: user.role })`,
  `    .setProtectedHeader({ alg: 'HS256' })`,
  `    .setSubject(String(user.id))`,
  `    .setIssuedAt()`,
  `    .setExpirationTime(TOKEN_LIFETIME)`,
  `    .sign(key(secret));`,
  `}`,
  ``,
  `/** The user id of a valid token, or undefined (bad signature, expired, malformed). */`,
  `export async function verifyToken(token: string, secret: string): Promise<number | undefined> {`,
  `  try {`,
  `    const { payload } = await jwtVerify(token, key(secret), { algorithms: ['HS256'] });`,
  `    const id = Number(payload.sub);`,
  `    return Number.isSafeInteger(id) && id > 0 ? id : undefined;`,
  `  } catch {`,
  `    return undefined;`,
  `  }`,
  `}`,
);

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
    `/** 403 unless the user owns the row (or is an admin). */`,
    `export function requireOwner(user: AuthUser, ownerId: number | null, what: string): void {`,
    `  if (isAdmin(user) || ownerId === user.id) return;`,
    `  throw new ApiError(403, 'forbidden', \`Only the owner may \${what}.\`);`,
    `}`,
  );
}

function authRoutesFile(model: BackendModel): string {
  const auth = model.auth!;
  const user = model.entity('User');
  const { camelPlural: users, route } = user.names;
  // Sign-ups are creates too: the User rules (date order, refusals, uniqueness...) run in the same transaction.
  const userRules = dataRules(user).length > 0;
  return lines(
    `// POST /api/auth/register, POST /api/auth/login, GET /api/auth/me.`,
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
    ``,
    `/** Compared against when the email is unknown, so both failures take the same time. */`,
    `const DUMMY_HASH = hashPassword('not-a-real-password');`,
    ``,
    `export function authRoutes({ db, env }: AppDeps): Hono<AppEnv> {`,
    `  const routes = new Hono<AppEnv>();`,
    ``,
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
    ``,
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
    ``,
    `  return routes;`,
    `}`,
  );
}

export function addAuth(model: BackendModel, files: FileSink): void {
  if (!model.auth) return;
  const sources = model.spec.auth.sources;
  files.add({
    path: 'backend/src/auth/password.ts',
    layer: 'backend/auth',
    explanation: 'Hashes and checks passwords with scrypt, a deliberately slow, salted algorithm built into Node.js, so stored passwords are hard to crack and nothing native needs compiling.',
    serves: ['auth'],
    sources,
    content: PASSWORD,
  });
  files.add({
    path: 'backend/src/auth/token.ts',
    layer: 'backend/auth',
    explanation: 'Creates and checks the sign-in tokens (JWT, signed with the server secret) that the frontend sends with each request.',
    serves: ['auth'],
    sources,
    content: TOKEN,
  });
  files.add({
    path: 'backend/src/auth/access.ts',
    layer: 'backend/auth',
    explanation: 'Decides who may do what: rejects requests without a valid sign-in (401) and checks roles and ownership (403).',
    serves: ['auth', ...model.spec.rules.filter((r) => r.kind === 'ownership' || r.kind === 'roleRequired').map((r) => `rule:${r.kind}:${r.entity}`)],
    sources: [...sources, ...model.spec.rules.filter((r) => r.kind === 'ownership' || r.kind === 'roleRequired').flatMap((r) => r.sources)],
    content: accessFile(model),
  });
  files.add({
    path: 'backend/src/routes/auth.ts',
    layer: 'backend/auth',
    explanation: `Sign-up${model.auth.selfSignup ? '' : ' (closed: admins create accounts)'}, sign-in and "who am I" endpoints. New accounts get the "${model.auth.defaultRole}" role; the client cannot choose its role.`,
    serves: ['auth', 'api', 'entity:User'],
    sources,
    content: authRoutesFile(model),
  });
}
