// The generated "updates a <entity>" test: it sends a real change (a free field, else a different
// parent), checks the change is not what the row already held, and reads it back with GET, so the
// test fails when PATCH ignores what it is sent.
import { withArticle } from '../../../../model/project/naming';
import { foreignKeyProperty } from '../../contract';
import type { BackendModel, Column, EntityModel } from '../model';
import { inputColumns } from '../model';
import { lines, str } from '../util';

/** A change to send: the statements that prepare it and the `changes` object literal. */
interface Change {
  setup: string[];
  changes: string;
  /** Helper names the test needs from helpers.ts. */
  imports: string[];
}

/** Fields a rule reads or controls: changing them could trip the rule, which is not what this test is about. */
function ruleFields(entity: EntityModel): Set<string> {
  const fields = new Set<string>();
  for (const rule of entity.rules) {
    if (rule.kind === 'statusWorkflow') fields.add(rule.field);
    if (rule.kind === 'noOverlap') [rule.start, rule.end, rule.durationMinutesField].forEach((f) => f && fields.add(f));
    if (rule.kind === 'capacity') [rule.activeWhenNull, rule.period?.field].forEach((f) => f && fields.add(f));
    if (rule.kind === 'unique') rule.fields.forEach((f) => fields.add(f));
    if (rule.kind === 'dateOrder') [rule.earlier, rule.later].forEach((f) => fields.add(f));
    if (rule.kind === 'refuseWhen' && !rule.condition.relation) fields.add(rule.condition.field);
    if (rule.kind === 'roleRequired') rule.fields?.forEach((f) => fields.add(f));
  }
  return fields;
}

/** Spec fields a client may change freely (no rule reads them). */
function freeFields(entity: EntityModel): Column[] {
  const inRules = ruleFields(entity);
  return inputColumns(entity).filter((c) => c.field && !inRules.has(c.prop));
}

/** The free text field the update test changes, when there is one. */
export function patchableText(entity: EntityModel): Column | undefined {
  return freeFields(entity).find((c) => c.type === 'string' || c.type === 'text');
}

/** Two different values allowed by a number column's bounds, as the API returns them (none when min = max). */
function twoNumbers(column: Column): [string, string] | undefined {
  const low = Math.ceil(column.min ?? 0);
  if (column.max !== undefined && low + 1 > column.max) return undefined;
  if (column.type === 'integer') return [String(low), String(low + 1)];
  // numeric(12, 2) answers with two decimals; plain numeric as sent.
  const text = (n: number) => str(column.type === 'money' ? n.toFixed(2) : String(n));
  return [text(low), text(low + 1)];
}

/** `current` (by default `created.<prop>`) replaced by a different valid value of the same column, as a TypeScript expression. */
export function otherValue(column: Column, current = `created.${column.prop}`): string | undefined {
  switch (column.type) {
    case 'string':
    case 'text':
      return `\`Changed \${next()}\``;
    case 'boolean':
      return `!${current}`;
    case 'enum': {
      const [a, b] = column.enumValues ?? [];
      return b === undefined ? undefined : `${current} === ${str(a)} ? ${str(b)} : ${str(a)}`;
    }
    case 'integer':
    case 'decimal':
    case 'money': {
      const pair = column.unique ? undefined : twoNumbers(column);
      return pair && `${current} === ${pair[0]} ? ${pair[1]} : ${pair[0]}`;
    }
    case 'date':
    case 'datetime':
      // A nullable date may be empty in the created row; a day after the first sample day is a change either way.
      return column.unique ? undefined : `shift(${current} ?? day(0), ${column.type === 'date' ? 1 : 1440}, ${str(column.type)})`;
    default:
      return undefined;
  }
}

function fieldChange(entity: EntityModel): Change | undefined {
  const fields = freeFields(entity);
  // Text first (the clearest change), then any other type that has a second valid value.
  for (const column of [...fields.filter((c) => c.type === 'string' || c.type === 'text'), ...fields]) {
    const value = otherValue(column);
    if (!value) continue;
    const imports = ['next', 'shift', 'day'].filter((name) => new RegExp(`\\b${name}\\(`).test(value));
    return { setup: [], changes: `{ ${column.prop}: ${value} }`, imports };
  }
  return undefined;
}

/** Moves the row to another parent: a new one, so no capacity, overlap or uniqueness rule of the parent's rows is near its limit. */
function parentChange(entity: EntityModel, model: BackendModel): Change | undefined {
  const relation = entity.parents.find((r) => r !== entity.owner);
  if (!relation) return undefined;
  const parent = model.entity(relation.to);
  const make = parent.isAuthUser ? 'createUser(t, DEFAULT_ROLE)' : `create${parent.names.pascal}(t)`;
  return {
    setup: [`    const otherParent = await ${make};`],
    changes: `{ ${foreignKeyProperty(relation.name)}: otherParent.id }`,
    imports: parent.isAuthUser ? ['createUser', 'DEFAULT_ROLE'] : [`create${parent.names.pascal}`],
  };
}

/**
 * The update test of an entity. With nothing a client may change (every field is rule-controlled
 * and the only relation is the owner), an empty PATCH must leave the record as it was.
 */
export function updateTest(entity: EntityModel, model: BackendModel, create: string, label: string, tokenOf: string, imports: Set<string>): string {
  const { route } = entity.names;
  const change = fieldChange(entity) ?? parentChange(entity, model);
  const patch = (body: string) => `    const reply = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: ${body}, token: ${tokenOf} });`;
  const read = `    const read = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`;
  if (!change) {
    return lines(
      `  it('keeps ${withArticle(label)} as it is on an empty update', async () => {`,
      `    const created = await ${create};`,
      patch('{}'),
      `    expect(reply.status).toBe(200);`,
      read,
      `    expect(read.body).toEqual({ ...created, ${entity.isAuthUser ? 'token: undefined, ' : ''}updatedAt: read.body.updatedAt });`,
      `  });`,
    );
  }
  change.imports.forEach((name) => imports.add(name));
  return lines(
    `  it('updates ${withArticle(label)}', async () => {`,
    `    const created = await ${create};`,
    ...change.setup,
    `    const changes = ${change.changes};`,
    `    expect(created).not.toMatchObject(changes);`,
    patch('changes'),
    `    expect(reply.status).toBe(200);`,
    `    expect(reply.body).toMatchObject(changes);`,
    read,
    `    expect(read.body).toMatchObject(changes);`,
    `  });`,
  );
}
