// frontend/src/test/<entity>.test.tsx: an entity's list, detail, create and edit pages against the mocked API.
import { DEFAULT_PAGE_SIZE } from '../../contract';
import { humanize } from '../../../../model/project/naming';
import { type FrontendEntity, type FrontendModel, str } from '../model';
import { refusalCase, refusalImports, refusalTests } from './refusalTests';
import { lineComment, singleQuotedText } from '../../emit';
import { pageComponents } from '../pages';
import { datesImport, openSampleLiteral, sampleRecord } from './sampleValues';
import { editPayload, expectedPayload, fillStatements, listQueryUrl, optionHandlers, rangeAndOrderTests, requiredMessages } from './entityForm';
import { displayTests, editTitleCode, recordLabelCode, recordTitleCode, sortKey, sortLabel } from './recordNames';

/** Edit: loads the record, offers only allowed workflow steps, saves with PATCH. */
function editTest(entity: FrontendEntity): string {
  const pages = pageComponents(entity);
  const label = entity.entity.label.toLowerCase();
  const workflowChecks: string[] = [];
  for (const field of entity.entity.fields) {
    const workflow = entity.workflows.get(field.name);
    if (!workflow) continue;
    // The select lists the allowed values in the field's own order (not the order the transitions were written in).
    // (SAMPLE is in its initial state unless a refusal closes that one: then in the state it has.)
    const state = String(openSampleLiteral(field, entity) ?? workflow.initial);
    const allowed = new Set([state, ...(workflow.next[state] ?? [])]);
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
    expect(screen.getByRole('heading', { name: ${editTitleCode(entity)} })).toBeTruthy();
${workflowChecks.join('\n')}
    fireEvent.click(save);
    expect(await screen.findByText('Left the page')).toBeTruthy();
    const patch = calls.find((call) => call.method === 'PATCH');
    expect(patch?.url).toBe(${str(`${entity.apiPath}/1`)});
    expect(patch?.body).toEqual(EDIT_BODY);
  });
`;
}

/** The list page's search (where the API has text to search) and first relation filter reach the API as query parameters. */
function filterTest(entity: FrontendEntity): string {
  const firstFilter = entity.filters[0];
  if (!firstFilter && !entity.searchable) return '';
  const pages = pageComponents(entity);
  const query: Record<string, string | number> = { page: 1, pageSize: DEFAULT_PAGE_SIZE };
  if (firstFilter) query[firstFilter.key] = 1;
  if (entity.searchable) query.q = 'sample';
  const url = `${entity.route}?${[firstFilter && `${firstFilter.key}=1`, entity.searchable && 'q=sample'].filter(Boolean).join('&')}`;
  const what = [entity.searchable && 'the search', firstFilter && `the ${singleQuotedText(firstFilter.label.toLowerCase())} filter`].filter(Boolean).join(' and ');
  return `
  it('sends ${what} as ${firstFilter && entity.searchable ? 'query parameters' : 'a query parameter'}${entity.searchable ? '' : ' (no text to search: no search box)'}', async () => {
    const calls = mockFetch(() => undefined);
    renderAt(${str(url)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText('Nothing matches.')).toBeTruthy();
    expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, query))});
    expect(screen.queryByRole('search')).${entity.searchable ? 'not.toBeNull' : 'toBeNull'}();
  });
`;
}

/** List page: records from the API, sorting by a header, the empty state, and the filter. */
function listTests(entity: FrontendEntity): string {
  const pages = pageComponents(entity);
  const plural = entity.entity.pluralLabel.toLowerCase();
  return `
  it('lists ${singleQuotedText(plural)} from the API', async () => {
    const calls = mockFetch((call) => (isList(call, ${str(entity.apiPath)}) ? listOf([SAMPLE]) : undefined));
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByRole('link', { name: ${recordLabelCode(entity)} })).toBeTruthy();
    expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, { page: 1, pageSize: DEFAULT_PAGE_SIZE }))});
  });

  it('sorts by a column when its header is clicked', async () => {
    const calls = mockFetch((call) => (isList(call, ${str(entity.apiPath)}) ? listOf([SAMPLE]) : undefined));
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    fireEvent.click(await screen.findByRole('button', { name: ${str(sortLabel(entity))} }));
    await waitFor(() => expect(calls.map((call) => call.url)).toContain(${str(listQueryUrl(entity, { order: 'asc', page: 1, pageSize: DEFAULT_PAGE_SIZE, sort: sortKey(entity) }))}));
  });

  it('says so when there are no ${singleQuotedText(plural)}', async () => {
    mockFetch(() => undefined);
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pages.list} />);
    expect(await screen.findByText(${str(`No ${plural} yet.`)})).toBeTruthy();
  });
${filterTest(entity)}`;
}

/** Detail page: shows the record and, unless read-only, deletes it after confirmation. */
function detailTest(entity: FrontendEntity): string {
  const pages = pageComponents(entity);
  const label = entity.entity.label.toLowerCase();
  return `
  it('shows one ${singleQuotedText(label)}${entity.readOnly ? '' : ' and deletes it after confirmation'}', async () => {
    const calls = mockFetch((call) => {
      if (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)}) return { body: SAMPLE };
      if (call.method === 'DELETE') return { status: 204 };
      return undefined;
    });
    renderAt(${str(`${entity.route}/1`)}, ${str(`${entity.route}/:id`)}, <${pages.detail} />);
    expect(await screen.findByRole('heading', { name: ${recordTitleCode(entity)} })).toBeTruthy();
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
}

/** Create: an empty submit shows every required-field message and posts nothing. */
function validationTest(entity: FrontendEntity, createPage: string, submitName: string): string {
  const messages = requiredMessages(entity);
  if (!messages.length) return '';
  return `
  it('reports missing required fields and sends nothing', async () => {
    const calls = mockFetch(() => undefined);
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${createPage} />);
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
${messages.map((m, i) => `    expect(${i === 0 ? 'await screen.findByText' : 'screen.getByText'}(${str(m)})).toBeTruthy();`).join('\n')}
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });
`;
}

/** Create: a 400 from the server puts its message next to the first form field. */
function serverErrorTest(entity: FrontendEntity, createPage: string, submitName: string): string {
  const firstKey = entity.entity.fields[0]?.name ?? entity.parents[0]?.key;
  if (!firstKey) return '';
  return `
  it('shows the server\\'s validation errors next to the field', async () => {
    mockFetch((call) => {
${optionHandlers(entity).map((l) => '    ' + l).join('\n')}
      if (call.method === 'POST') {
        return { status: 400, body: { error: { code: 'validation_failed', message: 'Validation failed', details: [{ path: ${str(firstKey)}, message: 'Rejected by the server' }] } } };
      }
      return undefined;
    });
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${createPage} />);
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
    expect(await screen.findByText('Rejected by the server')).toBeTruthy();
  });
`;
}

/** Create: the filled form is posted as JSON and the new record opens. */
function createTest(entity: FrontendEntity, createPage: string, submitName: string): string {
  const label = entity.entity.label.toLowerCase();
  return `
  it('posts the form as JSON and opens the new ${singleQuotedText(label)}', async () => {
    const calls = mockFetch((call) => {
${optionHandlers(entity).map((l) => '    ' + l).join('\n')}
      if (call.method === 'POST' && call.url === ${str(entity.apiPath)}) return { status: 201, body: { ...SAMPLE, id: 7 } };
      return undefined;
    });
    renderAt(${str(`${entity.route}/new`)}, ${str(`${entity.route}/new`)}, <${createPage} />);
    await fillForm();
    fireEvent.click(screen.getByRole('button', { name: ${str(submitName)} }));
    expect(await screen.findByText('Left the page')).toBeTruthy();
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.url).toBe(${str(entity.apiPath)});
    expect(post?.body).toEqual(EXPECTED_BODY);
  });
`;
}

/** The create and edit form tests; none for a read-only entity. */
function formTests(entity: FrontendEntity): string {
  const createPage = pageComponents(entity).create;
  if (!createPage) return '';
  const submitName = `Create ${entity.entity.label.toLowerCase()}`;
  return [
    validationTest(entity, createPage, submitName),
    rangeAndOrderTests(entity, submitName),
    createTest(entity, createPage, submitName),
    serverErrorTest(entity, createPage, submitName),
    editTest(entity),
  ].join('');
}

/** The form tests' expected bodies and fillForm(); only pages with forms need them. */
function formHelpers(entity: FrontendEntity): string {
  if (!pageComponents(entity).create) return '';
  return `
/** What the form must send after fillForm(). */
const EXPECTED_BODY = ${expectedPayload(entity)};

/** What the edit form sends back for SAMPLE unchanged. */
const EDIT_BODY = ${editPayload(entity)};

async function fillForm() {
${fillStatements(entity).join('\n')}
}
`;
}

/** Without sign-in, the refusal tests belong with the entity's pages (with sign-in, auth.test.tsx has them: they need a user). */
function refusalPart(entity: FrontendEntity, model: FrontendModel): { tests: string; imports: string[] } {
  const refusal = model.spec.auth.kind === 'emailPassword' ? undefined : refusalCase(model, [entity]);
  if (!refusal) return { tests: '', imports: [] };
  const render = (url: string, path: string, page: string) => `renderAt(${str(url)}, ${str(path)}, ${page});`;
  const tests = refusalTests(refusal, { render, setup: '', mock: '', record: 'SAMPLE' });
  // (The pages are imported already.)
  return { tests, imports: refusalImports(refusal).filter((line) => !line.includes("'../pages/")) };
}

export function entityTest(entity: FrontendEntity, model: FrontendModel): string {
  const pages = pageComponents(entity);
  const imports = [pages.list, pages.detail, pages.create, pages.edit].filter((n): n is string => Boolean(n)).sort();
  const refusal = refusalPart(entity, model);
  const body = `const SAMPLE = ${sampleRecord(entity)};
${formHelpers(entity)}
describe(${str(`${entity.entity.label} pages`)}, () => {${listTests(entity)}${detailTest(entity)}${displayTests(entity)}${formTests(entity)}${refusal.tests}});
`;
  return `// ${lineComment(entity.entity.label)} pages against a mocked API.
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it${pages.create ? ', vi' : ''} } from 'vitest';
import { ${imports.join(', ')} } from '../pages/${entity.names.route}';
${refusal.imports.map((line) => line + '\n').join('')}${datesImport(body)}import { isList, listOf, mockFetch } from './fetchMock';
import { renderAt } from './render';

${body}`.replace(/\n{3,}/g, '\n\n');
}
