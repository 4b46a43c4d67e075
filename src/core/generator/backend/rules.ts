// backend/src/rules/<entity>.ts: the business rules of the spec that depend on other rows or on
// the row's own values (capacity, unique combinations, no overlapping bookings, status workflows,
// date order, conditional refusals). Routes call beforeCreate/beforeUpdate/beforeDelete inside the
// same transaction as the write, after locking the row and the parent rows a rule reads, so two
// simultaneous requests cannot both take the last place or slip past a refusal.
import type { FileSink } from './util';
import type { Rule, RuleCondition } from '../../../model/project/projectSpec';
import type { BackendModel, Column, EntityModel } from './model';
import { ruleId } from './model';
import { foreignKeyProperty } from '../contract';
import { drizzleDefault } from './dbSchema';
import { workflowInitial } from './samples';
import { lines, str } from './util';
import { blockComment, jsValue, lineComment, singleQuotedText, templateText } from '../emit';
import { describeCondition, offsetMinutes } from '../../../model/project/ruleConditions';

type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

const DATA_RULES = new Set<Rule['kind']>(['capacity', 'unique', 'noOverlap', 'statusWorkflow', 'dateOrder', 'refuseWhen']);

/** Rules enforced in rules/<entity>.ts (ownership and roles live in the routes). */
export function dataRules(entity: EntityModel): Rule[] {
  return entity.rules.filter((r) => DATA_RULES.has(r.kind));
}

/** Whether the entity's rules module has a beforeDelete hook (refusals of delete). */
export function hasDeleteRules(entity: EntityModel): boolean {
  return entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes('delete'));
}

/** One rule's share of the module: its function and the statements each hook runs. */
interface Part {
  fn: string;
  onCreate: string | null;
  onUpdate: string | null;
  onDelete?: string | null;
  imports: string[];
  tables: string[];
  needsTime?: boolean;
  needsToday?: boolean;
  needsPeriod?: boolean;
  /** Refusals run before the other checks: they decide whether the action may happen at all. */
  first?: boolean;
}

function propOf(entity: EntityModel, name: string): string {
  return entity.parents.some((r) => r.name === name) && !entity.columns.some((c) => c.prop === name) ? foreignKeyProperty(name) : name;
}

const PERIOD_WORDS = { day: 'on that day', week: 'in that week', month: 'in that month' } as const;

function capacity(rule: RuleOf<'capacity'>, entity: EntityModel, model: BackendModel, i: number): Part {
  const relation = rule.relation ? entity.parents.find((r) => r.name === rule.relation) : undefined;
  const parent = relation ? model.entity(relation.to) : undefined;
  const t = entity.names.camelPlural;
  const p = parent?.names.camelPlural;
  const fk = relation ? foreignKeyProperty(relation.name) : undefined;
  const active = rule.activeWhenNull;
  const period = rule.period;
  const periodColumn = period ? entity.columns.find((c) => c.prop === period.field) : undefined;
  const cast = periodColumn?.type === 'date' ? 'date' : 'timestamptz';
  const noun = (rule.limit === 1 ? entity.entity.label : entity.entity.pluralLabel).toLowerCase();
  const parentLabel = parent?.entity.label.toLowerCase() ?? '';
  const fn = `checkCapacity${i}`;
  const per = [parent ? `per ${parentLabel}` : '', period ? `per ${period.unit}` : ''].filter(Boolean).join(' ');
  const doc = rule.capacityField
    ? `At most ${parentLabel}.${rule.capacityField} ${noun} per ${parentLabel}${period ? ` per ${period.unit} of ${period.field}` : ''}`
    : `At most ${rule.limit} ${noun} ${per ? `${per}${period ? ` (by ${period.field})` : ''}` : 'in all'}`;
  const skip = [fk && `next.${fk} == null`, period && `next.${period.field} == null`, active && `next.${active} != null`].filter(Boolean).join(' || ');
  const fromValue = (v: string) => (cast === 'date' ? `${v}.toISOString().slice(0, 10)` : `${v}.toISOString()`);
  // The message a full period or parent gets; `limit` and `taken` are filled in at run time.
  const where = period ? PERIOD_WORDS[period.unit] : '';
  const message = rule.capacityField
    ? `This ${templateText(parentLabel)} is full${period ? ` ${where}` : ''}: it allows \${limit} ${templateText(noun)}${period ? ` per ${period.unit}` : ''} and has \${taken}.`
    : `No more than ${rule.limit} ${templateText(noun)}${per ? ` ${templateText(per)}` : ' in all'}: ${parent ? `this ${templateText(parentLabel)} already has` : 'there are already'} \${taken}${where ? ` ${where}` : ''}.`;
  const lock = parent
    ? [
        `  // Locking the parent row serialises concurrent writes for the same ${lineComment(parentLabel)}.`,
        `  const [parent] = await tx.select({ ${rule.capacityField ? `limit: ${p}.${rule.capacityField}` : `id: ${p}.id`} }).from(${p}).where(eq(${p}.id, next.${fk})).for('update');`,
        rule.capacityField ? `  if (!parent || parent.limit == null) return;` : `  if (!parent) return;`,
      ]
    : [
        `  // No parent row to lock: a transaction-scoped advisory lock on the ${period ? 'period' : 'table'} serialises concurrent creates.`,
        `  await tx.execute(sql\`select pg_advisory_xact_lock(hashtext(\${${str(`${t}:capacity${i}`)}${period ? ` + ':' + range.from.toISOString()` : ''}}))\`);`,
      ];
  const fn_ = lines(
    `/** ${blockComment(`${doc}${active ? ` (counting only those without ${active})` : ''}.`)} */`,
    `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
    skip ? `  if (${skip}) return;` : null,
    period ? `  const range = periodOf(next.${period.field}, ${str(period.unit)});` : null,
    ...lock,
    `  const conditions: SQL[] = [];`,
    fk ? `  conditions.push(eq(${t}.${fk}, next.${fk}));` : null,
    period
      ? lines(
          `  conditions.push(sql\`\${${t}.${period.field}} >= \${${fromValue('range.from')}}::${cast}\`);`,
          `  conditions.push(sql\`\${${t}.${period.field}} < \${${fromValue('range.to')}}::${cast}\`);`,
        )
      : null,
    active ? `  conditions.push(isNull(${t}.${active}));` : null,
    `  if (excludeId !== undefined) conditions.push(ne(${t}.id, excludeId));`,
    `  const [{ taken }] = await tx.select({ taken: count() }).from(${t}).where(and(...conditions));`,
    `  const limit = ${rule.capacityField ? 'Number(parent.limit)' : String(rule.limit)};`,
    `  if (taken >= limit) {`,
    `    throw ruleViolated(\`${message}\`, 409, { rule: 'capacity', limit, taken${period ? `, period: ${str(period.unit)}` : ''} });`,
    `  }`,
    `}`,
  );
  // An update is checked when it moves the row to another parent or period, or makes it count again.
  const moves = [fk && `(changes.${fk} !== undefined && changes.${fk} !== existing.${fk})`, period && `changes.${period.field} !== undefined`, active && `(existing.${active} != null && next.${active} == null)`].filter(
    Boolean,
  );
  return {
    fn: fn_,
    onCreate: `  await ${fn}(tx, values);`,
    onUpdate: moves.length ? lines(`  if (${moves.join(' || ')}) {`, `    await ${fn}(tx, next, existing.id);`, `  }`) : null,
    imports: ['and', 'count', 'ne', 'type SQL', ...(parent ? ['eq'] : []), ...(active ? ['isNull'] : []), ...(period || !parent ? ['sql'] : [])],
    tables: [t, ...(p ? [p] : [])],
    needsPeriod: Boolean(period),
  };
}

function uniqueRule(rule: RuleOf<'unique'>, entity: EntityModel, i: number) {
  const t = entity.names.camelPlural;
  const props = rule.fields.map((f) => propOf(entity, f));
  const labels = rule.fields.map((f) => entity.columns.find((c) => c.prop === f)?.field?.label.toLowerCase() ?? f);
  const fn = `checkUnique${i}`;
  return {
    fn: lines(
      `/** ${blockComment(`${labels.join(' + ')} must be unique among ${entity.entity.pluralLabel.toLowerCase()}.`)} */`,
      `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
      `  if (${props.map((p) => `next.${p} == null`).join(' || ')}) return;`,
      `  const conditions: SQL[] = [${props.map((p) => `eq(${t}.${p}, next.${p})`).join(', ')}];`,
      `  if (excludeId !== undefined) conditions.push(ne(${t}.id, excludeId));`,
      `  const [clash] = await tx.select({ id: ${t}.id }).from(${t}).where(and(...conditions)).limit(1);`,
      `  if (clash) {`,
      `    throw new ApiError(409, 'conflict', ${str(`A ${entity.entity.label.toLowerCase()} with this ${labels.join(' and ')} already exists.`)}, { rule: 'unique', fields: ${JSON.stringify(props)}, id: clash.id });`,
      `  }`,
      `}`,
    ),
    onCreate: `  await ${fn}(tx, values);`,
    onUpdate: `  if (${props.map((p) => `changes.${p} !== undefined`).join(' || ')}) await ${fn}(tx, next, existing.id);`,
    imports: ['and', 'eq', 'ne', 'type SQL'],
    tables: [t],
  };
}

function noOverlap(rule: RuleOf<'noOverlap'>, entity: EntityModel, model: BackendModel, i: number) {
  const relation = entity.parents.find((r) => r.name === rule.scope)!;
  const parent = model.entity(relation.to);
  const t = entity.names.camelPlural;
  const p = parent.names.camelPlural;
  const fk = foreignKeyProperty(relation.name);
  const fn = `checkNoOverlap${i}`;
  const noun = entity.entity.label.toLowerCase();
  const endOf = rule.end
    ? { value: `next.${rule.end} == null ? undefined : toTime(next.${rule.end})`, column: `${t}.${rule.end}` }
    : {
        value: `next.${rule.durationMinutesField} == null ? undefined : new Date(start.getTime() + Number(next.${rule.durationMinutesField}) * 60_000)`,
        column: `sql\`\${${t}.${rule.start}} + (\${${t}.${rule.durationMinutesField}} * interval '1 minute')\``,
      };
  const fields = [rule.start, rule.end, rule.durationMinutesField, fk].filter(Boolean);
  return {
    fn: lines(
      `/** ${blockComment(`Two ${entity.entity.pluralLabel.toLowerCase()} of the same ${parent.entity.label.toLowerCase()} may not overlap in time.`)} */`,
      `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
      `  if (next.${fk} == null || next.${rule.start} == null) return;`,
      `  const start = toTime(next.${rule.start});`,
      `  const end = ${endOf.value};`,
      `  if (!end) return;`,
      `  if (end.getTime() <= start.getTime()) throw ruleViolated('A ${singleQuotedText(noun)} must end after it starts.', 422, { rule: 'noOverlap' });`,
      `  await tx.select({ id: ${p}.id }).from(${p}).where(eq(${p}.id, next.${fk})).for('update');`,
      `  const conditions: SQL[] = [`,
      `    eq(${t}.${fk}, next.${fk}),`,
      `    sql\`\${${t}.${rule.start}} < \${end.toISOString()}::timestamptz\`,`,
      `    sql\`\${${endOf.column}} > \${start.toISOString()}::timestamptz\`,`,
      `  ];`,
      `  if (excludeId !== undefined) conditions.push(ne(${t}.id, excludeId));`,
      `  const [clash] = await tx.select({ id: ${t}.id }).from(${t}).where(and(...conditions)).limit(1);`,
      `  if (clash) {`,
      `    throw ruleViolated(${str(`This ${noun} overlaps another ${noun} of the same ${parent.entity.label.toLowerCase()}.`)}, 409, { rule: 'noOverlap', conflictsWith: clash.id });`,
      `  }`,
      `}`,
    ),
    onCreate: `  await ${fn}(tx, values);`,
    onUpdate: `  if (${fields.map((f) => `changes.${f} !== undefined`).join(' || ')}) await ${fn}(tx, next, existing.id);`,
    imports: ['and', 'eq', 'ne', 'sql', 'type SQL'],
    tables: [t, p],
    needsTime: true,
  };
}

function workflow(rule: RuleOf<'statusWorkflow'>, entity: EntityModel) {
  const allowed: Record<string, string[]> = {};
  for (const transition of rule.transitions) (allowed[transition.from] ??= []).push(transition.to);
  const f = rule.field;
  return {
    fn: lines(
      `/** Allowed changes of ${f}: ${rule.transitions.map((t) => `${t.from} -> ${t.to}`).join(', ') || 'none'}. */`,
      `const ${f.toUpperCase()}_TRANSITIONS: Record<string, readonly string[]> = ${JSON.stringify(allowed)};`,
    ),
    onCreate: lines(
      `  if (values.${f} === undefined) values.${f} = ${str(rule.initial)};`,
      `  else if (values.${f} !== ${str(rule.initial)}) {`,
      `    throw ruleViolated(${str(`A new ${entity.entity.label.toLowerCase()} starts with ${f} "${rule.initial}".`)}, 422, { rule: 'statusWorkflow', field: ${str(f)} });`,
      `  }`,
    ),
    onUpdate: lines(
      `  if (changes.${f} !== undefined && changes.${f} !== existing.${f} && !(${f.toUpperCase()}_TRANSITIONS[existing.${f} ?? '']?.includes(changes.${f} ?? '') ?? false)) {`,
      `    throw ruleViolated(\`${templateText(entity.entity.label)} ${f} cannot change from "\${existing.${f}}" to "\${changes.${f}}".\`, 422, { rule: 'statusWorkflow', field: ${str(f)}, from: existing.${f}, to: changes.${f} });`,
      `  }`,
    ),
    imports: [] as string[],
    tables: [] as string[],
  };
}

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

function fieldLabel(entity: EntityModel, prop: string): string {
  return entity.columns.find((c) => c.prop === prop)?.field?.label ?? prop;
}

function dateOrder(rule: RuleOf<'dateOrder'>, entity: EntityModel, i: number): Part {
  const { earlier, later } = rule;
  const fn = `checkDateOrder${i}`;
  const first = fieldLabel(entity, earlier);
  const second = fieldLabel(entity, later);
  const message = `${second} (${later}) must be ${rule.allowEqual ? 'on or after' : 'after'} ${first.toLowerCase()} (${earlier}).`;
  return {
    fn: lines(
      `/** ${blockComment(`${second} must be ${rule.allowEqual ? 'on or after' : 'after'} ${first.toLowerCase()}.`)} */`,
      `function ${fn}(next: Partial<${entity.names.pascal}Row>): void {`,
      `  if (next.${earlier} == null || next.${later} == null) return;`,
      `  if (toTime(next.${later}).getTime() ${rule.allowEqual ? '<' : '<='} toTime(next.${earlier}).getTime()) {`,
      `    throw ruleViolated(${str(message)}, 422, { rule: 'dateOrder', earlier: ${str(earlier)}, later: ${str(later)} });`,
      `  }`,
      `}`,
    ),
    onCreate: `  ${fn}(values);`,
    // A partial change is checked against the stored row with the change applied.
    onUpdate: `  if (changes.${earlier} !== undefined || changes.${later} !== undefined) ${fn}(next);`,
    imports: [],
    tables: [],
    needsTime: true,
  };
}

function refuseWhen(rule: RuleOf<'refuseWhen'>, entity: EntityModel, model: BackendModel, i: number): Part {
  const { condition } = rule;
  const fn = `refuse${i}`;
  const { pascal } = entity.names;
  const relation = condition.relation ? entity.parents.find((r) => r.name === condition.relation) : undefined;
  const owner = relation ? model.entity(relation.to) : entity;
  const column = owner.columns.find((c) => c.prop === condition.field)!;
  const where = relation ? `the ${owner.entity.label.toLowerCase()}'s ${condition.field}` : condition.field;
  const doc = `/** ${blockComment(`Refuses to ${rule.actions.join('/')} ${entity.entity.label.toLowerCase()} rows while ${where} ${describeOp(condition)}.`)} */`;
  const throwLine = `throw ruleViolated(${str(rule.message)}, 409, { rule: 'refuseWhen', action });`;
  const action = `action: 'create' | 'update' | 'delete'`;
  const usesTime = ['past', 'future', 'lt', 'lte', 'gt', 'gte', 'eq', 'ne'].includes(condition.op) && column.type === 'datetime';
  const usesToday = (condition.op === 'past' || condition.op === 'future') && column.type === 'date';
  const call = (row: string, act: string) => (relation ? `  await ${fn}(tx, ${row}, ${str(act)});` : `  ${fn}(${row}, ${str(act)});`);
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
      fn: lines(doc, `function ${fn}(row: Partial<${pascal}Row>, ${action}): void {`, `  if (${conditionCode(`row.${condition.field}`, column, condition)}) ${throwLine}`, `}`),
      ...hooks,
      imports: [],
      tables: [],
      needsTime: usesTime,
      needsToday: usesToday,
      first: true,
    };
  }
  const fk = foreignKeyProperty(relation.name);
  const p = owner.names.camelPlural;
  // A rule that later locks the same parent for update takes that lock now (no lock upgrade, no deadlock).
  const lockedForUpdate = dataRules(entity).some((r) => (r.kind === 'capacity' && r.relation === relation.name) || (r.kind === 'noOverlap' && r.scope === relation.name));
  return {
    fn: lines(
      doc,
      `async function ${fn}(tx: Executor, row: Partial<${pascal}Row>, ${action}): Promise<void> {`,
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
  };
}

function describeOp(condition: RuleCondition): string {
  const words: Record<string, string> = { eq: 'is', ne: 'is not', lt: '<', lte: '<=', gt: '>', gte: '>=' };
  if (condition.op in words) return `${words[condition.op]} ${JSON.stringify(condition.value)}`;
  if (condition.op === 'past' || condition.op === 'future') return describeCondition({ ...condition, field: '', relation: undefined }).trim();
  const others: Record<string, string> = { isEmpty: 'is empty', notEmpty: 'is filled in' };
  return others[condition.op] ?? condition.op;
}

function rulesFile(entity: EntityModel, model: BackendModel): string {
  const built: Part[] = dataRules(entity).map((rule, i): Part => {
    switch (rule.kind) {
      case 'capacity':
        return capacity(rule, entity, model, i + 1);
      case 'unique':
        return uniqueRule(rule, entity, i + 1);
      case 'noOverlap':
        return noOverlap(rule, entity, model, i + 1);
      case 'dateOrder':
        return dateOrder(rule, entity, i + 1);
      case 'refuseWhen':
        return refuseWhen(rule, entity, model, i + 1);
      default:
        return workflow(rule as RuleOf<'statusWorkflow'>, entity);
    }
  });
  const parts = [...built.filter((p) => p.first), ...built.filter((p) => !p.first)];
  const { pascal } = entity.names;
  const drizzleImports = [...new Set(parts.flatMap((p) => p.imports))].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
  const tables = [...new Set(parts.flatMap((p) => p.tables))].sort();
  const needsTime = parts.some((p) => p.needsTime);
  const needsToday = parts.some((p) => p.needsToday);
  const needsPeriod = parts.some((p) => p.needsPeriod);
  const hooks = (p: Part) => [p.onCreate, p.onUpdate, p.onDelete].filter((h): h is string => typeof h === 'string');
  const usesApiError = parts.some((p) => p.fn.includes('new ApiError'));
  const usesRule = parts.some((p) => [p.fn, ...hooks(p)].some((s) => s.includes('ruleViolated')));
  const deletes = parts.filter((p) => p.onDelete);
  return lines(
    `// Business rules for ${lineComment(entity.entity.pluralLabel.toLowerCase())}, checked inside the write's transaction.`,
    drizzleImports.length ? `import { ${drizzleImports.join(', ')} } from 'drizzle-orm';` : null,
    `import type { Executor } from '../db/client.js';`,
    `import { ${[...tables, `type New${pascal}Row`, `type ${pascal}Row`].join(', ')} } from '../db/schema.js';`,
    usesApiError || usesRule ? `import { ${[usesApiError && 'ApiError', usesRule && 'ruleViolated'].filter(Boolean).join(', ')} } from '../http/errors.js';` : null,
    ``,
    needsTime ? lines(`function toTime(value: Date | string): Date {`, `  return value instanceof Date ? value : new Date(value);`, `}`, ``) : null,
    needsToday
      ? lines(
          `/** Today's date (UTC) as YYYY-MM-DD, the form date columns are stored in, moved by \`days\` (a refusal's margin). */`,
          `function today(days = 0): string {`,
          `  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);`,
          `}`,
          ``,
        )
      : null,
    needsPeriod
      ? lines(
          `/** The UTC day, week (from Monday) or month a date or date-time falls in, as [from, to). */`,
          `function periodOf(value: Date | string, unit: 'day' | 'week' | 'month'): { from: Date; to: Date } {`,
          `  const t = value instanceof Date ? value : new Date(/^\\d{4}-\\d{2}-\\d{2}$/.test(value) ? \`\${value}T00:00:00.000Z\` : value);`,
          `  const from = new Date(Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), unit === 'month' ? 1 : t.getUTCDate()));`,
          `  if (unit === 'week') from.setUTCDate(from.getUTCDate() - ((from.getUTCDay() + 6) % 7));`,
          `  const to = new Date(from);`,
          `  if (unit === 'month') to.setUTCMonth(to.getUTCMonth() + 1);`,
          `  else to.setUTCDate(to.getUTCDate() + (unit === 'week' ? 7 : 1));`,
          `  return { from, to };`,
          `}`,
          ``,
        )
      : null,
    parts.map((p) => p.fn).join('\n\n'),
    ``,
    `export async function beforeCreate(tx: Executor, values: New${pascal}Row): Promise<void> {`,
    ...parts.map((p) => p.onCreate),
    `}`,
    ``,
    `export async function beforeUpdate(tx: Executor, existing: ${pascal}Row, changes: Partial<New${pascal}Row>): Promise<void> {`,
    parts.some((p) => /\bnext\b/.test(p.onUpdate ?? '')) ? `  const next: Partial<${pascal}Row> = { ...existing, ...changes };` : null,
    ...parts.map((p) => p.onUpdate),
    `}`,
    deletes.length ? `` : null,
    deletes.length ? `export async function beforeDelete(tx: Executor, existing: ${pascal}Row): Promise<void> {` : null,
    ...deletes.map((p) => p.onDelete),
    deletes.length ? `}` : null,
  );
}

export function addRules(model: BackendModel, files: FileSink): void {
  for (const entity of model.entities) {
    const rules = dataRules(entity);
    if (!rules.length) continue;
    files.add({
      path: `backend/src/rules/${entity.names.route}.ts`,
      layer: 'backend/rules',
      explanation: `Enforces the business rules for ${entity.entity.pluralLabel.toLowerCase()} (${rules.map((r) => r.kind).join(', ')}) before each write, inside the same database transaction, and answers with a clear message when a rule is broken.`,
      serves: [`entity:${entity.entity.name}`, ...rules.map(ruleId)],
      sources: rules.flatMap((r) => r.sources),
      content: rulesFile(entity, model),
    });
  }
}
