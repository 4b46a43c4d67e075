// How the component tests expect records to be named: the generated tests' copy of
// forms/format.ts's recordLabel for the sample records, as code (dates are computed when the
// tests run), and tests that related records show by name, never as "#1".
import { type FrontendEntity, type RelationPicker, str } from '../model';
import { pageComponents } from '../pages';
import { openSampleLiteral, sampleLiteral, sampleRecordValue } from './sampleValues';

const EXCERPT_LENGTH = 60;

/** The sort key and header of the list's first column (the display field, else the id). */
export function sortKey(entity: FrontendEntity): string {
  return entity.display.fields[0]?.name ?? 'id';
}
export function sortLabel(entity: FrontendEntity): string {
  return entity.display.fields[0]?.label ?? entity.entity.label;
}

/** format.ts's excerpt() for the sample texts (which are short). */
function excerptOf(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  if (line.length > EXCERPT_LENGTH) throw new Error('sample texts are shorter than an excerpt');
  return line === text.trim() ? line : line + '…';
}

/** The value a name-style field has in SAMPLE (a string or email field, never a date). */
function sampleName(entity: FrontendEntity, index: number): string {
  const field = entity.display.fields[index];
  if (entity.readOnly && field.name === 'email') return 'sample@example.com';
  const open = openSampleLiteral(field, entity);
  if (open !== undefined) return String(open);
  return entity.workflows.get(field.name)?.initial ?? String(sampleLiteral(field));
}

/** Code for the name SAMPLE (sampleValues.ts's sampleRecord) is shown by; `entityWord` starts it when the entity names it. */
function labelCode(entity: FrontendEntity, entityWord: string): string {
  const { fields, style } = entity.display;
  if (!fields.length) return str(`${entityWord} #1`);
  if (style === 'excerpt') return str(excerptOf(String(sampleLiteral(fields[0]))));
  if (style === 'date') return `${str(entityWord + ' ')} + ${sampleRecordValue(fields[0], entity)}`;
  if (style === 'datetime') return `${str(entityWord + ' ')} + new Date(${sampleRecordValue(fields[0], entity)}).toLocaleString()`;
  return str(fields.map((_, index) => sampleName(entity, index)).join(' '));
}

export function recordLabelCode(entity: FrontendEntity): string {
  return labelCode(entity, entity.entity.label);
}

/** Names SAMPLE itself ("Task: …"), rather than a label that already says the entity ("Trip …", "Task #1"). */
function named(entity: FrontendEntity): boolean {
  const { fields, style } = entity.display;
  return fields.length > 0 && (style === 'name' || style === 'excerpt');
}

/** Code for SAMPLE's detail page heading (format.ts's recordTitle). */
export function recordTitleCode(entity: FrontendEntity): string {
  return named(entity) ? `${str(entity.entity.label + ': ')} + ${recordLabelCode(entity)}` : recordLabelCode(entity);
}

/** Code for SAMPLE's edit page heading. */
export function editTitleCode(entity: FrontendEntity): string {
  const lower = entity.entity.label.charAt(0).toLowerCase() + entity.entity.label.slice(1);
  return named(entity) ? `${str(`Edit ${lower}: `)} + ${recordLabelCode(entity)}` : `${str('Edit ')} + ${labelCode(entity, lower)}`;
}

const OPTION_DATE = '2030-01-02';
const OPTION_DATETIME = '2030-01-02T09:30:00.000Z';

/** The one record a picker's list answers with: its display field holds a recognisable value. */
export function optionRecord(target: FrontendEntity): string {
  const field = target.display.fields[0];
  if (!field) return '{ id: 1 }';
  const value = target.display.style === 'date' ? OPTION_DATE : target.display.style === 'datetime' ? OPTION_DATETIME : `Sample ${target.entity.label.toLowerCase()} option`;
  return `{ id: 1, ${field.name}: ${str(value)} }`;
}

/** Code for the name optionRecord(target) is shown by. */
export function optionLabelCode(target: FrontendEntity): string {
  const label = target.entity.label;
  switch (target.display.fields.length ? target.display.style : 'none') {
    case 'none':
      return str(`${label} #1`);
    case 'date':
      return str(`${label} ${OPTION_DATE}`);
    case 'datetime':
      return `${str(label + ' ')} + new Date(${str(OPTION_DATETIME)}).toLocaleString()`;
    default:
      return str(`Sample ${label.toLowerCase()} option`);
  }
}

/** "project", "project and assignee", "project, assignee and tags". */
function labelList(pickers: RelationPicker[]): string {
  const labels = pickers.map((p) => p.label.toLowerCase());
  return labels.length > 1 ? `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}` : labels.join('');
}

/** Answers each related collection's list with its option record; the entity's own collection is left to the caller. */
function relatedHandlers(entity: FrontendEntity, pickers: RelationPicker[]): string[] {
  const paths = new Set<string>();
  return pickers.flatMap((picker) => {
    const path = picker.target.apiPath;
    if (path === entity.apiPath || paths.has(path)) return [];
    paths.add(path);
    return [`      if (isList(call, ${str(path)})) return listOf([${optionRecord(picker.target)}]);`];
  });
}

/** Detail: each parent and many-to-many link says the related record's name. */
function detailNamesTest(entity: FrontendEntity): string {
  const pickers = [...entity.filters, ...entity.manyToMany];
  if (!pickers.length) return '';
  const self = pickers.some((p) => p.target.apiPath === entity.apiPath);
  return `
  it(${str(`names its ${labelList(pickers)} instead of showing ids`)}, async () => {
    mockFetch((call) => {
      if (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)}) return { body: SAMPLE };
${relatedHandlers(entity, pickers).join('\n')}${self ? `\n      if (isList(call, ${str(entity.apiPath)})) return listOf([${optionRecord(entity)}]);` : ''}
      return undefined;
    });
    renderAt(${str(`${entity.route}/1`)}, ${str(`${entity.route}/:id`)}, <${pageComponents(entity).detail} />);
${pickers.map((p) => `    expect((await screen.findAllByRole('link', { name: ${optionLabelCode(p.target)} }))[0].getAttribute('href')).toBe(${str(`${p.target.route}/1`)});`).join('\n')}
  });
`;
}

/** List: a column per parent names it. */
function listNamesTest(entity: FrontendEntity): string {
  if (!entity.filters.length) return '';
  const expected = entity.filters.map((p) => (p.target.apiPath === entity.apiPath ? recordLabelCode(entity) : optionLabelCode(p.target)));
  return `
  it(${str(`shows each row's ${labelList(entity.filters)} by name`)}, async () => {
    mockFetch((call) => {
${relatedHandlers(entity, entity.filters).join('\n')}
      if (isList(call, ${str(entity.apiPath)})) return listOf([SAMPLE]);
      return undefined;
    });
    renderAt(${str(entity.route)}, ${str(entity.route)}, <${pageComponents(entity).list} />);
${expected.map((name) => `    expect(await screen.findAllByRole('link', { name: ${name} })).not.toHaveLength(0);`).join('\n')}
  });
`;
}

/** Edit: a chosen parent past the picker's first page is still offered, by name. */
function chosenPastFirstPageTest(entity: FrontendEntity): string {
  const picker = entity.parents.find((p) => p.target.apiPath !== entity.apiPath);
  const edit = pageComponents(entity).edit;
  if (!picker || !edit) return '';
  const path = picker.target.apiPath;
  return `
  it(${str(`offers the chosen ${picker.label.toLowerCase()} by name even when it is not on the picker's first page`)}, async () => {
    mockFetch((call) => {
      if (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)}) return { body: SAMPLE };
      if (call.method === 'GET' && call.url === ${str(`${path}/1`)}) return { body: ${optionRecord(picker.target)} };
      return undefined;
    });
    renderAt(${str(`${entity.route}/1/edit`)}, ${str(`${entity.route}/:id/edit`)}, <${edit} />);
    expect(((await screen.findByRole('option', { name: ${optionLabelCode(picker.target)} })) as HTMLOptionElement).selected).toBe(true);
  });
`;
}

/** Detail: a long text keeps its line breaks (one paragraph per line). */
function multilineTest(entity: FrontendEntity): string {
  // (A text a refusal keeps SAMPLE from having is not SAMPLE's sample text.)
  const text = entity.entity.fields.find((f) => f.type === 'text' && openSampleLiteral(f, entity) === undefined);
  if (!text) return '';
  const lines = String(sampleLiteral(text)).split('\n');
  return `
  it(${str(`keeps the line breaks of the ${text.label.toLowerCase()}`)}, async () => {
    mockFetch((call) => (call.method === 'GET' && call.url === ${str(`${entity.apiPath}/1`)} ? { body: SAMPLE } : undefined));
    renderAt(${str(`${entity.route}/1`)}, ${str(`${entity.route}/:id`)}, <${pageComponents(entity).detail} />);
    const value = (await screen.findByText(${str(text.label)}, { selector: 'dt' })).nextElementSibling as HTMLElement;
    expect(Array.from(value.querySelectorAll('p'), (line) => line.textContent)).toEqual([${lines.map(str).join(', ')}]);
  });
`;
}

/** The naming and line-break tests of one entity's pages. */
export function displayTests(entity: FrontendEntity): string {
  return [listNamesTest(entity), detailNamesTest(entity), multilineTest(entity), chosenPastFirstPageTest(entity)].join('');
}
