// How values look on list and detail pages.
import type { DisplayMeta, FieldMeta } from './meta';

export function formatValue(field: FieldMeta, value: unknown): string {
  if (value === undefined || value === null || value === '') return '—';
  switch (field.kind) {
    case 'boolean':
      return value ? 'Yes' : 'No';
    case 'enum':
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case 'datetime': {
      const date = new Date(String(value));
      return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString();
    }
    default:
      return String(value);
  }
}

const EXCERPT_LENGTH = 60;

/** A long text's first non-blank line, cut at a word near EXCERPT_LENGTH characters. */
export function excerpt(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '')?.trim() ?? '';
  if (line.length <= EXCERPT_LENGTH && line === text.trim()) return line;
  if (line.length <= EXCERPT_LENGTH) return line + '…';
  const cut = line.slice(0, EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return (space > EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).trimEnd() + '…';
}

function dateText(value: string, style: DisplayMeta['style']): string {
  if (style === 'date') return value;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
}

function displayValues(display: DisplayMeta, record: Record<string, unknown>): string[] {
  return display.fields
    .map((name) => record[name])
    .filter((value) => value !== undefined && value !== null && String(value).trim() !== '')
    .map(String);
}

/** The name a record is shown by in links, pickers, titles and chips; "<entity> #<id>" when it has none. */
export function recordLabel(display: DisplayMeta, record: Record<string, unknown>): string {
  const values = displayValues(display, record);
  if (values.length === 0) return display.entity + ' #' + String(record.id);
  switch (display.style) {
    case 'excerpt':
      return excerpt(values[0]);
    case 'date':
    case 'datetime':
      return display.entity + ' ' + dateText(values[0], display.style);
    default:
      return values.join(' ');
  }
}

/** A detail page's title: "Recipe: Pancakes", or the label alone when it already says the entity ("Trip 2026-03-01", "Comment #6"). */
export function recordTitle(display: DisplayMeta, record: Record<string, unknown>): string {
  const label = recordLabel(display, record);
  const named = (display.style === 'name' || display.style === 'excerpt') && displayValues(display, record).length > 0;
  return named ? display.entity + ': ' + label : label;
}
