// Markdown tables people paste into requirements: a table of fields under a record's heading
// ("| Field | Type | Notes |") becomes one field list ("Issues: title (string, required), …"),
// and a table of records ("| Entity | Fields |") one list per row. The rest of the extractor
// reads those lines like any colon list.

const FIELD_HEADER = /^(fields?|attributes?|columns?|properties|property|name|data|info|information|item|what)$/i;
/** A column header that names what each row's record keeps ("Fields", "Attributes", "What we store"). */
const FIELDS_COLUMN = /^(?:fields|attributes|columns|properties|details|values|what (?:we|it|they) (?:store|stores|keep|keeps|record|records))$/i;
const RECORD_HEADER = /^(entity|entities|record|records|table|tables|object|objects|thing|things|model|models|resource|resources)$/i;

export function splitRow(line: string): string[] {
  return line.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim());
}

export function isSeparatorRow(line: string): boolean {
  return /^\s*\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
}

/** The type cell and notes of a row, written as a hint the field parser understands. */
function hintOf(type: string, notes: string): string {
  const t = type.toLowerCase().trim();
  const flags = [/\bunique\b/i.test(notes) ? 'unique' : '', /\brequired\b|\bmandatory\b/i.test(notes) ? 'required' : '', /\boptional\b/i.test(notes) ? 'optional' : ''].filter(Boolean);
  const values = (s: string) => s.split(/\s*(?:\/|,|→|->|\bor\b)\s*/).map((v) => v.trim()).filter((v) => v && v.split(/\s+/).length <= 3);
  let hint = '';
  if (/date ?\/ ?time|datetime|timestamp/.test(t)) hint = 'a datetime';
  else if (/yes ?\/ ?no/.test(t)) hint = 'a boolean';
  else if (/^(choice|enum|select|option|status|one of|list)$/.test(t) || /[/,→]/.test(t)) {
    const list = /[/,→]/.test(t) ? values(type) : values(notes);
    if (list.length >= 2) hint = list.join(', ');
  } else if (/\b(int|integer|number|count|whole)\b/.test(t)) hint = 'an integer';
  else if (/\b(decimal|float|double|money|price|currency|amount)\b/.test(t)) hint = 'a decimal';
  else if (/date ?\/ ?time|datetime|timestamp/.test(t)) hint = 'a datetime';
  else if (/\bdate\b/.test(t)) hint = 'a date';
  else if (/yes ?\/ ?no|bool|boolean|true|checkbox/.test(t)) hint = 'a boolean';
  else if (/\bemail\b/.test(t)) hint = 'an email';
  else if (/\burl|link\b/.test(t)) hint = 'a url';
  else if (/long text|text ?area|paragraph|multi-?line/.test(t)) hint = 'a text';
  const range = /(?:>=?|at least|min(?:imum)?)\s*(\d+)|(\d+)\s*(?:-|–|to)\s*(\d+)/.exec(`${type} ${notes}`);
  const rangeText = range ? (range[1] ? ` from ${range[1]}` : ` between ${range[2]} and ${range[3]}`) : '';
  const inner = [hint && hint + rangeText].filter(Boolean).join('');
  // Notes that state a rule ("must be after started at", "open → in progress → closed") stay
  // with the field, in brackets, for the rule readers.
  // (An arrow chain of choices is already the enum list above, in order.)
  const ruleNote = [type, notes].find((cell) => /\b(must|cannot|can't|only|after|before|at least|at most|between|positive|never|unique per|per)\b/i.test(cell) && !(hint && /→|->|=>/.test(cell)));
  // ("time, must be after started at": the type word is already the hint.)
  const note = ruleNote?.replace(/^\s*(?:number|integer|decimal|date|time|date ?\/ ?time|datetime|text|yes ?\/ ?no)\s*,\s*/i, '').trim();
  // One bracket per item: the type first ("an integer, at least 0"), then the rule note.
  const bracket = [inner, note].filter(Boolean).join(', ');
  return `${flags.join(' ')}${flags.length ? ' ' : ''}@@${bracket ? ` (${bracket})` : ''}`;
}

function typeFromDescription(notes: string): string {
  const first = notes.split(',')[0].trim().toLowerCase();
  if (/^(number|integer|int|decimal|amount|money|price|date|time|date ?\/ ?time|datetime|timestamp|yes ?\/ ?no|boolean|email|url|long text|free text|text)$/.test(first)) return first === 'time' ? 'date/time' : first;
  const values = notes.split(',').map((v) => v.trim()).filter(Boolean);
  const choice = values.length >= 2 && values.every((v) => /^[a-z][a-z -]{0,30}$/i.test(v) && v.split(/\s+/).length <= 3 && !/\b(?:must|can|should|unique|e\.g|eg|required|optional)\b/i.test(v));
  return choice ? values.join(' / ') : '';
}

/**
 * Turns a markdown table into list sentences, or returns undefined when it is not a table of
 * fields or records. `record` is the heading above it ("Issues").
 */
export function tableToSentences(lines: string[], record: string | undefined): string[] | undefined {
  const rows = lines.filter((l) => !isSeparatorRow(l)).map(splitRow);
  if (rows.length < 2) return undefined;
  const [header, ...body] = rows;
  const first = header[0] ?? '';
  // ("| Tool | Fields |": a second column of fields says the first names records, whatever its header.)
  if (header.length >= 2 && (RECORD_HEADER.test(first) || (FIELDS_COLUMN.test(header[1]) && !FIELD_HEADER.test(first)))) {
    return body.filter((r) => r[0] && r[1]).map((r) => `${r[0].replace(/[*_`]/g, '')}: ${r.slice(1).join(', ')}`);
  }
  if (!FIELD_HEADER.test(first) || !record) return undefined;
  const typeAt = header.findIndex((h) => /^(type|data ?type|kind|format)$/i.test(h));
  const notesAt = header.findIndex((_h, i) => i > 0 && i !== typeAt);
  const items = body
    .filter((r) => r[0])
    .map((r) => {
      const name = r[0].replace(/[*_`]/g, '').replace(/\(([^)]*)\)/, ' in $1').trim();
      const notes = notesAt >= 0 ? r[notesAt] ?? '' : '';
      // Without a type column the description says it: "number", "time, must be after …", "single, double, suite".
      const described = typeAt < 0 ? typeFromDescription(notes) : '';
      const hinted = hintOf(typeAt >= 0 ? r[typeAt] ?? '' : described, notes);
      return hinted.replace('@@', name);
    });
  return items.length ? [`${record}: ${items.join(', ')}`] : undefined;
}
