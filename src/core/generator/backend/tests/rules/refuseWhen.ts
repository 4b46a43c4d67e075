// Rule test for refuseWhen: a row (or its parent) put into the refused state, tried both ways.
import { withArticle } from '../../../../../model/project/naming';
import type { Relation, Rule, RuleCondition } from '../../../../../model/project/projectSpec';
import { foreignKeyProperty } from '../../../contract';
import type { BackendModel, Column, EntityModel } from '../../model';
import { sampleValue } from '../../samples';
import { offsetMinutes, valueWhere } from '../../../../../model/project/ruleConditions';
import { lines, str } from '../../util';
import { jsValue, lineComment } from '../../../emit';
import type { RuleTest } from './ruleTest';
import { parentMaker } from './ruleTest';
import { ownershipFor, roleMay, type Action } from '../../routes';
import { ownerExemptRoles } from '../../../ownership';

/** A value as the database layer takes it (date-times as Date objects, numbers of numeric columns as strings). */
function dbLiteral(column: Column, value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (column.type === 'datetime') return `new Date(${str(String(value))})`;
  if (column.type === 'decimal' || column.type === 'money') return str(String(value));
  return jsValue(value);
}

interface MarginValue {
  /** As the database layer takes it (a Date for date-times). */
  db: string;
  /** As the API takes it (an ISO string). */
  api: string;
}

/**
 * For a past/future condition with a margin: run-time values of the field just inside the margin
 * (the condition holds) and just outside it, half the margin away from its edge (a day for dates).
 */
function marginValues(column: Column, condition: RuleCondition): { inside: MarginValue; outside: MarginValue } | undefined {
  const minutes = offsetMinutes(condition.offset);
  if (!minutes || (condition.op !== 'past' && condition.op !== 'future')) return undefined;
  const later = condition.op === 'future';
  if (column.type === 'date') {
    const days = Math.trunc(minutes / 1440);
    const date = (d: number) => `new Date(Date.now() + ${d} * 86_400_000).toISOString().slice(0, 10)`;
    // past holds below today + days, future above it.
    const inside = later ? days + 1 : days - 1;
    return { inside: { db: date(inside), api: date(inside) }, outside: { db: date(days), api: date(days) } };
  }
  const half = Math.max(1, Math.round(Math.abs(minutes) / 2));
  const instant = (m: number) => `new Date(Date.now() + ${m} * 60_000)`;
  const inside = later ? minutes + half : minutes - half;
  const outside = later ? minutes - half : minutes + half;
  return { inside: { db: instant(inside), api: `${instant(inside)}.toISOString()` }, outside: { db: instant(outside), api: `${instant(outside)}.toISOString()` } };
}

type RefuseWhenRule = Extract<Rule, { kind: 'refuseWhen' }>;

export function refuseWhenTest(rule: RefuseWhenRule, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const roles = rule.exceptRoles ? testRoles(rule, entity, model) : undefined;
  if (rule.exceptRoles && !roles) return undefined;
  const scene = refuseScene(rule, entity, model, roles);
  if (!scene) return undefined;
  const out: string[] = [];
  if (roles) out.push(`    // The refusal holds for ${lineComment(roles.plain)} users; ${lineComment(roles.excepted ?? 'the excepted roles')} users are excepted.`, `    const plain = await createUser(t, ${str(roles.plain)});`);
  if (rule.actions.includes('create')) out.push(...(scene.parent ? createUnderParentChecks(scene) : createChecks(scene)));
  if (rule.actions.includes('update') || rule.actions.includes('delete')) out.push(...storedRowChecks(scene));
  if (roles?.excepted) out.push(...exceptedChecks(scene, roles.excepted));
  const what = conditionText(rule.condition, scene.relation);
  const except = rule.exceptRoles ? ` except for ${rule.exceptRoles.join('/')}` : '';
  return {
    imports: roles ? [...scene.imports, 'createUser'] : scene.imports,
    tables: [scene.table],
    code: lines(`  it(${str(`refuses to ${rule.actions.join('/')} ${withArticle(entity.entity.label.toLowerCase())} when ${what}${except}, and allows it otherwise (refuseWhen)`)}, async () => {`, ...out, `  });`),
  };
}

/**
 * For a refusal that excepts roles: a role it holds for whose users may otherwise take every action
 * (the test acts as such a user), and an excepted role that may take them on another user's row
 * (tried too, when there is one: an ownership rule keeps rows to their owners).
 */
function testRoles(rule: RefuseWhenRule, entity: EntityModel, model: BackendModel): { plain: string; excepted?: string } | undefined {
  const auth = model.auth;
  if (!auth || !rule.exceptRoles) return undefined;
  // Making the rows counts too: the user that acts makes them.
  const actions = [...new Set<Action>(['create', ...rule.actions, ...(rule.actions.includes('delete') ? (['read'] as const) : [])])];
  const mayAll = (role: string, acts: Action[]) => acts.every((action) => roleMay(entity, role, action));
  const plain = auth.roles.find((role) => role !== auth.adminRole && !rule.exceptRoles!.includes(role) && mayAll(role, actions));
  if (!plain) return undefined;
  const rowActions = rule.actions.filter((a) => a !== 'create');
  const excepted = rule.exceptRoles.find((role) => mayAll(role, rule.actions) && rowActions.every((a) => !ownershipFor(entity, a) || ownerExemptRoles(model.spec, entity.entity.name, a).includes(role)));
  return { plain, excepted };
}

/** An excepted user takes the refused actions on the refusing user's row (or under its parent) and is let through. */
function exceptedChecks(s: RefuseScene, role: string): string[] {
  const { rule, parent, route, camel } = s;
  const { condition } = rule;
  const out = [`    // Excepted: ${lineComment(role)} users pass the refusal.`, `    const excepted = await createUser(t, ${str(role)});`];
  if (rule.actions.includes('create') && !s.viaOwner) {
    if (parent) out.push(`    expect((await t.call('POST', '/api/${route}', { body: ${s.bodyFor('blocked')}, token: excepted.token })).status).toBe(201);`);
    else out.push(`    expect((await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${condition.field}: ${s.margin ? s.margin.inside.api : jsValue(s.trigger)} }), token: excepted.token })).status).toBe(201);`);
  }
  if (rule.actions.includes('update')) out.push(`    expect((await t.call('PATCH', \`/api/${route}/\${locked.id}\`, { body: {}, token: excepted.token })).status).toBe(200);`);
  if (rule.actions.includes('delete')) out.push(`    expect((await t.call('DELETE', \`/api/${route}/\${locked.id}\`, { token: excepted.token })).status).toBe(204);`);
  return out;
}

/** What the generated checks share: the row's names, the parent holding the field (if any), and code snippets to make rows and put them in or out of the condition. */
interface RefuseScene {
  rule: RefuseWhenRule;
  route: string;
  camel: string;
  create: string;
  relation: Relation | undefined;
  parent: EntityModel | undefined;
  table: string;
  imports: string[];
  margin: { inside: MarginValue; outside: MarginValue } | undefined;
  /** The condition is on the row's owner: each test user acts for itself. */
  viaOwner: boolean;
  trigger: string | number | boolean | null;
  makeParent: string;
  tokenFor(who: string): string;
  bodyFor(who: string): string;
  rowOf(who: string): string;
  /** Puts the row (or parent) `id` into the refused state in the database. */
  setTrigger(id: string): string;
  /** With a margin, puts `id` just outside it; without one a fresh row is already outside (null). */
  setFree(id: string): string | null;
  expectRefused(reply: string): string;
}

function refuseScene(rule: RefuseWhenRule, entity: EntityModel, model: BackendModel, roles?: { plain: string }): RefuseScene | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const { condition } = rule;
  const relation = condition.relation ? entity.parents.find((r) => r.name === condition.relation) : undefined;
  const parent = relation ? model.entity(relation.to) : undefined;
  const holder = parent ?? entity;
  const column = holder.columns.find((c) => c.prop === condition.field);
  if (!column?.field) return undefined;
  // A value for which the condition holds: the row (or parent) is put into it directly in the database.
  const trigger = valueWhere(column.field, condition, true, sampleValue(column, 1, holder, model));
  if (trigger === undefined) return undefined;
  const imports = [create, `${camel}Body`];
  // A condition on the owner: rows belong to whoever writes them, so each parent user writes its own.
  const viaOwner = Boolean(relation && relation === entity.owner);
  const fk = relation ? foreignKeyProperty(relation.name) : '';
  const table = holder.names.camelPlural;
  const margin = marginValues(column, condition);
  const actor = roles ? 'plain.token' : 't.token';
  const asActor = roles ? ', plain.token' : '';
  const setValue = (id: string, value: string) => `    await t.database.db.update(${table}).set({ ${condition.field}: ${value} }).where(eq(${table}.id, ${id}));`;
  return {
    rule,
    route,
    camel,
    create,
    relation,
    parent,
    table,
    imports,
    margin,
    viaOwner,
    trigger,
    makeParent: parentMaker(parent, viaOwner, imports, roles?.plain),
    // With excepted roles the rows are the plain user's, who acts (see testRoles).
    tokenFor: (who) => (viaOwner ? `${who}.token` : actor),
    bodyFor: (who) => (relation && !viaOwner ? `await ${camel}Body(t, { ${fk}: ${who}.id })` : `await ${camel}Body(t)`),
    rowOf: (who) => (viaOwner ? `${create}(t, {}, ${who}.token)` : relation ? `${create}(t, { ${fk}: ${who}.id }${asActor})` : `${create}(t${roles ? ', {}' : ''}${asActor})`),
    // With a margin the refused value is just inside it and the allowed one just outside, relative to now.
    setTrigger: (id) => setValue(id, margin ? margin.inside.db : dbLiteral(column, trigger)),
    setFree: (id) => (margin ? setValue(id, margin.outside.db) : null),
    expectRefused: (reply) =>
      lines(`    expect(${reply}.status).toBe(409);`, `    expect(${reply}.body.error.code).toBe('rule_violated');`, `    expect(${reply}.body.error.message).toBe(${str(rule.message)});`),
  };
}

/** Create, condition on a parent: a new row linking to a parent in the state is refused, one linking to a free parent allowed. */
function createUnderParentChecks(s: RefuseScene): string[] {
  return [
    `    // Create: the ${lineComment(s.parent!.entity.label.toLowerCase())} the new row links to is read.`,
    `    const blocked = await ${s.makeParent};`,
    s.setTrigger('blocked.id'),
    `    const refused = await t.call('POST', '/api/${s.route}', { body: ${s.bodyFor('blocked')}, token: ${s.tokenFor('blocked')} });`,
    s.expectRefused('refused'),
    `    const open = await ${s.makeParent};`,
    ...[s.setFree('open.id')].filter((line): line is string => line !== null),
    `    const allowed = await t.call('POST', '/api/${s.route}', { body: ${s.bodyFor('open')}, token: ${s.tokenFor('open')} });`,
    `    expect(allowed.status).toBe(201);`,
  ];
}

/** Create, condition on the row itself: the incoming body carries the refused (or allowed) value. */
function createChecks(s: RefuseScene): string[] {
  const { condition } = s.rule;
  const { margin } = s;
  return [
    `    // Create: the incoming row is read.`,
    `    const refused = await t.call('POST', '/api/${s.route}', { body: await ${s.camel}Body(t, { ${condition.field}: ${margin ? margin.inside.api : jsValue(s.trigger)} }), token: ${s.tokenFor('')} });`,
    s.expectRefused('refused'),
    `    const allowed = await t.call('POST', '/api/${s.route}', { body: await ${s.camel}Body(t${margin ? `, { ${condition.field}: ${margin.outside.api} }` : ''}), token: ${s.tokenFor('')} });`,
    `    expect(allowed.status).toBe(201);`,
  ];
}

/** Update and delete: a stored row (or its parent) in the state is locked, another one is not. */
function storedRowChecks(s: RefuseScene): string[] {
  const { rule, parent, route, tokenFor } = s;
  const lockedBy = parent ? 'lockedParent' : 't';
  const freeBy = parent ? 'freeParent' : 't';
  const out: string[] = [];
  out.push(`    // ${rule.actions.filter((a) => a !== 'create').join(' and ')}: the stored row${parent ? `'s ${lineComment(parent.entity.label.toLowerCase())}` : ''} is read.`);
  if (parent) out.push(`    const lockedParent = await ${s.makeParent};`);
  out.push(`    const locked = await ${s.rowOf(lockedBy)};`, s.setTrigger(parent ? 'lockedParent.id' : 'locked.id'));
  if (parent) out.push(`    const freeParent = await ${s.makeParent};`);
  out.push(`    const free = await ${s.rowOf(freeBy)};`);
  const freed = s.setFree(parent ? 'freeParent.id' : 'free.id');
  if (freed) out.push(freed);
  if (rule.actions.includes('update')) {
    out.push(
      `    const changed = await t.call('PATCH', \`/api/${route}/\${locked.id}\`, { body: {}, token: ${tokenFor(lockedBy)} });`,
      s.expectRefused('changed'),
      `    expect((await t.call('PATCH', \`/api/${route}/\${free.id}\`, { body: {}, token: ${tokenFor(freeBy)} })).status).toBe(200);`,
    );
  }
  if (rule.actions.includes('delete')) {
    out.push(
      `    const deleted = await t.call('DELETE', \`/api/${route}/\${locked.id}\`, { token: ${tokenFor(lockedBy)} });`,
      s.expectRefused('deleted'),
      `    expect((await t.call('GET', \`/api/${route}/\${locked.id}\`, { token: ${tokenFor(lockedBy)} })).status).toBe(200);`,
      `    expect((await t.call('DELETE', \`/api/${route}/\${free.id}\`, { token: ${tokenFor(freeBy)} })).status).toBe(204);`,
    );
  }
  return out;
}

/** The condition as the test's title reads it, e.g. `project.endsAt past +2 day`. */
function conditionText(condition: RuleCondition, relation: Relation | undefined): string {
  return `${relation ? `${relation.name}.` : ''}${condition.field} ${condition.op}${condition.value !== undefined ? ` ${String(condition.value)}` : ''}${
    condition.offset ? ` ${condition.offset.amount > 0 ? '+' : ''}${condition.offset.amount} ${condition.offset.unit}` : ''
  }`;
}
