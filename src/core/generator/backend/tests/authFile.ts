// backend/test/auth.test.ts: sign-up, sign-in, "me" and refused requests without a token.
import type { BackendModel } from '../model';
import { lines } from '../util';
import { SUITE_SETUP } from './suiteSetup';

export function authTestFile(model: BackendModel): string {
  const auth = model.auth!;
  const user = model.entity('User');
  const other = model.entities.find((e) => !e.isAuthUser) ?? user;
  return lines(
    `// Sign-up, sign-in, "me", and that the API refuses requests without a valid token.`,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    `import { createUser, DEFAULT_ROLE, PASSWORD, setup, userFields, type TestContext } from './helpers.js';`,
    ``,
    SUITE_SETUP,
    ``,
    `describe('/api/auth', () => {`,
    auth.selfSignup ? openSignupTests() : closedSignupTest(),
    ``,
    signInTest(),
    ``,
    missingTokenTest(other.names.route),
    `});`,
  );
}

/** Self sign-up: a new account gets the default role (whatever role it asks for) and a short password is refused. */
function openSignupTests(): string {
  return lines(
    `  it('registers a new account with the default role', async () => {`,
    `    const body = { ...(await userFields(t)), email: 'New.Person@Example.com', password: PASSWORD };`,
    `    const reply = await t.call('POST', '/api/auth/register', { body });`,
    `    expect(reply.status).toBe(201);`,
    `    expect(reply.body.token).toBeTypeOf('string');`,
    `    expect(reply.body.user).toMatchObject({ email: 'new.person@example.com', role: DEFAULT_ROLE });`,
    `    expect(reply.body.user.passwordHash).toBeUndefined();`,
    `    const again = await t.call('POST', '/api/auth/register', { body: { ...body, role: 'admin' } });`,
    `    expect(again.status).toBe(409);`,
    `    expect(again.body.error.code).toBe('conflict');`,
    `  });`,
    ``,
    `  it('rejects a short password', async () => {`,
    `    const reply = await t.call('POST', '/api/auth/register', { body: { ...(await userFields(t)), email: 'short@example.com', password: 'x' } });`,
    `    expect(reply.status).toBe(400);`,
    `  });`,
  );
}

/** Sign-up closed: only admins create accounts. */
function closedSignupTest(): string {
  return lines(
    `  it('does not allow self sign-up', async () => {`,
    `    const reply = await t.call('POST', '/api/auth/register', { body: { ...(await userFields(t)), email: 'new@example.com', password: PASSWORD } });`,
    `    expect(reply.status).toBe(403);`,
    `  });`,
  );
}

function signInTest(): string {
  return lines(
    `  it('signs in with the right password only', async () => {`,
    `    const user = await createUser(t, DEFAULT_ROLE);`,
    `    const ok = await t.call('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD } });`,
    `    expect(ok.status).toBe(200);`,
    `    expect(ok.body.user.id).toBe(user.id);`,
    `    const me = await t.call('GET', '/api/auth/me', { token: ok.body.token });`,
    `    expect(me.status).toBe(200);`,
    `    expect(me.body.user).toMatchObject({ id: user.id, email: user.email, role: DEFAULT_ROLE });`,
    `    const wrong = await t.call('POST', '/api/auth/login', { body: { email: user.email, password: 'wrong-password' } });`,
    `    expect(wrong.status).toBe(401);`,
    `    expect(wrong.body.error.code).toBe('unauthorized');`,
    `    const unknown = await t.call('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: PASSWORD } });`,
    `    expect(unknown.status).toBe(401);`,
    `  });`,
  );
}

/** Both "me" and an entity's list (at `route`) refuse a missing or forged token. */
function missingTokenTest(route: string): string {
  return lines(
    `  it('answers 401 without a valid token', async () => {`,
    `    for (const token of [undefined, 'not-a-token']) {`,
    `      const me = await t.call('GET', '/api/auth/me', { token });`,
    `      expect(me.status).toBe(401);`,
    `      const list = await t.call('GET', '/api/${route}', { token });`,
    `      expect(list.status).toBe(401);`,
    `      expect(list.body.error.code).toBe('unauthorized');`,
    `    }`,
    `  });`,
  );
}
