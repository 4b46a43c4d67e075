// The typed API client: `src/api/client.ts` (transport, error envelope, auth token) and one module
// per entity with its record/input types and calls, built exactly to contract.ts.
import { withArticle } from '../../../model/project/naming';
import { API_PREFIX, DEFAULT_PAGE_SIZE, ERROR_CODES, MAX_PAGE_SIZE } from '../contract';
import type { LayerTable } from '../layerFiles';
import { blockComment, lineComment } from '../emit';
import type { Field } from '../../../model/project/projectSpec';
import { USER_ENTITY } from '../../../model/project/specIndex';
import { allSources, authSources, str, type FrontendEntity, type FrontendModel } from './model';

export const TOKEN_STORAGE_SUFFIX = '.token';

/** The client, one module per entity, and with sign-in the auth calls. */
export const API_CLIENT_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/api',
  files: [
    {
      path: 'frontend/src/api/client.ts',
      content: ({ spec, hasAuth }) => clientHeader(hasAuth) + (hasAuth ? sessionToken(spec.name) : '') + requestFunction(hasAuth) + LIST_HELPERS,
      explanation: ({ hasAuth }) =>
        'The HTTP client every page uses: JSON requests to /api, paging/search/filter query strings, the error envelope as ApiError' +
        (hasAuth ? ', the bearer token from localStorage and a redirect hook for 401 responses.' : '.'),
      serves: ({ hasAuth }) => (hasAuth ? ['frontend', 'auth'] : ['frontend']),
      sources: ({ spec, hasAuth }) => [...allSources(spec).slice(0, 1), ...(hasAuth ? authSources(spec) : [])],
    },
    {
      perEntity: true,
      path: 'frontend/src/api/{entity}.ts',
      content: entityApiModule,
      explanation: (_model, entity) =>
        `Typed API for ${entity.entity.pluralLabel}: the ${entity.names.pascal} record and ${entity.names.pascal}Input body types and list/get/create/update/delete calls to ${entity.apiPath}${
          entity.children.length ? ', plus its has-many lists' : ''
        }.`,
      serves: (_model, entity) => entity.serves,
      sources: (_model, entity) => entity.sources,
    },
    {
      path: 'frontend/src/api/auth.ts',
      content: authApiModule,
      when: (model) => model.hasAuth,
      explanation: 'Calls to /api/auth: register and login return a token and the user; me returns the signed-in user.',
      serves: ['auth'],
      sources: (model) => authSources(model.spec),
    },
  ],
};

/** client.ts's opening: the contract's constants, the page and list-query types and ApiError. */
function clientHeader(hasAuth: boolean): string {
  return `// Typed HTTP client built to the backend's contract. Every call goes through \`request\`, which
// sends JSON, ${hasAuth ? 'adds the bearer token, ' : ''}and turns the error envelope
// { error: { code, message, details? } } into an ApiError.
export const API_PREFIX = ${str(API_PREFIX)};
export const DEFAULT_PAGE_SIZE = ${DEFAULT_PAGE_SIZE};
export const MAX_PAGE_SIZE = ${MAX_PAGE_SIZE};

export type ErrorCode = ${ERROR_CODES.map((code) => str(code)).join(' | ')};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** List query: paging, sorting, free-text search (q) and \`<relation>Id\` filters. */
export type ListParams = {
  page?: number;
  pageSize?: number;
  sort?: string;
  order?: 'asc' | 'desc';
  q?: string;
} & Record<string, string | number | undefined>;

export class ApiError extends Error {
  readonly status: number;
  /** One of ErrorCode, or \`network\` when the server could not be reached. */
  readonly code: ErrorCode | 'network' | string;
  readonly details: unknown;

  constructor(status: number, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}
`;
}

/** The session token in localStorage (a reload keeps the user signed in) and the 401 hook. */
function sessionToken(projectName: string): string {
  return `
// The session token lives in localStorage so a reload keeps the user signed in.
const TOKEN_KEY = ${str(projectName + TOKEN_STORAGE_SUFFIX)};

export function getToken(): string | null {
  return localStorage.getItem(TOKEN_KEY);
}

export function setToken(token: string | null): void {
  if (token) localStorage.setItem(TOKEN_KEY, token);
  else localStorage.removeItem(TOKEN_KEY);
}

let unauthorizedHandler: () => void = () => {};

/** Called on every 401 (expired or missing token); the auth context redirects to the login page. */
export function onUnauthorized(handler: () => void): () => void {
  unauthorizedHandler = handler;
  return () => {
    if (unauthorizedHandler === handler) unauthorizedHandler = () => {};
  };
}
`;
}

/** `request`, the one transport: JSON in and out, the bearer token when there is auth, errors as ApiError. */
function requestFunction(hasAuth: boolean): string {
  return `
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
${hasAuth ? "  const token = getToken();\n  if (token) headers.Authorization = 'Bearer ' + token;\n" : ''}  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'network', 'Could not reach the server. Is the backend running?');
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data = text ? parseJson(text) : undefined;
  if (!response.ok) {
    const envelope = (data as { error?: { code?: string; message?: string; details?: unknown } } | undefined)?.error;
${hasAuth ? '    if (response.status === 401) {\n      setToken(null);\n      unauthorizedHandler();\n    }\n' : ''}    throw new ApiError(
      response.status,
      envelope?.code ?? 'http_' + response.status,
      envelope?.message ?? (response.statusText || 'Request failed'),
      envelope?.details,
    );
  }
  return data as T;
}
`;
}

/** The same for every project: query strings, the five calls of an entity and its has-many lists. */
const LIST_HELPERS = `
/** \`?a=1&b=x\` with keys sorted and empty values left out. */
export function toQuery(params: ListParams = {}): string {
  const search = new URLSearchParams();
  for (const key of Object.keys(params).sort()) {
    const value = params[key];
    if (value !== undefined && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? '?' + text : '';
}

/** The five calls every entity has: GET list, GET one, POST, PATCH, DELETE. */
export function resource<T, I>(collection: string) {
  return {
    list: (params?: ListParams) => request<Page<T>>('GET', collection + toQuery(params)),
    get: (id: number) => request<T>('GET', collection + '/' + id),
    create: (input: I) => request<T>('POST', collection, input),
    update: (id: number, patch: Partial<I>) => request<T>('PATCH', collection + '/' + id, patch),
    remove: (id: number) => request<void>('DELETE', collection + '/' + id),
  };
}

/** The has-many side: GET /api/<parent>/:id/<children>, same list shape. */
export function childList<T>(parentCollection: string, segment: string) {
  return (parentId: number, params?: ListParams) =>
    request<Page<T>>('GET', parentCollection + '/' + parentId + '/' + segment + toQuery(params));
}
`;

export function tsFieldType(field: Field): string {
  switch (field.type) {
    case 'integer':
      return 'number';
    case 'boolean':
      return 'boolean';
    case 'enum':
      return (field.enumValues ?? []).map((value) => str(value)).join(' | ');
    default:
      // Money and decimal are strings ("12.50") to keep precision; dates are YYYY-MM-DD and
      // datetimes ISO 8601 strings, per the contract.
      return 'string';
  }
}

function recordProperties(entity: FrontendEntity, model: FrontendModel): string[] {
  const lines = ['  id: number;'];
  // The API sends a user's email only to the user themselves and to admins.
  if (model.hasAuth && entity.entity.name === USER_ENTITY) lines.push('  /** Only on your own record (admins see every email). */', '  email?: string;', '  role: string;');
  for (const field of entity.entity.fields) {
    if (model.hasAuth && entity.entity.name === USER_ENTITY && (field.name === 'email' || field.name === 'role')) continue;
    lines.push(`  ${field.name}: ${tsFieldType(field)}${field.required ? '' : ' | null'};`);
  }
  for (const picker of entity.filters) lines.push(`  ${picker.key}: number${picker.required ? '' : ' | null'};`);
  for (const picker of entity.manyToMany) lines.push(`  ${picker.key}: number[];`);
  lines.push('  createdAt: string;', '  updatedAt: string;');
  return lines;
}

function inputProperties(entity: FrontendEntity): string[] {
  const lines: string[] = [];
  for (const field of entity.entity.fields) {
    const optional = !field.required || field.default !== undefined;
    lines.push(`  ${field.name}${optional ? '?' : ''}: ${tsFieldType(field)}${field.required ? '' : ' | null'};`);
  }
  for (const picker of entity.parents) lines.push(`  ${picker.key}${picker.required ? '' : '?'}: number${picker.required ? '' : ' | null'};`);
  for (const picker of entity.manyToMany) lines.push(`  ${picker.key}?: number[];`);
  return lines;
}

function entityApiModule(model: FrontendModel, entity: FrontendEntity): string {
  const { pascal, camelPlural } = entity.names;
  const typeImports = [...new Set(entity.children.map((c) => c.child).filter((child) => child !== entity))]
    .map((child) => `import type { ${child.names.pascal} } from './${child.names.route}';`)
    .sort();
  const children = entity.children.map(
    (child) => `    ${JSON.stringify(child.segment)}: childList<${child.child.names.pascal}>(${str(entity.apiPath)}, ${str(child.segment)}),`,
  );
  const ownerNote = entity.entity.ownerRelation
    ? ` \`${entity.entity.ownerRelation}Id\` is not part of it: the API sets it to the signed-in user.`
    : '';
  const content = `// ${lineComment(entity.entity.label)}: record and input types and the API calls for ${entity.apiPath}.
import { childList, resource } from './client';
${typeImports.join('\n')}${typeImports.length ? '\n' : ''}
/** ${withArticle(blockComment(entity.entity.label.toLowerCase()), true)} as the API returns it. */
export interface ${pascal} {
${recordProperties(entity, model).join('\n')}
}

/** The body of POST ${entity.apiPath} (PATCH takes any subset).${ownerNote} */
export interface ${pascal}Input {
${inputProperties(entity).join('\n')}
}

export const ${camelPlural}Api = {
  ...resource<${pascal}, ${pascal}Input>(${str(entity.apiPath)}),
  /** Has-many lists: GET ${entity.apiPath}/:id/<children>. */
  children: ${children.length ? `{\n${children.join('\n')}\n  }` : '{}'},
};
`.replace(/\n\n\n+/g, '\n\n');
  return children.length ? content : content.replace('childList, resource', 'resource');
}

function authApiModule(model: FrontendModel): string {
  const user = model.byName.get(USER_ENTITY);
  const extraFields = (user?.entity.fields ?? []).filter((f) => f.name !== 'email' && f.name !== 'password' && f.name !== 'role');
  const registerLines = extraFields.map((f) => `  ${f.name}${f.required ? '' : '?'}: ${tsFieldType(f)}${f.required ? '' : ' | null'};`);
  return `// Auth endpoints: register, login and the current user.
import { request } from './client';
${user ? `import type { User } from './${user.names.route}';\n` : ''}
${user ? '' : 'export interface User {\n  id: number;\n  email: string;\n  role: string;\n}\n'}
export interface Session {
  token: string;
  user: User;
}

export interface RegisterInput {
  email: string;
  password: string;
${registerLines.join('\n')}
}

export const authApi = {
  register: (input: RegisterInput) => request<Session>('POST', '/api/auth/register', input),
  login: (email: string, password: string) => request<Session>('POST', '/api/auth/login', { email, password }),
  me: () => request<{ user: User }>('GET', '/api/auth/me'),
};
`.replace(/\n\n\n+/g, '\n\n');
}
