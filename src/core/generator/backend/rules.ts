// backend/src/rules/<entity>.ts: the business rules of the spec that depend on other rows or on
// the row's own values (capacity, unique combinations, no overlapping bookings, status workflows,
// date order, conditional refusals). Routes call beforeCreate/beforeUpdate/beforeDelete inside the
// same transaction as the write, after locking the row and the parent rows a rule reads, so two
// simultaneous requests cannot both take the last place or slip past a refusal.
import type { LayerTable } from '../layerFiles';
import type { Rule } from '../../../model/project/projectSpec';
import type { BackendModel, EntityModel } from './model';
import { ruleId } from './model';
import { capacity, dateOrder, noOverlap, uniqueRule, workflow, type Part, type RuleOf } from './ruleChecks';
import { refuseWhen } from './refusals';
import { lines } from './util';
import { lineComment } from '../emit';

const DATA_RULES = new Set<Rule['kind']>(['capacity', 'unique', 'noOverlap', 'statusWorkflow', 'dateOrder', 'refuseWhen']);

/** Rules enforced in rules/<entity>.ts (ownership and roles live in the routes). */
export function dataRules(entity: EntityModel): Rule[] {
  return entity.rules.filter((r) => DATA_RULES.has(r.kind));
}

/** Whether the entity's rule hooks take the signed-in user (a refusal that excepts roles reads it). */
export function rulesNeedActor(entity: EntityModel): boolean {
  return entity.rules.some((r) => r.kind === 'refuseWhen' && r.exceptRoles !== undefined);
}

/** Whether the entity's rules module has a beforeDelete hook (refusals of delete). */
export function hasDeleteRules(entity: EntityModel): boolean {
  return entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes('delete'));
}

function rulePart(rule: Rule, entity: EntityModel, model: BackendModel, n: number): Part {
  switch (rule.kind) {
    case 'capacity':
      return capacity(rule, entity, model, n);
    case 'unique':
      return uniqueRule(rule, entity, n);
    case 'noOverlap':
      return noOverlap(rule, entity, model, n);
    case 'dateOrder':
      return dateOrder(rule, entity, n);
    case 'refuseWhen':
      return refuseWhen(rule, entity, model, n);
    default:
      return workflow(rule as RuleOf<'statusWorkflow'>, entity);
  }
}

function hooksOf(p: Part): string[] {
  return [p.onCreate, p.onUpdate, p.onDelete].filter((h): h is string => typeof h === 'string');
}

/** The module's imports: drizzle operators, the tables the checks read, the row types and the error helpers. */
function rulesImports(parts: Part[], pascal: string): string {
  const drizzleImports = [...new Set(parts.flatMap((p) => p.imports))].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', '')));
  const tables = [...new Set(parts.flatMap((p) => p.tables))].sort();
  const usesApiError = parts.some((p) => p.fn.includes('new ApiError'));
  const usesRule = parts.some((p) => [p.fn, ...hooksOf(p)].some((s) => s.includes('ruleViolated')));
  return lines(
    drizzleImports.length ? `import { ${drizzleImports.join(', ')} } from 'drizzle-orm';` : null,
    `import type { Executor } from '../db/client.js';`,
    `import { ${[...tables, `type New${pascal}Row`, `type ${pascal}Row`].join(', ')} } from '../db/schema.js';`,
    usesApiError || usesRule ? `import { ${[usesApiError && 'ApiError', usesRule && 'ruleViolated'].filter(Boolean).join(', ')} } from '../http/errors.js';` : null,
    parts.some((p) => p.needsActor) ? lines(`import { isAdmin } from '../auth/access.js';`, `import type { AuthUser } from '../http/context.js';`) : null,
  );
}

/** The date helpers only some checks use (toTime, today, periodOf), each written only when needed. */
function dateHelpers(parts: Part[]): string | null {
  const text = lines(
    parts.some((p) => p.needsTime) ? lines(`function toTime(value: Date | string): Date {`, `  return value instanceof Date ? value : new Date(value);`, `}`, ``) : null,
    parts.some((p) => p.needsToday)
      ? lines(
          `/** Today's date (UTC) as YYYY-MM-DD, the form date columns are stored in, moved by \`days\` (a refusal's margin). */`,
          `function today(days = 0): string {`,
          `  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);`,
          `}`,
          ``,
        )
      : null,
    parts.some((p) => p.needsPeriod)
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
  );
  return text || null; // none needed: no line at all, not an empty one
}

/** beforeCreate, beforeUpdate and (when a refusal covers delete) beforeDelete, running each part's statements. */
function hookFunctions(parts: Part[], pascal: string): string {
  const deletes = parts.filter((p) => p.onDelete);
  // Who acts, for refusals that except some roles (undefined when nobody is signed in).
  const actor = parts.some((p) => p.needsActor) ? ', actor?: AuthUser' : '';
  return lines(
    `export async function beforeCreate(tx: Executor, values: New${pascal}Row${actor}): Promise<void> {`,
    ...parts.map((p) => p.onCreate),
    `}`,
    ``,
    `export async function beforeUpdate(tx: Executor, existing: ${pascal}Row, changes: Partial<New${pascal}Row>${actor}): Promise<void> {`,
    parts.some((p) => /\bnext\b/.test(p.onUpdate ?? '')) ? `  const next: Partial<${pascal}Row> = { ...existing, ...changes };` : null,
    ...parts.map((p) => p.onUpdate),
    `}`,
    deletes.length ? `` : null,
    deletes.length ? `export async function beforeDelete(tx: Executor, existing: ${pascal}Row${actor}): Promise<void> {` : null,
    ...deletes.map((p) => p.onDelete),
    deletes.length ? `}` : null,
  );
}

function rulesFile(entity: EntityModel, model: BackendModel): string {
  const built = dataRules(entity).map((rule, i) => rulePart(rule, entity, model, i + 1));
  // Refusals run before the other checks: they decide whether the action may happen at all.
  const parts = [...built.filter((p) => p.first), ...built.filter((p) => !p.first)];
  const { pascal } = entity.names;
  return lines(
    `// Business rules for ${lineComment(entity.entity.pluralLabel.toLowerCase())}, checked inside the write's transaction.`,
    rulesImports(parts, pascal),
    ``,
    dateHelpers(parts),
    parts.map((p) => p.fn).join('\n\n'),
    ``,
    hookFunctions(parts, pascal),
  );
}

export const RULES_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/rules',
  files: [
    {
      perEntity: true,
      path: 'backend/src/rules/{entity}.ts',
      when: (_model, entity) => dataRules(entity).length > 0,
      content: (model, entity) => rulesFile(entity, model),
      explanation: (_model, entity) =>
        `Enforces the business rules for ${entity.entity.pluralLabel.toLowerCase()} (${dataRules(entity).map((r) => r.kind).join(', ')}) before each write, inside the same database transaction, and answers with a clear message when a rule is broken.`,
      serves: (_model, entity) => [`entity:${entity.entity.name}`, ...dataRules(entity).map(ruleId)],
      sources: (_model, entity) => dataRules(entity).flatMap((r) => r.sources),
    },
  ],
};
