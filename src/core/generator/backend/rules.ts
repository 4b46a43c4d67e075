// backend/src/rules/<entity>.ts: the business rules of the spec that depend on other rows
// (capacity, unique combinations, no overlapping bookings, status workflows). Routes call
// beforeCreate/beforeUpdate inside the same transaction as the write, after locking the parent
// row, so two simultaneous requests cannot both take the last place.
import type { FileSink } from './util';
import type { Rule } from '../../spec/projectSpec';
import type { BackendModel, EntityModel } from './model';
import { ruleId } from './model';
import { foreignKeyProperty } from '../contract';
import { lines, str } from './util';

type RuleOf<K extends Rule['kind']> = Extract<Rule, { kind: K }>;

/** Rules enforced in rules/<entity>.ts (ownership and roles live in the routes). */
export function dataRules(entity: EntityModel): Rule[] {
  return entity.rules.filter((r) => r.kind === 'capacity' || r.kind === 'unique' || r.kind === 'noOverlap' || r.kind === 'statusWorkflow');
}

function propOf(entity: EntityModel, name: string): string {
  return entity.parents.some((r) => r.name === name) && !entity.columns.some((c) => c.prop === name) ? foreignKeyProperty(name) : name;
}

function capacity(rule: RuleOf<'capacity'>, entity: EntityModel, model: BackendModel, i: number) {
  const relation = entity.parents.find((r) => r.name === rule.relation)!;
  const parent = model.entity(relation.to);
  const t = entity.names.camelPlural;
  const p = parent.names.camelPlural;
  const fk = foreignKeyProperty(relation.name);
  const active = rule.activeWhenNull;
  const noun = entity.entity.pluralLabel.toLowerCase();
  const fn = `checkCapacity${i}`;
  return {
    fn: lines(
      `/** At most ${parent.entity.label.toLowerCase()}.${rule.capacityField} ${noun} per ${parent.entity.label.toLowerCase()}${active ? ` (counting only those without ${active})` : ''}. */`,
      `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
      `  if (next.${fk} == null${active ? ` || next.${active} != null` : ''}) return;`,
      `  // Locking the parent row serialises concurrent bookings for the same ${parent.entity.label.toLowerCase()}.`,
      `  const [parent] = await tx.select({ limit: ${p}.${rule.capacityField} }).from(${p}).where(eq(${p}.id, next.${fk})).for('update');`,
      `  if (!parent || parent.limit == null) return;`,
      `  const conditions: SQL[] = [eq(${t}.${fk}, next.${fk})];`,
      active ? `  conditions.push(isNull(${t}.${active}));` : null,
      `  if (excludeId !== undefined) conditions.push(ne(${t}.id, excludeId));`,
      `  const [{ taken }] = await tx.select({ taken: count() }).from(${t}).where(and(...conditions));`,
      `  const limit = Number(parent.limit);`,
      `  if (taken >= limit) {`,
      `    throw ruleViolated(\`This ${parent.entity.label.toLowerCase()} is full: it allows \${limit} ${noun} and has \${taken}.\`, 409, { rule: 'capacity', limit, taken });`,
      `  }`,
      `}`,
    ),
    onCreate: `  await ${fn}(tx, values);`,
    onUpdate: lines(
      `  if ((changes.${fk} !== undefined && changes.${fk} !== existing.${fk})${active ? ` || (existing.${active} != null && next.${active} == null)` : ''}) {`,
      `    await ${fn}(tx, next, existing.id);`,
      `  }`,
    ),
    imports: ['and', 'count', 'eq', 'ne', 'type SQL', ...(active ? ['isNull'] : [])],
    tables: [t, p],
  };
}

function uniqueRule(rule: RuleOf<'unique'>, entity: EntityModel, i: number) {
  const t = entity.names.camelPlural;
  const props = rule.fields.map((f) => propOf(entity, f));
  const labels = rule.fields.map((f) => entity.columns.find((c) => c.prop === f)?.field?.label.toLowerCase() ?? f);
  const fn = `checkUnique${i}`;
  return {
    fn: lines(
      `/** ${labels.join(' + ')} must be unique among ${entity.entity.pluralLabel.toLowerCase()}. */`,
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
      `/** Two ${entity.entity.pluralLabel.toLowerCase()} of the same ${parent.entity.label.toLowerCase()} may not overlap in time. */`,
      `async function ${fn}(tx: Executor, next: Partial<${entity.names.pascal}Row>, excludeId?: number): Promise<void> {`,
      `  if (next.${fk} == null || next.${rule.start} == null) return;`,
      `  const start = toTime(next.${rule.start});`,
      `  const end = ${endOf.value};`,
      `  if (!end) return;`,
      `  if (end.getTime() <= start.getTime()) throw ruleViolated('A ${noun} must end after it starts.', 422, { rule: 'noOverlap' });`,
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
      `    throw ruleViolated(\`${entity.entity.label} ${f} cannot change from "\${existing.${f}}" to "\${changes.${f}}".\`, 422, { rule: 'statusWorkflow', field: ${str(f)}, from: existing.${f}, to: changes.${f} });`,
      `  }`,
    ),
    imports: [] as string[],
    tables: [] as string[],
  };
}

function rulesFile(entity: EntityModel, model: BackendModel): string {
  const parts = dataRules(entity).map((rule, i) => {
    switch (rule.kind) {
      case 'capacity':
        return capacity(rule, entity, model, i + 1);
      case 'unique':
        return uniqueRule(rule, entity, i + 1);
      case 'noOverlap':
        return noOverlap(rule, entity, model, i + 1);
      default:
        return workflow(rule as RuleOf<'statusWorkflow'>, entity);
    }
  });
  const { pascal } = entity.names;
  const drizzleImports = [...new Set(parts.flatMap((p) => p.imports))].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
  const tables = [...new Set(parts.flatMap((p) => p.tables))].sort();
  const needsTime = parts.some((p) => 'needsTime' in p);
  const usesApiError = parts.some((p) => p.fn.includes('new ApiError'));
  const usesRule = parts.some((p) => [p.fn, p.onCreate, p.onUpdate].some((s) => s.includes('ruleViolated')));
  return lines(
    `// Business rules for ${entity.entity.pluralLabel.toLowerCase()}, checked inside the write's transaction.`,
    drizzleImports.length ? `import { ${drizzleImports.join(', ')} } from 'drizzle-orm';` : null,
    `import type { Executor } from '../db/client.js';`,
    `import { ${[...tables, `type New${pascal}Row`, `type ${pascal}Row`].join(', ')} } from '../db/schema.js';`,
    usesApiError || usesRule ? `import { ${[usesApiError && 'ApiError', usesRule && 'ruleViolated'].filter(Boolean).join(', ')} } from '../http/errors.js';` : null,
    ``,
    needsTime ? lines(`function toTime(value: Date | string): Date {`, `  return value instanceof Date ? value : new Date(value);`, `}`, ``) : null,
    parts.map((p) => p.fn).join('\n\n'),
    ``,
    `export async function beforeCreate(tx: Executor, values: New${pascal}Row): Promise<void> {`,
    ...parts.map((p) => p.onCreate),
    `}`,
    ``,
    `export async function beforeUpdate(tx: Executor, existing: ${pascal}Row, changes: Partial<New${pascal}Row>): Promise<void> {`,
    parts.some((p) => /\bnext\b/.test(p.onUpdate)) ? `  const next: Partial<${pascal}Row> = { ...existing, ...changes };` : null,
    ...parts.map((p) => p.onUpdate),
    `}`,
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
