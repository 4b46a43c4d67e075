// Refusals (refuseWhen rules): the action is refused while a condition on the row, or on a parent
// row it belongs to, holds. The condition becomes a TypeScript test in the generated rules module.
import type { RuleCondition } from '../../../model/project/projectSpec';
import type { BackendModel, Column, EntityModel } from './model';
import type { Part, RuleOf } from './ruleChecks';
import { foreignKeyProperty } from '../contract';
import { drizzleDefault } from './dbSchema';
import { workflowInitial } from './samples';
import { lines, str } from './util';
import { blockComment, jsValue, lineComment } from '../emit';
import { describeCondition, offsetMinutes } from '../../../model/project/ruleConditions';

const COMPARE: Record<string, string> = { eq: '===', ne: '!==', lt: '<', lte: '<=', gt: '>', gte: '>=' };

/** A TypeScript condition testing `expr` (a row property of `column`'s type) against a refuseWhen condition. */
export function conditionCode(expr: string, column: Column, condition: RuleCondition): string {
  const { op, value } = condition;
  const textual = ['string', 'text', 'email', 'url'].includes(column.type);
  switch (op) {
    case 'isEmpty':
      return textual ? `(${expr} == null || ${expr} === '')` : `${expr} == null`;
    case 'notEmpty':
      return textual ? `(${expr} != null && ${expr} !== '')` : `${expr} != null`;
    case 'past':
    case 'future': {
      // A margin moves "now" (days for a date column, whose values have no time of day).
      const minutes = offsetMinutes(condition.offset);
      const sign = op === 'past' ? ['<', '<='] : ['>', '>'];
      if (column.type === 'date') return `${expr} != null && ${expr} ${sign[0]} today(${minutes ? Math.trunc(minutes / 1440) : ''})`;
      const now = minutes ? `(Date.now() + ${minutes * 60_000})` : 'Date.now()';
      return `${expr} != null && toTime(${expr}).getTime() ${sign[1]} ${now}`;
    }
  }
  const compare = COMPARE[op];
  switch (column.type) {
    case 'integer':
    case 'decimal':
    case 'money':
      return `${expr} != null && Number(${expr}) ${compare} ${Number(value)}`;
    case 'date':
      return `${expr} != null && ${expr} ${compare} ${str(String(value))}`;
    case 'datetime':
      return `${expr} != null && toTime(${expr}).getTime() ${compare} Date.parse(${str(String(value))})`;
    default:
      return op === 'eq' ? `${expr} === ${jsValue(value)}` : `${expr} != null && ${expr} !== ${jsValue(value)}`;
  }
}

export function refuseWhen(rule: RuleOf<'refuseWhen'>, entity: EntityModel, model: BackendModel, i: number): Part {
  const { condition } = rule;
  const fn = `refuse${i}`;
  const { pascal } = entity.names;
  const relation = condition.relation ? entity.parents.find((r) => r.name === condition.relation) : undefined;
  const owner = relation ? model.entity(relation.to) : entity;
  const column = owner.columns.find((c) => c.prop === condition.field)!;
  const where = relation ? `the ${owner.entity.label.toLowerCase()}'s ${condition.field}` : condition.field;
  const doc = `/** ${blockComment(`Refuses to ${rule.actions.join('/')} ${entity.entity.label.toLowerCase()} rows while ${where} ${describeOp(condition)}${rule.exceptRoles ? ` (except to ${rule.exceptRoles.join(' or ')} users)` : ''}.`)} */`;
  const throwLine = `throw ruleViolated(${str(rule.message)}, 409, { rule: 'refuseWhen', action });`;
  const action = `action: 'create' | 'update' | 'delete'`;
  const usesTime = ['past', 'future', 'lt', 'lte', 'gt', 'gte', 'eq', 'ne'].includes(condition.op) && column.type === 'datetime';
  const usesToday = (condition.op === 'past' || condition.op === 'future') && column.type === 'date';
  const excepted = rule.exceptRoles;
  const actorArg = excepted ? ', actor' : '';
  const call = (row: string, act: string) => (relation ? `  await ${fn}(tx, ${row}, ${str(act)}${actorArg});` : `  ${fn}(${row}, ${str(act)}${actorArg});`);
  const actorParam = excepted ? ', actor?: AuthUser' : '';
  // The excepted roles (and the admin) pass; with no signed-in user (registration) nobody is excepted.
  const exceptLine = excepted ? `  if (actor && (isAdmin(actor) || ${JSON.stringify(excepted)}.includes(actor.role))) return;` : null;
  // On create the row has no stored values yet: a column left out takes its default (or the workflow's start).
  const initial = !relation ? (workflowInitial(entity, column) !== undefined ? str(workflowInitial(entity, column)!) : drizzleDefault(column)) : undefined;
  const createRow = initial !== undefined ? `{ ${condition.field}: ${initial}, ...values }` : 'values';
  const hooks = {
    onCreate: rule.actions.includes('create') ? call(createRow, 'create') : null,
    onUpdate: rule.actions.includes('update') ? call('existing', 'update') : null,
    onDelete: rule.actions.includes('delete') ? call('existing', 'delete') : null,
  };
  if (!relation) {
    return {
      fn: lines(doc, `function ${fn}(row: Partial<${pascal}Row>, ${action}${actorParam}): void {`, exceptLine, `  if (${conditionCode(`row.${condition.field}`, column, condition)}) ${throwLine}`, `}`),
      ...hooks,
      imports: [],
      tables: [],
      needsTime: usesTime,
      needsToday: usesToday,
      first: true,
      needsActor: Boolean(excepted),
    };
  }
  const fk = foreignKeyProperty(relation.name);
  const p = owner.names.camelPlural;
  // A rule that later locks the same parent for update takes that lock now (no lock upgrade, no deadlock).
  const lockedForUpdate = entity.rules.some((r) => (r.kind === 'capacity' && r.relation === relation.name) || (r.kind === 'noOverlap' && r.scope === relation.name));
  return {
    fn: lines(
      doc,
      `async function ${fn}(tx: Executor, row: Partial<${pascal}Row>, ${action}${actorParam}): Promise<void> {`,
      exceptLine,
      `  if (row.${fk} == null) return;`,
      `  // The ${lineComment(owner.entity.label.toLowerCase())} stays locked until the transaction ends, so it cannot change between this check and the write.`,
      `  const [parent] = await tx.select({ value: ${p}.${condition.field} }).from(${p}).where(eq(${p}.id, row.${fk})).for(${lockedForUpdate ? `'update'` : `'share'`});`,
      `  if (parent && ${conditionCode('parent.value', column, condition)}) ${throwLine}`,
      `}`,
    ),
    ...hooks,
    imports: ['eq'],
    tables: [p],
    needsTime: usesTime,
    needsToday: usesToday,
    first: true,
    needsActor: Boolean(excepted),
  };
}

function describeOp(condition: RuleCondition): string {
  const words: Record<string, string> = { eq: 'is', ne: 'is not', lt: '<', lte: '<=', gt: '>', gte: '>=' };
  if (condition.op in words) return `${words[condition.op]} ${JSON.stringify(condition.value)}`;
  if (condition.op === 'past' || condition.op === 'future') return describeCondition({ ...condition, field: '', relation: undefined }).trim();
  const others: Record<string, string> = { isEmpty: 'is empty', notEmpty: 'is filled in' };
  return others[condition.op] ?? condition.op;
}
