// backend/test/helpers.ts: a fresh app on an in-memory database per test file, a request helper,
// test users and one factory per entity that creates a valid row.
import { foreignKeyProperty } from '../../contract';
import type { BackendModel, EntityModel } from '../model';
import { lines, str } from '../util';
import { fieldsObject } from './rowValues';
import { fieldRulesFor } from '../fieldRoles';

/** The role test users get by default: admin when there is one, so factories pass every check. */
function testRole(model: BackendModel): string {
  const auth = model.auth!;
  if (auth.adminRole) return auth.adminRole;
  const roleRule = model.spec.rules.find((r) => r.kind === 'roleRequired');
  return roleRule?.kind === 'roleRequired' ? roleRule.roles[0] : auth.defaultRole;
}

function parentLines(entity: EntityModel, model: BackendModel): string[] {
  const out: string[] = [];
  for (const relation of entity.parents) {
    if (!relation.required || relation === entity.owner || relation.to === entity.entity.name) continue;
    const parent = model.entity(relation.to);
    const fk = foreignKeyProperty(relation.name);
    const make = parent.isAuthUser ? `createUser(t, DEFAULT_ROLE)` : `create${parent.names.pascal}(t)`;
    out.push(`  if (!(${str(fk)} in overrides)) body.${fk} = (await ${make}).id;`);
  }
  return out;
}

/** The generated helpers' counter and sample days (fixed text: dates move with the day the tests run). */
const SAMPLE_NUMBERS_AND_DAYS = lines(
  `let counter = 0;`,
  `/** A new number for unique sample values. */`,
  `export function next(): number {`,
  `  counter += 1;`,
  `  return counter;`,
  `}`,
  ``,
  `const DAY_MS = 86_400_000;`,
  `/**`,
  ` * Sample dates count from the day the tests run: the first is 30 days from today (UTC) and the`,
  ` * others are later, so no sample is ever in the past and the tests keep passing as time goes on.`,
  ` */`,
  `const FIRST_DAY = Date.parse(new Date(Date.now() + 30 * DAY_MS).toISOString().slice(0, 10));`,
  ``,
  `/** A date (YYYY-MM-DD) n days after the first sample day, different for each n. */`,
  `export function day(n: number): string {`,
  `  return new Date(FIRST_DAY + n * DAY_MS).toISOString().slice(0, 10);`,
  `}`,
  ``,
  `/** The day rule tests build their rows around: well after the days ordinary rows get. */`,
  `export const RULE_DAY = day(433);`,
  ``,
  `/** Moves a date-time by minutes, or a date by that many days. */`,
  `export function shift(value: string, minutes: number, type: string): string {`,
  `  if (type === 'date') return new Date(Date.parse(value.slice(0, 10)) + minutes * DAY_MS).toISOString().slice(0, 10);`,
  `  return new Date(Date.parse(value) + minutes * 60_000).toISOString();`,
  `}`,
);

/**
 * The database of one test file. With DATABASE_URL (the generated CI sets it to its PostgreSQL
 * service) the tests run on the real server, each file in a schema of its own that is dropped
 * afterwards, so files still run in parallel and differences from PGlite are caught.
 */
const TEST_DATABASE = lines(
  `/** In-memory PGlite, or a new schema on the PostgreSQL server of DATABASE_URL (dropped on close). */`,
  `async function openTestDatabase(): Promise<Database> {`,
  `  const url = process.env.DATABASE_URL;`,
  `  if (!url) return openDatabase();`,
  `  const schema = \`test_\${process.pid}_\${Math.random().toString(36).slice(2, 10)}\`;`,
  `  const server = await openDatabase({ url });`,
  `  await server.exec(\`CREATE SCHEMA "\${schema}"\`);`,
  `  await server.close();`,
  `  const database = await openDatabase({ url, schema });`,
  `  return {`,
  `    ...database,`,
  `    async close() {`,
  `      await database.exec(\`DROP SCHEMA "\${schema}" CASCADE\`);`,
  `      await database.close();`,
  `    },`,
  `  };`,
  `}`,
);

/** Fields only some roles may set (a role rule on fields, on create): the factory's rows leave them to their default, so any user can make them. */
function setOnlyByRoles(entity: EntityModel): string[] {
  const rules = fieldRulesFor(entity, 'create');
  const columns = entity.columns.filter((c) => c.field && rules.some((r) => r.fields.includes(c.field!.name)));
  if (!columns.length) return [];
  const roles = [...new Set(rules.flatMap((r) => r.roles))];
  return [`  // Only ${roles.join('/')} may set ${columns.map((c) => c.prop).join(', ')}: left to the default here, so any user can create the row.`, ...columns.map((c) => `  delete body.${c.prop};`)];
}

/** For each entity (but the sign-in user): a valid request body, and a row created through the API. */
function entityFactory(entity: EntityModel, model: BackendModel): string {
  const body = fieldsObject(entity, model);
  return lines(
    `/** A valid body for POST /api/${entity.names.route}; required parents are created on the way. */`,
    `export async function ${entity.names.camel}Body(t: TestContext, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {`,
    // (Only unique or numbered sample values read n: "12.50" and "placed" do not.)
    /\bn\b/.test(body) ? `  const n = next();` : null,
    `  const body: Record<string, unknown> = ${body};`,
    ...setOnlyByRoles(entity),
    ...parentLines(entity, model),
    `  return { ...body, ...overrides };`,
    `}`,
    ``,
    `export async function create${entity.names.pascal}(t: TestContext, overrides: Record<string, unknown> = {}, token = t.token): Promise<any> {`,
    `  const reply = await t.call('POST', '/api/${entity.names.route}', { body: await ${entity.names.camel}Body(t, overrides), token });`,
    `  if (reply.status !== 201) throw new Error(\`create ${entity.names.pascal}: \${reply.status} \${JSON.stringify(reply.body)}\`);`,
    `  return reply.body;`,
    `}`,
  );
}

/** Test users: the password and roles, and users inserted straight into the database with a token. */
function userFactory(model: BackendModel, auth: NonNullable<BackendModel['auth']>, user: EntityModel): string {
  return lines(
    `export const PASSWORD = 'password-123';`,
    `export const DEFAULT_ROLE = ${str(auth.defaultRole)};`,
    `export const TEST_ROLE = ${str(testRole(model))};`,
    `let hash: Promise<string> | undefined;`,
    ``,
    `/** Fields of a user besides email/password (for register bodies). */`,
    `export async function userFields(t: TestContext, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {`,
    `  const n = next();`,
    `  const body: Record<string, unknown> = ${fieldsObject(user, model)};`,
    ...parentLines(user, model),
    `  return { ...body, ...overrides };`,
    `}`,
    ``,
    `/** A user inserted directly (works whatever the sign-up settings), with a token and its API record. */`,
    `export async function createUser(t: TestContext, role: string, overrides: Record<string, unknown> = {}): Promise<any> {`,
    `  const n = next();`,
    `  const fields = await userFields(t, overrides);`,
    `  for (const [key, value] of Object.entries(fields)) if (typeof value === 'string' && /^\\d{4}-\\d{2}-\\d{2}T/.test(value)) fields[key] = new Date(value);`,
    `  const [row] = await t.database.db`,
    `    .insert(${user.names.camelPlural})`,
    `    .values({ ...fields, email: \`user\${n}@test.example\`, passwordHash: await (hash ??= hashPassword(PASSWORD)), role } as New${user.names.pascal}Row)`,
    `    .returning();`,
    `  const token = await signToken(row, t.env.JWT_SECRET);`,
    `  const record = await t.call('GET', \`/api/${user.names.route}/\${row.id}\`, { token });`,
    `  return { ...record.body, token };`,
    `}`,
  );
}

/** What a test file holds: the reply shape and the context setup() returns. */
const CONTEXT_TYPES = lines(
  `export interface Reply {`,
  `  status: number;`,
  `  body: any;`,
  `}`,
  ``,
  `export interface TestContext {`,
  `  database: Database;`,
  `  env: Env;`,
  `  /** Token of the default test user (undefined when the app has no sign-in). */`,
  `  token?: string;`,
  `  /** Sends a request to the app; fails unless the response is what openapi.json documents. */`,
  `  call(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<Reply>;`,
  `}`,
);

/** setup(): a migrated database, the app, a request helper that checks the document, a signed-in user. */
function setupFunction(auth: boolean): string {
  return lines(
    `export async function setup(): Promise<TestContext> {`,
    `  const database = await openTestDatabase();`,
    `  await migrate(database);`,
    `  const env = testEnv();`,
    `  const app = createApp({ db: database.db, env });`,
    `  const t: TestContext = {`,
    `    database,`,
    `    env,`,
    `    async call(method, path, options = {}) {`,
    `      const headers: Record<string, string> = {};`,
    `      if (options.body !== undefined) headers['content-type'] = 'application/json';`,
    `      if (options.token) headers.authorization = \`Bearer \${options.token}\`;`,
    `      const response = await app.request(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });`,
    `      const text = await response.text();`,
    `      const reply: Reply = { status: response.status, body: text ? JSON.parse(text) : undefined };`,
    `      expectDocumented({ method, path, status: reply.status, contentType: response.headers.get('content-type'), body: reply.body });`,
    `      return reply;`,
    `    },`,
    `  };`,
    auth ? `  t.token = (await createUser(t, TEST_ROLE)).token;` : null,
    `  return t;`,
    `}`,
  );
}

export function helpersFile(model: BackendModel): string {
  const auth = model.auth;
  const user = auth ? model.entity('User') : undefined;
  const factories = model.entities.filter((e) => !e.isAuthUser).map((entity) => entityFactory(entity, model));
  const users = auth && user ? userFactory(model, auth, user) : null;
  return lines(
    `// Test helpers: a fresh app on a database of its own per test file (in-memory PGlite, or a`,
    `// schema of its own on PostgreSQL when DATABASE_URL is set), a request helper that checks every`,
    `// response against openapi.json, and factories that create valid rows (and their required parents).`,
    `import { createApp } from '../src/app.js';`,
    `import { openDatabase, type Database } from '../src/db/client.js';`,
    `import { migrate } from '../src/db/migrate.js';`,
    `import { testEnv, type Env } from '../src/env.js';`,
    `import { expectDocumented } from './openapi.js';`,
    auth && user ? `import { ${user.names.camelPlural}, type New${user.names.pascal}Row } from '../src/db/schema.js';` : null,
    auth ? `import { hashPassword } from '../src/auth/password.js';` : null,
    auth ? `import { signToken } from '../src/auth/token.js';` : null,
    ``,
    CONTEXT_TYPES,
    ``,
    TEST_DATABASE,
    ``,
    setupFunction(Boolean(auth)),
    ``,
    SAMPLE_NUMBERS_AND_DAYS,
    ``,
    users,
    ``,
    factories.join('\n\n'),
  );
}
