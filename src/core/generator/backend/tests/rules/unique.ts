// Rule test for unique: a second row with the same values is refused.
import type { Rule } from '../../../../../model/project/projectSpec';
import { foreignKeyProperty } from '../../../contract';
import type { EntityModel } from '../../model';
import { lines } from '../../util';
import { singleQuotedText } from '../../../emit';
import type { RuleTest } from './ruleTest';

export function uniqueTest(rule: Extract<Rule, { kind: 'unique' }>, entity: EntityModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const props = rule.fields.map((f) => (entity.columns.some((c) => c.prop === f) ? f : foreignKeyProperty(f)));
  return {
    imports: [create, `${camel}Body`],
    code: lines(
      `  it('refuses a second ${singleQuotedText(entity.entity.label.toLowerCase())} with the same ${rule.fields.join(' + ')} (unique)', async () => {`,
      `    const first = await ${create}(t);`,
      `    const body = await ${camel}Body(t, { ${props.map((p) => `${p}: first.${p}`).join(', ')} });`,
      `    const reply = await t.call('POST', '/api/${route}', { body, token: t.token });`,
      `    expect(reply.status).toBe(409);`,
      `    expect(reply.body.error.code).toBe('conflict');`,
      `  });`,
    ),
  };
}
