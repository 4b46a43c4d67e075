// backend/test/*: vitest API tests generated from the spec. Each file opens its own in-memory
// PGlite database and calls app.request() (no port): CRUD per entity, has-many endpoints, sign-in
// and every business rule.
import type { FileSink } from './util';
import type { Rule, RuleCondition } from '../../../model/project/projectSpec';
import { kebabCase } from '../../../model/project/naming';
import { foreignKeyProperty } from '../contract';
import type { BackendModel, Column, EntityModel } from './model';
import { inputColumns, relationId, ruleId, searchableColumns } from './model';
import { periodSpacing, refusalConditions, sampleValue, workflowInitial } from './samples';
import { conditionHolds, offsetMinutes, valueWhere } from '../../../model/project/ruleConditions';
import { lines, str } from './util';
import { jsValue, lineComment, singleQuotedText, templateText } from '../emit';

/** A TypeScript expression (using the counter `n`) for a column's test value. */
function runtimeSample(column: Column, entity: EntityModel, model: BackendModel): string {
  const label = column.field?.label ?? column.prop;
  switch (column.type) {
    case 'string':
      return `\`${templateText(label)} \${n}\`.slice(0, ${Math.min(column.max ?? 255, 255)})`;
    case 'text':
      return `\`${templateText(label)} text \${n}\``;
    case 'email':
      return `\`${column.prop.toLowerCase()}\${n}@example.com\``;
    case 'url':
      return `\`https://example.com/${entity.names.route}/\${n}\``;
    case 'integer':
      return column.unique ? `${column.min ?? 0} + n` : jsValue(sampleValue(column, 1, entity, model));
    case 'date':
    case 'datetime': {
      // A field counted per week or month is a whole period further for each row (a day apart already is one).
      const spacing = periodSpacing(column, entity);
      const d = spacing > 1 ? `day(n * ${spacing})` : 'day(n)';
      return column.type === 'date' ? d : `\`\${${d}}T10:00:00.000Z\``;
    }
    default:
      return jsValue(sampleValue(column, 1, entity, model));
  }
}

function fieldsObject(entity: EntityModel, model: BackendModel, asDb = false): string {
  const parts: string[] = [];
  /** Expressions by property, before the datetime conversion (later dates are built from earlier ones). */
  const exprs = new Map<string, string>();
  const typeOf = (prop: string) => entity.columns.find((c) => c.prop === prop)?.type;
  for (const column of entity.columns) {
    if (!column.field) continue;
    let expr = runtimeSample(column, entity, model);
    const capacityActive = entity.rules.some((r) => r.kind === 'capacity' && r.activeWhenNull === column.prop);
    if (capacityActive) expr = 'null';
    // A field a refusal reads gets the sample that does not trigger it (fixed, so never "today").
    // (Not a field counted per period: one fixed value would put every row into the same period.)
    else if (!column.unique && !periodSpacing(column, entity) && refusalConditions(column, entity, model).length) expr = jsValue(sampleValue(column, 1, entity, model));
    exprs.set(column.prop, expr);
  }
  const overlapEnds = new Set<string>();
  for (const rule of entity.rules) {
    if (rule.kind !== 'noOverlap') continue;
    if (rule.durationMinutesField) exprs.set(rule.durationMinutesField, '60');
    if (rule.end) {
      const endType = typeOf(rule.end);
      exprs.set(rule.end, `shift(${exprs.get(rule.start) ?? '`${day(n)}T10:00:00.000Z`'}, 60, ${str(endType ?? 'datetime')})`);
      overlapEnds.add(`${rule.start}>${rule.end}`);
    }
  }
  // Later dates a day after earlier ones (dateOrder), unless a noOverlap end already follows its start.
  // A date a refusal reads keeps its fixed value (far from today); then the other one moves instead.
  const fixed = (prop: string) => {
    const column = entity.columns.find((c) => c.prop === prop);
    return Boolean(column && !column.unique && !periodSpacing(column, entity) && refusalConditions(column, entity, model).length);
  };
  const dayOf = (type: string | undefined, days: number) => (type === 'date' ? days : days * 24 * 60);
  for (const rule of entity.rules) {
    if (rule.kind !== 'dateOrder' || overlapEnds.has(`${rule.earlier}>${rule.later}`)) continue;
    const earlier = exprs.get(rule.earlier);
    const later = exprs.get(rule.later);
    if (!earlier || earlier === 'null' || !later || later === 'null') continue;
    const laterType = typeOf(rule.later);
    const earlierType = typeOf(rule.earlier);
    if (!fixed(rule.later)) exprs.set(rule.later, `shift(${earlier}, ${dayOf(laterType, 1)}, ${str(laterType ?? 'datetime')})`);
    else if (!fixed(rule.earlier)) exprs.set(rule.earlier, `shift(${later}, ${dayOf(earlierType, -1)}, ${str(earlierType ?? 'datetime')})`);
  }
  for (const [prop, expr] of exprs) {
    parts.push(`${prop}: ${asDb && typeOf(prop) === 'datetime' && expr !== 'null' ? `new Date(${expr})` : expr}`);
  }
  return `{ ${parts.join(', ')} }`;
}

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

function helpersFile(model: BackendModel): string {
  const auth = model.auth;
  const user = auth ? model.entity('User') : undefined;
  const factories = model.entities
    .filter((e) => !e.isAuthUser)
    .map((entity) =>
      lines(
        `/** A valid body for POST /api/${entity.names.route}; required parents are created on the way. */`,
        `export async function ${entity.names.camel}Body(t: TestContext, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {`,
        `  const n = next();`,
        `  const body: Record<string, unknown> = ${fieldsObject(entity, model)};`,
        ...parentLines(entity, model),
        `  return { ...body, ...overrides };`,
        `}`,
        ``,
        `export async function create${entity.names.pascal}(t: TestContext, overrides: Record<string, unknown> = {}, token = t.token): Promise<any> {`,
        `  const reply = await t.call('POST', '/api/${entity.names.route}', { body: await ${entity.names.camel}Body(t, overrides), token });`,
        `  if (reply.status !== 201) throw new Error(\`create ${entity.names.pascal}: \${reply.status} \${JSON.stringify(reply.body)}\`);`,
        `  return reply.body;`,
        `}`,
      ),
    );
  const userFactory =
    auth && user
      ? lines(
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
        )
      : null;
  return lines(
    `// Test helpers: a fresh app on an in-memory database per test file, a request helper and`,
    `// factories that create valid rows (and their required parents).`,
    `import { createApp } from '../src/app.js';`,
    `import { openDatabase, type Database } from '../src/db/client.js';`,
    `import { migrate } from '../src/db/migrate.js';`,
    `import { testEnv, type Env } from '../src/env.js';`,
    auth && user ? `import { ${user.names.camelPlural}, type New${user.names.pascal}Row } from '../src/db/schema.js';` : null,
    auth ? `import { hashPassword } from '../src/auth/password.js';` : null,
    auth ? `import { signToken } from '../src/auth/token.js';` : null,
    ``,
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
    `  call(method: string, path: string, options?: { body?: unknown; token?: string }): Promise<Reply>;`,
    `}`,
    ``,
    `export async function setup(): Promise<TestContext> {`,
    `  const database = await openDatabase();`,
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
    `      return { status: response.status, body: text ? JSON.parse(text) : undefined };`,
    `    },`,
    `  };`,
    auth ? `  t.token = (await createUser(t, TEST_ROLE)).token;` : null,
    `  return t;`,
    `}`,
    ``,
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
    ``,
    userFactory,
    ``,
    factories.join('\n\n'),
  );
}

/** An invalid body for POST, and why it is invalid. */
function invalidBody(entity: EntityModel): string {
  const required = inputColumns(entity).filter((c) => c.notNull && c.default === undefined && !workflowInitial(entity, c));
  if (required.length) return '{}';
  const column = inputColumns(entity)[0];
  if (!column) return `'not an object'`;
  const wrong = ['integer', 'foreignKey', 'decimal', 'money', 'boolean'].includes(column.type) ? `'not valid'` : '12345';
  return `{ ${column.prop}: ${wrong} }`;
}

function patchable(entity: EntityModel): Column | undefined {
  const ruleFields = new Set<string>();
  for (const rule of entity.rules) {
    if (rule.kind === 'statusWorkflow') ruleFields.add(rule.field);
    if (rule.kind === 'noOverlap') [rule.start, rule.end, rule.durationMinutesField].forEach((f) => f && ruleFields.add(f));
    if (rule.kind === 'capacity' && rule.activeWhenNull) ruleFields.add(rule.activeWhenNull);
    if (rule.kind === 'unique') rule.fields.forEach((f) => ruleFields.add(f));
    if (rule.kind === 'dateOrder') [rule.earlier, rule.later].forEach((f) => ruleFields.add(f));
    if (rule.kind === 'refuseWhen' && !rule.condition.relation) ruleFields.add(rule.condition.field);
  }
  return inputColumns(entity).find((c) => c.field && (c.type === 'string' || c.type === 'text') && !ruleFields.has(c.prop));
}

/** A number just outside a column's bounds, as the API takes it (decimals and money as strings). */
function outOfRange(column: Column, side: 'below' | 'above'): string {
  const value = side === 'below' ? column.min! - 1 : column.max! + 1;
  return column.type === 'integer' ? String(value) : str(String(value));
}

/** min/max of number fields are enforced on create and on update (400, naming the field). */
function rangeTest(entity: EntityModel, create: string, tokenOf: string, imports: Set<string>): string[] {
  const bounded = inputColumns(entity).filter((c) => c.field && ['integer', 'decimal', 'money'].includes(c.type) && (c.min !== undefined || c.max !== undefined));
  if (!bounded.length) return [];
  const { camel, route } = entity.names;
  const checks = bounded.flatMap((column) => {
    const prop = column.prop[0].toUpperCase() + column.prop.slice(1);
    const first = column.min !== undefined ? outOfRange(column, 'below') : outOfRange(column, 'above');
    const second = column.max !== undefined ? outOfRange(column, 'above') : outOfRange(column, 'below');
    return [
      entity.isAuthUser
        ? null
        : lines(
            `    const create${prop} = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${column.prop}: ${first} }), token: t.token });`,
            `    expect(create${prop}.status).toBe(400);`,
            `    expect(create${prop}.body.error.details.map((d: { path: string }) => d.path)).toContain(${str(column.prop)});`,
          ),
      `    const update${prop} = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${column.prop}: ${second} }, token: ${tokenOf} });`,
      `    expect(update${prop}.status).toBe(400);`,
      `    expect(update${prop}.body.error.details.map((d: { path: string }) => d.path)).toContain(${str(column.prop)});`,
    ];
  });
  if (!entity.isAuthUser) imports.add(`${camel}Body`);
  return [
    `  it('rejects ${bounded.map((c) => c.prop).join(', ')} outside ${bounded.length > 1 ? 'their ranges' : 'its range'} on create and update (min/max)', async () => {`,
    `    const created = await ${create};`,
    ...checks.filter((line): line is string => line !== null),
    `    const unchanged = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`,
    `    expect(unchanged.body).toMatchObject({ ${bounded.map((c) => `${c.prop}: created.${c.prop}`).join(', ')} });`,
    `  });`,
    ``,
  ];
}

function crudTestFile(entity: EntityModel, model: BackendModel): string {
  const { pascal, route } = entity.names;
  const label = singleQuotedText(entity.entity.label.toLowerCase());
  const isUser = entity.isAuthUser;
  const create = isUser ? `createUser(t, DEFAULT_ROLE)` : `create${pascal}(t)`;
  const tokenOf = isUser ? 'created.token' : 't.token';
  const filter = entity.parents.find((r) => r.required && r !== entity.owner && r.to !== entity.entity.name);
  const search = searchableColumns(entity).find((c) => c.field && (c.type === 'string' || c.type === 'text'));
  const patch = patchable(entity);
  const enumFilter = entity.columns.find((c) => c.field && c.enumValues);
  const imports = new Set(['setup', 'type TestContext']);
  if (isUser) imports.add('createUser').add('DEFAULT_ROLE');
  else imports.add(`create${pascal}`);
  if (patch) imports.add('next');
  const childTests = entity.children.map((relation) => {
    const child = model.entity(relation.from);
    const fk = foreignKeyProperty(relation.name);
    const segment = kebabCase(relation.inverseName);
    let makeChild: string;
    if (child.isAuthUser) {
      imports.add('createUser').add('DEFAULT_ROLE');
      makeChild = `createUser(t, DEFAULT_ROLE, { ${fk}: parent.id })`;
    } else if (relation === child.owner) {
      imports.add(`create${child.names.pascal}`);
      makeChild = `create${child.names.pascal}(t, {}, parent.token)`;
    } else {
      imports.add(`create${child.names.pascal}`);
      makeChild = `create${child.names.pascal}(t, { ${fk}: parent.id })`;
    }
    const makeParent = isUser ? (relation === child.owner ? 'createUser(t, TEST_ROLE)' : 'createUser(t, DEFAULT_ROLE)') : `create${pascal}(t)`;
    if (makeParent.includes('TEST_ROLE')) imports.add('TEST_ROLE');
    return lines(
      ``,
      `  it('lists the ${relation.inverseName} of a ${label} (${relation.from}.${relation.name})', async () => {`,
      `    const parent = await ${makeParent};`,
      `    const child = await ${makeChild};`,
      `    const reply = await t.call('GET', \`/api/${route}/\${parent.id}/${segment}\`, { token: ${relation === child.owner ? 'parent.token' : 't.token'} });`,
      `    expect(reply.status).toBe(200);`,
      `    expect(reply.body.total).toBe(1);`,
      `    expect(reply.body.items[0].id).toBe(child.id);`,
      `  });`,
    );
  });
  const linkTests = entity.links.map((link) => {
    const other = model.entity(link.other.entity);
    const makeOther = other.isAuthUser ? 'createUser(t, DEFAULT_ROLE)' : `create${other.names.pascal}(t)`;
    if (other.isAuthUser) imports.add('createUser').add('DEFAULT_ROLE');
    else imports.add(`create${other.names.pascal}`);
    return lines(
      ``,
      `  it('links ${singleQuotedText(other.entity.pluralLabel.toLowerCase())} through ${link.prop} (${link.relation.from}.${link.relation.name})', async () => {`,
      `    const first = await ${makeOther};`,
      `    const second = await ${makeOther};`,
      isUser
        ? `    const created = await createUser(t, DEFAULT_ROLE);\n    await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${link.prop}: [second.id, first.id] }, token: created.token });`
        : `    const created = await create${pascal}(t, { ${link.prop}: [second.id, first.id, first.id] });`,
      `    const read = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`,
      `    expect(read.body.${link.prop}).toEqual([first.id, second.id]);`,
      `    const changed = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${link.prop}: [second.id] }, token: ${tokenOf} });`,
      `    expect(changed.status).toBe(200);`,
      `    expect(changed.body.${link.prop}).toEqual([second.id]);`,
      `    const listed = await t.call('GET', '/api/${route}?pageSize=100', { token: t.token });`,
      `    expect(listed.body.items.find((item: { id: number }) => item.id === created.id).${link.prop}).toEqual([second.id]);`,
      `  });`,
    );
  });
  const range = rangeTest(entity, create, tokenOf, imports);
  return lines(
    `// ${lineComment(entity.entity.pluralLabel)} API: create, read, list (pagination, filter, search), update, delete, errors.`,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    `import { ${[...imports].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} } from './helpers.js';`,
    ``,
    `let t: TestContext;`,
    `beforeAll(async () => {`,
    `  t = await setup();`,
    `});`,
    `afterAll(async () => {`,
    `  await t.database.close();`,
    `});`,
    ``,
    `describe('/api/${route}', () => {`,
    `  it('creates a ${label} and reads it back', async () => {`,
    `    const created = await ${create};`,
    `    expect(created.id).toBeTypeOf('number');`,
    `    expect(created.createdAt).toBeTypeOf('string');`,
    `    const reply = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`,
    `    expect(reply.status).toBe(200);`,
    isUser ? `    expect(reply.body).toEqual({ ...created, token: undefined });` : `    expect(reply.body).toEqual(created);`,
    isUser ? `    expect(reply.body.passwordHash).toBeUndefined();` : null,
    `  });`,
    ``,
    `  it('lists ${singleQuotedText(entity.entity.pluralLabel.toLowerCase())} a page at a time', async () => {`,
    `    for (let i = 0; i < 3; i++) await ${create};`,
    `    const reply = await t.call('GET', '/api/${route}?page=1&pageSize=2&sort=id&order=desc', { token: t.token });`,
    `    expect(reply.status).toBe(200);`,
    `    expect(reply.body.items).toHaveLength(2);`,
    `    expect(reply.body.total).toBeGreaterThanOrEqual(3);`,
    `    expect(reply.body).toMatchObject({ page: 1, pageSize: 2 });`,
    `    expect(reply.body.items[0].id).toBeGreaterThan(reply.body.items[1].id);`,
    `    const tooBig = await t.call('GET', '/api/${route}?pageSize=1000', { token: t.token });`,
    `    expect(tooBig.status).toBe(400);`,
    `  });`,
    filter
      ? lines(
          ``,
          `  it('filters by ${filter.name}', async () => {`,
          `    const created = await ${create};`,
          `    const reply = await t.call('GET', \`/api/${route}?${foreignKeyProperty(filter.name)}=\${created.${foreignKeyProperty(filter.name)}}\`, { token: t.token });`,
          `    expect(reply.status).toBe(200);`,
          `    expect(reply.body.total).toBe(1);`,
          `    expect(reply.body.items[0].id).toBe(created.id);`,
          `  });`,
        )
      : null,
    enumFilter
      ? lines(
          ``,
          `  it('filters by ${enumFilter.prop}', async () => {`,
          `    const created = await ${create};`,
          `    const reply = await t.call('GET', \`/api/${route}?${enumFilter.prop}=\${created.${enumFilter.prop}}&pageSize=100\`, { token: t.token });`,
          `    expect(reply.status).toBe(200);`,
          `    expect(reply.body.items.map((item: { id: number }) => item.id)).toContain(created.id);`,
          `    expect(reply.body.items.every((item: Record<string, unknown>) => item.${enumFilter.prop} === created.${enumFilter.prop})).toBe(true);`,
          `    expect((await t.call('GET', '/api/${route}?${enumFilter.prop}=not_a_value', { token: t.token })).status).toBe(400);`,
          `  });`,
        )
      : null,
    search
      ? lines(
          ``,
          `  it('finds a ${label} by text (q)', async () => {`,
          `    const created = await ${create};`,
          `    const reply = await t.call('GET', \`/api/${route}?q=\${encodeURIComponent(created.${search.prop})}\`, { token: t.token });`,
          `    expect(reply.status).toBe(200);`,
          `    expect(reply.body.items.map((item: { id: number }) => item.id)).toContain(created.id);`,
          `  });`,
        )
      : null,
    ``,
    `  it('updates a ${label}', async () => {`,
    `    const created = await ${create};`,
    patch ? `    const changes = { ${patch.prop}: \`Changed \${next()}\` };` : `    const changes = {};`,
    `    const reply = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: changes, token: ${tokenOf} });`,
    `    expect(reply.status).toBe(200);`,
    `    expect(reply.body).toMatchObject(changes);`,
    `  });`,
    ``,
    `  it('deletes a ${label}', async () => {`,
    `    const created = await ${create};`,
    `    const reply = await t.call('DELETE', \`/api/${route}/\${created.id}\`, { token: ${tokenOf} });`,
    `    expect(reply.status).toBe(204);`,
    `    const gone = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`,
    `    expect(gone.status).toBe(404);`,
    `    expect(gone.body.error.code).toBe('not_found');`,
    `  });`,
    ``,
    `  it('answers 404 for an unknown ${label}', async () => {`,
    `    const reply = await t.call('GET', '/api/${route}/999999', { token: t.token });`,
    `    expect(reply.status).toBe(404);`,
    `    expect(reply.body.error.code).toBe('not_found');`,
    `  });`,
    ``,
    ...range,
    `  it('rejects invalid input with 400', async () => {`,
    isUser
      ? lines(
          `    const created = await ${create};`,
          `    const reply = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { role: 'not_a_role' }, token: created.token });`,
        )
      : `    const reply = await t.call('POST', '/api/${route}', { body: ${invalidBody(entity)}, token: t.token });`,
    `    expect(reply.status).toBe(400);`,
    `    expect(reply.body.error.code).toBe('validation_failed');`,
    `    expect(Array.isArray(reply.body.error.details)).toBe(true);`,
    `  });`,
    ...childTests,
    ...linkTests,
    `});`,
  );
}

function authTestFile(model: BackendModel): string {
  const auth = model.auth!;
  const user = model.entity('User');
  const other = model.entities.find((e) => !e.isAuthUser) ?? user;
  return lines(
    `// Sign-up, sign-in, "me", and that the API refuses requests without a valid token.`,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    `import { createUser, DEFAULT_ROLE, PASSWORD, setup, userFields, type TestContext } from './helpers.js';`,
    ``,
    `let t: TestContext;`,
    `beforeAll(async () => {`,
    `  t = await setup();`,
    `});`,
    `afterAll(async () => {`,
    `  await t.database.close();`,
    `});`,
    ``,
    `describe('/api/auth', () => {`,
    auth.selfSignup
      ? lines(
          `  it('registers a new account with the default role', async () => {`,
          `    const body = { ...(await userFields(t)), email: 'New.Person@Example.com', password: PASSWORD };`,
          `    const reply = await t.call('POST', '/api/auth/register', { body });`,
          `    expect(reply.status).toBe(201);`,
          `    expect(reply.body.token).toBeTypeOf('string');`,
          `    expect(reply.body.user).toMatchObject({ email: 'new.person@example.com', role: DEFAULT_ROLE });`,
          `    expect(reply.body.user.passwordHash).toBeUndefined();`,
          `    const again = await t.call('POST', '/api/auth/register', { body: { ...body, role: 'admin' } });`,
          `    expect(again.status).toBe(409);`,
          `    expect(again.body.error.code).toBe('conflict');`,
          `  });`,
          ``,
          `  it('rejects a short password', async () => {`,
          `    const reply = await t.call('POST', '/api/auth/register', { body: { ...(await userFields(t)), email: 'short@example.com', password: 'x' } });`,
          `    expect(reply.status).toBe(400);`,
          `  });`,
        )
      : lines(
          `  it('does not allow self sign-up', async () => {`,
          `    const reply = await t.call('POST', '/api/auth/register', { body: { ...(await userFields(t)), email: 'new@example.com', password: PASSWORD } });`,
          `    expect(reply.status).toBe(403);`,
          `  });`,
        ),
    ``,
    `  it('signs in with the right password only', async () => {`,
    `    const user = await createUser(t, DEFAULT_ROLE);`,
    `    const ok = await t.call('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD } });`,
    `    expect(ok.status).toBe(200);`,
    `    expect(ok.body.user.id).toBe(user.id);`,
    `    const me = await t.call('GET', '/api/auth/me', { token: ok.body.token });`,
    `    expect(me.status).toBe(200);`,
    `    expect(me.body.user).toMatchObject({ id: user.id, email: user.email, role: DEFAULT_ROLE });`,
    `    const wrong = await t.call('POST', '/api/auth/login', { body: { email: user.email, password: 'wrong-password' } });`,
    `    expect(wrong.status).toBe(401);`,
    `    expect(wrong.body.error.code).toBe('unauthorized');`,
    `    const unknown = await t.call('POST', '/api/auth/login', { body: { email: 'nobody@example.com', password: PASSWORD } });`,
    `    expect(unknown.status).toBe(401);`,
    `  });`,
    ``,
    `  it('answers 401 without a valid token', async () => {`,
    `    for (const token of [undefined, 'not-a-token']) {`,
    `      const me = await t.call('GET', '/api/auth/me', { token });`,
    `      expect(me.status).toBe(401);`,
    `      const list = await t.call('GET', '/api/${other.names.route}', { token });`,
    `      expect(list.status).toBe(401);`,
    `      expect(list.body.error.code).toBe('unauthorized');`,
    `    }`,
    `  });`,
    `});`,
  );
}

interface RuleTest {
  code: string;
  imports: string[];
  /** Tables the test writes directly (to put a row into the state a refusal reads). */
  tables?: string[];
}

/** A date (type date) or date-time `days` after RULE_DAY (09:00 UTC), as a test expression. */
function atDay(type: string | undefined, days: number): string {
  return type === 'date' ? `shift(RULE_DAY, ${days}, 'date')` : `shift(\`\${RULE_DAY}T09:00:00.000Z\`, ${days * 24 * 60}, 'datetime')`;
}

/** A value as the database layer takes it (date-times as Date objects, numbers of numeric columns as strings). */
function dbLiteral(column: Column, value: string | number | boolean | null): string {
  if (value === null) return 'null';
  if (column.type === 'datetime') return `new Date(${str(String(value))})`;
  if (column.type === 'decimal' || column.type === 'money') return str(String(value));
  return jsValue(value);
}

function dateOrderTest(rule: Extract<Rule, { kind: 'dateOrder' }>, entity: EntityModel): RuleTest {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const earlierType = entity.columns.find((c) => c.prop === rule.earlier)?.type;
  const laterType = entity.columns.find((c) => c.prop === rule.later)?.type;
  const times = (earlier: number, later: number) => `${rule.earlier}: ${atDay(earlierType, earlier)}, ${rule.later}: ${atDay(laterType, later)}`;
  const label = singleQuotedText(entity.entity.label.toLowerCase());
  return {
    imports: [create, `${camel}Body`, 'shift', 'RULE_DAY'],
    code: lines(
      `  it('refuses a ${label} whose ${rule.later} is not ${rule.allowEqual ? 'on or ' : ''}after its ${rule.earlier}, on create and on update (dateOrder)', async () => {`,
      `    const backwards = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${times(5, 2)} }), token: t.token });`,
      `    expect(backwards.status).toBe(422);`,
      `    expect(backwards.body.error.code).toBe('rule_violated');`,
      `    expect(backwards.body.error.message).toContain(${str(rule.earlier)});`,
      `    expect(backwards.body.error.message).toContain(${str(rule.later)});`,
      earlierType === laterType
        ? lines(
            `    const same = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${times(5, 5)} }), token: t.token });`,
            `    expect(same.status).toBe(${rule.allowEqual ? 201 : 422});`,
          )
        : null,
      `    const created = await ${create}(t, { ${times(0, 3)} });`,
      `    // A partial change is checked against the stored row: moving only ${rule.earlier} past ${rule.later} is refused.`,
      `    const moved = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.earlier}: ${atDay(earlierType, 10)} }, token: t.token });`,
      `    expect(moved.status).toBe(422);`,
      `    expect((await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.later}: ${atDay(laterType, 20)} }, token: t.token })).status).toBe(200);`,
      `    expect((await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.earlier}: ${atDay(earlierType, 10)} }, token: t.token })).status).toBe(200);`,
      `  });`,
    ),
  };
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

function refuseWhenTest(rule: Extract<Rule, { kind: 'refuseWhen' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
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

/**
 * The test call that makes a parent row for a rule test ('' when there is none), adding what it
 * imports: a user of the role that owns the rows (or the default role) when the parent is the
 * sign-in user, else the parent's own factory.
 */
function parentMaker(parent: EntityModel | undefined, viaOwner: boolean, imports: string[]): string {
  if (parent?.isAuthUser) {
    const role = viaOwner ? 'TEST_ROLE' : 'DEFAULT_ROLE';
    imports.push('createUser', role);
    return `createUser(t, ${role})`;
  }
  if (!parent) return '';
  imports.push(`create${parent.names.pascal}`);
  return `create${parent.names.pascal}(t)`;
}

/**
 * A capacity with a fixed limit and/or a period: fill one period (of one parent) up to the limit,
 * see the next row refused, the next period (or another parent) accepted, and an update that moves
 * a row into the full period refused too. The rows sit a century ahead, far from every other row.
 */
function capacityPeriodTest(rule: Extract<Rule, { kind: 'capacity' }>, entity: EntityModel, model: BackendModel): RuleTest | undefined {
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  const relation = rule.relation ? entity.parents.find((r) => r.name === rule.relation) : undefined;
  const parent = relation ? model.entity(relation.to) : undefined;
  const imports = [create, `${camel}Body`, 'day', 'shift'];
  const viaOwner = Boolean(relation && relation === entity.owner);
  const fk = relation ? foreignKeyProperty(relation.name) : '';
  let makeParent = parentMaker(parent, viaOwner, imports);
  let limit = rule.limit;
  if (limit === undefined) {
    if (!parent || parent.isAuthUser) return undefined;
    limit = Math.max(1, parent.columns.find((c) => c.prop === rule.capacityField)?.min ?? 1);
    makeParent = `create${parent.names.pascal}(t, { ${rule.capacityField}: ${limit} })`;
  }
  if (limit > 50) return undefined; // filling hundreds of rows would only make the suite slow
  const period = rule.period;
  const periodColumn = period ? entity.columns.find((c) => c.prop === period.field) : undefined;
  if (period && !periodColumn) return undefined;
  const days = period ? { day: 1, week: 7, month: 31 }[period.unit] : 0;
  // Fields that must follow the period field (dateOrder, noOverlap ends) move with it.
  const timeOf = (prop: string) => entity.columns.find((c) => c.prop === prop)?.type;
  const at = (prop: string, offsetDays: number, minutes = 0) =>
    timeOf(prop) === 'date' ? `shift(base, ${offsetDays}, 'date')` : `shift(\`\${base}T10:00:00.000Z\`, ${offsetDays * 1440 + minutes}, 'datetime')`;
  const timed = (offsetDays: number) => {
    if (!period) return '';
    const parts = [`${period.field}: ${at(period.field, offsetDays)}`];
    for (const r of entity.rules) {
      const dateStep = (prop: string) => (timeOf(prop) === 'date' ? 1 : 0);
      if (r.kind === 'dateOrder' && r.earlier === period.field) parts.push(`${r.later}: ${at(r.later, offsetDays + dateStep(r.later), 60)}`);
      if (r.kind === 'dateOrder' && r.later === period.field) parts.push(`${r.earlier}: ${at(r.earlier, offsetDays - dateStep(r.earlier), -60)}`);
      if (r.kind === 'noOverlap' && r.start === period.field && r.end) parts.push(`${r.end}: ${at(r.end, offsetDays, 60)}`);
    }
    return parts.join(', ');
  };
  const scopeOf = (who: string) => (relation && !viaOwner ? `${fk}: ${who}.id` : '');
  const fields = (who: string, offsetDays: number) => [scopeOf(who), timed(offsetDays)].filter(Boolean).join(', ');
  const tokenFor = (who: string) => (viaOwner ? `${who}.token` : 't.token');
  const row = (who: string, offsetDays: number) => `${create}(t, { ${fields(who, offsetDays)} }${viaOwner ? `, ${who}.token` : ''})`;
  const post = (who: string, offsetDays: number) => `t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fields(who, offsetDays)} }), token: ${tokenFor(who)} })`;
  const scope = parent ? 'scope' : 't';
  const label = entity.entity.label.toLowerCase();
  const what = [`${limit}`, parent ? `per ${rule.relation}` : '', period ? `per ${period.unit} of ${period.field}` : ''].filter(Boolean).join(' ');
  return {
    imports,
    code: lines(
      `  it(${str(`refuses a ${label} beyond ${what}, and allows it ${period ? `the next ${period.unit}` : `for another ${rule.relation}`} (capacity)`)}, async () => {`,
      period ? `    const base = day(36500);` : null,
      parent ? `    const scope = await ${makeParent};` : null,
      `    const taken = [];`,
      `    for (let i = 0; i < ${limit}; i++) taken.push(await ${row(scope, 0)});`,
      `    const full = await ${post(scope, 0)};`,
      `    expect(full.status).toBe(409);`,
      `    expect(full.body.error.code).toBe('rule_violated');`,
      period
        ? lines(
            `    // The next ${period.unit} has room; moving that row back into the full ${period.unit} is refused.`,
            `    const later = await ${post(scope, days)};`,
            `    expect(later.status).toBe(201);`,
            `    const moved = await t.call('PATCH', \`/api/${route}/\${later.body.id}\`, { body: { ${timed(0)} }, token: ${tokenFor(scope)} });`,
            `    expect(moved.status).toBe(409);`,
            `    expect(moved.body.error.code).toBe('rule_violated');`,
          )
        : null,
      parent
        ? lines(
            `    const other = await ${makeParent};`,
            `    const elsewhere = await ${post('other', 0)};`,
            `    expect(elsewhere.status).toBe(201);`,
          )
        : null,
      `  });`,
    ),
  };
}

/** A date or date-time `offset` minutes (days for a date) after RULE_DAY (09:00 UTC), as a test expression. */
function at(type: string | undefined, offset: number): string {
  const base = type === 'date' ? 'RULE_DAY' : '`${RULE_DAY}T09:00:00.000Z`';
  return `shift(${base}, ${offset}, ${str(type ?? 'datetime')})`;
}

function ruleTest(rule: Rule, model: BackendModel): RuleTest | undefined {
  const entity = model.entity(rule.entity);
  if (entity.isAuthUser) return undefined;
  const { pascal, route, camel } = entity.names;
  const create = `create${pascal}`;
  switch (rule.kind) {
    case 'capacity': {
      if (rule.limit !== undefined || rule.period) return capacityPeriodTest(rule, entity, model);
      const relation = entity.parents.find((r) => r.name === rule.relation)!;
      const parent = model.entity(relation.to);
      if (parent.isAuthUser) return undefined;
      const fk = foreignKeyProperty(relation.name);
      const capacityColumn = parent.columns.find((c) => c.prop === rule.capacityField);
      const limit = Math.max(1, capacityColumn?.min ?? 1);
      const activeColumn = rule.activeWhenNull ? entity.columns.find((c) => c.prop === rule.activeWhenNull) : undefined;
      return {
        imports: [`create${parent.names.pascal}`, create, `${camel}Body`, 'next', 'day', 'shift'],
        code: lines(
          `  it('refuses a ${singleQuotedText(entity.entity.label.toLowerCase())} beyond the ${singleQuotedText(parent.entity.label.toLowerCase())}\\'s ${rule.capacityField} (capacity)', async () => {`,
          `    const parent = await create${parent.names.pascal}(t, { ${rule.capacityField}: ${limit} });`,
          `    const taken = [];`,
          `    for (let i = 0; i < ${limit}; i++) taken.push(await ${create}(t, { ${fk}: parent.id }));`,
          `    const full = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: parent.id }), token: t.token });`,
          `    expect(full.status).toBe(409);`,
          `    expect(full.body.error.code).toBe('rule_violated');`,
          activeColumn
            ? lines(
                `    // Once one is no longer active (${rule.activeWhenNull} set), there is room again.`,
                `    const n = next();`,
                `    const freed = await t.call('PATCH', \`/api/${route}/\${taken[0].id}\`, { body: { ${activeColumn.prop}: ${runtimeSample(activeColumn, entity, model)} }, token: t.token });`,
                `    expect(freed.status).toBe(200);`,
                `    const again = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: parent.id }), token: t.token });`,
                `    expect(again.status).toBe(201);`,
              )
            : null,
          `  });`,
        ),
      };
    }
    case 'unique': {
      const props = rule.fields.map((f) => (entity.columns.some((c) => c.prop === f) ? f : foreignKeyProperty(f)));
      return {
        imports: [create, `${camel}Body`],
        code: lines(
          `  it('refuses a second ${singleQuotedText(entity.entity.label.toLowerCase())} with the same ${rule.fields.join(' + ')} (unique)', async () => {`,
          `    const first = await ${create}(t);`,
          `    const body = await ${camel}Body(t, { ${props.map((p) => `${p}: first.${p}`).join(', ')} });`,
          `    const reply = await t.call('POST', '/api/${route}', { body, token: t.token });`,
          `    expect(reply.status).toBe(409);`,
          `    expect(reply.body.error.code).toBe('conflict');`,
          `  });`,
        ),
      };
    }
    case 'noOverlap': {
      const relation = entity.parents.find((r) => r.name === rule.scope)!;
      const parent = model.entity(relation.to);
      const fk = foreignKeyProperty(relation.name);
      const startType = entity.columns.find((c) => c.prop === rule.start)?.type;
      const endType = rule.end ? entity.columns.find((c) => c.prop === rule.end)?.type : undefined;
      const times = (from: number, to: number) =>
        rule.end ? `${rule.start}: ${at(startType, from)}, ${rule.end}: ${at(endType, to)}` : `${rule.start}: ${at(startType, from)}, ${rule.durationMinutesField}: ${to - from}`;
      const makeParent = parent.isAuthUser ? 'createUser(t, DEFAULT_ROLE)' : `create${parent.names.pascal}(t)`;
      return {
        imports: [parent.isAuthUser ? 'createUser' : `create${parent.names.pascal}`, ...(parent.isAuthUser ? ['DEFAULT_ROLE'] : []), create, `${camel}Body`, 'shift', 'RULE_DAY'],
        code: lines(
          `  it('refuses overlapping ${singleQuotedText(entity.entity.pluralLabel.toLowerCase())} for the same ${rule.scope} (noOverlap)', async () => {`,
          `    const scope = await ${makeParent};`,
          `    await ${create}(t, { ${fk}: scope.id, ${times(0, 60)} });`,
          `    const overlapping = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: scope.id, ${times(30, 90)} }), token: t.token });`,
          `    expect(overlapping.status).toBe(409);`,
          `    expect(overlapping.body.error.code).toBe('rule_violated');`,
          `    const later = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${fk}: scope.id, ${times(120, 180)} }), token: t.token });`,
          `    expect(later.status).toBe(201);`,
          `  });`,
        ),
      };
    }
    case 'statusWorkflow': {
      const values = entity.columns.find((c) => c.prop === rule.field)?.enumValues ?? [];
      const allowed = (from: string) => rule.transitions.filter((t) => t.from === from).map((t) => t.to);
      const disallowedFrom = (from: string) => values.find((v) => v !== from && !allowed(from).includes(v));
      const steps: string[] = [];
      // A state an update refusal locks (e.g. "a closed ticket cannot be edited") is not moved into.
      const locks = (state: string) =>
        entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes('update') && !r.condition.relation && r.condition.field === rule.field && conditionHolds('enum', state, r.condition));
      let state = rule.initial;
      let bad = disallowedFrom(state);
      const open = allowed(state).filter((to) => !locks(to));
      if (!bad && open.length) {
        const to = open[0];
        steps.push(
          `    const moved = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.field}: ${str(to)} }, token: t.token });`,
          `    expect(moved.status).toBe(200);`,
        );
        state = to;
        bad = disallowedFrom(state);
      }
      if (bad) {
        steps.push(
          `    const refused = await t.call('PATCH', \`/api/${route}/\${created.id}\`, { body: { ${rule.field}: ${str(bad)} }, token: t.token });`,
          `    expect(refused.status).toBe(422);`,
          `    expect(refused.body.error.code).toBe('rule_violated');`,
        );
      }
      const notInitial = values.find((v) => v !== rule.initial);
      return {
        imports: [create, `${camel}Body`],
        code: lines(
          `  it('only allows the ${rule.field} changes of the workflow (statusWorkflow)', async () => {`,
          `    const created = await ${create}(t);`,
          `    expect(created.${rule.field}).toBe(${str(rule.initial)});`,
          ...steps,
          notInitial
            ? lines(
                `    const skipped = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t, { ${rule.field}: ${str(notInitial)} }), token: t.token });`,
                `    expect(skipped.status).toBe(422);`,
              )
            : null,
          `  });`,
        ),
      };
    }
    case 'dateOrder':
      return dateOrderTest(rule, entity);
    case 'refuseWhen':
      return refuseWhenTest(rule, entity, model);
    case 'ownership': {
      const auth = model.auth;
      if (!auth) return undefined;
      const member = auth.roles.find((r) => r !== auth.adminRole && roleMayCreate(entity, r));
      if (!member) return undefined;
      const tests: string[] = [`    const alice = await createUser(t, ${str(member)});`, `    const bob = await createUser(t, ${str(member)});`, `    const row = await ${create}(t, {}, alice.token);`];
      if (rule.actions.includes('read')) tests.push(`    expect((await t.call('GET', \`/api/${route}/\${row.id}\`, { token: bob.token })).status).toBe(403);`);
      if (rule.actions.includes('update')) {
        tests.push(
          `    const denied = await t.call('PATCH', \`/api/${route}/\${row.id}\`, { body: {}, token: bob.token });`,
          `    expect(denied.status).toBe(403);`,
          `    expect(denied.body.error.code).toBe('forbidden');`,
          `    expect((await t.call('PATCH', \`/api/${route}/\${row.id}\`, { body: {}, token: alice.token })).status).toBe(200);`,
        );
      }
      if (rule.actions.includes('delete')) {
        tests.push(
          `    expect((await t.call('DELETE', \`/api/${route}/\${row.id}\`, { token: bob.token })).status).toBe(403);`,
          `    expect((await t.call('DELETE', \`/api/${route}/\${row.id}\`, { token: alice.token })).status).toBe(204);`,
        );
      }
      return {
        imports: ['createUser', create],
        code: lines(`  it('lets only the owner ${rule.actions.join('/')} a ${singleQuotedText(entity.entity.label.toLowerCase())} (ownership)', async () => {`, ...tests, `  });`),
      };
    }
    case 'roleRequired': {
      const auth = model.auth;
      if (!auth) return undefined;
      const denied = auth.roles.find((r) => r !== auth.adminRole && !rule.roles.includes(r));
      if (!denied) return undefined;
      const tests: string[] = [`    const outsider = await createUser(t, ${str(denied)});`];
      if (rule.actions.includes('create')) {
        tests.push(
          `    const refused = await t.call('POST', '/api/${route}', { body: await ${camel}Body(t), token: outsider.token });`,
          `    expect(refused.status).toBe(403);`,
          `    expect(refused.body.error.code).toBe('forbidden');`,
        );
      }
      if (rule.actions.includes('read')) tests.push(`    expect((await t.call('GET', '/api/${route}', { token: outsider.token })).status).toBe(403);`);
      if (rule.actions.includes('update') || rule.actions.includes('delete')) tests.push(`    const row = await ${create}(t);`);
      if (rule.actions.includes('update')) tests.push(`    expect((await t.call('PATCH', \`/api/${route}/\${row.id}\`, { body: {}, token: outsider.token })).status).toBe(403);`);
      if (rule.actions.includes('delete')) tests.push(`    expect((await t.call('DELETE', \`/api/${route}/\${row.id}\`, { token: outsider.token })).status).toBe(403);`);
      return {
        imports: ['createUser', create, `${camel}Body`],
        code: lines(`  it('lets only ${rule.roles.join('/')} ${rule.actions.join('/')} ${singleQuotedText(entity.entity.pluralLabel.toLowerCase())} (roleRequired)', async () => {`, ...tests, `  });`),
      };
    }
  }
}

function roleMayCreate(entity: EntityModel, role: string): boolean {
  return entity.rules.every((r) => r.kind !== 'roleRequired' || !r.actions.includes('create') || r.roles.includes(role));
}

function rulesTestFile(tests: RuleTest[]): string {
  const imports = [...new Set(['setup', 'type TestContext', ...tests.flatMap((t) => t.imports)])].sort((a, b) =>
    a.replace('type ', '').localeCompare(b.replace('type ', '')),
  );
  const tables = [...new Set(tests.flatMap((t) => t.tables ?? []))].sort();
  return lines(
    `// The business rules of the spec, each tried both ways.`,
    tables.length ? `import { eq } from 'drizzle-orm';` : null,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    tables.length ? `import { ${tables.join(', ')} } from '../src/db/schema.js';` : null,
    `import { ${imports.join(', ')} } from './helpers.js';`,
    ``,
    `let t: TestContext;`,
    `beforeAll(async () => {`,
    `  t = await setup();`,
    `});`,
    `afterAll(async () => {`,
    `  await t.database.close();`,
    `});`,
    ``,
    `describe('business rules', () => {`,
    tests.map((test) => test.code).join('\n\n'),
    `});`,
  );
}

export function addTests(model: BackendModel, files: FileSink): void {
  if (!model.spec.options.tests) return; // turned off in the review step
  files.add({
    path: 'backend/test/helpers.ts',
    layer: 'backend/tests',
    explanation: 'Test helpers: a fresh app on an in-memory database for each test file, a request helper, and factories that create valid example rows.',
    serves: ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)],
    content: helpersFile(model),
  });
  for (const entity of model.entities) {
    files.add({
      path: `backend/test/${entity.names.route}.test.ts`,
      layer: 'backend/tests',
      explanation: `Checks the ${entity.entity.pluralLabel.toLowerCase()} API end to end: create, read, list with paging/filter/search, update, delete, not-found and invalid input${entity.children.length ? ', and its has-many lists' : ''}.`,
      serves: ['api', `entity:${entity.entity.name}`, ...entity.children.map(relationId)],
      sources: entity.sources,
      content: crudTestFile(entity, model),
    });
  }
  if (model.auth) {
    files.add({
      path: 'backend/test/auth.test.ts',
      layer: 'backend/tests',
      explanation: 'Checks sign-up, sign-in, the current-user endpoint and that requests without a valid token are refused.',
      serves: ['auth'],
      sources: model.spec.auth.sources,
      content: authTestFile(model),
    });
  }
  const rules = model.spec.rules.map((rule) => ({ rule, test: ruleTest(rule, model) })).filter((r) => r.test);
  if (rules.length) {
    files.add({
      path: 'backend/test/rules.test.ts',
      layer: 'backend/tests',
      explanation: 'Tries every business rule of the spec: the allowed case succeeds and the forbidden one is refused with a clear error.',
      serves: rules.map((r) => ruleId(r.rule)),
      sources: rules.flatMap((r) => r.rule.sources),
      content: rulesTestFile(rules.map((r) => r.test!)),
    });
  }
}
