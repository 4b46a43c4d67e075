// "What does the bookings API accept?": read from the project's own OpenAPI document (the contract
// its tests check), with links to the route handlers and the validation schema.
import type { Answer, AnswerPoint } from '../../../model/ask/answer';
import type { Question } from '../question';
import type { ProjectTrace } from '../trace';
import { filesServing, linkTo, listInWords } from './links';

interface Schema {
  type?: string;
  format?: string;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  pattern?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
}
interface Operation {
  summary?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  parameters?: { name: string; in: string }[];
  responses?: Record<string, { description?: string }>;
}
type OpenApi = { paths?: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } };

const METHODS = ['get', 'post', 'patch', 'put', 'delete'];
const TYPE_WORDS: Record<string, string> = { string: 'text', integer: 'whole number', number: 'number', boolean: 'true or false' };

export function asksAboutApi(question: Question): boolean {
  return question.entities.length > 0 && question.words.some((word) => ['api', 'endpoint', 'route', 'accept', 'request', 'body', 'payload', 'post', 'send', 'json', 'http', 'rest'].includes(word));
}

export async function answerApi(trace: ProjectTrace, entity: string): Promise<Answer | undefined> {
  const documentPath = trace.manifest.files.find((file) => file.path.endsWith('openapi.json'))?.path;
  const document = documentPath ? parse(await trace.read(documentPath)) : undefined;
  if (!documentPath || !document?.paths) return undefined;
  const input = `#/components/schemas/${entity}Input`;
  const base = Object.entries(document.paths).find(([, operations]) => bodyRef(operations.post) === input)?.[0];
  if (!base) return undefined;
  const schema = document.components?.schemas?.[`${entity}Input`] ?? {};
  const files = filesServing(trace, (file) => file.serves.includes(`entity:${entity}`));
  const routes = files.find((file) => /\/routes\//.test(file.path) && file.path.startsWith('backend/'));
  const validation = files.find((file) => /\/validation\//.test(file.path));
  const points: AnswerPoint[] = [];
  for (const [path, operations] of Object.entries(document.paths).filter(([path]) => path === base || path.startsWith(`${base}/`))) {
    for (const method of METHODS.filter((m) => operations[m])) {
      points.push({ text: operationText(method, path, operations[method]), links: routes ? [await linkTo(trace, routes.path, routePattern(method, path.slice(base.length)))] : [] });
    }
  }
  if (validation) points.push({ text: 'The body is checked against this schema before any database work:', links: [await linkTo(trace, validation.path, [`export const ${entity}Create`])] });
  points.push({ text: 'The whole contract (OpenAPI 3):', links: [await linkTo(trace, documentPath, [`"${base}"`])] });
  return { kind: 'api', summary: `POST ${base} accepts a JSON body with ${fieldsText(schema)}. PATCH ${base}/{id} accepts any of these fields.`, points, source: 'trace' };
}

function parse(text: string | undefined): OpenApi | undefined {
  try {
    return text === undefined ? undefined : (JSON.parse(text) as OpenApi);
  } catch {
    return undefined;
  }
}

const bodyRef = (operation: Operation | undefined) => operation?.requestBody?.content?.['application/json']?.schema?.$ref;

function fieldsText(schema: Schema): string {
  const required = new Set(schema.required ?? []);
  const fields = Object.entries(schema.properties ?? {}).map(([name, field]) => `${name} (${typeText(field)}${required.has(name) ? ', required' : ''})`);
  return fields.length ? listInWords(fields) : 'no fields';
}

function typeText(field: Schema): string {
  if (field.enum) return `one of ${field.enum.map(String).join(', ')}`;
  const type =
    field.format === 'date-time' ? 'date and time' : field.format === 'date' ? 'date' : field.description && field.pattern !== undefined ? field.description.toLowerCase() : (TYPE_WORDS[field.type ?? ''] ?? 'any value');
  const bounds = [field.minimum !== undefined ? `at least ${field.minimum}` : '', field.maximum !== undefined ? `at most ${field.maximum}` : ''].filter(Boolean);
  return bounds.length ? `${type}, ${bounds.join(' and ')}` : type;
}

function operationText(method: string, path: string, operation: Operation): string {
  const query = (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
  const errors = Object.entries(operation.responses ?? {}).filter(([code]) => code >= '400').map(([code]) => code);
  return `${method.toUpperCase()} ${path}${operation.summary ? `: ${operation.summary}` : ''}${query.length ? ` (query: ${query.join(', ')})` : ''}${errors.length ? `; errors ${errors.join(', ')}` : ''}.`;
}

/** The handler line in the routes module: `routes.post('/'` for the collection, `'/:id'` for one item. */
function routePattern(method: string, rest: string): string[] {
  const route = rest.replace(/\{(\w+)\}/g, ':$1') || '/';
  return [`routes.${method}('${route}'`];
}
