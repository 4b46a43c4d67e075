// Rule tests on who may do what: roleRequired (only some roles). Ownership is tried in ../accessFile.ts.
import type { Rule } from '../../../../../model/project/projectSpec';
import type { BackendModel, EntityModel } from '../../model';
import { lines, str } from '../../util';
import { singleQuotedText } from '../../../emit';
import type { RuleTest } from './ruleTest';

export function roleRequiredTest(rule: Extract<Rule, { kind: 'roleRequired' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const auth = model.auth;
  if (!auth) return undefined;
  const denied = auth.roles.find((r) => r !== auth.adminRole && !rule.roles.includes(r));
  if (!denied) return undefined;
  const tests: string[] = [`    const outsider = await createUser(t, ${str(denied)});`];
  if (rule.actions.includes('create')) {
    tests.push(
      `    const refused = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t), token: outsider.token });`,
      `    expect(refused.status).toBe(403);`,
      `    expect(refused.body.error.code).toBe('forbidden');`,
    );
  }
  if (rule.actions.includes('read')) tests.push(`    expect((await t.call('GET', '/api/${route}', { token: outsider.token })).status).toBe(403);`);
  if (rule.actions.includes('update') || rule.actions.includes('delete')) tests.push(`    const row = await ${create}(t);`);
  if (rule.actions.includes('update')) tests.push(`    expect((await t.call('PATCH', \`/api/${route}/\${row.id}\`, { body: {}, token: outsider.token })).status).toBe(403);`);
  if (rule.actions.includes('delete')) tests.push(`    expect((await t.call('DELETE', \`/api/${route}/\${row.id}\`, { token: outsider.token })).status).toBe(403);`);
  return {
    imports: ['createUser', create, `${camel}Body`],
    code: lines(`  it('lets only ${rule.roles.join('/')} ${rule.actions.join('/')} ${singleQuotedText(entity.entity.pluralLabel.toLowerCase())} (roleRequired)', async () => {`, ...tests, `  });`),
  };
}
