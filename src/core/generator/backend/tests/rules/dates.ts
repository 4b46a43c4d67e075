// Rule tests on dates: dateOrder (later after earlier) and noOverlap (no two rows at once per scope).
import { withArticle } from '../../../../../model/project/naming';
import type { Rule } from '../../../../../model/project/projectSpec';
import { foreignKeyProperty } from '../../../contract';
import type { BackendModel, EntityModel } from '../../model';
import { lines, str } from '../../util';
import { singleQuotedText } from '../../../emit';
import type { RuleTest } from './ruleTest';

/** A date (type date) or date-time `days` after RULE_DAY (09:00 UTC), as a test expression. */
function atDay(type: string | undefined, days: number): string {
  return type === 'date' ? `shift(RULE_DAY, ${days}, 'date')` : `shift(\`\${RULE_DAY}T09:00:00.000Z\`, ${days * 24 * 60}, 'datetime')`;
}

export function dateOrderTest(rule: Extract<Rule, { kind: 'dateOrder' }>, entity: EntityModel): RuleTest {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const earlierType = entity.columns.find((c) => c.prop === rule.earlier)?.type;
  const laterType = entity.columns.find((c) => c.prop === rule.later)?.type;
  const times = (earlier: number, later: number) => `${rule.earlier}: ${atDay(earlierType, earlier)}, ${rule.later}: ${atDay(laterType, later)}`;
  const label = singleQuotedText(entity.entity.label.toLowerCase());
  return {
    imports: [create, `${camel}Body`, 'shift', 'RULE_DAY'],
    code: lines(
      `  it('refuses ${withArticle(label)} whose ${rule.later} is not ${rule.allowEqual ? 'on or ' : ''}after its ${rule.earlier}, on create and on update (dateOrder)', async () => {`,
      `    const backwards = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${times(5, 2)} }), token: t.token });`,
      `    expect(backwards.status).toBe(422);`,
      `    expect(backwards.body.error.code).toBe('rule_violated');`,
      `    expect(backwards.body.error.message).toContain(${str(rule.earlier)});`,
      `    expect(backwards.body.error.message).toContain(${str(rule.later)});`,
      earlierType === laterType
        ? lines(
            `    const same = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${times(5, 5)} }), token: t.token });`,
            `    expect(same.status).toBe(${rule.allowEqual ? 201 : 422});`,
          )
        : null,
      // (From a day after RULE_DAY: a noOverlap test of the same record keeps its rows on RULE_DAY, for the same signed-in owner.)
      `    const created = await ${create}(t, { ${times(1, 3)} });`,
      `    // A partial change is checked against the stored row: moving only ${rule.earlier} past ${rule.later} is refused.`,
      `    const moved = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.earlier}: ${atDay(earlierType, 10)} }, token: t.token });`,
      `    expect(moved.status).toBe(422);`,
      `    expect((await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.later}: ${atDay(laterType, 20)} }, token: t.token })).status).toBe(200);`,
      `    expect((await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.earlier}: ${atDay(earlierType, 10)} }, token: t.token })).status).toBe(200);`,
      `  });`,
    ),
  };
}

/** A date or date-time `offset` minutes (days for a date) after RULE_DAY (09:00 UTC), as a test expression. */
function at(type: string | undefined, offset: number): string {
  const base = type === 'date' ? 'RULE_DAY' : '`${RULE_DAY}T09:00:00.000Z`';
  return `shift(${base}, ${offset}, ${str(type ?? 'datetime')})`;
}

export function noOverlapTest(rule: Extract<Rule, { kind: 'noOverlap' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const relation = entity.parents.find((r) => r.name === rule.scope)!;
  const parent = model.entity(relation.to);
  const fk = foreignKeyProperty(relation.name);
  const startType = entity.columns.find((c) => c.prop === rule.start)?.type;
  const endType = rule.end ? entity.columns.find((c) => c.prop === rule.end)?.type : undefined;
  const times = (from: number, to: number) =>
    rule.end ? `${rule.start}: ${at(startType, from)}, ${rule.end}: ${at(endType, to)}` : `${rule.start}: ${at(startType, from)}, ${rule.durationMinutesField}: ${to - from}`;
  const makeParent = parent.isAuthUser ? 'createUser(t, DEFAULT_ROLE)' : `create${parent.names.pascal}(t)`;
  return {
    imports: [parent.isAuthUser ? 'createUser' : `create${parent.names.pascal}`, ...(parent.isAuthUser ? ['DEFAULT_ROLE'] : []), create, `${camel}Body`, 'shift', 'RULE_DAY'],
    code: lines(
      `  it('refuses overlapping ${singleQuotedText(entity.entity.pluralLabel.toLowerCase())} for the same ${rule.scope} (noOverlap)', async () => {`,
      `    const scope = await ${makeParent};`,
      `    await ${create}(t, { ${fk}: scope.id, ${times(0, 60)} });`,
      `    const overlapping = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: scope.id, ${times(30, 90)} }), token: t.token });`,
      `    expect(overlapping.status).toBe(409);`,
      `    expect(overlapping.body.error.code).toBe('rule_violated');`,
      `    const later = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: scope.id, ${times(120, 180)} }), token: t.token });`,
      `    expect(later.status).toBe(201);`,
      `  });`,
    ),
  };
}
