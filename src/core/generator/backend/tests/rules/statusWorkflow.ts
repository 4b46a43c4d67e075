// Rule test for statusWorkflow: allowed moves pass, others (and skipping the initial state) are refused.
import type { Rule } from '../../../../../model/project/projectSpec';
import type { EntityModel } from '../../model';
import { conditionHolds } from '../../../../../model/project/ruleConditions';
import { lines, str } from '../../util';
import type { RuleTest } from './ruleTest';

export function statusWorkflowTest(rule: Extract<Rule, { kind: 'statusWorkflow' }>, entity: EntityModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const values = entity.columns.find((c) => c.prop === rule.field)?.enumValues ?? [];
  const allowed = (from: string) => rule.transitions.filter((t) => t.from === from).map((t) => t.to);
  const disallowedFrom = (from: string) => values.find((v) => v !== from && !allowed(from).includes(v));
  const steps: string[] = [];
  // A state an update refusal locks (e.g. "a closed ticket cannot be edited") is not moved into.
  const locks = (state: string) =>
    entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes('update') && !r.condition.relation && r.condition.field === rule.field && conditionHolds('enum', state, r.condition));
  let state = rule.initial;
  let bad = disallowedFrom(state);
  const open = allowed(state).filter((to) => !locks(to));
  if (!bad && open.length) {
    const to = open[0];
    steps.push(
      `    const moved = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.field}: ${str(to)} }, token: t.token });`,
      `    expect(moved.status).toBe(200);`,
    );
    state = to;
    bad = disallowedFrom(state);
  }
  if (bad) {
    steps.push(
      `    const refused = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.field}: ${str(bad)} }, token: t.token });`,
      `    expect(refused.status).toBe(422);`,
      `    expect(refused.body.error.code).toBe('rule_violated');`,
    );
  }
  const notInitial = values.find((v) => v !== rule.initial);
  return {
    imports: [create, `${camel}Body`],
    code: lines(
      `  it('only allows the ${rule.field} changes of the workflow (statusWorkflow)', async () => {`,
      `    const created = await ${create}(t);`,
      `    expect(created.${rule.field}).toBe(${str(rule.initial)});`,
      ...steps,
      notInitial
        ? lines(
            `    const skipped = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${rule.field}: ${str(notInitial)} }), token: t.token });`,
            `    expect(skipped.status).toBe(422);`,
          )
        : null,
      `  });`,
    ),
  };
}
