// backend/src/validation/<entity>.ts: zod schemas for request bodies and list query strings, one
// module per entity. Unknown keys are dropped, so a client cannot set the owner or internals.
import type { LayerTable } from '../layerFiles';
import type { BackendModel, Column, EntityModel } from './model';
import { inputColumns, publicColumns, relationId, ruleId, searchableColumns } from './model';
import { lines, str } from './util';
import { lineComment } from '../emit';
import { mustHaveText } from '../fieldMeaning';
import { fieldRulesFor } from './fieldRoles';

function bounds(expr: string, column: Column): string {
  if (column.min !== undefined) expr += `.min(${column.min})`;
  if (column.max !== undefined) expr += `.max(${column.max})`;
  return expr;
}

function numericString(column: Column): string {
  const checks: string[] = [];
  if (column.min !== undefined) checks.push(`.refine((v) => Number(v) >= ${column.min}, { message: ${str(`must be at least ${column.min}`)} })`);
  if (column.max !== undefined) checks.push(`.refine((v) => Number(v) <= ${column.max}, { message: ${str(`must be at most ${column.max}`)} })`);
  // Money and decimals travel as strings to keep precision; numbers are accepted too.
  return `z.union([z.number(), z.string().regex(/^-?[0-9]+(\\.[0-9]+)?$/, 'must be a number')])${checks.join('')}.transform((v) => String(v))`;
}

/** Text is trimmed first, so a required text of spaces only is refused as blank. */
function minLength(column: Column): string {
  if (column.min !== undefined) return `.min(${column.min})`;
  return column.field && mustHaveText(column.field) ? `.min(1, 'must not be blank')` : '';
}

/** The zod expression for one column's value (before optional/nullable). */
export function zodFor(column: Column): string {
  switch (column.type) {
    case 'string':
      return `z.string().trim()${minLength(column)}.max(${Math.min(column.max ?? 255, 255)})`;
    case 'text':
      return `z.string().trim()${minLength(column)}.max(${column.max ?? 100000})`;
    case 'email':
      return `z.email().max(320)`;
    case 'url':
      return `z.url().max(2000)`;
    case 'integer':
      return bounds('z.number().int()', column);
    case 'decimal':
    case 'money':
      return numericString(column);
    case 'boolean':
      return 'z.boolean()';
    case 'date':
      return 'z.iso.date()';
    case 'datetime':
      return 'z.iso.datetime({ offset: true }).transform((v) => new Date(v))';
    case 'enum':
    case 'role':
      return `z.enum([${(column.enumValues ?? []).map(str).join(', ')}])`;
    case 'foreignKey':
      return 'z.number().int().min(1)';
    case 'passwordHash':
      return 'z.string()';
  }
}

/** Whether a create request may leave the column out. */
function optionalOnCreate(column: Column, entity: EntityModel): boolean {
  if (!column.notNull || column.default !== undefined) return true;
  return entity.rules.some((r) => r.kind === 'statusWorkflow' && r.field === column.prop);
}

function property(column: Column, entity: EntityModel): string {
  let expr = zodFor(column);
  if (!column.notNull) expr += '.nullable()';
  if (optionalOnCreate(column, entity)) expr += '.optional()';
  return `  ${column.prop}: ${expr},`;
}

export function sortableProps(entity: EntityModel): string[] {
  return ['id', ...publicColumns(entity).map((c) => c.prop), 'createdAt', 'updatedAt'];
}

/** Query-string filters besides page/sort/q: parent ids and enum values. */
export function filterColumns(entity: EntityModel): Column[] {
  return publicColumns(entity).filter((c) => c.type === 'foreignKey' || c.enumValues);
}

/** Fields of the sign-in user a new account may not give itself: a role rule on fields limits setting them. */
function signUpLocked(entity: EntityModel): string[] {
  const fields = fieldRulesFor(entity, 'create').flatMap((r) => r.fields);
  return entity.columns.filter((c) => c.field && fields.includes(c.field.name)).map((c) => c.prop);
}

function validationFile(entity: EntityModel, model: BackendModel): string {
  const { pascal } = entity.names;
  const fields = inputColumns(entity).map((column) => property(column, entity));
  const auth = model.auth;
  const searchable = searchableColumns(entity).length > 0;
  return lines(
    `// Input validation for ${lineComment(entity.entity.pluralLabel.toLowerCase())}: what a client may send, checked before any database work.`,
    `import { z } from 'zod';`,
    `import { IdFilter, ListQueryBase } from '../http/list.js';`,
    ``,
    `/** Body of POST${entity.isAuthUser ? ' (an admin creating an account)' : ''}. */`,
    `export const ${pascal}Create = z.object({`,
    entity.isAuthUser && `  email: z.email().max(320).transform((v) => v.toLowerCase()),`,
    entity.isAuthUser && `  password: z.string().min(8).max(200),`,
    entity.isAuthUser && auth && `  role: z.enum([${auth.roles.map(str).join(', ')}]).optional(),`,
    ...fields,
    ...entity.links.map((link) => `  ${link.prop}: z.array(z.number().int().min(1)).max(1000).optional(),`),
    `});`,
    ``,
    `/** Body of PATCH: any subset of the create fields. */`,
    entity.isAuthUser
      ? `export const ${pascal}Update = ${pascal}Create.omit({ email: true, password: true }).partial();`
      : `export const ${pascal}Update = ${pascal}Create.partial();`,
    entity.isAuthUser && ``,
    entity.isAuthUser && `/** Body of POST /api/auth/register: the role is never chosen by the client${signUpLocked(entity).length ? `, nor ${signUpLocked(entity).join(', ')} (only some roles may set ${signUpLocked(entity).length > 1 ? 'them' : 'it'})` : ''}. */`,
    entity.isAuthUser && `export const RegisterInput = ${pascal}Create.omit({ ${['role', ...signUpLocked(entity)].map((k) => `${k}: true`).join(', ')} });`,
    entity.isAuthUser && ``,
    entity.isAuthUser && `export const LoginInput = z.object({ email: z.string().transform((v) => v.trim().toLowerCase()), password: z.string() });`,
    ``,
    searchable
      ? `/** Query string of GET (list): page, pageSize, sort, order, q and filters. */`
      : `/** Query string of GET (list): page, pageSize, sort, order and filters (no text field, so no q). */`,
    `export const ${pascal}ListQuery = ListQueryBase${searchable ? '' : `.omit({ q: true })`}.extend({`,
    `  sort: z.enum([${sortableProps(entity).map(str).join(', ')}]).default('id'),`,
    ...filterColumns(entity).map((c) =>
      c.type === 'foreignKey' ? `  ${c.prop}: IdFilter,` : `  ${c.prop}: z.enum([${(c.enumValues ?? []).map(str).join(', ')}]).optional(),`,
    ),
    `});`,
  );
}

export const VALIDATION_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/validation',
  files: [
    {
      perEntity: true,
      path: 'backend/src/validation/{entity}.ts',
      content: (model, entity) => validationFile(entity, model),
      explanation: (_model, entity) =>
        `Checks what clients send for ${entity.entity.pluralLabel.toLowerCase()} (required fields, types, allowed values, lengths) and answers 400 with the list of problems before anything touches the database.`,
      serves: (_model, entity) => [
        `entity:${entity.entity.name}`,
        ...entity.parents.map(relationId),
        ...(entity.isAuthUser ? ['auth'] : []),
        ...entity.rules.filter((r) => r.kind === 'statusWorkflow').map(ruleId),
      ],
      sources: (_model, entity) => entity.sources,
    },
  ],
};
