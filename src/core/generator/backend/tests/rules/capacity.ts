// Rule tests for capacity: a parent's capacity field, or a fixed limit per period.
import { withArticle } from '../../../../../model/project/naming';
import type { Rule } from '../../../../../model/project/projectSpec';
import { foreignKeyProperty } from '../../../contract';
import type { BackendModel, EntityModel } from '../../model';
import { lines, str } from '../../util';
import { singleQuotedText } from '../../../emit';
import { runtimeSample } from '../rowValues';
import type { RuleTest } from './ruleTest';
import { parentMaker } from './ruleTest';

export function capacityTest(rule: Extract<Rule, { kind: 'capacity' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  if (rule.limit !== undefined || rule.period) return capacityPeriodTest(rule, entity, model);
  const relation = entity.parents.find((r) => r.name === rule.relation)!;
  const parent = model.entity(relation.to);
  if (parent.isAuthUser) return undefined;
  const fk = foreignKeyProperty(relation.name);
  const capacityColumn = parent.columns.find((c) => c.prop === rule.capacityField);
  const limit = Math.max(1, capacityColumn?.min ?? 1);
  const activeColumn = rule.activeWhenNull ? entity.columns.find((c) => c.prop === rule.activeWhenNull) : undefined;
  return {
    imports: [`create${parent.names.pascal}`, create, `${camel}Body`, 'next', 'day', 'shift'],
    code: lines(
      `  it('refuses ${withArticle(singleQuotedText(entity.entity.label.toLowerCase()))} beyond the ${singleQuotedText(parent.entity.label.toLowerCase())}\\'s ${rule.capacityField} (capacity)', async () => {`,
      `    const parent = await create${parent.names.pascal}(t, { ${rule.capacityField}: ${limit} });`,
      `    const taken = [];`,
      `    for (let i = 0; i < ${limit}; i++) taken.push(await ${create}(t, { ${fk}: parent.id }));`,
      `    const full = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: parent.id }), token: t.token });`,
      `    expect(full.status).toBe(409);`,
      `    expect(full.body.error.code).toBe('rule_violated');`,
      activeColumn
        ? lines(
            `    // Once one is no longer active (${rule.activeWhenNull} set), there is room again.`,
            `    const n = next();`,
            `    const freed = await t.call('PATCH', \`/api/${route}/\${taken[0].id}\`, { body: { ${activeColumn.prop}: ${runtimeSample(activeColumn, entity, model)} }, token: t.token });`,
            `    expect(freed.status).toBe(200);`,
            `    const again = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: parent.id }), token: t.token });`,
            `    expect(again.status).toBe(201);`,
          )
        : null,
      `  });`,
    ),
  };
}

type CapacityRule = Extract<Rule, { kind: 'capacity' }>;
type Period = NonNullable<CapacityRule['period']>;

/**
 * A capacity with a fixed limit and/or a period: fill one period (of one parent) up to the limit,
 * see the next row refused, the next period (or another parent) accepted, and an update that moves
 * a row into the full period refused too. The rows sit a century ahead, far from every other row.
 */
function capacityPeriodTest(rule: CapacityRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const relation = rule.relation ? entity.parents.find((r) => r.name === rule.relation) : undefined;
  const parent = relation ? model.entity(relation.to) : undefined;
  const imports = [`create${entity.names.pascal}`, `${entity.names.camel}Body`, 'day', 'shift'];
  const viaOwner = Boolean(relation && relation === entity.owner);
  const limited = limitAndParent(rule, parent, parentMaker(parent, viaOwner, imports));
  if (!limited) return undefined;
  if (limited.limit > 50) return undefined; // filling hundreds of rows would only make the suite slow
  const period = rule.period;
  if (period && !entity.columns.some((c) => c.prop === period.field)) return undefined;
  const scopeFk = relation && !viaOwner ? foreignKeyProperty(relation.name) : undefined;
  const requests = periodRequests(entity, scopeFk, viaOwner, period);
  return { imports, code: periodTestCode(rule, entity, { parent, ...limited, requests }) };
}

/**
 * The limit and how the test makes a parent: a fixed limit keeps the plain parent maker; without one the
 * parent is made with its capacity field set to the smallest allowed value (none when there is no such parent).
 */
function limitAndParent(rule: CapacityRule, parent: EntityModel | undefined, makeParent: string): { limit: number; makeParent: string } | undefined {
  if (rule.limit !== undefined) return { limit: rule.limit, makeParent };
  if (!parent || parent.isAuthUser) return undefined;
  const limit = Math.max(1, parent.columns.find((c) => c.prop === rule.capacityField)?.min ?? 1);
  return { limit, makeParent: `create${parent.names.pascal}(t, { ${rule.capacityField}: ${limit} })` };
}

/** How the generated test makes rows and requests for one scope (parent or user) at a day offset. */
interface PeriodRequests {
  /** The period field (and the fields that follow it) `offsetDays` after the base day; '' without a period. */
  timed(offsetDays: number): string;
  tokenFor(who: string): string;
  /** A row made through the test helper. */
  row(who: string, offsetDays: number): string;
  /** A create request through the API. */
  post(who: string, offsetDays: number): string;
}

function periodRequests(entity: EntityModel, scopeFk: string | undefined, viaOwner: boolean, period: Period | undefined): PeriodRequests {
  const { pascal, route, camel } = entity.names;
  const timed = (offsetDays: number) => (period ? periodFields(entity, period, offsetDays) : '');
  const scopeOf = (who: string) => (scopeFk ? `${scopeFk}: ${who}.id` : '');
  const fields = (who: string, offsetDays: number) => [scopeOf(who), timed(offsetDays)].filter(Boolean).join(', ');
  const tokenFor = (who: string) => (viaOwner ? `${who}.token` : 't.token');
  return {
    timed,
    tokenFor,
    row: (who, offsetDays) => `create${pascal}(t, { ${fields(who, offsetDays)} }${viaOwner ? `, ${who}.token` : ''})`,
    post: (who, offsetDays) => `t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fields(who, offsetDays)} }), token: ${tokenFor(who)} })`,
  };
}

/** The period field set `offsetDays` after the base day, with the fields that must follow it (dateOrder, noOverlap ends). */
function periodFields(entity: EntityModel, period: Period, offsetDays: number): string {
  const timeOf = (prop: string) => entity.columns.find((c) => c.prop === prop)?.type;
  const at = (prop: string, days: number, minutes = 0) =>
    timeOf(prop) === 'date' ? `shift(base, ${days}, 'date')` : `shift(\`\${base}T10:00:00.000Z\`, ${days * 1440 + minutes}, 'datetime')`;
  const parts = [`${period.field}: ${at(period.field, offsetDays)}`];
  for (const r of entity.rules) {
    const dateStep = (prop: string) => (timeOf(prop) === 'date' ? 1 : 0);
    if (r.kind === 'dateOrder' && r.earlier === period.field) parts.push(`${r.later}: ${at(r.later, offsetDays + dateStep(r.later), 60)}`);
    if (r.kind === 'dateOrder' && r.later === period.field) parts.push(`${r.earlier}: ${at(r.earlier, offsetDays - dateStep(r.earlier), -60)}`);
    if (r.kind === 'noOverlap' && r.start === period.field && r.end) parts.push(`${r.end}: ${at(r.end, offsetDays, 60)}`);
  }
  return parts.join(', ');
}

interface PeriodPlan {
  parent: EntityModel | undefined;
  limit: number;
  makeParent: string;
  requests: PeriodRequests;
}

function periodTestCode(rule: CapacityRule, entity: EntityModel, { parent, limit, makeParent, requests }: PeriodPlan): string {
  const { row, post, timed, tokenFor } = requests;
  const period = rule.period;
  const days = period ? { day: 1, week: 7, month: 31 }[period.unit] : 0;
  const scope = parent ? 'scope' : 't';
  const label = entity.entity.label.toLowerCase();
  const what = [`${limit}`, parent ? `per ${rule.relation}` : '', period ? `per ${period.unit} of ${period.field}` : ''].filter(Boolean).join(' ');
  return lines(
    `  it(${str(`refuses ${withArticle(label)} beyond ${what}, and allows it ${period ? `the next ${period.unit}` : `for another ${rule.relation}`} (capacity)`)}, async () => {`,
    period ? `    const base = day(36500);` : null,
    parent ? `    const scope = await ${makeParent};` : null,
    `    const taken = [];`,
    `    for (let i = 0; i < ${limit}; i++) taken.push(await ${row(scope, 0)});`,
    `    const full = await ${post(scope, 0)};`,
    `    expect(full.status).toBe(409);`,
    `    expect(full.body.error.code).toBe('rule_violated');`,
    period
      ? lines(
          `    // The next ${period.unit} has room; moving that row back into the full ${period.unit} is refused.`,
          `    const later = await ${post(scope, days)};`,
          `    expect(later.status).toBe(201);`,
          `    const moved = await t.call('PATCH', \`/api/${entity.names.route}/\${later.body.id}\`, { body: { ${timed(0)} }, token: ${tokenFor(scope)} });`,
          `    expect(moved.status).toBe(409);`,
          `    expect(moved.body.error.code).toBe('rule_violated');`,
        )
      : null,
    parent
      ? lines(
          `    const other = await ${makeParent};`,
          `    const elsewhere = await ${post('other', 0)};`,
          `    expect(elsewhere.status).toBe(201);`,
        )
      : null,
    `  });`,
  );
}
