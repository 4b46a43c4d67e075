// Tests that a record whose own values close editing (a refuseWhen rule: "shipped orders cannot be
// changed") shows why on its detail and edit pages instead of Edit and Save buttons the API would
// refuse, and that the rule's excepted roles and the admin still get them.
import type { ProjectSpec } from '../../../../model/project/projectSpec';
import { valueWhere } from '../../../../model/project/ruleConditions';
import { withArticle } from '../../../../model/project/naming';
import { recordRoleRules } from '../../../../model/project/roleRules';
import { jsValue, singleQuotedText } from '../../emit';
import { type FrontendEntity, type FrontendModel, type OwnRefusal, str } from '../model';
import { metaName } from '../entities';
import { pageComponents } from '../pages';

/** A value (as code) for which the refusal's condition holds (far dates for past/future), or undefined when none fits the field. */
export function refusedValue(rule: OwnRefusal): string | undefined {
  const value = valueWhere(rule.field, rule.condition, true);
  return value === undefined ? undefined : jsValue(value);
}

/** A role (not the admin, not excepted) that may otherwise edit the entity's records, with auth; '' without. */
function refusedRole(spec: ProjectSpec, entity: FrontendEntity, rule: OwnRefusal): string | undefined {
  if (spec.auth.kind !== 'emailPassword') return '';
  const { roles, adminRole } = spec.auth;
  const limits = recordRoleRules(spec.rules).filter((r) => r.entity === entity.entity.name && r.actions.includes('update'));
  return roles.find((role) => role !== adminRole && !rule.exceptRoles?.includes(role) && limits.every((r) => r.roles.includes(role)));
}

export interface RefusalCase {
  entity: FrontendEntity;
  rule: OwnRefusal;
  value: string;
  /** The role the pages are seen as ('' without sign-in). */
  role: string;
}

/** The first refusal of update that a test can show: a record value that triggers it and a role it holds for. */
export function refusalCase(model: FrontendModel, entities: readonly FrontendEntity[] = model.entities): RefusalCase | undefined {
  for (const entity of entities) {
    if (entity.readOnly || !pageComponents(entity).edit) continue;
    for (const rule of entity.refusals) {
      if (!rule.actions.includes('update')) continue;
      const value = refusedValue(rule);
      const role = refusedRole(model.spec, entity, rule);
      if (value !== undefined && role !== undefined) return { entity, rule, value, role };
    }
  }
  return undefined;
}

/** How the test file renders a page and mocks the API (with sign-in: the token and the signed-in user). */
export interface RefusalHarness {
  render: (url: string, path: string, page: string) => string;
  /** Statements before the API is mocked. */
  setup: string;
  /** The mocked API's extra answers, as lines of the mock's handler. */
  mock: string;
  /** The sample record, as code. */
  record: string;
}

/** The tests' code, for the test file whose harness is given. */
export function refusalTests(c: RefusalCase, { render, setup, mock, record }: RefusalHarness): string {
  const { entity, rule, value } = c;
  const pages = pageComponents(entity);
  const label = singleQuotedText(entity.entity.label.toLowerCase());
  const aLabel = withArticle(label);
  const field = rule.field.name;
  const answer = `      if (call.url === ${str(`${entity.apiPath}/1`)}) return { body: { ...${record}, ${field}: ${value} } };`;
  const who = c.role ? ` to ${c.role} users` : '';
  return `
  it('says why ${aLabel} in this state cannot be changed${who}, instead of offering Edit', async () => {
${setup}    mockFetch((call) => {
${mock}${answer}
      return undefined;
    });
    ${render(`${entity.route}/1`, `${entity.route}/:id`, `<${pages.detail} />`)}
    expect(await screen.findByText(${str(rule.message)})).toBeTruthy();
    expect(screen.queryByRole('link', { name: 'Edit' })).toBeNull();
  });

  it('shows why instead of the edit form of ${aLabel} in this state${who}', async () => {
${setup}    mockFetch((call) => {
${mock}${answer}
      return undefined;
    });
    ${render(`${entity.route}/1/edit`, `${entity.route}/:id/edit`, `<${pages.edit} />`)}
    expect(await screen.findByText(${str(rule.message)})).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
  });
${
  rule.exceptRoles?.length
    ? `
  it('lets ${rule.exceptRoles.join(' and ')} users and the admin change ${aLabel} in this state', () => {
    const record = { ...${record}, ${field}: ${value} };
${rule.exceptRoles.map((role) => `    expect(refusalFor(${metaName(entity)}, 'update', record, ${str(role)})).toBeUndefined();`).join('\n')}
    expect(refusalFor(${metaName(entity)}, 'update', record, 'someone', true)).toBeUndefined();
    expect(refusalFor(${metaName(entity)}, 'update', record, ${str(c.role)})?.message).toBe(${str(rule.message)});
  });
`
    : ''
}`;
}

/** The imports refusalTests' code needs besides the test file's own. */
export function refusalImports(c: RefusalCase): string[] {
  const pages = pageComponents(c.entity);
  const imports = [`import { ${pages.detail}, ${pages.edit} } from '../pages/${c.entity.names.route}';`];
  if (c.rule.exceptRoles?.length) {
    imports.push(`import { ${metaName(c.entity)} } from '../entities/${c.entity.names.route}';`, `import { refusalFor } from '../forms/refusals';`);
  }
  return imports;
}
