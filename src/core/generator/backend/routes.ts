// backend/src/routes/<entity>.ts: the CRUD endpoints of one entity, its has-many endpoints and
// the access checks (sign-in, ownership, roles) of the spec, in the shapes of contract.ts.
import type { LayerTable } from '../layerFiles';
import type { Relation, Rule } from '../../../model/project/projectSpec';
import { kebabCase, withArticle } from '../../../model/project/naming';
import { childrenPath, collectionPath, foreignKeyProperty } from '../contract';
import type { BackendModel, EntityModel } from './model';
import { publicColumns, relationId, ruleId, searchableColumns } from './model';
import { dataRules, hasDeleteRules, rulesNeedActor } from './rules';
import { ownerExemptRoles, type RowAction } from '../ownership';
import { fieldRoleRules, recordRoleRules, type FieldRoleRule } from '../../../model/project/roleRules';
import { fieldRoleChecks, fieldRuleWhat } from './fieldRoles';
import { filterColumns, sortableProps } from './validation';
import { lines, str } from './util';
import { blockComment, lineComment } from '../emit';
import { searchCondition, searchNeedsSql, seesPrivateLine, shownRecord, shownRecords, shownType, sortKey, visibleRecordFunction } from './privacy';

export type Action = 'create' | 'read' | 'update' | 'delete';

/** Roles of the role rules on whole records for one action (rules on some fields: fieldRoles.ts). */
export function rolesFor(entity: EntityModel, action: Action): string[][] {
  return recordRoleRules(entity.rules)
    .filter((r) => r.actions.includes(action))
    .map((r) => r.roles);
}

/** Whether a user of `role` passes every role rule on whole records of the entity for `action`. */
export function roleMay(entity: EntityModel, role: string, action: Action): boolean {
  return rolesFor(entity, action).every((roles) => roles.includes(role));
}

/** Owner-only actions, by an ownership rule or by default (see ../ownership.ts). */
export function ownershipFor(entity: EntityModel, action: Action): boolean {
  return action !== 'create' && entity.ownerActions.includes(action);
}

/** The signed-in user passed to the rule hooks when a refusal excepts roles (see rules.ts), else nothing. */
function actorArg(entity: EntityModel, model: BackendModel): string {
  return model.auth && rulesNeedActor(entity) ? ', user' : '';
}

/** Access checks of one action, as statements using `user` (and `existing` for row actions). */
function accessChecks(entity: EntityModel, action: Action, model: BackendModel, what: string): string[] {
  if (!model.auth) return [];
  const checks = rolesFor(entity, action).map((roles) => `  requireRole(user, ${JSON.stringify(roles)}, ${str(what)});`);
  if (ownershipFor(entity, action)) {
    const managers = ownerExemptRoles(model.spec, entity.entity.name, action as RowAction);
    checks.push(`  requireOwner(user, existing.${foreignKeyProperty(entity.owner!.name)}, ${str(what)}${managers.length ? `, ${JSON.stringify(managers)}` : ''});`);
  }
  return checks;
}

function toJson(entity: EntityModel): string {
  const { pascal } = entity.names;
  const props = ['id', ...publicColumns(entity).map((c) => c.prop), 'createdAt', 'updatedAt'];
  return lines(
    `/** The JSON shape of ${withArticle(blockComment(entity.entity.label.toLowerCase()))}${entity.isAuthUser ? ' (never the password hash)' : ''}. */`,
    `export function to${pascal}(row: ${pascal}Row) {`,
    `  return { ${props.map((p) => `${p}: row.${p}`).join(', ')} };`,
    `}`,
  );
}

/** Turns rows into API records, adding the many-to-many id lists (one query per relation). */
function recordsFunctions(entity: EntityModel): string {
  const { pascal, camel } = entity.names;
  if (!entity.links.length) {
    return lines(
      `export async function ${camel}Records(_db: Executor, rows: ${pascal}Row[]) {`,
      `  return rows.map(to${pascal});`,
      `}`,
      ``,
      `export type ${pascal}Record = ReturnType<typeof to${pascal}>;`,
    );
  }
  const loads = entity.links.map((link) =>
    lines(
      `  const ${link.prop}Rows = ids.length`,
      `    ? await db.select().from(${link.joinConst}).where(inArray(${link.joinConst}.${link.self.prop}, ids)).orderBy(asc(${link.joinConst}.${link.other.prop}))`,
      `    : [];`,
    ),
  );
  const props = entity.links.map(
    (link) => `${link.prop}: ${link.prop}Rows.filter((l) => l.${link.self.prop} === row.id).map((l) => l.${link.other.prop})`,
  );
  const setters = entity.links.map((link) =>
    lines(
      `  if (links.${link.prop} !== undefined) {`,
      `    await tx.delete(${link.joinConst}).where(eq(${link.joinConst}.${link.self.prop}, id));`,
      `    const linked = [...new Set(links.${link.prop})];`,
      `    if (linked.length) await tx.insert(${link.joinConst}).values(linked.map((otherId) => ({ ${link.self.prop}: id, ${link.other.prop}: otherId })));`,
      `  }`,
    ),
  );
  return lines(
    `export async function ${camel}Records(db: Executor, rows: ${pascal}Row[]) {`,
    `  const ids = rows.map((row) => row.id);`,
    ...loads,
    `  return rows.map((row) => ({ ...to${pascal}(row), ${props.join(', ')} }));`,
    `}`,
    ``,
    `export type ${pascal}Record = Awaited<ReturnType<typeof ${camel}Records>>[number];`,
    ``,
    `/** Replaces the links listed in a request; lists left out stay as they are. */`,
    `async function set${pascal}Links(tx: Executor, id: number, links: { ${entity.links.map((l) => `${l.prop}?: number[]`).join('; ')} }): Promise<void> {`,
    ...setters,
    `}`,
  );
}

function linkNames(entity: EntityModel): string {
  return entity.links.map((l) => `${l.prop}, `).join('');
}

function listFunction(entity: EntityModel, model: BackendModel): string {
  const { pascal, pascalPlural, camelPlural: t } = entity.names;
  const search = searchableColumns(entity);
  const ownerRead = model.auth && ownershipFor(entity, 'read');
  return lines(
    `/** One page of ${blockComment(entity.entity.pluralLabel.toLowerCase())} matching the query string; \`scope\` narrows it (has-many endpoints). */`,
    `export async function list${pascalPlural}(db: Executor, query: Record<string, string>, user: AuthUser | undefined, scope?: SQL): Promise<Page<${shownType(entity)}>> {`,
    `  const params = parseWith(${pascal}ListQuery, query);`,
    seesPrivateLine(entity),
    `  const conditions: (SQL | undefined)[] = [scope];`,
    ...filterColumns(entity).map((c) => `  if (params.${c.prop} !== undefined) conditions.push(eq(${t}.${c.prop}, params.${c.prop}));`),
    search.length
      ? lines(
          `  if (params.q) {`,
          `    const pattern = likePattern(params.q);`,
          `    conditions.push(${searchCondition(entity, t)});`,
          `  }`,
        )
      : null,
    ownerRead ? `  if (user && !isAdmin(user)) conditions.push(eq(${t}.${foreignKeyProperty(entity.owner!.name)}, user.id));` : null,
    `  const where = and(...conditions);`,
    `  const sortColumns = { ${sortableProps(entity).map((p) => `${p}: ${t}.${p}`).join(', ')} };`,
    `  const sortColumn = sortColumns[${sortKey(entity)}];`,
    `  const rows = await db`,
    `    .select()`,
    `    .from(${t})`,
    `    .where(where)`,
    `    .orderBy(params.order === 'desc' ? desc(sortColumn) : asc(sortColumn), asc(${t}.id))`,
    `    .limit(params.pageSize)`,
    `    .offset((params.page - 1) * params.pageSize);`,
    `  const [{ total }] = await db.select({ total: count() }).from(${t}).where(where);`,
    `  return { items: ${shownRecords(entity, `await ${entity.names.camel}Records(db, rows)`, 'user')}, total, page: params.page, pageSize: params.pageSize };`,
    `}`,
  );
}

function childRoute(relation: Relation, model: BackendModel, entity: EntityModel): { code: string; imports: string[] } {
  const child = model.entity(relation.from);
  const segment = kebabCase(relation.inverseName);
  return {
    code: lines(
      `  // GET ${childrenPath(entity.names, relation.inverseName)}: the ${lineComment(child.entity.pluralLabel.toLowerCase())} of one ${lineComment(entity.entity.label.toLowerCase())} (${relation.from}.${relation.name}).`,
      `  routes.get('/:id/${segment}', async (c) => {`,
      `    const id = parseId(c, ${str(entity.entity.label)});`,
      `    await find${entity.names.pascal}(db, id);`,
      `    return c.json(await list${child.names.pascalPlural}(db, c.req.query(), c.get('user'), eq(${child.names.camelPlural}.${foreignKeyProperty(relation.name)}, id)));`,
      `  });`,
    ),
    imports: child === entity ? [] : [child.names.route],
  };
}

function createHandler(entity: EntityModel, model: BackendModel, hasRules: boolean): string {
  const { pascal, camelPlural: t } = entity.names;
  const label = entity.entity.pluralLabel.toLowerCase();
  const ownerFk = entity.owner ? foreignKeyProperty(entity.owner.name) : undefined;
  const actor = actorArg(entity, model);
  const body = entity.isAuthUser
    ? lines(
        model.auth?.adminRole
          ? `    requireRole(user, [${str(model.auth.adminRole)}], 'create accounts');`
          : `    throw new ApiError(403, 'forbidden', 'Accounts are created by signing up.');`,
        ...accessChecks(entity, 'create', model, `create ${label}`).map((s) => '  ' + s),
        `    const { password, ${linkNames(entity)}...input } = parseWith(${pascal}Create, await readJson(c));`,
        ...(model.auth ? fieldRoleChecks(entity, 'create', 'input', undefined, '    ') : []),
        `    const values: New${pascal}Row = { ...input, passwordHash: await hashPassword(password) };`,
      )
    : lines(
        ...accessChecks(entity, 'create', model, `create ${label}`).map((s) => '  ' + s),
        entity.links.length
          ? `    const { ${linkNames(entity)}...input } = parseWith(${pascal}Create, await readJson(c));`
          : `    const input = parseWith(${pascal}Create, await readJson(c));`,
        ...(model.auth ? fieldRoleChecks(entity, 'create', 'input', undefined, '    ') : []),
        ownerFk
          ? `    // The owner is whoever is signed in; a ${str(ownerFk)} sent by the client was already dropped by zod.\n    const values: New${pascal}Row = { ...input, ${ownerFk}: user.id };`
          : `    const values: New${pascal}Row = { ...input };`,
      );
  return lines(
    `  routes.post('/', async (c) => {`,
    model.auth && (/\buser\b/.test(body) || actor) ? `    const user = c.get('user');` : null,
    body,
    `    const row = await db.transaction(async (tx) => {`,
    hasRules ? `      await rules.beforeCreate(tx, values${actor});` : null,
    `      const [created] = await tx.insert(${t}).values(values).returning();`,
    entity.links.length ? `      await set${pascal}Links(tx, created.id, { ${entity.links.map((l) => l.prop).join(', ')} });` : null,
    `      return created;`,
    `    });`,
    `    return c.json((await ${entity.names.camel}Records(db, [row]))[0], 201);`,
    `  });`,
  );
}

/** Drops `const existing =` when nothing reads it (the lookup still answers 404 first). */
function dropUnusedExisting(handler: string): string {
  return (handler.match(/\bexisting\b/g) ?? []).length > 1 ? handler : handler.replace('const existing = await', 'await');
}

function updateHandler(entity: EntityModel, model: BackendModel, hasRules: boolean): string {
  const { pascal, camelPlural: t } = entity.names;
  const what = `change this ${entity.entity.label.toLowerCase()}`;
  const actor = actorArg(entity, model);
  const selfOrAdmin = entity.isAuthUser
    ? lines(
        `      if (existing.id !== user.id && !isAdmin(user)) throw new ApiError(403, 'forbidden', 'You can only change your own account.');`,
        `      if (changes.role !== undefined && changes.role !== existing.role && !isAdmin(user)) throw new ApiError(403, 'forbidden', 'Only an admin can change roles.');`,
      )
    : null;
  const fieldChecks = model.auth ? fieldRoleChecks(entity, 'update', 'changes', 'existing', '      ') : [];
  return dropUnusedExisting(lines(
    `  routes.patch('/:id', async (c) => {`,
    `    const id = parseId(c, ${str(entity.entity.label)});`,
    model.auth && (selfOrAdmin || accessChecks(entity, 'update', model, what).length || fieldChecks.length || actor) ? `    const user = c.get('user');` : null,
    entity.links.length
      ? `    const { ${linkNames(entity)}...changes } = parseWith(${pascal}Update, await readJson(c));`
      : `    const changes = parseWith(${pascal}Update, await readJson(c));`,
    `    const row = await db.transaction(async (tx) => {`,
    `      const existing = await find${pascal}(tx, id, true);`,
    ...accessChecks(entity, 'update', model, what).map((s) => '    ' + s),
    selfOrAdmin,
    ...fieldChecks,
    hasRules ? `      await rules.beforeUpdate(tx, existing, changes${actor});` : null,
    `      const [updated] = await tx.update(${t}).set({ ...changes, updatedAt: new Date() }).where(eq(${t}.id, id)).returning();`,
    entity.links.length ? `      await set${pascal}Links(tx, id, { ${entity.links.map((l) => l.prop).join(', ')} });` : null,
    `      return updated;`,
    `    });`,
    `    return c.json((await ${entity.names.camel}Records(db, [row]))[0]);`,
    `  });`,
  ));
}

function deleteHandler(entity: EntityModel, model: BackendModel): string {
  const { pascal, camelPlural: t } = entity.names;
  const what = `delete this ${entity.entity.label.toLowerCase()}`;
  const actor = actorArg(entity, model);
  const checks = lines(
    ...accessChecks(entity, 'delete', model, what).map((s) => '  ' + s),
    entity.isAuthUser ? `    if (existing.id !== user.id && !isAdmin(user)) throw new ApiError(403, 'forbidden', 'You can only delete your own account.');` : null,
  );
  if (hasDeleteRules(entity)) {
    // Refusals of delete read the stored row: lock it, check, and delete in one transaction.
    return lines(
      `  routes.delete('/:id', async (c) => {`,
      `    const id = parseId(c, ${str(entity.entity.label)});`,
      checks || actor ? `    const user = c.get('user');` : null,
      `    await db.transaction(async (tx) => {`,
      `      const existing = await find${pascal}(tx, id, true);`,
      checks ? checks.split('\n').map((line) => '  ' + line).join('\n') : null,
      `      await rules.beforeDelete(tx, existing${actor});`,
      `      await tx.delete(${t}).where(eq(${t}.id, id));`,
      `    });`,
      `    return c.body(null, 204);`,
      `  });`,
    );
  }
  return dropUnusedExisting(lines(
    `  routes.delete('/:id', async (c) => {`,
    `    const id = parseId(c, ${str(entity.entity.label)});`,
    checks ? `    const user = c.get('user');` : null,
    `    const existing = await find${pascal}(db, id);`,
    checks || null,
    `    await db.delete(${t}).where(eq(${t}.id, id));`,
    `    return c.body(null, 204);`,
    `  });`,
  ));
}

function routeFile(entity: EntityModel, model: BackendModel): string {
  const hasRules = dataRules(entity).length > 0;
  const children = entity.children.map((r) => childRoute(r, model, entity));
  return lines(
    `// ${collectionPath(entity.names)}: list, read, create, change and delete ${lineComment(entity.entity.pluralLabel.toLowerCase())}.`,
    model.auth ? `// Every endpoint needs a signed-in user; any signed-in user may read unless a rule says otherwise.` : null,
    routeImports(entity, model, hasRules, children),
    ``,
    toJson(entity),
    ``,
    recordsFunctions(entity),
    ``,
    visibleRecordFunction(entity),
    visibleRecordFunction(entity) ? `` : null,
    findFunction(entity),
    ``,
    listFunction(entity, model),
    ``,
    `export function ${entity.names.camel}Routes({ db, env }: AppDeps): Hono<AppEnv> {`,
    `  const routes = new Hono<AppEnv>();`,
    model.auth ? `  routes.use('*', requireAuth({ db, env }));` : null,
    ``,
    readHandlers(entity, model),
    ``,
    createHandler(entity, model, hasRules),
    ``,
    updateHandler(entity, model, hasRules),
    ``,
    deleteHandler(entity, model),
    ...children.flatMap((child) => ['', child.code]),
    ``,
    `  return routes;`,
    `}`,
  );
}

/** The route module's imports: drizzle, the tables it reads, errors, access checks, validation, rules and child lists. */
function routeImports(entity: EntityModel, model: BackendModel, hasRules: boolean, children: ReturnType<typeof childRoute>[]): string {
  const { pascal, camelPlural: t, route } = entity.names;
  const childImports = [...new Set(children.flatMap((c) => c.imports))].sort();
  const childTables = [...new Set(entity.children.map((r) => model.entity(r.from).names.camelPlural))].filter((n) => n !== t);
  const search = searchableColumns(entity).length > 0;
  const drizzleImports = ['and', 'asc', 'count', 'desc', 'eq', ...(search ? ['ilike', 'or'] : []), 'inArray', ...(searchNeedsSql(entity) ? ['sql'] : []), 'type SQL'];
  const authImports = model.auth ? ['isAdmin', 'requireAuth', 'requireOwner', 'requireRole', ...(fieldRoleRules(entity.rules).length ? ['sameValue'] : [])] : [];
  return lines(
    `import { Hono } from 'hono';`,
    `import { ${drizzleImports.join(', ')} } from 'drizzle-orm';`,
    `import type { Executor } from '../db/client.js';`,
    `import { ${[...new Set([t, ...childTables, ...entity.links.map((l) => l.joinConst)])].sort().join(', ')}, type New${pascal}Row, type ${pascal}Row } from '../db/schema.js';`,
    `import { ${entity.isAuthUser ? 'ApiError, ' : ''}notFound, parseId, parseWith, readJson } from '../http/errors.js';`,
    `import { likePattern, type Page } from '../http/list.js';`,
    `import type { AppDeps, AppEnv, AuthUser } from '../http/context.js';`,
    model.auth ? `import { ${authImports.join(', ')} } from '../auth/access.js';` : null,
    entity.isAuthUser ? `import { hashPassword } from '../auth/password.js';` : null,
    `import { ${pascal}Create, ${pascal}ListQuery, ${pascal}Update } from '../validation/${route}.js';`,
    hasRules ? `import * as rules from '../rules/${route}.js';` : null,
    ...childImports.map((r) => {
      const child = model.entities.find((e) => e.names.route === r)!;
      return `import { list${child.names.pascalPlural} } from './${r}.js';`;
    }),
  );
}

function findFunction(entity: EntityModel): string {
  const { pascal, camelPlural: t } = entity.names;
  return lines(
    `/** The row with this id, or a 404. \`forUpdate\` locks it until the transaction ends. */`,
    `export async function find${pascal}(db: Executor, id: number, forUpdate = false): Promise<${pascal}Row> {`,
    `  const query = db.select().from(${t}).where(eq(${t}.id, id));`,
    `  const [row] = forUpdate ? await query.for('update') : await query;`,
    `  if (!row) throw notFound(${str(entity.entity.label)}, id);`,
    `  return row;`,
    `}`,
  );
}

/** GET / (the list) and GET /:id, each behind the entity's read rules. */
function readHandlers(entity: EntityModel, model: BackendModel): string {
  const { pascal, pascalPlural } = entity.names;
  const getChecks = accessChecks(entity, 'read', model, `see this ${entity.entity.label.toLowerCase()}`);
  const listRoles = rolesFor(entity, 'read').map((roles) => `    requireRole(c.get('user'), ${JSON.stringify(roles)}, ${str(`see ${entity.entity.pluralLabel.toLowerCase()}`)});`);
  return lines(
    `  routes.get('/', async (c) => {`,
    ...listRoles,
    `    return c.json(await list${pascalPlural}(db, c.req.query(), ${model.auth ? `c.get('user')` : 'undefined'}));`,
    `  });`,
    ``,
    `  routes.get('/:id', async (c) => {`,
    `    const existing = await find${pascal}(db, parseId(c, ${str(entity.entity.label)}));`,
    getChecks.length ? `    const user = c.get('user');` : null,
    ...getChecks.map((s) => '  ' + s),
    `    return c.json(${shownRecord(entity, `(await ${entity.names.camel}Records(db, [existing]))[0]`, `c.get('user')`)});`,
    `  });`,
  );
}

function accessRuleWords(rule: Extract<Rule, { kind: 'ownership' | 'roleRequired' }>, entity: EntityModel): string {
  if (rule.kind === 'ownership') return `only the owner (or an admin) may ${rule.actions.join('/')}`;
  if (!rule.fields) return `only ${rule.roles.join('/')} may ${rule.actions.join('/')}`;
  return `only ${rule.roles.join('/')} may ${rule.actions.map((a) => fieldRuleWhat(rule as FieldRoleRule, entity, a as 'create' | 'update')).join(' or ')}`;
}

function routesExplanation(model: BackendModel, entity: EntityModel): string {
  const accessRules = entity.rules.filter((r): r is Extract<Rule, { kind: 'ownership' | 'roleRequired' }> => r.kind === 'ownership' || r.kind === 'roleRequired');
  return (
    `The API for ${entity.entity.pluralLabel.toLowerCase()}: list (with paging, sorting, filters and search), read, create, change and delete` +
    (entity.children.length ? `, plus the lists of their ${entity.children.map((r) => r.inverseName).join(', ')}` : '') +
    (model.auth ? '. Only signed-in users can use it' : '') +
    (accessRules.length ? `; ${accessRules.map((r) => accessRuleWords(r, entity)).join('; ')}` : '') +
    '.'
  );
}

export const ROUTES_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/routes',
  files: [
    {
      perEntity: true,
      path: 'backend/src/routes/{entity}.ts',
      content: (model, entity) => routeFile(entity, model),
      explanation: routesExplanation,
      serves: (model, entity) => [
        'api',
        `entity:${entity.entity.name}`,
        ...entity.parents.map(relationId),
        ...entity.children.map(relationId),
        ...entity.links.map((l) => relationId(l.relation)),
        ...entity.rules.map(ruleId),
        ...(model.auth ? ['auth'] : []),
      ],
      sources: (_model, entity) => entity.sources,
    },
  ],
};
