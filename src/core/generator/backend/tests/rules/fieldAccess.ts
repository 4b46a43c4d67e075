// Rule test of a role rule on some fields ("only managers can change prices"): a user without the
// role is refused a new value for the field (403) but may send the stored value back, and a user
// with the role changes it. Tried on update, where the extractor's rules of this shape live.
import { type FieldRoleRule } from '../../../../../model/project/roleRules';
import { ownerExemptRoles } from '../../../ownership';
import type { BackendModel, EntityModel } from '../../model';
import { fieldRuleWhat } from '../../fieldRoles';
import { ownershipFor, roleMay } from '../../routes';
import { otherValue } from '../updateTest';
import { lines, str } from '../../util';
import { singleQuotedText } from '../../../emit';
import type { RuleTest } from './ruleTest';

export function fieldRoleTest(rule: FieldRoleRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const tests = [updateTest(rule, entity, model), createTest(rule, entity, model)].filter((t): t is RuleTest => !!t);
  if (!tests.length) return undefined;
  return { imports: [...new Set(tests.flatMap((t) => t.imports))], code: tests.map((t) => t.code).join('\n\n') };
}

/** Creating: an outsider who may create is refused a value other than the field's default, and may leave it out. */
function createTest(rule: FieldRoleRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const auth = model.auth;
  if (!auth || !rule.actions.includes('create')) return undefined;
  const { camel, route } = entity.names;
  const outsider = auth.roles.find((r) => r !== auth.adminRole && !rule.roles.includes(r) && roleMay(entity, r, 'create'));
  const column = entity.columns.find((c) => c.field?.name === rule.fields[0]);
  if (!outsider || !column || column.notNull) return undefined;
  const fallback = column.default ?? (column.type === 'boolean' ? false : null);
  const value = otherValue(column, 'unset');
  if (!value) return undefined;
  const tsType = column.type === 'integer' ? 'number' : column.type === 'boolean' ? 'boolean' : 'string';
  // Other fields of the rule are left out too: each is a value only the roles may give.
  const left = rule.fields.map((f) => entity.columns.find((c) => c.field?.name === f)?.prop).filter(Boolean);
  const refusable = entity.rules.some((r) => (r.kind === 'capacity' || r.kind === 'refuseWhen' || r.kind === 'unique' || r.kind === 'noOverlap') && (r.kind !== 'refuseWhen' || r.actions.includes('create')));
  return {
    imports: ['createUser', `${camel}Body`, ...['next', 'shift', 'day'].filter((name) => new RegExp(`\\b${name}\\(`).test(value))],
    code: lines(
      `  it('lets only ${rule.roles.join('/')} ${singleQuotedText(fieldRuleWhat(rule, entity, 'create'))} (roleRequired on fields)', async () => {`,
      `    const outsider = await createUser(t, ${str(outsider)});`,
      `    const { ${left.map((p) => `${p}: _${p}`).join(', ')}, ...body } = await ${camel}Body(t);`,
      `    // What the row holds when the field is left out; any other value is one only ${rule.roles.join('/')} may give.`,
      `    const unset = ${JSON.stringify(fallback)} as ${tsType} | null;`,
      `    const refused = await t.call('POST', '/api/${route}', { body: { ...body, ${column.prop}: ${value} }, token: outsider.token });`,
      `    expect(refused.status).toBe(403);`,
      `    const created = await t.call('POST', '/api/${route}', { body, token: outsider.token });`,
      refusable ? `    expect([201, 409]).toContain(created.status);` : `    expect(created.status).toBe(201);`,
      `  });`,
    ),
  };
}

/** Changing: an outsider is refused a new value, may send the stored one back; one of the roles changes it. */
function updateTest(rule: FieldRoleRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const auth = model.auth;
  if (!auth || !rule.actions.includes('update')) return undefined;
  const { pascal, route } = entity.names;
  // An outsider whom no rule on every change keeps out, when there is one: then only the field rule can refuse them.
  const outsiders = auth.roles.filter((r) => r !== auth.adminRole && !rule.roles.includes(r));
  const outsiderRole = outsiders.find((r) => roleMay(entity, r, 'update')) ?? outsiders[0];
  const column = entity.columns.find((c) => c.field?.name === rule.fields[0]);
  const value = column && otherValue(column);
  if (!outsiderRole || !column || !value) return undefined;
  const insiderRole = rule.roles.find((r) => r !== auth.adminRole) ?? auth.adminRole;
  // The other rules of the row may stand in the way of a user (ownership, a role rule on every change, a refusal).
  const mayUpdate = (role: string) =>
    roleMay(entity, role, 'update') &&
    (!ownershipFor(entity, 'update') || ownerExemptRoles(model.spec, entity.entity.name, 'update').includes(role));
  // (The factory's rows leave the fields only some roles may set out, so only rules on whole records count.)
  // On an owned record the outsider creates the row, so the owner check lets them through and the field rule alone refuses.
  const ownsRow = ownershipFor(entity, 'update') && roleMay(entity, outsiderRole, 'create') && roleMay(entity, outsiderRole, 'update');
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
