// backend/test/<entity>.test.ts: the CRUD API of one entity end to end.
import { kebabCase, withArticle } from '../../../../model/project/naming';
import { foreignKeyProperty } from '../../contract';
import type { BackendModel, Column, EntityModel } from '../model';
import { inputColumns, searchableColumns } from '../model';
import { workflowInitial } from '../samples';
import { lines, str } from '../util';
import { lineComment, singleQuotedText } from '../../emit';
import { deleteParentTests } from './deleteParent';
import { SUITE_SETUP } from './suiteSetup';
import { updateTest } from './updateTest';
import { blankTextTest, databaseChecksTest } from './constraintTests';

/** An invalid body for POST, and why it is invalid. */
function invalidBody(entity: EntityModel): string {
  const required = inputColumns(entity).filter((c) => c.notNull && c.default === undefined && !workflowInitial(entity, c));
  if (required.length) return '{}';
  const column = inputColumns(entity)[0];
  if (!column) return `'not an object'`;
  const wrong = ['integer', 'foreignKey', 'decimal', 'money', 'boolean'].includes(column.type) ? `'not valid'` : '12345';
  return `{ ${column.prop}: ${wrong} }`;
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

/** Listing: paging (and its limit), the filter by a required parent and by an enum field, and text search (q). */
function listTests(entity: EntityModel, create: string, label: string): string {
  const { route } = entity.names;
  const filter = entity.parents.find((r) => r.required && r !== entity.owner && r.to !== entity.entity.name);
  const searched = searchableColumns(entity);
  const search = searched.find((c) => c.field && (c.type === 'string' || c.type === 'text')) ?? searched.find((c) => c.field) ?? searched[0];
  const enumFilter = entity.columns.find((c) => c.field && c.enumValues);
  return lines(
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
        `  it('finds ${withArticle(label)} by text (q), and nothing for text no ${label} holds', async () => {`,
        `    const created = await ${create};`,
        `    const reply = await t.call('GET', \`/api/${route}?q=\${encodeURIComponent(created.${search.prop})}\`, { token: t.token });`,
        `    expect(reply.status).toBe(200);`,
        `    expect(reply.body.items.map((item: { id: number }) => item.id)).toContain(created.id);`,
        `    const none = await t.call('GET', '/api/${route}?q=zq_no_such_text', { token: t.token });`,
        `    expect(none.status).toBe(200);`,
        `    expect(none.body).toMatchObject({ items: [], total: 0 });`,
        `  });`,
      )
    : null,
  );
}

/** Update (a real change, read back), delete, and 404 for an unknown id. */
function updateAndDeleteTests(entity: EntityModel, model: BackendModel, create: string, label: string, tokenOf: string, imports: Set<string>): string {
  const { route } = entity.names;
  return lines(
  ``,
  updateTest(entity, model, create, label, tokenOf, imports),
  ``,
  `  it('deletes ${withArticle(label)}', async () => {`,
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
  );
}

/** The has-many list of one child relation (GET /api/<route>/:id/<children>) returns the child. */
function childListTest(relation: EntityModel['children'][number], entity: EntityModel, model: BackendModel, label: string, imports: Set<string>): string {
  const { pascal, route } = entity.names;
  const isUser = entity.isAuthUser;
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
  `  it('lists the ${relation.inverseName} of ${withArticle(label)} (${relation.from}.${relation.name})', async () => {`,
  `    const parent = await ${makeParent};`,
  `    const child = await ${makeChild};`,
  `    const reply = await t.call('GET', \`/api/${route}/\${parent.id}/${segment}\`, { token: ${relation === child.owner ? 'parent.token' : 't.token'} });`,
  `    expect(reply.status).toBe(200);`,
  `    expect(reply.body.total).toBe(1);`,
  `    expect(reply.body.items[0].id).toBe(child.id);`,
  `  });`,
);
}

/** A many-to-many link list is stored without duplicates, read back in id order, replaced on update and listed. */
function linkTest(link: EntityModel['links'][number], entity: EntityModel, model: BackendModel, tokenOf: string, imports: Set<string>): string {
  const { pascal, route } = entity.names;
  const isUser = entity.isAuthUser;
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
}

/** POST through the factory, then GET: the same record (a user's email only where it may be seen). */
function createAndReadTest(entity: EntityModel, model: BackendModel, create: string, label: string): string {
  const { route } = entity.names;
  const isUser = entity.isAuthUser;
  return lines(
    `  it('creates ${withArticle(label)} and reads it back', async () => {`,
    `    const created = await ${create};`,
    `    expect(created.id).toBeTypeOf('number');`,
    `    expect(created.createdAt).toBeTypeOf('string');`,
    `    const reply = await t.call('GET', \`/api/${route}/\${created.id}\`, { token: t.token });`,
    `    expect(reply.status).toBe(200);`,
    isUser
      ? model.auth?.adminRole
        ? `    expect(reply.body).toEqual({ ...created, token: undefined });`
        : `    // Another user's email is private (and this app has no admin who sees it).\n    expect(reply.body).toEqual({ ...created, email: undefined, token: undefined });`
      : `    expect(reply.body).toEqual(created);`,
    isUser ? `    expect(reply.body.passwordHash).toBeUndefined();` : null,
    `  });`,
  );
}

/** An invalid body (for a user: an unknown role) is a 400 listing the problems. */
function invalidInputTest(entity: EntityModel, create: string): string {
  const { route } = entity.names;
  const isUser = entity.isAuthUser;
  return lines(
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
  );
}

export function crudTestFile(entity: EntityModel, model: BackendModel): string {
  const { pascal, route } = entity.names;
  const label = singleQuotedText(entity.entity.label.toLowerCase());
  const isUser = entity.isAuthUser;
  const create = isUser ? `createUser(t, DEFAULT_ROLE)` : `create${pascal}(t)`;
  const tokenOf = isUser ? 'created.token' : 't.token';
  const imports = new Set(['setup', 'type TestContext']);
  if (isUser) imports.add('createUser').add('DEFAULT_ROLE');
  else imports.add(`create${pascal}`);
  const childTests = entity.children.map((relation) => childListTest(relation, entity, model, label, imports));
  const linkTests = entity.links.map((link) => linkTest(link, entity, model, tokenOf, imports));
  const deleteTests = deleteParentTests(entity, model, imports);
  const range = rangeTest(entity, create, tokenOf, imports);
  const updateAndDelete = updateAndDeleteTests(entity, model, create, label, tokenOf, imports);
  const blank = blankTextTest(entity, create, tokenOf, imports);
  const database = databaseChecksTest(entity, create, imports);
  return lines(
    `// ${lineComment(entity.entity.pluralLabel)} API: create, read, list (pagination, filter, search), update, delete, errors.`,
    `import { afterAll, beforeAll, describe, expect, it } from 'vitest';`,
    ...database.importLines,
    `import { ${[...imports].sort((a, b) => a.replace('type ', '').localeCompare(b.replace('type ', ''))).join(', ')} } from './helpers.js';`,
    ``,
    SUITE_SETUP,
    ``,
    `describe('/api/${route}', () => {`,
    createAndReadTest(entity, model, create, label),
    ``,
    listTests(entity, create, label),
    updateAndDelete,
    ...range,
    ...blank,
    ...database.code,
    invalidInputTest(entity, create),
    ...childTests,
    ...deleteTests,
    ...linkTests,
    `});`,
  );
}
