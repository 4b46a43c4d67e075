// Component tests for the generated app (Vitest + jsdom + Testing Library) against a mocked
// fetch: per entity, the list renders rows and sends the contract's query, the form rejects
// missing required fields and posts the right JSON, server field errors show, delete confirms;
// with auth, login, the 401 redirect and registration.
import { DEFAULT_PAGE_SIZE } from '../contract';
import type { FileSet } from '../fileSet';
import { addLayerFiles, type LayerFile } from '../layerFiles';
import datesTs from '../templates/frontend/src/test/dates.ts?text';
import renderTsx from '../templates/frontend/src/test/render.tsx?text';
import setupTs from '../templates/frontend/src/test/setup.ts?text';
import { humanize } from '../../../model/project/naming';
import type { Field } from '../../../model/project/projectSpec';
import { TOKEN_STORAGE_SUFFIX } from './api';
import { PASSWORD_MIN_LENGTH, registerFields } from './auth';
import { authSources, str, type FrontendEntity, type FrontendModel } from './model';
import { jsValue, lineComment, singleQuotedText } from '../emit';
import { pageComponents } from './pages';

const FETCH_MOCK_TS = `// A fake fetch that records every request and answers from a handler, so tests check exactly
// what the app sends to the API. Unhandled GETs get an empty list.
import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

export function listOf(items: unknown[]): Reply {
  return { body: { items, total: items.length, page: 1, pageSize: ${DEFAULT_PAGE_SIZE} } };
}

export function isList(call: Call, path: string): boolean {
  return call.method === 'GET' && (call.url === path || call.url.startsWith(path + '?'));
}

export function mockFetch(handler: (call: Call) => Reply | undefined): Call[] {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string> | undefined) },
    };
    calls.push(call);
    const reply =
      handler(call) ??
      (call.method === 'GET' ? listOf([]) : { status: 500, body: { error: { code: 'internal', message: 'Unexpected ' + call.method + ' ' + call.url } } });
    const status = reply.status ?? (call.method === 'POST' ? 201 : 200);
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
`;

const DATE_HELPERS = ['sampleDate', 'sampleIsoDateTime', 'sampleLocalDateTime'];

/** The import of the date helpers a generated test file calls (none: no import). */
function datesImport(code: string): string {
  const used = DATE_HELPERS.filter((name) => code.includes(`${name}(`));
  return used.length ? `import { ${used.join(', ')} } from './dates';\n` : '';
}

/** Where a file's import of the date helpers goes; withDatesImport puts the import there (or nothing). */
const DATES_IMPORT = '/* dates import */\n';
function withDatesImport(code: string): string {
  return code.replace(DATES_IMPORT, datesImport(code.replace(DATES_IMPORT, '')));
}

/** A call of a date helper, as code (`days` after the first sample day). */
function dateCall(helper: string, days: number): string {
  return `${helper}(${days || ''})`;
}

function clamp(value: number, field: Field): number {
  let result = value;
  if (field.min !== undefined && result < field.min) result = field.min;
  if (field.max !== undefined && result > field.max) result = field.max;
  return result;
}

/** Days a date field's samples move so dateOrder rules hold: one per step after the earliest field. */
function daysAfter(field: Field, entity?: FrontendEntity, seen = new Set<string>()): number {
  if (!entity || seen.has(field.name)) return 0;
  seen.add(field.name);
  let days = 0;
  for (const order of entity.dateOrders) {
    if (order.later !== field.name) continue;
    const earlier = entity.entity.fields.find((f) => f.name === order.earlier);
    if (earlier) days = Math.max(days, daysAfter(earlier, entity, new Set(seen)) + 1);
  }
  return days;
}

/** What a test types into a field's input, as code (booleans: the value after one click). */
function sampleInput(field: Field, entity?: FrontendEntity): string {
  const workflow = entity?.workflows.get(field.name);
  // A new record may only start in the workflow's initial state.
  if (workflow) return str(workflow.initial);
  // Dates count from the day the tests run (see dates.ts), a day later per dateOrder step.
  if (field.type === 'date') return dateCall('sampleDate', daysAfter(field, entity));
  if (field.type === 'datetime') return dateCall('sampleLocalDateTime', daysAfter(field, entity));
  const value = sampleLiteral(field);
  return typeof value === 'boolean' ? String(value) : str(value);
}

/** The literal sample of a field that is not a date. */
function sampleLiteral(field: Field): string | boolean {
  switch (field.type) {
    case 'integer':
      return String(Math.round(clamp(5, field)));
    case 'decimal':
      return String(clamp(3.5, field));
    case 'money':
      return clamp(12.5, field).toFixed(2);
    case 'boolean':
      return field.default !== true;
    case 'enum': {
      const values = field.enumValues ?? [];
      return values[values.length - 1] ?? '';
    }
    case 'email':
      return 'sample@example.com';
    case 'url':
      return 'https://example.com/sample';
    default:
      return `Sample ${field.label.toLowerCase()}`;
  }
}

/** The JSON value (as code) the form should send for sampleInput. */
function expectedPayloadValue(field: Field, entity?: FrontendEntity): string {
  if (field.type === 'datetime') return `new Date(${sampleInput(field, entity)}).toISOString()`;
  if (field.type === 'date' || entity?.workflows.has(field.name)) return sampleInput(field, entity);
  const value = sampleLiteral(field);
  if (field.type === 'integer') return String(Number(value));
  return jsValue(value);
}

/** The value (as code) in a record the mocked API returns. */
function sampleRecordValue(field: Field, entity: FrontendEntity): string {
  if (field.type === 'datetime') return dateCall('sampleIsoDateTime', daysAfter(field, entity));
  return expectedPayloadValue(field, entity);
}

export function sampleRecord(entity: FrontendEntity, id = 1): string {
  const parts = [`id: ${id}`];
  if (entity.readOnly) parts.push(`email: 'sample@example.com'`, `role: 'member'`);
  for (const field of entity.entity.fields) if (!(entity.readOnly && field.name === 'email')) parts.push(`${field.name}: ${sampleRecordValue(field, entity)}`);
  for (const picker of entity.filters) parts.push(`${picker.key}: 1`);
  for (const picker of entity.manyToMany) parts.push(`${picker.key}: [1]`);
  parts.push(`createdAt: ${dateCall('sampleIsoDateTime', 0)}`, `updatedAt: ${dateCall('sampleIsoDateTime', 0)}`);
  return `{ ${parts.join(', ')} }`;
}

function sortLabel(entity: FrontendEntity): string {
  return entity.labelField ? entity.labelField.label : 'Id';
}

function recordLabelText(entity: FrontendEntity): string {
  if (!entity.labelField) return '#1';
  if (entity.readOnly && entity.labelField.name === 'email') return 'sample@example.com';
  // A string or email field (never a date).
  return entity.workflows.get(entity.labelField.name)?.initial ?? String(sampleLiteral(entity.labelField));
}

function optionLabel(target: FrontendEntity): string {
  return target.labelField ? `Sample ${target.entity.label.toLowerCase()} option` : '#1';
}

function optionRecord(target: FrontendEntity): string {
  return target.labelField ? `{ id: 1, ${target.labelField.name}: ${str(optionLabel(target))} }` : '{ id: 1 }';
}

/** The form refuses a number outside its min/max and dates out of order (dateOrder) before sending anything. */
function rangeAndOrderTests(entity: FrontendEntity, submitName: string): string {
  const newPage = `${entity.route}/new`;
  const handlers = optionHandlers(entity);
  const mock = handlers.length ? `mockFetch((call) => {\n${handlers.map((l) => '    ' + l).join('\n')}\n      return undefined;\n    })` : 'mockFetch(() => undefined)';
  const attempt = (change: string, message: string, title: string) => `
  it(${str(title)}, async () => {
    const calls = ${mock};
    renderAt(${str(newPage)}, ${str(newPage)}, <${pageComponents(entity).create} />);
    await fillForm();
    ${change}
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
    expect(await screen.findByText(${str(message)})).toBeTruthy();
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
`;
  const a = (noun: string) => `${/^[aeiou]/i.test(noun) ? 'an' : 'a'} ${noun}`;
  let out = '';
  const bounded = entity.entity.fields.find((f) => ['integer', 'decimal', 'money'].includes(f.type) && (f.min !== undefined || f.max !== undefined) && !entity.workflows.has(f.name));
  if (bounded) {
    const below = bounded.min !== undefined;
    const value = below ? bounded.min! - 1 : bounded.max! + 1;
    const message = `${bounded.label} must be ${below ? `at least ${bounded.min}` : `at most ${bounded.max}`}`;
    out += attempt(`fireEvent.change(screen.getByLabelText(${str(bounded.label)}), { target: { value: ${str(String(value))} } });`, message, `refuses ${a(bounded.label.toLowerCase())} outside its range before sending (min/max)`);
  }
  const order = entity.dateOrders.find((o) => [o.earlier, o.later].every((name) => entity.entity.fields.some((f) => f.name === name)));
  if (order) {
    const earlier = entity.entity.fields.find((f) => f.name === order.earlier)!;
    const later = entity.entity.fields.find((f) => f.name === order.later)!;
    // The later field gets a value a day before the earlier one's sample.
    const before = daysAfter(earlier, entity) - 1;
    const value = later.type === 'date' ? dateCall('sampleDate', before) : dateCall('sampleLocalDateTime', before);
    const message = `${later.label} must be ${order.allowEqual ? 'on or after' : 'after'} ${earlier.label.toLowerCase()}`;
    out += attempt(`fireEvent.change(screen.getByLabelText(${str(later.label)}), { target: { value: ${value} } });`, message, `refuses ${a(later.label.toLowerCase())} before the ${earlier.label.toLowerCase()} before sending (dateOrder)`);
  }
  return out;
}

function fillStatements(entity: FrontendEntity): string[] {
  const lines: string[] = [];
  for (const field of entity.entity.fields) {
    if (field.type === 'boolean') lines.push(`  fireEvent.click(screen.getByLabelText(${str(field.label)}));`);
    else lines.push(`  fireEvent.change(screen.getByLabelText(${str(field.label)}), { target: { value: ${sampleInput(field, entity)} } });`);
  }
  for (const picker of entity.parents) {
    lines.push(`  await screen.findAllByRole('option', { name: ${str(optionLabel(picker.target))} });`);
    lines.push(`  fireEvent.change(screen.getByLabelText(${str(picker.label)}), { target: { value: '1' } });`);
  }
  for (const picker of entity.manyToMany) {
    lines.push(`  const ${picker.relation.name}Option = (await screen.findAllByRole('option', { name: ${str(optionLabel(picker.target))} }))[0] as HTMLOptionElement;`);
    lines.push(`  ${picker.relation.name}Option.selected = true;`);
    lines.push(`  fireEvent.change(screen.getByLabelText(${str(picker.label)}));`);
  }
  return lines;
}

function expectedPayload(entity: FrontendEntity): string {
  const parts = [
    ...entity.entity.fields.map((f) => `  ${f.name}: ${expectedPayloadValue(f, entity)},`),
    ...entity.parents.map((p) => `  ${p.key}: 1,`),
    ...entity.manyToMany.map((p) => `  ${p.key}: [1],`),
  ];
  return `{\n${parts.join('\n')}\n}`;
}

/** Pickers' option lists the form loads, answered with one option each. */
function optionHandlers(entity: FrontendEntity): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const picker of [...entity.parents, ...entity.manyToMany]) {
    if (seen.has(picker.target.apiPath)) continue;
    seen.add(picker.target.apiPath);
    lines.push(`  if (isList(call, ${str(picker.target.apiPath)})) return listOf([${optionRecord(picker.target)}]);`);
  }
  return lines;
}

function requiredMessages(entity: FrontendEntity): string[] {
  return [
    ...entity.entity.fields.filter((f) => f.required && f.default === undefined && f.type !== 'boolean').map((f) => `${f.label} is required`),
    ...entity.parents.filter((p) => p.required).map((p) => `${p.label} is required`),
  ];
}

function listQueryUrl(entity: FrontendEntity, params: Record<string, string | number>): string {
  const keys = Object.keys(params).sort();
  return entity.apiPath + '?' + keys.map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`).join('&');
}

function editPayload(entity: FrontendEntity): string {
  const parts = [
    ...entity.entity.fields.map((f) => `  ${f.name}: ${sampleRecordValue(f, entity)},`),
    ...entity.parents.map((p) => `  ${p.key}: 1,`),
    ...entity.manyToMany.map((p) => `  ${p.key}: [1],`),
  ];
  return `{\n${parts.join('\n')}\n}`;
}

/** Edit: loads the record, offers only allowed workflow steps, saves with PATCH. */
function editTest(entity: FrontendEntity): string {
  const pages = pageComponents(entity);
  const label = entity.entity.label.toLowerCase();
  const workflowChecks: string[] = [];
  for (const field of entity.entity.fields) {
    const workflow = entity.workflows.get(field.name);
    if (!workflow) continue;
    // The select lists the allowed values in the field's own order (not the order the transitions were written in).
    const allowed = new Set([workflow.initial, ...(workflow.next[workflow.initial] ?? [])]);
    const offered = (field.enumValues ?? []).filter((value) => allowed.has(value)).map((value) => humanize(value));
    workflowChecks.push(
      `    // ${lineComment(field.label)} may only move along its workflow.`,
      `    const ${field.name}Options = Array.from((screen.getByLabelText(${str(field.label)}) as HTMLSelectElement).options).map((option) => option.textContent);`,
      `    expect(${field.name}Options).toEqual(${JSON.stringify([field.required ? 'Choose…' : '(none)', ...offered])});`,
    );
  }
  return `
  it('loads the ${singleQuotedText(label)} into the edit form and saves it with PATCH', async () => {
    const calls = mockFetch((call) => {
${optionHandlers(entity).map((l) => '    ' + l).join('\n')}
      if (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)}) return { body: SAMPLE };
      if (call.method === 'PATCH') return { body: SAMPLE };
      return undefined;
    });
    renderAt(${str(`${entity.route}/1/edit`)}, ${str(`${entity.route}/:id/edit`)}, <${pages.edit} />);
    const save = await screen.findByRole('button', { name: 'Save changes' });
${workflowChecks.join('\n')}
    fireEvent.click(save);
    expect(await screen.findByText('Left the page')).toBeTruthy();
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe(${str(`${entity.apiPath}/1`)});
    expect(patch?.body).toEqual(EDIT_BODY);
  });
`;
}

function entityTest(entity: FrontendEntity): string {
  const pages = pageComponents(entity);
  const { route } = entity.names;
  const label = entity.entity.label.toLowerCase();
  const plural = entity.entity.pluralLabel.toLowerCase();
  const imports = [pages.list, pages.detail, pages.create, pages.edit].filter((n): n is string => Boolean(n)).sort();
  const firstFilter = entity.filters[0];
  const filterTest = firstFilter
    ? `
  it('sends the search and the ${singleQuotedText(firstFilter.label.toLowerCase())} filter as query parameters', async () => {
    const calls = mockFetch(() => undefined);
    renderAt(${str(`${entity.route}?${firstFilter.key}=1&q=sample`)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText('Nothing matches.')).toBeTruthy();
    expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, { page: 1, pageSize: DEFAULT_PAGE_SIZE, [firstFilter.key]: 1, q: 'sample' }))});
  });
`
    : '';
  const listTests = `
  it('lists ${singleQuotedText(plural)} from the API', async () => {
    const calls = mockFetch((call) => (isList(call, ${str(entity.apiPath)}) ? listOf([SAMPLE]) : undefined));
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByRole('link', { name: ${str(recordLabelText(entity))} })).toBeTruthy();
    expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, { page: 1, pageSize: DEFAULT_PAGE_SIZE }))});
  });

  it('sorts by a column when its header is clicked', async () => {
    const calls = mockFetch((call) => (isList(call, ${str(entity.apiPath)}) ? listOf([SAMPLE]) : undefined));
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    fireEvent.click(await screen.findByRole('button', { name: ${str(sortLabel(entity))} }));
    await waitFor(() => expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, { order: 'asc', page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: entity.labelField?.name ?? 'id' }))}));
  });

  it('says so when there are no ${singleQuotedText(plural)}', async () => {
    mockFetch(() => undefined);
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText(${str(`No ${plural} yet.`)})).toBeTruthy();
  });
${filterTest}`;
  const detailTest = `
  it('shows one ${singleQuotedText(label)}${entity.readOnly ? '' : ' and deletes it after confirmation'}', async () => {
    const calls = mockFetch((call) => {
      if (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)}) return { body: SAMPLE };
      if (call.method === 'DELETE') return { status: 204 };
      return undefined;
    });
    renderAt(${str(`${entity.route}/1`)}, ${str(`${entity.route}/:id`)}, <${pages.detail} />);
    expect(await screen.findByRole('heading', { name: ${str(`${entity.entity.label}: ${recordLabelText(entity)}`)} })).toBeTruthy();
    expect(calls[0].url).toBe(${str(`${entity.apiPath}/1`)});${
      entity.readOnly
        ? ''
        : `
    vi.spyOn(window, 'confirm').mockReturnValue(true);
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText('Left the page')).toBeTruthy();
    expect(calls.some((call) => call.method === 'DELETE' && call.url === ${str(`${entity.apiPath}/1`)})).toBe(true);`
    }
  });
`;
  let formTests = '';
  if (pages.create) {
    const submitName = `Create ${label}`;
    const messages = requiredMessages(entity);
    const validationTest = messages.length
      ? `
  it('reports missing required fields and sends nothing', async () => {
    const calls = mockFetch(() => undefined);
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${pages.create} />);
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
${messages.map((m, i) => `    expect(${i === 0 ? 'await screen.findByText' : 'screen.getByText'}(${str(m)})).toBeTruthy();`).join('\n')}
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
`
      : '';
    const firstKey = entity.entity.fields[0]?.name ?? entity.parents[0]?.key;
    const serverErrorTest = firstKey
      ? `
  it('shows the server\\'s validation errors next to the field', async () => {
    mockFetch((call) => {
${optionHandlers(entity).map((l) => '    ' + l).join('\n')}
      if (call.method === 'POST') {
        return { status: 400, body: { error: { code: 'validation_failed', message: 'Validation failed', details: [{ path: ${str(firstKey)}, message: 'Rejected by the server' }] } } };
      }
      return undefined;
    });
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${pages.create} />);
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
    expect(await screen.findByText('Rejected by the server')).toBeTruthy();
  });
`
      : '';
    formTests = `${validationTest}${rangeAndOrderTests(entity, submitName)}
  it('posts the form as JSON and opens the new ${singleQuotedText(label)}', async () => {
    const calls = mockFetch((call) => {
${optionHandlers(entity).map((l) => '    ' + l).join('\n')}
      if (call.method === 'POST' && call.url === ${str(entity.apiPath)}) return { status: 201, body: { ...SAMPLE, id: 7 } };
      return undefined;
    });
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${pages.create} />);
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
    expect(await screen.findByText('Left the page')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe(${str(entity.apiPath)});
    expect(post?.body).toEqual(EXPECTED_BODY);
  });
${serverErrorTest}${editTest(entity)}`;
  }
  const helpers = pages.create
    ? `
/** What the form must send after fillForm(). */
const EXPECTED_BODY = ${expectedPayload(entity)};

/** What the edit form sends back for SAMPLE unchanged. */
const EDIT_BODY = ${editPayload(entity)};

async function fillForm() {
${fillStatements(entity).join('\n')}
}
`
    : '';
  const body = `const SAMPLE = ${sampleRecord(entity)};
${helpers}
describe(${str(`${entity.entity.label} pages`)}, () => {${listTests}${detailTest}${formTests}});
`;
  return `// ${lineComment(entity.entity.label)} pages against a mocked API.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it${pages.create ? ', vi' : ''} } from 'vitest';
import { ${imports.join(', ')} } from '../pages/${route}';
${datesImport(body)}import { isList, listOf, mockFetch } from './fetchMock';
import { renderAt } from './render';

${body}`.replace(/\n{3,}/g, '\n\n');
}

/** Tests that buttons follow the ownership and role rules (the first entity with each rule). */
function permissionTests(model: FrontendModel): { imports: string[]; tests: string } {
  if (model.spec.auth.kind !== 'emailPassword') return { imports: [], tests: '' };
  const { roles, adminRole, defaultRole } = model.spec.auth;
  const imports: string[] = [];
  let tests = '';
  const owned = model.entities.find(
    (e) => !e.readOnly && e.entity.ownerRelation && model.index.rulesFor(e.entity.name).some((r) => r.kind === 'ownership' && r.actions.includes('delete')),
  );
  const plainRole = defaultRole !== adminRole ? defaultRole : roles.find((r) => r !== adminRole);
  if (owned && plainRole) {
    const pages = pageComponents(owned);
    imports.push(`import { ${pages.detail} } from '../pages/${owned.names.route}';`);
    tests += `
  it('hides delete on a ${singleQuotedText(owned.entity.label.toLowerCase())} the user does not own', async () => {
    localStorage.setItem(TOKEN_KEY, 'token');
    mockFetch((call) => {
      if (call.url === '/api/auth/me') return { body: { user: { ...USER, id: 2, role: ${str(plainRole)} } } };
      if (call.url === ${str(`${owned.apiPath}/1`)}) return { body: ${sampleRecord(owned)} };
      return undefined;
    });
    renderWithAuth(${str(`${owned.route}/1`)}, ${str(`${owned.route}/:id`)}, <${pages.detail} />);
    expect(await screen.findByRole('heading', { name: ${str(`${owned.entity.label}: ${recordLabelText(owned)}`)} })).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull());
  });
`;
  }
  for (const entity of model.entities) {
    if (entity.readOnly) continue;
    const rule = model.index.rulesFor(entity.entity.name).find((r) => r.kind === 'roleRequired' && r.actions.includes('create'));
    if (!rule || rule.kind !== 'roleRequired') continue;
    const outsider = roles.find((r) => r !== adminRole && !rule.roles.includes(r));
    if (!outsider) continue;
    const pages = pageComponents(entity);
    imports.push(`import { ${pages.list} } from '../pages/${entity.names.route}';`);
    tests += `
  it('hides "New ${singleQuotedText(entity.entity.label.toLowerCase())}" from ${outsider} users', async () => {
    localStorage.setItem(TOKEN_KEY, 'token');
    mockFetch((call) => (call.url === '/api/auth/me' ? { body: { user: { ...USER, role: ${str(outsider)} } } } : undefined));
    renderWithAuth(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText(${str(`No ${entity.entity.pluralLabel.toLowerCase()} yet.`)})).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('link', { name: ${str(`New ${entity.entity.label.toLowerCase()}`)} })).toBeNull());
  });
`;
    break;
  }
  return { imports, tests: tests ? `\ndescribe('permissions', () => {${tests}});\n` : '' };
}

function authTest(model: FrontendModel): string {
  const tokenKey = model.spec.name + TOKEN_STORAGE_SUFFIX;
  const permissions = permissionTests(model);
  const extra = registerFields(model);
  const registerTests = model.selfSignup
    ? `
describe('registration', () => {
  it('rejects a short password without calling the API', async () => {
    const calls = mockFetch(() => undefined);
    renderWithAuth('/register');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Password must be at least ${PASSWORD_MIN_LENGTH} characters')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('registers and signs in', async () => {
    const calls = mockFetch((call) => (call.url === '/api/auth/register' ? { status: 201, body: { token: 'new-token', user: USER } } : undefined));
    renderWithAuth('/register');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
${extra
  .map((f) =>
    f.type === 'boolean'
      ? `    fireEvent.click(screen.getByLabelText(${str(f.label)}));`
      : `    fireEvent.change(screen.getByLabelText(${str(f.label)}), { target: { value: ${sampleInput(f)} } });`,
  )
  .join('\n')}
    fireEvent.click(screen.getByRole('button', { name: 'Create account' }));
    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(calls[0].body).toEqual({ email: 'ada@example.com', password: 'correct horse'${extra.map((f) => `, ${f.name}: ${expectedPayloadValue(f)}`).join('')} });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('new-token');
  });
});
`
    : '';
  return withDatesImport(`// Login, the route guard and the 401 redirect${model.selfSignup ? ', and registration' : ''}, against a mocked API.
import { fireEvent, render, screen${permissions.tests ? ', waitFor' : ''} } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { AuthProvider, RequireAuth } from '../auth/AuthContext';
import { LoginPage } from '../pages/LoginPage';
${model.selfSignup ? "import { RegisterPage } from '../pages/RegisterPage';\n" : ''}${permissions.imports.join('\n')}${permissions.imports.length ? '\n' : ''}${DATES_IMPORT}import { mockFetch } from './fetchMock';

const TOKEN_KEY = ${str(tokenKey)};
const USER = { id: 1, email: 'ada@example.com', role: 'member', createdAt: sampleIsoDateTime(), updatedAt: sampleIsoDateTime() };

/** The login flow's routes, plus optionally one app page at \`path\`. */
function renderWithAuth(url: string, path?: string, page?: ReactElement) {
  return render(
    <MemoryRouter initialEntries={[url]}>
      <AuthProvider>
        <Routes>
          {path && <Route path={path} element={page} />}
          <Route path="/login" element={<LoginPage />} />
${model.selfSignup ? '          <Route path="/register" element={<RegisterPage />} />\n' : ''}          <Route element={<RequireAuth />}>
            <Route path="/" element={<p>Home page</p>} />
          </Route>
        </Routes>
      </AuthProvider>
    </MemoryRouter>,
  );
}

describe('login', () => {
  it('sends signed-out visitors to the login page', async () => {
    mockFetch(() => undefined);
    renderWithAuth('/');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
  });

  it('logs in, stores the token and opens the app', async () => {
    const calls = mockFetch((call) => (call.url === '/api/auth/login' ? { status: 200, body: { token: 'test-token', user: USER } } : undefined));
    renderWithAuth('/login');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Home page')).toBeTruthy();
    expect(calls[0]).toMatchObject({ method: 'POST', url: '/api/auth/login', body: { email: 'ada@example.com', password: 'correct horse' } });
    expect(localStorage.getItem(TOKEN_KEY)).toBe('test-token');
  });

  it('says when the password is wrong', async () => {
    mockFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Invalid credentials' } } }));
    renderWithAuth('/login');
    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@example.com' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
    expect(await screen.findByText('Wrong email or password.')).toBeTruthy();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('sends the bearer token and returns to login when the API answers 401', async () => {
    localStorage.setItem(TOKEN_KEY, 'expired-token');
    const calls = mockFetch(() => ({ status: 401, body: { error: { code: 'unauthorized', message: 'Token expired' } } }));
    renderWithAuth('/');
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeTruthy();
    expect(calls[0].headers.Authorization).toBe('Bearer expired-token');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });
});
${registerTests}${permissions.tests}`);
}

/** What every component test uses: setup, a recording fetch, rendering at a URL, sample dates. */
const TEST_SUPPORT_FILES: readonly LayerFile<FrontendModel>[] = [
  { path: 'frontend/src/test/setup.ts', content: setupTs, explanation: 'Vitest setup: cleans the DOM, the fetch mock and localStorage after each test.' },
  {
    path: 'frontend/src/test/fetchMock.ts',
    content: FETCH_MOCK_TS,
    explanation: 'A recording fake fetch for component tests, so they assert the exact requests the app sends.',
  },
  { path: 'frontend/src/test/render.tsx', content: renderTsx, explanation: 'Renders one page inside a router at a given URL for tests.' },
  {
    path: 'frontend/src/test/dates.ts',
    content: datesTs,
    explanation:
      'Sample dates for the tests, counted from the day they run (30 days from today and later), so no sample is in the past and the tests keep passing as time goes on.',
  },
];

export function generateFrontendTests(model: FrontendModel, files: FileSet): void {
  if (!model.spec.options.tests) return; // turned off in the review step
  addLayerFiles(files, model, TEST_SUPPORT_FILES, { layer: 'frontend/tests', serves: ['frontend'], sources: [] });
  for (const entity of model.entities) {
    files.add({
      path: `frontend/src/test/${entity.names.route}.test.tsx`,
      content: entityTest(entity),
      layer: 'frontend/tests',
      explanation: `Component tests for the ${entity.entity.pluralLabel.toLowerCase()} pages: the list shows rows from the API and sends the contract's query${
        entity.readOnly ? '' : ', the form rejects missing required fields, posts the right JSON and shows server field errors, delete asks first'
      }.`,
      serves: entity.serves,
      sources: entity.sources,
    });
  }
  if (model.hasAuth) {
    files.add({
      path: 'frontend/src/test/auth.test.tsx',
      content: authTest(model),
      layer: 'frontend/tests',
      explanation: 'Component tests for login (token stored, wrong password), the route guard, the 401 redirect' + (model.selfSignup ? ' and registration.' : '.'),
      serves: ['auth'],
      sources: authSources(model.spec),
    });
  }
}
