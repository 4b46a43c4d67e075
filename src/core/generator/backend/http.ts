// backend/src/http/*: the error format, request parsing and list helpers every route shares, so
// all endpoints answer in the contract's shapes.
import { withArticle } from '../../../model/project/naming';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../contract';
import type { LayerTable } from '../layerFiles';
import type { BackendModel } from './model';
import { checkConstraints } from './checkConstraints';
import { foreignKeyName, uniqueConstraints } from './migrations';
import { lines, str } from './util';

function uniqueMessages(model: BackendModel): string[] {
  const entries: string[] = [];
  for (const entity of model.entities) {
    for (const constraint of uniqueConstraints(entity)) {
      const labels = constraint.columns.map((column) => {
        const found = entity.columns.find((c) => c.column === column);
        return (found?.field?.label ?? found?.relation?.name ?? found?.prop ?? column).toLowerCase();
      });
      entries.push(`  ${str(constraint.name)}: ${str(`${withArticle(entity.entity.label.toLowerCase(), true)} with this ${labels.join(' and ')} already exists.`)},`);
    }
  }
  return entries;
}

/**
 * For each foreign key: what to say when a row cannot be deleted because others still refer to it
 * (ON DELETE RESTRICT), and when a request names a parent that does not exist.
 */
function foreignKeyMessages(model: BackendModel): string[] {
  const entries: string[] = [];
  for (const entity of model.entities) {
    for (const column of entity.columns) {
      if (!column.relation) continue;
      const parent = model.entity(column.relation.to).entity;
      const children = entity.entity.pluralLabel.toLowerCase();
      const referenced = `This ${parent.label.toLowerCase()} still has ${children}; delete them or move them to another ${parent.label.toLowerCase()} first.`;
      const missing = `The ${parent.label.toLowerCase()} given as ${column.prop.replace(/Id$/, '')} does not exist.`;
      entries.push(`  ${str(foreignKeyName(entity.names.table, column.column))}: { referencedBy: ${str(children)}, referenced: ${str(referenced)}, missing: ${str(missing)} },`);
    }
  }
  return entries;
}

/** The field and message of each CHECK constraint, so a database refusal reads like the API's own validation. */
function checkMessages(model: BackendModel): string[] {
  return model.entities.flatMap((entity) =>
    checkConstraints(entity).map((check) => `  ${str(check.name)}: { path: ${str(check.path)}, message: ${str(check.message)} },`),
  );
}

/** The error format and request parsing: ApiError, its helpers, zod validation, JSON body and :id. */
const ERROR_HELPERS = lines(
  `// The one error format of the API: { error: { code, message, details? } }. Handlers throw`,
  `// ApiError; app.ts turns it (and database errors) into the JSON response.`,
  `import type { Context } from 'hono';`,
  `import type { ContentfulStatusCode } from 'hono/utils/http-status';`,
  `import type { z } from 'zod';`,
  ``,
  `export type ErrorCode = 'validation_failed' | 'unauthorized' | 'forbidden' | 'not_found' | 'conflict' | 'rule_violated' | 'internal';`,
  ``,
  `export class ApiError extends Error {`,
  `  constructor(`,
  `    readonly status: ContentfulStatusCode,`,
  `    readonly code: ErrorCode,`,
  `    message: string,`,
  `    readonly details?: unknown,`,
  `  ) {`,
  `    super(message);`,
  `  }`,
  `}`,
  ``,
  `export function errorBody(code: ErrorCode, message: string, details?: unknown) {`,
  `  return { error: details === undefined ? { code, message } : { code, message, details } };`,
  `}`,
  ``,
  `export function notFound(label: string, id: number | string): ApiError {`,
  `  return new ApiError(404, 'not_found', \`\${label} \${id} was not found.\`);`,
  `}`,
  ``,
  `/** A business rule said no: 409 when the data conflicts, 422 when the change itself is not allowed. */`,
  `export function ruleViolated(message: string, status: 409 | 422 = 409, details?: unknown): ApiError {`,
  `  return new ApiError(status, 'rule_violated', message, details);`,
  `}`,
  ``,
  `/** Validates with zod; on failure a 400 listing each problem by field path. */`,
  `export function parseWith<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {`,
  `  const result = schema.safeParse(value);`,
  `  if (!result.success) {`,
  `    const details = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));`,
  `    throw new ApiError(400, 'validation_failed', 'The request is not valid.', details);`,
  `  }`,
  `  return result.data;`,
  `}`,
  ``,
  `export async function readJson(c: Context): Promise<unknown> {`,
  `  try {`,
  `    return await c.req.json();`,
  `  } catch {`,
  `    throw new ApiError(400, 'validation_failed', 'The request body must be JSON.');`,
  `  }`,
  `}`,
  ``,
  `/** The :id path parameter; anything but a positive integer cannot name a row, so 404. */`,
  `export function parseId(c: Context, label: string): number {`,
  `  const raw = c.req.param('id') ?? '';`,
  `  const id = Number(raw);`,
  `  if (!/^[0-9]+$/.test(raw) || !Number.isSafeInteger(id) || id < 1) throw notFound(label, raw);`,
  `  return id;`,
  `}`,
);

/**
 * Database errors as API errors: unique and foreign-key violations become 409, bad values 400 (a CHECK naming its field).
 * PostgreSQL reports ON DELETE RESTRICT as 23503 and PGlite as 23001 (restrict_violation): both
 * mean "other rows still refer to this one" on DELETE, and "that parent does not exist" otherwise.
 */
const DATABASE_ERRORS = lines(
  `interface PostgresError {`,
  `  code: string;`,
  `  message: string;`,
  `  constraint?: string;`,
  `}`,
  ``,
  `function foreignKeyError(pg: PostgresError, method: string): ApiError {`,
  `  const known = FOREIGN_KEYS[pg.constraint ?? ''];`,
  `  if (pg.code === '23001' || method === 'DELETE') {`,
  `    const message = known?.referenced ?? 'Other records still refer to this one; delete them first.';`,
  `    return new ApiError(409, 'conflict', message, { constraint: pg.constraint, referencedBy: known?.referencedBy });`,
  `  }`,
  `  return new ApiError(409, 'conflict', known?.missing ?? 'A related record does not exist.', { constraint: pg.constraint });`,
  `}`,
  ``,
  `/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE is on the error or one of its causes. */`,
  `function postgresError(error: unknown): PostgresError | undefined {`,
  `  for (let current = error, depth = 0; current && depth < 5; depth++) {`,
  `    const candidate = current as Partial<PostgresError> & { cause?: unknown };`,
  `    if (typeof candidate.code === 'string' && /^[0-9A-Z]{5}$/.test(candidate.code)) return candidate as PostgresError;`,
  `    current = candidate.cause;`,
  `  }`,
  `  return undefined;`,
  `}`,
  ``,
  `/** The API error for anything a handler threw; method tells a blocked delete from a missing parent. */`,
  `export function toApiError(error: unknown, method = 'GET'): ApiError {`,
  `  if (error instanceof ApiError) return error;`,
  `  const pg = postgresError(error);`,
  `  switch (pg?.code) {`,
  `    case '23505':`,
  `      return new ApiError(409, 'conflict', UNIQUE_MESSAGES[pg.constraint ?? ''] ?? 'This record already exists.', { constraint: pg.constraint });`,
  `    case '23001':`,
  `    case '23503':`,
  `      return foreignKeyError(pg, method);`,
  `    case '23514': {`,
  `      const check = CHECK_MESSAGES[pg.constraint ?? ''];`,
  `      if (check) return new ApiError(400, 'validation_failed', 'The request is not valid.', [check]);`,
  `      return new ApiError(400, 'validation_failed', pg.message);`,
  `    }`,
  `    case '23502':`,
  `    case '22P02':`,
  `    case '22003':`,
  `    case '22007':`,
  `    case '22008':`,
  `      return new ApiError(400, 'validation_failed', pg.message);`,
  `  }`,
  `  return new ApiError(500, 'internal', 'Something went wrong on the server.');`,
  `}`,
);

function errorsFile(model: BackendModel): string {
  return lines(
    ERROR_HELPERS,
    ``,
    `/** Readable messages for the unique constraints of migrations/0001_init.sql. */`,
    `const UNIQUE_MESSAGES: Record<string, string> = {`,
    ...uniqueMessages(model),
    `};`,
    ``,
    `/** Each foreign key of the migrations: who refers, and what to say when it blocks a request. */`,
    `const FOREIGN_KEYS: Record<string, { referencedBy: string; referenced: string; missing: string }> = {`,
    ...foreignKeyMessages(model),
    `};`,
    ``,
    `/** Field and message of the CHECK constraints of migrations/0001_init.sql (values the API already refuses, checked again by the database). */`,
    `const CHECK_MESSAGES: Record<string, { path: string; message: string }> = {`,
    ...checkMessages(model),
    `};`,
    ``,
    DATABASE_ERRORS,
  );
}

const LIST = lines(
  `// Query-string parsing shared by every list endpoint: pagination, sort order and text search.`,
  `import { z } from 'zod';`,
  ``,
  `export const DEFAULT_PAGE_SIZE = ${DEFAULT_PAGE_SIZE};`,
  `export const MAX_PAGE_SIZE = ${MAX_PAGE_SIZE};`,
  ``,
  `export const ListQueryBase = z.object({`,
  `  page: z.coerce.number().int().min(1).default(1),`,
  `  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE),`,
  `  order: z.enum(['asc', 'desc']).default('asc'),`,
  `  q: z.string().trim().max(200).optional(),`,
  `});`,
  ``,
  `/** An id filter from the query string, e.g. ?projectId=3. */`,
  `export const IdFilter = z.coerce.number().int().min(1).optional();`,
  ``,
  `export interface Page<T> {`,
  `  items: T[];`,
  `  total: number;`,
  `  page: number;`,
  `  pageSize: number;`,
  `}`,
  ``,
  `/** ILIKE pattern matching the text anywhere, with % and _ taken literally. */`,
  `export function likePattern(text: string): string {`,
  `  return \`%\${text.replace(/[\\\\%_]/g, (char) => '\\\\' + char)}%\`;`,
  `}`,
);

function contextFile(model: BackendModel): string {
  return lines(
    `// Types shared by the routes: what each handler can reach (database, configuration) and the`,
    `// signed-in user${model.auth ? ' set by the auth middleware' : ' (unused: this app has no sign-in)'}.`,
    `import type { Db } from '../db/client.js';`,
    `import type { Env } from '../env.js';`,
    ``,
    `export interface AuthUser {`,
    `  id: number;`,
    `  email: string;`,
    `  role: string;`,
    `}`,
    ``,
    `export type AppEnv = { Variables: { user: AuthUser } };`,
    ``,
    `export interface AppDeps {`,
    `  db: Db;`,
    `  env: Env;`,
    `}`,
  );
}

export const HTTP_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/http',
  serves: ['api'],
  files: [
    {
      path: 'backend/src/http/errors.ts',
      content: errorsFile,
      explanation:
        'Defines the single error format of the API ({ error: { code, message, details } }) and turns database errors such as duplicate values into readable 409 responses.',
      serves: (model) => ['api', ...model.spec.rules.filter((r) => r.kind === 'unique').map((r) => `rule:unique:${r.entity}`)],
    },
    {
      // Code, not a template: the page sizes come from the HTTP contract the frontend shares.
      path: 'backend/src/http/list.ts',
      content: LIST,
      explanation: 'Parses the list parameters every collection endpoint accepts: page, pageSize, sort order and the `q` text search.',
    },
    {
      path: 'backend/src/http/context.ts',
      content: contextFile,
      explanation: 'Shared types for the route handlers: the database and configuration they use, and the signed-in user.',
      serves: (model) => (model.auth ? ['api', 'auth'] : ['api']),
    },
  ],
};
