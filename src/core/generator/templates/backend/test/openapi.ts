// The API contract in the tests: every response a test receives is checked against openapi.json
// (the status must be documented for that method and path, and the body must match the schema of
// that status), so the document cannot drift from the server unnoticed.
import { readFileSync } from 'node:fs';
import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

interface MediaType {
  schema?: unknown;
}
interface ResponseObject {
  content?: Record<string, MediaType>;
}
type PathItem = Record<string, { responses?: Record<string, ResponseObject> } | undefined>;
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, PathItem>;
}

/** A documented response: its body's validator, or null when the response has no body. */
type DocumentedResponse = ValidateFunction | null;

interface Operation {
  method: string;
  template: string;
  pattern: RegExp;
  /** Templated segments ({id}): a path matching a literal route and a templated one means the literal. */
  parameters: number;
  responses: Map<string, DocumentedResponse>;
}

export interface ReceivedResponse {
  method: string;
  /** The request path, with or without a query string. */
  path: string;
  status: number;
  contentType: string | null;
  /** The parsed JSON body, or undefined when the response had none. */
  body: unknown;
}

/**
 * Keywords Ajv does not know but the document uses: the document's own fields (it is registered
 * whole, so schemas can $ref each other) and the OpenAPI dialect's annotations (example, xml).
 */
const OPENAPI_KEYWORDS = ['openapi', 'info', 'jsonSchemaDialect', 'servers', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs', 'example', 'xml'];
const METHODS = ['get', 'put', 'post', 'patch', 'delete', 'head', 'options', 'trace'];
const DOCUMENT_FILE = new URL('../openapi.json', import.meta.url);

/** A JSON Pointer to a response's schema, as a reference into the registered document. */
function schemaPointer(template: string, method: string, status: string): string {
  const segments = ['paths', template, method, 'responses', status, 'content', 'application/json', 'schema'];
  return `openapi.json#/${segments.map((s) => encodeURIComponent(s.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/')}`;
}

/** /api/books/{id} as a regular expression that matches /api/books/7. */
function templatePattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${source}$`);
}

function operationsOf(document: OpenApiDocument, compile: (schema: object) => ValidateFunction): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = new Map<string, DocumentedResponse>();
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        const json = response.content?.['application/json'];
        if (response.content && !json) throw new Error(`openapi.json: ${method.toUpperCase()} ${template} ${status} documents a body that is not JSON`);
        responses.set(status, json ? compile({ $ref: schemaPointer(template, method, status) }) : null);
      }
      operations.push({ method: method.toUpperCase(), template, pattern: templatePattern(template), parameters: template.split('{').length - 1, responses });
    }
  }
  return operations.sort((a, b) => a.parameters - b.parameters);
}

/** Reads and compiles the document once (per test file: each file has its own module instance). */
function loadContract(): Operation[] {
  const document = JSON.parse(readFileSync(DOCUMENT_FILE, 'utf8')) as OpenApiDocument;
  if (!document.openapi.startsWith('3.1.')) throw new Error(`openapi.json is OpenAPI ${document.openapi}; these checks read 3.1 (JSON Schema 2020-12)`);
  // OpenAPI 3.1 schemas are JSON Schema 2020-12; union types (["string", "null"]) are how it writes nullable.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  addFormats(ajv);
  ajv.addVocabulary(OPENAPI_KEYWORDS);
  ajv.addSchema(document as object, 'openapi.json');
  return operationsOf(document, (schema) => ajv.compile(schema));
}

const operations = loadContract();

function documentedResponse(operation: Operation, status: number): DocumentedResponse | undefined {
  const code = String(status);
  for (const key of [code, `${code[0]}XX`, 'default']) if (operation.responses.has(key)) return operation.responses.get(key);
  return undefined;
}

/** Throws, naming the request, the status and what is wrong, when a response breaks the document. */
export function expectDocumented(response: ReceivedResponse): void {
  const path = response.path.split('?')[0];
  const where = `${response.method} ${path} -> ${response.status}`;
  const candidates = operations.filter((o) => o.pattern.test(path));
  if (!candidates.length) throw new Error(`openapi.json documents no path matching ${path} (${where})`);
  const operation = candidates.find((o) => o.method === response.method);
  if (!operation) throw new Error(`openapi.json documents no ${response.method} on ${candidates[0].template} (${where})`);
  const context = `${where}, documented as ${operation.method} ${operation.template}`;
  const validate = documentedResponse(operation, response.status);
  if (validate === undefined) {
    throw new Error(`${context}: status ${response.status} is not documented (documented: ${[...operation.responses.keys()].join(', ')}); body ${JSON.stringify(response.body)}`);
  }
  if (validate === null) {
    if (response.body !== undefined) throw new Error(`${context}: the document promises no body but the server sent ${JSON.stringify(response.body)}`);
    return;
  }
  if (!response.contentType?.includes('application/json')) throw new Error(`${context}: expected a JSON body, got content-type ${response.contentType ?? 'none'}`);
  if (!validate(response.body)) {
    const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message ?? ''}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
    throw new Error(`${context}: the body does not match the documented schema:\n  ${problems.join('\n  ')}\nbody: ${JSON.stringify(response.body)}`);
  }
}
