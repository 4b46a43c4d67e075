// backend/openapi.json: an OpenAPI 3.1 description of the generated API, built from the spec
// (served at /api/openapi.json).
import type { LayerTable } from '../layerFiles';
import { kebabCase, withArticle } from '../../../model/project/naming';
import { describeCondition } from '../../../model/project/ruleConditions';
import { API_PREFIX, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../contract';
import type { BackendModel, Column, EntityModel } from './model';
import { inputColumns, privateColumns, publicColumns, searchableColumns } from './model';
import { filterColumns, sortableProps } from './validation';
import { ownershipFor, rolesFor, type Action } from './routes';
import { fieldRulesFor } from './fieldRoles';

type Json = Record<string, unknown>;

function schemaOf(column: Column): Json {
  const nullable = (schema: Json): Json => (column.notNull ? schema : { ...schema, type: [schema.type, 'null'] });
  switch (column.type) {
    case 'string':
    case 'text':
    case 'passwordHash':
      return nullable({ type: 'string' });
    case 'email':
      return nullable({ type: 'string', format: 'email' });
    case 'url':
      return nullable({ type: 'string', format: 'uri' });
    case 'integer':
    case 'foreignKey':
      return nullable({ type: 'integer', ...(column.min !== undefined ? { minimum: column.min } : {}), ...(column.max !== undefined ? { maximum: column.max } : {}) });
    case 'decimal':
    case 'money': {
      // Sent as a string (numbers are accepted too) to keep precision; the bounds are checked on the value.
      const bounds = [column.min !== undefined && `at least ${column.min}`, column.max !== undefined && `at most ${column.max}`].filter(Boolean);
      return nullable({ type: 'string', pattern: '^-?[0-9]+(\\.[0-9]+)?$', ...(bounds.length ? { description: `A number ${bounds.join(' and ')}` } : {}) });
    }
    case 'boolean':
      return nullable({ type: 'boolean' });
    case 'date':
      return nullable({ type: 'string', format: 'date' });
    case 'datetime':
      return nullable({ type: 'string', format: 'date-time' });
    case 'enum':
    case 'role':
      return column.notNull ? { type: 'string', enum: column.enumValues } : { type: ['string', 'null'], enum: [...(column.enumValues ?? []), null] };
  }
}

function recordSchema(entity: EntityModel): Json {
  const properties: Json = { id: { type: 'integer' } };
  for (const column of publicColumns(entity)) properties[column.prop] = schemaOf(column);
  for (const link of entity.links) properties[link.prop] = { type: 'array', items: { type: 'integer' } };
  properties.createdAt = { type: 'string', format: 'date-time' };
  properties.updatedAt = { type: 'string', format: 'date-time' };
  // Private fields (a user's email) are left out for viewers other than the user and admins.
  const hidden = privateColumns(entity).map((c) => c.prop);
  for (const prop of hidden) properties[prop] = { ...(properties[prop] as Json), description: 'Only for the user themselves and admins' };
  return { type: 'object', properties, required: Object.keys(properties).filter((p) => !hidden.includes(p)) };
}

function inputSchema(entity: EntityModel): Json {
  const properties: Json = {};
  const required: string[] = [];
  if (entity.isAuthUser) {
    properties.email = { type: 'string', format: 'email' };
    properties.password = { type: 'string', minLength: 8 };
    required.push('email', 'password');
  }
  for (const column of inputColumns(entity)) {
    properties[column.prop] = schemaOf(column);
    const workflow = entity.rules.some((r) => r.kind === 'statusWorkflow' && r.field === column.prop);
    if (column.notNull && column.default === undefined && !workflow) required.push(column.prop);
  }
  for (const link of entity.links) properties[link.prop] = { type: 'array', items: { type: 'integer' }, description: `Ids of the linked ${link.other.entity} records` };
  return { type: 'object', properties, required };
}

function hasRefusal(entity: EntityModel, action: 'create' | 'update' | 'delete'): boolean {
  return entity.rules.some((r) => r.kind === 'refuseWhen' && r.actions.includes(action));
}

/** Whether the route of this action can answer 403: a role or ownership check, or an account rule. */
function forbids(entity: EntityModel, model: BackendModel, action: Action): boolean {
  if (!model.auth) return false;
  if (entity.isAuthUser && action !== 'read') return true; // admin-only creation, own account only, roles by admins
  const byField = (action === 'create' || action === 'update') && fieldRulesFor(entity, action).length > 0;
  return rolesFor(entity, action).length > 0 || byField || (action !== 'create' && ownershipFor(entity, action));
}

const forbidden = (entity: EntityModel, model: BackendModel, action: Action): Json => (forbids(entity, model, action) ? { 403: errorResponse('Not allowed') } : {});

/** The refusals and date orders an operation enforces, as its description (nothing when there are none). */
function ruleNotes(entity: EntityModel, action: 'create' | 'update' | 'delete'): Json {
  const notes: string[] = [];
  for (const rule of entity.rules) {
    if (rule.kind === 'refuseWhen' && rule.actions.includes(action)) notes.push(`Refused (409 rule_violated) when ${describeCondition(rule.condition)}${rule.exceptRoles ? ` unless the user is ${rule.exceptRoles.join(' or ')}` : ''}: "${rule.message}"`);
    if (rule.kind === 'dateOrder' && action !== 'delete') notes.push(`${rule.later} must be ${rule.allowEqual ? 'on or after' : 'after'} ${rule.earlier} (422 rule_violated).`);
  }
  return notes.length ? { description: notes.join('\n') } : {};
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: Json) => ({ content: { 'application/json': { schema } } });
const errorResponse = (description: string) => ({ description, ...json(ref('Error')) });

/** `q`, only where there is text to search, naming the fields it looks in. */
function searchParameter(entity: EntityModel): Json[] {
  const fields = searchableColumns(entity).map((c) => c.prop);
  if (!fields.length) return [];
  return [{ name: 'q', in: 'query', description: `Text search (case-insensitive, anywhere in the text) over ${fields.join(', ')}`, schema: { type: 'string', maxLength: 200 } }];
}

function listParameters(entity: EntityModel): Json[] {
  return [
    { name: 'page', in: 'query', schema: { type: 'integer', minimum: 1, default: 1 } },
    { name: 'pageSize', in: 'query', schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE } },
    { name: 'sort', in: 'query', schema: { type: 'string', enum: sortableProps(entity), default: 'id' } },
    { name: 'order', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'], default: 'asc' } },
    ...searchParameter(entity),
    ...filterColumns(entity).map((c) => ({ name: c.prop, in: 'query', schema: c.enumValues ? { type: 'string', enum: c.enumValues } : { type: 'integer' } })),
  ];
}

function listResponse(entity: EntityModel): Json {
  return {
    description: 'One page of results',
    ...json({
      type: 'object',
      properties: { items: { type: 'array', items: ref(entity.names.pascal) }, total: { type: 'integer' }, page: { type: 'integer' }, pageSize: { type: 'integer' } },
      required: ['items', 'total', 'page', 'pageSize'],
    }),
  };
}

export function openapiDocument(model: BackendModel): Json {
  const schemas: Json = {
    Error: {
      type: 'object',
      properties: { error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} }, required: ['code', 'message'] } },
      required: ['error'],
    },
  };
  const security = model.auth ? [{ bearerAuth: [] }] : undefined;
  const health = { description: 'OK', ...json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }) };
  const paths: Json = { [`${API_PREFIX}/health`]: { get: { summary: 'Health check', responses: { 200: health } } } };
  if (model.auth) Object.assign(paths, authPaths(model, security));
  for (const entity of model.entities) {
    schemas[entity.names.pascal] = recordSchema(entity);
    schemas[`${entity.names.pascal}Input`] = inputSchema(entity);
    Object.assign(paths, entityPaths(entity, model, security));
  }
  if (model.auth) documentSignIn(paths);
  return {
    openapi: '3.1.0',
    info: { title: `${model.spec.title} API`, version: '0.1.0', description: model.spec.description },
    paths,
    components: { schemas, ...(model.auth ? { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } } : {}) },
  };
}

const OPERATIONS = ['get', 'put', 'post', 'patch', 'delete'];

/** Every operation that needs a signed-in user answers 401 without one (or with a bad token). */
function documentSignIn(paths: Json): void {
  for (const item of Object.values(paths) as Json[]) {
    for (const method of OPERATIONS) {
      const operation = item[method] as { security?: unknown; responses: Json } | undefined;
      if (!operation?.security) continue;
      // Status codes are integer-like keys: JSON lists them in numeric order whatever the insertion order.
      operation.responses = { ...operation.responses, 401: errorResponse('Not signed in') };
    }
  }
}

/** register, login and me: the auth routes (with auth only). */
function authPaths(model: BackendModel, security: Json[] | undefined): Json {
  const paths: Json = {};
  const authResponse = { description: 'Signed in', ...json({ type: 'object', properties: { token: { type: 'string' }, user: ref('User') }, required: ['token', 'user'] }) };
  paths[`${API_PREFIX}/auth/register`] = {
    post: {
      summary: 'Create an account',
      requestBody: json(ref('UserInput')),
      responses: {
        201: authResponse,
        400: errorResponse('Invalid input'),
        ...(model.auth?.selfSignup ? {} : { 403: errorResponse('Sign-up is closed: an admin creates accounts') }),
        409: errorResponse('Email already used'),
      },
    },
  };
  paths[`${API_PREFIX}/auth/login`] = {
    post: {
      summary: 'Sign in',
      requestBody: json({ type: 'object', properties: { email: { type: 'string' }, password: { type: 'string' } }, required: ['email', 'password'] }),
      responses: { 200: authResponse, 400: errorResponse('Invalid input'), 401: errorResponse('Wrong email or password') },
    },
  };
  paths[`${API_PREFIX}/auth/me`] = { get: { summary: 'The signed-in user', security, responses: { 200: { description: 'The user', ...json({ type: 'object', properties: { user: ref('User') }, required: ['user'] }) } } } };
  return paths;
}

/** An entity's collection, item and has-many paths, in that order. */
function entityPaths(entity: EntityModel, model: BackendModel, security: Json[] | undefined): Json {
  const paths: Json = {};
  const { pascal, route } = entity.names;
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'integer', minimum: 1 } };
  const tag = entity.entity.pluralLabel;
  paths[`${API_PREFIX}/${route}`] = {
    get: {
      tags: [tag],
      summary: `List ${entity.entity.pluralLabel.toLowerCase()}`,
      security,
      parameters: listParameters(entity),
      // Ownership narrows the list to the user's own rows; only a role rule refuses it.
      responses: { 200: listResponse(entity), 400: errorResponse('Invalid query'), ...(model.auth && rolesFor(entity, 'read').length ? { 403: errorResponse('Not allowed') } : {}) },
    },
    post: {
      tags: [tag],
      summary: `Create ${withArticle(entity.entity.label.toLowerCase())}`,
      security,
      requestBody: json(ref(`${pascal}Input`)),
      ...ruleNotes(entity, 'create'),
      responses: {
        201: { description: 'Created', ...json(ref(pascal)) },
        400: errorResponse('Invalid input'),
        ...forbidden(entity, model, 'create'),
        409: errorResponse('Conflicts with existing data or a rule'),
        ...(entity.rules.some((r) => r.kind === 'statusWorkflow' || r.kind === 'dateOrder') ? { 422: errorResponse('Rule violated') } : {}),
      },
    },
  };
  paths[`${API_PREFIX}/${route}/{id}`] = {
    parameters: [idParam],
    get: { tags: [tag], summary: `Read ${withArticle(entity.entity.label.toLowerCase())}`, security, responses: { 200: { description: 'Found', ...json(ref(pascal)) }, ...forbidden(entity, model, 'read'), 404: errorResponse('Not found') } },
    patch: {
      tags: [tag],
      summary: `Change ${withArticle(entity.entity.label.toLowerCase())}`,
      security,
      requestBody: json({ ...ref(`${pascal}Input`) }),
      ...ruleNotes(entity, 'update'),
      responses: { 200: { description: 'Changed', ...json(ref(pascal)) }, 400: errorResponse('Invalid input'), ...forbidden(entity, model, 'update'), 404: errorResponse('Not found'), 409: errorResponse('Conflict'), 422: errorResponse('Rule violated') },
    },
    delete: {
      tags: [tag],
      summary: `Delete ${withArticle(entity.entity.label.toLowerCase())}`,
      security,
      ...ruleNotes(entity, 'delete'),
      responses: { 204: { description: 'Deleted' }, ...forbidden(entity, model, 'delete'), 404: errorResponse('Not found'), 409: errorResponse(hasRefusal(entity, 'delete') ? 'Still referenced, or refused by a rule' : 'Still referenced') },
    },
  };
  for (const relation of entity.children) {
    const child = model.entity(relation.from);
    paths[`${API_PREFIX}/${route}/{id}/${kebabCase(relation.inverseName)}`] = {
      parameters: [idParam],
      get: { tags: [tag], summary: `${child.entity.pluralLabel} of ${withArticle(entity.entity.label.toLowerCase())} (${relation.inverseName})`, security, parameters: listParameters(child), responses: { 200: listResponse(child), 400: errorResponse('Invalid query'), 404: errorResponse('Not found') } },
    };
  }
  return paths;
}

export const OPENAPI_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/openapi',
  serves: (model) => ['api', ...model.entities.map((e) => `entity:${e.entity.name}`)],
  sources: (model) => model.entities.flatMap((e) => e.sources),
  files: [
    {
      path: 'backend/openapi.json',
      content: (model) => JSON.stringify(openapiDocument(model), null, 2),
      explanation: 'A machine-readable description of every endpoint (OpenAPI 3.1), for API tools and client generators; the server also serves it at /api/openapi.json.',
    },
  ],
};
