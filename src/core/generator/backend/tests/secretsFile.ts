// backend/test/secrets.test.ts and backend/test/admin.test.ts (apps with sign-in): no secret or
// password the source could leak is ever accepted, and the first admin is made exactly once.
import { bootstrapAdminRole } from '../../contract';
import type { BackendModel } from '../model';
import { lines, str } from '../util';
import { SUITE_SETUP } from './suiteSetup';

/**
 * backend/test/files.ts: the file-system side of the secret tests. Test files stay free of Node
 * built-ins (Claude may repair them, and the code policy keeps them plain), so it lives here.
 */
export const TEST_FILES_HELPER = lines(
  `// File-system helpers for the tests: the project's .env.example, and temporary files.`,
  `import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';`,
  `import { tmpdir } from 'node:os';`,
  `import { join } from 'node:path';`,
  `import { parseEnv } from 'node:util';`,
  ``,
  `/** The variables of the root .env.example, as \`cp .env.example .env\` hands them to docker compose. */`,
  `export function rootEnvExample(): Record<string, string> {`,
  `  return parseEnv(readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')) as Record<string, string>;`,
  `}`,
  ``,
  `/** Runs \`use\` with a path (e.g. '.data/jwt-secret') inside a new temporary folder, removed afterwards. */`,
  `export function withTemporaryPath<T>(relative: string, use: (path: string) => T): T {`,
  `  const folder = mkdtempSync(join(tmpdir(), 'test-'));`,
  `  try {`,
  `    return use(join(folder, relative));`,
  `  } finally {`,
  `    rmSync(folder, { recursive: true, force: true });`,
  `  }`,
  `}`,
  ``,
  `export function readText(path: string): string {`,
  `  return readFileSync(path, 'utf8');`,
  `}`,
  ``,
  `/** Whether only the file's owner may read or write it (always true on Windows, which has no such modes). */`,
  `export function ownerOnly(path: string): boolean {`,
  `  return process.platform === 'win32' || (statSync(path).mode & 0o077) === 0;`,
  `}`,
);

/** The signing secret: required and checked in production, random per test run, kept in a file in development. */
export function secretsTestFile(): string {
  return lines(
    `// The JWT signing secret: nothing in the source or in .env.example can pass as one.`,
    `import { describe, expect, it } from 'vitest';`,
    `import { developmentSecret, randomSecret } from '../src/auth/secrets.js';`,
    `import { loadEnv, testEnv } from '../src/env.js';`,
    `import { ownerOnly, readText, rootEnvExample, withTemporaryPath } from './files.js';`,
    ``,
    `const production = (variables: Record<string, string> = {}) => loadEnv({ NODE_ENV: 'production', ...variables });`,
    ``,
    `describe('JWT_SECRET', () => {`,
    `  it('is required in production, with a way to create one', () => {`,
    `    expect(() => production()).toThrow(/JWT_SECRET: is required in production: create one with \`openssl rand -base64 48\`/);`,
    `    expect(production({ JWT_SECRET: randomSecret() }).JWT_SECRET).toHaveLength(64);`,
    `  });`,
    ``,
    `  it('refuses placeholders and weak secrets everywhere', () => {`,
    `    for (const NODE_ENV of ['production', 'development']) {`,
    `      expect(() => loadEnv({ NODE_ENV, JWT_SECRET: 'change-me' })).toThrow(/JWT_SECRET: is a placeholder/);`,
    `      expect(() => loadEnv({ NODE_ENV, JWT_SECRET: 'short-but-random-9f2k' })).toThrow(/JWT_SECRET: must be at least 32 characters/);`,
    `      expect(() => loadEnv({ NODE_ENV, JWT_SECRET: 'ab'.repeat(24) })).toThrow(/JWT_SECRET: is too repetitive/);`,
    `    }`,
    `  });`,
    ``,
    `  it('refuses what .env.example says, so copying it is never enough to deploy', () => {`,
    `    expect(() => production(rootEnvExample())).toThrow(/JWT_SECRET: is a placeholder/);`,
    `  });`,
    ``,
    `  it('is a new random secret in every test run', () => {`,
    `    const first = testEnv().JWT_SECRET;`,
    `    expect(first.length).toBeGreaterThanOrEqual(32);`,
    `    expect(testEnv().JWT_SECRET).not.toBe(first);`,
    `  });`,
    `});`,
    ``,
    `describe('the development secret', () => {`,
    `  it('is created on first run in a file only its owner can read, then kept', () => {`,
    `    withTemporaryPath('.data/jwt-secret', (file) => {`,
    `      const secret = developmentSecret(file);`,
    `      expect(secret.length).toBeGreaterThanOrEqual(32);`,
    `      expect(readText(file).trim()).toBe(secret);`,
    `      expect(ownerOnly(file)).toBe(true);`,
    `      expect(developmentSecret(file)).toBe(secret);`,
    `    });`,
    `  });`,
    `});`,
  );
}

/** The admin tests that read only the configuration: nothing without the variables, weak values refused. */
const ADMIN_CONFIGURATION_TESTS = lines(
  `  it('is not created when the variables are not set', async () => {`,
  `    expect(await ensureAdmin(t.database.db, loadEnv({ NODE_ENV: 'test' }))).toBe('not-configured');`,
  `    expect(await admins()).toEqual([]);`,
  `  });`,
  ``,
  `  it('refuses a weak or placeholder password, and one variable without the other', () => {`,
  `    const env = (variables: Record<string, string>) => () => loadEnv({ NODE_ENV: 'test', ...variables });`,
  `    expect(env({ ...ADMIN, ADMIN_PASSWORD: 'short-pw' })).toThrow(/ADMIN_PASSWORD: must be at least 12 characters/);`,
  `    expect(env({ ...ADMIN, ADMIN_PASSWORD: 'change-me-please' })).toThrow(/ADMIN_PASSWORD: is a placeholder/);`,
  `    expect(env({ ...ADMIN, ADMIN_PASSWORD: 'aaaaaaaaaaaaaaaa' })).toThrow(/ADMIN_PASSWORD: is too repetitive/);`,
  `    expect(env({ ADMIN_EMAIL: ADMIN.ADMIN_EMAIL })).toThrow(/ADMIN_PASSWORD: is required with ADMIN_EMAIL/);`,
  `    expect(env({ ...ADMIN, ADMIN_EMAIL: 'not-an-address' })).toThrow(/ADMIN_EMAIL/);`,
  `  });`,
);

/** The admin bootstrap: once, never twice, never from a weak password, never by promotion. */
export function adminTestFile(model: BackendModel): string | undefined {
  const role = bootstrapAdminRole(model.spec);
  if (!role) return undefined;
  const users = model.entity('User').names.camelPlural;
  // An ordinary account to try promoting (none when new accounts are admins already).
  const ordinary = model.auth!.defaultRole !== role;
  return lines(
    `// The first admin account from ADMIN_EMAIL / ADMIN_PASSWORD (src/auth/admin.ts).`,
    `import { eq } from 'drizzle-orm';`,
    `import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';`,
    `import { ensureAdmin } from '../src/auth/admin.js';`,
    `import { ${users} } from '../src/db/schema.js';`,
    `import { loadEnv } from '../src/env.js';`,
    `import { ${ordinary ? 'createUser, DEFAULT_ROLE, ' : ''}setup, type TestContext } from './helpers.js';`,
    ``,
    `const ADMIN_ROLE = ${str(role)};`,
    `const ADMIN = { ADMIN_EMAIL: 'Owner@Test.example', ADMIN_PASSWORD: 'a long admin passphrase 7' };`,
    ``,
    SUITE_SETUP,
    `// Every test starts with no admin (the helpers' default test user is one).`,
    `beforeEach(async () => {`,
    `  await t.database.db.delete(${users}).where(eq(${users}.role, ADMIN_ROLE));`,
    `});`,
    ``,
    `const admins = () => t.database.db.select().from(${users}).where(eq(${users}.role, ADMIN_ROLE));`,
    ``,
    `describe('the first admin (ADMIN_EMAIL / ADMIN_PASSWORD)', () => {`,
    `  it('is created once at start and can sign in; the next start adds nobody', async () => {`,
    `    const env = loadEnv({ NODE_ENV: 'test', ...ADMIN });`,
    `    expect(await ensureAdmin(t.database.db, env)).toBe('created');`,
    `    expect(await ensureAdmin(t.database.db, env)).toBe('exists');`,
    `    expect((await admins()).map((admin) => admin.email)).toEqual(['owner@test.example']);`,
    `    const login = await t.call('POST', '/api/auth/login', { body: { email: 'owner@test.example', password: ADMIN.ADMIN_PASSWORD } });`,
    `    expect(login.status).toBe(200);`,
    `    expect(login.body.user.role).toBe(ADMIN_ROLE);`,
    `  });`,
    ``,
    ADMIN_CONFIGURATION_TESTS,
    ordinary
      ? lines(
          ``,
          `  it('never promotes an ordinary account that has the address', async () => {`,
          `    const member = await createUser(t, DEFAULT_ROLE);`,
          `    await expect(ensureAdmin(t.database.db, { ...ADMIN, ADMIN_EMAIL: member.email })).rejects.toThrow(/not promoted/);`,
          `    expect(await admins()).toEqual([]);`,
          `  });`,
        )
      : null,
    `});`,
  );
}
