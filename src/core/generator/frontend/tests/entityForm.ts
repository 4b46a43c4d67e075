// What an entity's component tests fill in, expect and answer: labels, form input and payloads,
// picker options, list query URLs, and the form's own range, blank-text and date-order checks.
import { mustHaveText } from '../../fieldMeaning';
import { type FrontendEntity, str } from '../model';
import { pageComponents } from '../pages';
import { optionLabelCode, optionRecord } from './recordNames';
import { dateCall, daysAfter, expectedPayloadValue, sampleInput, sampleRecordValue } from './sampleValues';

/** The form refuses a number outside its min/max, required text of spaces only and dates out of order (dateOrder) before sending anything. */
export function rangeAndOrderTests(entity: FrontendEntity, submitName: string): string {
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
  const text = entity.entity.fields.find((f) => mustHaveText(f) && !entity.workflows.has(f.name));
  if (text) {
    out += attempt(`fireEvent.change(screen.getByLabelText(${str(text.label)}), { target: { value: '   ' } });`, `${text.label} is required`, `refuses ${a(text.label.toLowerCase())} of spaces only before sending`);
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

export function fillStatements(entity: FrontendEntity): string[] {
  const lines: string[] = [];
  for (const field of entity.entity.fields) {
    if (field.type === 'boolean') lines.push(`  fireEvent.click(screen.getByLabelText(${str(field.label)}));`);
    else lines.push(`  fireEvent.change(screen.getByLabelText(${str(field.label)}), { target: { value: ${sampleInput(field, entity)} } });`);
  }
  for (const picker of entity.parents) {
    lines.push(`  await screen.findAllByRole('option', { name: ${optionLabelCode(picker.target)} });`);
    lines.push(`  fireEvent.change(screen.getByLabelText(${str(picker.label)}), { target: { value: '1' } });`);
  }
  for (const picker of entity.manyToMany) {
    lines.push(`  const ${picker.relation.name}Option = (await screen.findAllByRole('option', { name: ${optionLabelCode(picker.target)} }))[0] as HTMLOptionElement;`);
    lines.push(`  ${picker.relation.name}Option.selected = true;`);
    lines.push(`  fireEvent.change(screen.getByLabelText(${str(picker.label)}));`);
  }
  return lines;
}

export function expectedPayload(entity: FrontendEntity): string {
  const parts = [
    ...entity.entity.fields.map((f) => `  ${f.name}: ${expectedPayloadValue(f, entity)},`),
    ...entity.parents.map((p) => `  ${p.key}: 1,`),
    ...entity.manyToMany.map((p) => `  ${p.key}: [1],`),
  ];
  return `{\n${parts.join('\n')}\n}`;
}

/** Pickers' option lists the form loads, answered with one option each. */
export function optionHandlers(entity: FrontendEntity): string[] {
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const picker of [...entity.parents, ...entity.manyToMany]) {
    if (seen.has(picker.target.apiPath)) continue;
    seen.add(picker.target.apiPath);
    lines.push(`  if (isList(call, ${str(picker.target.apiPath)})) return listOf([${optionRecord(picker.target)}]);`);
  }
  return lines;
}

export function requiredMessages(entity: FrontendEntity): string[] {
  return [
    ...entity.entity.fields.filter((f) => f.required && f.default === undefined && f.type !== 'boolean').map((f) => `${f.label} is required`),
    ...entity.parents.filter((p) => p.required).map((p) => `${p.label} is required`),
  ];
}

export function listQueryUrl(entity: FrontendEntity, params: Record<string, string | number>): string {
  const keys = Object.keys(params).sort();
  return entity.apiPath + '?' + keys.map((key) => `${encodeURIComponent(key)}=${encodeURIComponent(String(params[key]))}`).join('&');
}

export function editPayload(entity: FrontendEntity): string {
  const parts = [
    ...entity.entity.fields.map((f) => `  ${f.name}: ${sampleRecordValue(f, entity)},`),
    ...entity.parents.map((p) => `  ${p.key}: 1,`),
    ...entity.manyToMany.map((p) => `  ${p.key}: [1],`),
  ];
  return `{\n${parts.join('\n')}\n}`;
}
