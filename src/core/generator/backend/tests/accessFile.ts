// backend/test/access.test.ts: whose rows a member may change (ownership, by rule or by default)
// and whose email a member may see (only their own; admins see all).
import { withArticle } from '../../../../model/project/naming';
import type { BackendModel, EntityModel } from '../model';
import { privateColumns } from '../model';
import { ownerExemptRoles, ownershipByDefault, type RowAction } from '../../ownership';
import { recordRoleRules } from '../../../../model/project/roleRules';
import { lines, str } from '../util';
import { singleQuotedText } from '../../emit';
import { SUITE_SETUP } from './suiteSetup';

type Auth = NonNullable<BackendModel['auth']>;

/**
 * A role that is not the admin, that no role rule on whole records of `entity` keeps from `action`
 * and, when `plainOwner`, that manages no rows it does not own (a manager would pass as Bob).
 * (Rules on some fields do not count: the factory's rows leave those fields out.)
 */
function memberRole(auth: Auth, entity: EntityModel, action: 'create' | 'read', model?: BackendModel): string | undefined {
  const allowed = (role: string) => recordRoleRules(entity.rules).every((r) => !r.actions.includes(action) || r.roles.includes(role));
  const manages = (role: string) => !!model && entity.ownerActions.some((a) => ownerExemptRoles(model.spec, entity.entity.name, a).includes(role));
  return auth.roles.find((role) => role !== auth.adminRole && allowed(role) && !manages(role));
}

/** The reply of an allowed request: exactly `ok`, or a rule's 409 when a refuseWhen rule may still refuse it. */
function allowed(entity: EntityModel, action: RowAction, call: string, ok: number): string {
  const refusable = entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes(action as 'update' | 'delete'));
  return refusable ? `    expect([${ok}, 409]).toContain((await ${call}).status);` : `    expect((await ${call}).status).toBe(${ok});`;
}

/** Alice owns a row; Bob (same role) is refused each owner-only action; Alice and the admin are not. */
function ownershipTest(entity: EntityModel, model: BackendModel, auth: Auth): { code: string; imports: string[] } | undefined {
  const member = memberRole(auth, entity, 'create', model);
  if (!member || entity.isAuthUser) return undefined;
  const { pascal, route } = entity.names;
  const actions = entity.ownerActions;
  const admin = auth.adminRole;
  const item = (row: string) => `\`/api/${route}/\${${row}.id}\``;
  const call = (method: string, row: string, who: string, body = false) => `t.call('${method}', ${item(row)}, { ${body ? 'body: {}, ' : ''}token: ${who}.token })`;
  const body: (string | null)[] = [
    `    const alice = await createUser(t, ${str(member)});`,
    `    const bob = await createUser(t, ${str(member)});`,
    admin ? `    const admin = await createUser(t, ${str(admin)});` : null,
    `    const row = await create${pascal}(t, {}, alice.token);`,
  ];
  if (actions.includes('read')) {
    body.push(
      `    expect((await ${call('GET', 'row', 'bob')}).status).toBe(403);`,
      `    const listed = await t.call('GET', '/api/${route}?pageSize=100', { token: bob.token });`,
      `    expect(listed.body.items.map((item: { id: number }) => item.id)).not.toContain(row.id);`,
      `    expect((await ${call('GET', 'row', 'alice')}).status).toBe(200);`,
      admin ? `    expect((await ${call('GET', 'row', 'admin')}).status).toBe(200);` : null,
    );
  }
  if (actions.includes('update')) {
    body.push(
      `    const denied = await ${call('PATCH', 'row', 'bob', true)};`,
      `    expect(denied.status).toBe(403);`,
      `    expect(denied.body.error.code).toBe('forbidden');`,
      allowed(entity, 'update', call('PATCH', 'row', 'alice', true), 200),
      admin ? allowed(entity, 'update', call('PATCH', 'row', 'admin', true), 200) : null,
    );
  }
  if (actions.includes('delete')) {
    body.push(
      `    expect((await ${call('DELETE', 'row', 'bob')}).status).toBe(403);`,
      admin ? `    const bobs = await create${pascal}(t, {}, bob.token);\n${allowed(entity, 'delete', call('DELETE', 'bobs', 'admin'), 204)}` : null,
      allowed(entity, 'delete', call('DELETE', 'row', 'alice'), 204),
    );
  }
  const who = admin ? 'its owner or an admin' : 'its owner';
  const how = ownershipByDefault(model.spec, entity.entity.name) ? 'ownership by default' : 'ownership rule';
  return {
    imports: ['createUser', `create${pascal}`],
    code: lines(`  it('lets only ${who} ${actions.join('/')} ${withArticle(singleQuotedText(entity.entity.label.toLowerCase()))} (${how})', async () => {`, ...body, `  });`),
  };
}

/** A member sees their own email and no one else's (nor finds users by it); the admin sees and finds all. */
function privacyTest(model: BackendModel, auth: Auth): { code: string; imports: string[] } | undefined {
  const user = model.entity('User');
  const hidden = privateColumns(user).map((c) => c.prop);
  const member = memberRole(auth, user, 'read');
  if (!member || !hidden.includes('email')) return undefined;
  const { route } = user.names;
  const get = (who: string, query: string) => `await t.call('GET', \`/api/${route}${query}\`, { token: ${who}.token })`;
  const admin = auth.adminRole;
  return {
    imports: ['createUser'],
    code: lines(
      `  it("shows a user's email only to themselves${admin ? ' and admins' : ''}", async () => {`,
      `    const alice = await createUser(t, ${str(member)});`,
      `    const bob = await createUser(t, ${str(member)});`,
      `    expect((${get('alice', '/${alice.id}')}).body.email).toBe(alice.email);`,
      `    const seen = ${get('bob', '/${alice.id}')};`,
      `    expect(seen.status).toBe(200);`,
      `    expect(seen.body.id).toBe(alice.id);`,
      `    expect(seen.body).not.toHaveProperty('email');`,
      `    const listed = (${get('bob', '?pageSize=100')}).body.items;`,
      `    expect(listed.find((u: { id: number }) => u.id === alice.id)).not.toHaveProperty('email');`,
      `    expect(listed.filter((u: { id: number; email?: string }) => u.id !== bob.id && u.email !== undefined)).toEqual([]);`,
      `    expect(listed.find((u: { id: number }) => u.id === bob.id).email).toBe(bob.email);`,
      `    const searched = ${get('bob', '?q=${encodeURIComponent(alice.email)}')};`,
      `    expect(searched.body.items.map((u: { id: number }) => u.id)).not.toContain(alice.id);`,
      admin
        ? lines(
            `    const admin = await createUser(t, ${str(admin)});`,
            `    expect((${get('admin', '/${alice.id}')}).body.email).toBe(alice.email);`,
            `    const all = (${get('admin', '?pageSize=100')}).body.items;`,
            `    expect(all.length).toBeGreaterThanOrEqual(3);`,
            `    expect(all.every((u: { email?: unknown }) => typeof u.email === 'string')).toBe(true);`,
            `    const found = ${get('admin', '?q=${encodeURIComponent(alice.email)}')};`,
            `    expect(found.body.items.map((u: { id: number }) => u.id)).toContain(alice.id);`,
          )
        : null,
      `  });`,
    ),
  };
}

/** The access test file, or undefined when the app has no sign-in or nothing to test. */
export function accessTestFile(model: BackendModel): string | undefined {
  const auth = model.auth;
  if (!auth) return undefined;
  const tests = [privacyTest(model, auth), ...model.entities.filter((e) => e.ownerActions.length).map((e) => ownershipTest(e, model, auth))].filter(
    (test): test is NonNullable<typeof test> => test !== undefined,
  );
  if (!tests.length) return undefined;
  const imports = [...new Set(['setup', 'type TestContext', ...tests.flatMap((test) => test.imports)])].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
  return lines(
    `// Who may see and change what: a user's email is theirs${auth.adminRole ? ` (and the admins')` : ''}, and a row's owner`,
    `// ${auth.adminRole ? '(or an admin) ' : ''}is the only one who may change it. Alice and Bob are two members.`,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    `import { ${imports.join(', ')} } from './helpers.js';`,
    ``,
    SUITE_SETUP,
    ``,
    `describe('access', () => {`,
    tests.map((test) => test.code).join('\n\n'),
    `});`,
  );
}
