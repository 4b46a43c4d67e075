// One business rule's share of backend/src/rules/<entity>.ts: the check it adds and the statements
// the beforeCreate/beforeUpdate hooks run for it. rules.ts orders the parts and assembles the module;
// refusals (refuseWhen) live in refusals.ts.
import { humanize, withArticle } from '../../../model/project/naming';
import type { Rule } from '../../../model/project/projectSpec';
import type { BackendModel, EntityModel } from './model';
import { foreignKeyProperty } from '../contract';
import { lines, str } from './util';
import { blockComment, lineComment, singleQuotedText, templateText } from '../emit';

export type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/** One rule's share of the module: its function and the statements each hook runs. */
export interface Part {
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
  /** The check reads who acts (a refusal that excepts roles): the hooks take the signed-in user. */
  needsActor?: boolean;
}

function propOf(entity: EntityModel, name: string): string {
  return entity.parents.some((r) => r.name === name) && !entity.columns.some((c) => c.prop === name) ? foreignKeyProperty(name) : name;
}

const PERIOD_WORDS = { day: 'on that day', week: 'in that week', month: 'in that month' } as const;

/** What a capacity rule counts against: the parent row (when per parent), the period and the flag that stops a row counting. */
function capacityScope(rule: RuleOf<'capacity'>, entity: EntityModel, model: BackendModel) {
  const relation = rule.relation ? entity.parents.find((r) => r.name === rule.relation) : undefined;
  const parent = relation ? model.entity(relation.to) : undefined;
  const period = rule.period;
  const periodColumn = period ? entity.columns.find((c) => c.prop === period.field) : undefined;
  return {
    parent,
    t: entity.names.camelPlural,
    p: parent?.names.camelPlural,
    fk: relation ? foreignKeyProperty(relation.name) : undefined,
    active: rule.activeWhenNull,
    period,
    cast: periodColumn?.type === 'date' ? 'date' : 'timestamptz',
    noun: (rule.limit === 1 ? entity.entity.label : entity.entity.pluralLabel).toLowerCase(),
    parentLabel: parent?.entity.label.toLowerCase() ?? '',
  };
}

type CapacityScope = ReturnType<typeof capacityScope>;

/** The check's doc comment and the message a full period or parent gets; `limit` and `taken` are filled in at run time. */
function capacityWording(rule: RuleOf<'capacity'>, { parent, period, noun, parentLabel }: CapacityScope) {
  const per = [parent ? `per ${parentLabel}` : '', period ? `per ${period.unit}` : ''].filter(Boolean).join(' ');
  const doc = rule.capacityField
    ? `At most ${parentLabel}.${rule.capacityField} ${noun} per ${parentLabel}${period ? ` per ${period.unit} of ${period.field}` : ''}`
    : `At most ${rule.limit} ${noun} ${per ? `${per}${period ? ` (by ${period.field})` : ''}` : 'in all'}`;
  const where = period ? PERIOD_WORDS[period.unit] : '';
  const message = rule.capacityField
    ? `This ${templateText(parentLabel)} is full${period ? ` ${where}` : ''}: it allows \${limit} ${templateText(noun)}${period ? ` per ${period.unit}` : ''} and has \${taken}.`
    : `No more than ${rule.limit} ${templateText(noun)}${per ? ` ${templateText(per)}` : ' in all'}: ${parent ? `this ${templateText(parentLabel)} already has` : 'there are already'} \${taken}${where ? ` ${where}` : ''}.`;
  return { doc, message };
}

/** The lock that serialises concurrent writes: the parent row, or an advisory lock on the table or period. */
function capacityLock(rule: RuleOf<'capacity'>, { parent, p, t, fk, period, parentLabel }: CapacityScope, i: number): string[] {
  return parent
    ? [
        `  // Locking the parent row serialises concurrent writes for the same ${lineComment(parentLabel)}.`,
        `  const [parent] = await tx.select({ ${rule.capacityField ? `limit: ${p}.${rule.capacityField}` : `id: ${p}.id`} }).from(${p}).where(eq(${p}.id, next.${fk})).for('update');`,
        rule.capacityField ? `  if (!parent || parent.limit == null) return;` : `  if (!parent) return;`,
      ]
    : [
        `  // No parent row to lock: a transaction-scoped advisory lock on the ${period ? 'period' : 'table'} serialises concurrent creates.`,
        `  await tx.execute(sql\`select pg_advisory_xact_lock(hashtext(\${${str(`${t}:capacity${i}`)}${period ? ` + ':' + range.from.toISOString()` : ''}}))\`);`,
      ];
}

/** The conditions selecting the rows that count: same parent, same period, still active, not the row itself. */
function capacityConditions({ t, fk, period, cast, active }: CapacityScope): (string | null)[] {
  const fromValue = (v: string) => (cast === 'date' ? `${v}.toISOString().slice(0, 10)` : `${v}.toISOString()`);
  return [
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
  ];
}

export function capacity(rule: RuleOf<'capacity'>, entity: EntityModel, model: BackendModel, i: number): Part {
  const scope = capacityScope(rule, entity, model);
  const { parent, t, p, fk, active, period } = scope;
  const { doc, message } = capacityWording(rule, scope);
  const fn = `checkCapacity${i}`;
  const skip = [fk && `next.${fk} == null`, period && `next.${period.field} == null`, active && `next.${active} != null`].filter(Boolean).join(' || ');
  const fn_ = lines(
    `/** ${blockComment(`${doc}${active ? ` (counting only those without ${active})` : ''}.`)} */`,
    `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
    skip ? `  if (${skip}) return;` : null,
    period ? `  const range = periodOf(next.${period.field}, ${str(period.unit)});` : null,
    ...capacityLock(rule, scope, i),
    ...capacityConditions(scope),
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

export function uniqueRule(rule: RuleOf<'unique'>, entity: EntityModel, i: number) {
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
      `    throw new ApiError(409, 'conflict', ${str(`${withArticle(entity.entity.label.toLowerCase(), true)} with this ${labels.join(' and ')} already exists.`)}, { rule: 'unique', fields: ${JSON.stringify(props)}, id: clash.id });`,
      `  }`,
      `}`,
    ),
    onCreate: `  await ${fn}(tx, values);`,
    onUpdate: `  if (${props.map((p) => `changes.${p} !== undefined`).join(' || ')}) await ${fn}(tx, next, existing.id);`,
    imports: ['and', 'eq', 'ne', 'type SQL'],
    tables: [t],
  };
}

export function noOverlap(rule: RuleOf<'noOverlap'>, entity: EntityModel, model: BackendModel, i: number) {
  const relation = entity.parents.find((r) => r.name === rule.scope)!;
  const parent = model.entity(relation.to);
  const t = entity.names.camelPlural;
  const p = parent.names.camelPlural;
  const fk = foreignKeyProperty(relation.name);
  const fn = `checkNoOverlap${i}`;
  const noun = entity.entity.label.toLowerCase();
  // (A user in a role is named by the link: "the same doctor", not "the same user".)
  const scopeLabel = parent.entity.name === 'User' ? humanize(relation.name).toLowerCase() : parent.entity.label.toLowerCase();
  // (Where the date order allows equal times, a zero-length row is allowed here too: it overlaps nothing.)
  const equalAllowed = !!rule.end && entity.rules.some((r) => r.kind === 'dateOrder' && r.earlier === rule.start && r.later === rule.end && r.allowEqual);
  const endOf = rule.end
    ? { value: `next.${rule.end} == null ? undefined : toTime(next.${rule.end})`, column: `${t}.${rule.end}` }
    : {
        value: `next.${rule.durationMinutesField} == null ? undefined : new Date(start.getTime() + Number(next.${rule.durationMinutesField}) * 60_000)`,
        column: `sql\`\${${t}.${rule.start}} + (\${${t}.${rule.durationMinutesField}} * interval '1 minute')\``,
      };
  const fields = [rule.start, rule.end, rule.durationMinutesField, fk].filter(Boolean);
  // (Named like the date-order check's message, which the same backwards times may meet first or second.)
  const endsAfterStart = rule.end
    ? `${withArticle(noun, true)} must end after it starts: ${fieldLabel(entity, rule.end).toLowerCase()} (${rule.end}) must be after ${fieldLabel(entity, rule.start).toLowerCase()} (${rule.start}).`
    : `${withArticle(noun, true)} must end after it starts.`;
  return {
    fn: lines(
      `/** ${blockComment(`Two ${entity.entity.pluralLabel.toLowerCase()} of the same ${scopeLabel} may not overlap in time.`)} */`,
      `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
      `  if (next.${fk} == null || next.${rule.start} == null) return;`,
      `  const start = toTime(next.${rule.start});`,
      `  const end = ${endOf.value};`,
      `  if (!end) return;`,
      `  if (end.getTime() ${equalAllowed ? '<' : '<='} start.getTime()) throw ruleViolated('${singleQuotedText(endsAfterStart)}', 422, { rule: 'noOverlap' });`,
      `  await tx.select({ id: ${p}.id }).from(${p}).where(eq(${p}.id, next.${fk})).for('update');`,
      `  const conditions: SQL[] = [`,
      `    eq(${t}.${fk}, next.${fk}),`,
      `    sql\`\${${t}.${rule.start}} < \${end.toISOString()}::timestamptz\`,`,
      `    sql\`\${${endOf.column}} > \${start.toISOString()}::timestamptz\`,`,
      `  ];`,
      `  if (excludeId !== undefined) conditions.push(ne(${t}.id, excludeId));`,
      `  const [clash] = await tx.select({ id: ${t}.id }).from(${t}).where(and(...conditions)).limit(1);`,
      `  if (clash) {`,
      `    throw ruleViolated(${str(`This ${noun} overlaps another ${noun} of the same ${scopeLabel}.`)}, 409, { rule: 'noOverlap', conflictsWith: clash.id });`,
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

export function workflow(rule: RuleOf<'statusWorkflow'>, entity: EntityModel) {
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

function fieldLabel(entity: EntityModel, prop: string): string {
  return entity.columns.find((c) => c.prop === prop)?.field?.label ?? prop;
}

export function dateOrder(rule: RuleOf<'dateOrder'>, entity: EntityModel, i: number): Part {
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
