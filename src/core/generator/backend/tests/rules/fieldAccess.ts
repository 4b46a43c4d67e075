// Rule test of a role rule on some fields ("only managers can change prices"): a user without the
// role is refused a new value for the field (403) but may send the stored value back, and a user
// with the role changes it. Tried on update, where the extractor's rules of this shape live.
import { fieldRoleRules, type FieldRoleRule } from '../../../../../model/project/roleRules';
import { ownerExemptRoles } from '../../../ownership';
import type { BackendModel, EntityModel } from '../../model';
import { fieldRuleWhat } from '../../fieldRoles';
import { ownershipFor, rolesFor } from '../../routes';
import { otherValue } from '../updateTest';
import { lines, str } from '../../util';
import { singleQuotedText } from '../../../emit';
import type { RuleTest } from './ruleTest';

export function fieldRoleTest(rule: FieldRoleRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const auth = model.auth;
  if (!auth || !rule.actions.includes('update')) return undefined;
  const { pascal, route } = entity.names;
  // An outsider whom no rule on every change keeps out, when there is one: then only the field rule can refuse them.
  const outsiders = auth.roles.filter((r) => r !== auth.adminRole && !rule.roles.includes(r));
  const outsiderRole = outsiders.find((r) => rolesFor(entity, 'update').every((roles) => roles.includes(r))) ?? outsiders[0];
  const column = entity.columns.find((c) => c.field?.name === rule.fields[0]);
  const value = column && otherValue(column);
  if (!outsiderRole || !column || !value) return undefined;
  const insiderRole = rule.roles.find((r) => r !== auth.adminRole) ?? auth.adminRole;
  // The other rules of the row may stand in the way of a user (ownership, a role rule on every change, a refusal).
  const mayUpdate = (role: string) =>
    rolesFor(entity, 'update').every((roles) => roles.includes(role)) &&
    (!ownershipFor(entity, 'update') || ownerExemptRoles(model.spec, entity.entity.name, 'update').includes(role));
  const mayCreate = (role: string) => rolesFor(entity, 'create').every((roles) => roles.includes(role)) && fieldRoleRules(entity.rules).every((r) => !r.actions.includes('create') || r.roles.includes(role));
  // On an owned record the outsider creates the row, so the owner check lets them through and the field rule alone refuses.
  const ownsRow = ownershipFor(entity, 'update') && mayCreate(outsiderRole) && rolesFor(entity, 'update').every((roles) => roles.includes(outsiderRole));
  const refusable = entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes('update'));
  const expectOk = (reply: string) => (refusable ? `    expect([200, 409]).toContain(${reply}.status);` : `    expect(${reply}.status).toBe(200);`);
  const patch = (body: string, who: string) => `await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: ${body}, token: ${who}.token })`;
  const imports = ['createUser', `create${pascal}`, ...['next', 'shift', 'day'].filter((name) => new RegExp(`\\b${name}\\(`).test(value))];
  const code = lines(
    `  it('lets only ${rule.roles.join('/')} ${singleQuotedText(fieldRuleWhat(rule, entity, 'update'))} (roleRequired on fields)', async () => {`,
    `    const outsider = await createUser(t, ${str(outsiderRole)});`,
    `    const created = await create${pascal}(t${ownsRow ? ', {}, outsider.token' : ''});`,
    `    const refused = ${patch(`{ ${column.prop}: ${value} }`, 'outsider')};`,
    `    expect(refused.status).toBe(403);`,
    `    expect(refused.body.error.code).toBe('forbidden');`,
    // Sending the stored value back is no change, so an edit form sent unchanged still saves.
    mayUpdate(outsiderRole) || ownsRow ? `    const resent = ${patch(`{ ${column.prop}: created.${column.prop} }`, 'outsider')};\n${expectOk('resent')}` : null,
    insiderRole && mayUpdate(insiderRole) ? `    const insider = await createUser(t, ${str(insiderRole)});\n    const changed = ${patch(`{ ${column.prop}: ${value} }`, 'insider')};\n${expectOk('changed')}` : null,
    `  });`,
  );
  return { imports, code };
}
