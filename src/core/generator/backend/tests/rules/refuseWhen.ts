// Rule test for refuseWhen: a row (or its parent) put into the refused state, tried both ways.
import type { Rule, RuleCondition } from '../../../../../model/project/projectSpec';
import { foreignKeyProperty } from '../../../contract';
import type { BackendModel, Column, EntityModel } from '../../model';
import { sampleValue } from '../../samples';
import { offsetMinutes, valueWhere } from '../../../../../model/project/ruleConditions';
import { lines, str } from '../../util';
import { jsValue, lineComment } from '../../../emit';
import type { RuleTest } from './ruleTest';
import { parentMaker } from './ruleTest';

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

export function refuseWhenTest(rule: Extract<Rule, { kind: 'refuseWhen' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
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
  const makeParent = parentMaker(parent, viaOwner, imports);
  const tokenFor = (who: string) => (viaOwner ? `${who}.token` : 't.token');
  const bodyFor = (who: string) => (relation && !viaOwner ? `await ${camel}Body(t, { ${fk}: ${who}.id })` : `await ${camel}Body(t)`);
  const rowOf = (who: string) => (viaOwner ? `${create}(t, {}, ${who}.token)` : relation ? `${create}(t, { ${fk}: ${who}.id })` : `${create}(t)`);
  const table = holder.names.camelPlural;
  const margin = marginValues(column, condition);
  const setValue = (id: string, value: string) => `    await t.database.db.update(${table}).set({ ${condition.field}: ${value} }).where(eq(${table}.id, ${id}));`;
  // With a margin the refused value is just inside it and the allowed one just outside, relative to now.
  const setTrigger = (id: string) => setValue(id, margin ? margin.inside.db : dbLiteral(column, trigger));
  const setFree = (id: string) => (margin ? setValue(id, margin.outside.db) : null);
  const expectRefused = (reply: string) =>
    lines(`    expect(${reply}.status).toBe(409);`, `    expect(${reply}.body.error.code).toBe('rule_violated');`, `    expect(${reply}.body.error.message).toBe(${str(rule.message)});`);
  const out: string[] = [];
  if (rule.actions.includes('create')) {
    if (parent) {
      out.push(
        `    // Create: the ${lineComment(parent.entity.label.toLowerCase())} the new row links to is read.`,
        `    const blocked = await ${makeParent};`,
        setTrigger('blocked.id'),
        `    const refused = await t.call('POST', '/api/${route}', { body: ${bodyFor('blocked')}, token: ${tokenFor('blocked')} });`,
        expectRefused('refused'),
        `    const open = await ${makeParent};`,
        ...[setFree('open.id')].filter((line): line is string => line !== null),
        `    const allowed = await t.call('POST', '/api/${route}', { body: ${bodyFor('open')}, token: ${tokenFor('open')} });`,
        `    expect(allowed.status).toBe(201);`,
      );
    } else {
      out.push(
        `    // Create: the incoming row is read.`,
        `    const refused = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${condition.field}: ${margin ? margin.inside.api : jsValue(trigger)} }), token: t.token });`,
        expectRefused('refused'),
        `    const allowed = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t${margin ? `, { ${condition.field}: ${margin.outside.api} }` : ''}), token: t.token });`,
        `    expect(allowed.status).toBe(201);`,
      );
    }
  }
  if (rule.actions.includes('update') || rule.actions.includes('delete')) {
    const lockedBy = parent ? 'lockedParent' : 't';
    const freeBy = parent ? 'freeParent' : 't';
    out.push(`    // ${rule.actions.filter((a) => a !== 'create').join(' and ')}: the stored row${parent ? `'s ${lineComment(parent.entity.label.toLowerCase())}` : ''} is read.`);
    if (parent) out.push(`    const lockedParent = await ${makeParent};`);
    out.push(`    const locked = await ${rowOf(lockedBy)};`, setTrigger(parent ? 'lockedParent.id' : 'locked.id'));
    if (parent) out.push(`    const freeParent = await ${makeParent};`);
    out.push(`    const free = await ${rowOf(freeBy)};`);
    const freed = setFree(parent ? 'freeParent.id' : 'free.id');
    if (freed) out.push(freed);
    if (rule.actions.includes('update')) {
      out.push(
        `    const changed = await t.call('PATCH', \`/api/${route}/\${locked.id}\`, { body: {}, token: ${tokenFor(lockedBy)} });`,
        expectRefused('changed'),
        `    expect((await t.call('PATCH', \`/api/${route}/\${free.id}\`, { body: {}, token: ${tokenFor(freeBy)} })).status).toBe(200);`,
      );
    }
    if (rule.actions.includes('delete')) {
      out.push(
        `    const deleted = await t.call('DELETE', \`/api/${route}/\${locked.id}\`, { token: ${tokenFor(lockedBy)} });`,
        expectRefused('deleted'),
        `    expect((await t.call('GET', \`/api/${route}/\${locked.id}\`, { token: ${tokenFor(lockedBy)} })).status).toBe(200);`,
        `    expect((await t.call('DELETE', \`/api/${route}/\${free.id}\`, { token: ${tokenFor(freeBy)} })).status).toBe(204);`,
      );
    }
  }
  const what = `${relation ? `${relation.name}.` : ''}${condition.field} ${condition.op}${condition.value !== undefined ? ` ${String(condition.value)}` : ''}${
    condition.offset ? ` ${condition.offset.amount > 0 ? '+' : ''}${condition.offset.amount} ${condition.offset.unit}` : ''
  }`;
  return {
    imports,
    tables: [table],
    code: lines(`  it(${str(`refuses to ${rule.actions.join('/')} a ${entity.entity.label.toLowerCase()} when ${what}, and allows it otherwise (refuseWhen)`)}, async () => {`, ...out, `  });`),
  };
}
