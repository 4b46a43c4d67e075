// "Each deal has a title and a stage: lead, qualified, won or lost": the values after a colon that
// ends a list belong to its last item, a kind of value. Written in brackets, as "a stage (lead,
// qualified, won, lost)", the list readers already read them as that field's values; so the values
// after a colon are put in brackets after their kind. Also "stage: lead/qualified/won/lost" (values
// split by slashes, anywhere in a list) and, inside a bracket, "deals (value, stage: lead, won, lost)".

/** Words that name what values are kinds of (the last item of the list). */
const KIND = '(?:states?|status|modes?|types?|kinds?|levels?|categor(?:y|ies)|phases?|stages?|priorit(?:y|ies)|conditions?|grades?|ratings?|sizes?|classes)';
/** "a status:", "its current stage:", "a priority level:" — an article, at most one word more, the kind. */
const LAST_ITEM_VALUES = new RegExp(String.raw`(\b(?:a|an|its|their|one)\s+(?:[a-z]+\s+)?${KIND})\s*:\s*([a-z0-9][a-z0-9 -]*(?:,\s*[a-z0-9][a-z0-9 -]*)*,?\s+(?:or|and)\s+[a-z0-9][a-z0-9 -]*|[a-z0-9][a-z0-9 -]*(?:,\s*[a-z0-9][a-z0-9 -]*)+)\s*\.?$`);

/** One value: a word or two ("in progress"). */
const VALUE = '[a-z0-9][a-z0-9-]*(?: (?!(?:or|and)\\b)[a-z0-9][a-z0-9-]*)?';
/** "stage: lead/qualified/won/lost": values split by slashes, up to a comma, a bracket, "and" or the end. */
const SLASHED_VALUES = new RegExp(String.raw`\b(${KIND})\s*:\s*(${VALUE}(?:\s*\/\s*${VALUE})+)(?=\s*(?:[,.;)]|$)|\s+and\s)`, 'g');
/** "…, stage: lead, qualified, won or lost" at the end of a bracket's list: the values run to its end. */
const TRAILING_VALUES = new RegExp(String.raw`\b(${KIND})\s*:\s*(${VALUE}(?:(?:\s*,\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+)${VALUE})+)\s*$`);
/** "type: string", "status: required": a type or a flag after the colon, not a value ("type: string, size" is two fields). */
const NOT_A_VALUE = /^(?:int|integer|long|double|float|decimal|number|numeric|string|text|char|varchar|boolean|bool|date|datetime|timestamp|required|optional|unique|mandatory)$/;

/** The values written, one each (at least two, none a type or a flag). */
function valuesOf(written: string): string[] | undefined {
  const values = written.split(/\s*(?:,|\/)\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+/).map((v) => v.trim()).filter(Boolean);
  return values.length >= 2 && !values.some((v) => NOT_A_VALUE.test(v)) ? values : undefined;
}

/** The sentence with such values put in brackets after their kind; unchanged when it has none. */
export function colonValuesInBrackets(plain: string): string {
  if (!plain.includes(':')) return plain;
  const slashed = plain.includes('/') ? slashedValuesInBrackets(plain, false) : plain;
  const m = LAST_ITEM_VALUES.exec(slashed);
  // (Values are short: "open, won or lost", not clauses.)
  if (!m || m[2].split(/,|\bor\b|\band\b/).some((value) => value.trim().split(/\s+/).length > 3)) return slashed;
  return `${slashed.slice(0, m.index)}${m[1]} (${m[2].trim()})${/\.\s*$/.test(slashed) ? '.' : ''}`;
}

/** "stage: a/b/c" as "stage (a/b/c)" — outside brackets only, unless `inBracket` (the text is a bracket's inside). */
function slashedValuesInBrackets(text: string, inBracket: boolean): string {
  return text.replace(SLASHED_VALUES, (whole: string, kind: string, written: string, at: number) => {
    const before = text.slice(0, at);
    const open = (before.match(/\(/g)?.length ?? 0) - (before.match(/\)/g)?.length ?? 0);
    return (inBracket || open === 0) && valuesOf(written) ? `${kind} (${valuesOf(written)!.join('/')})` : whole;
  });
}

/**
 * A bracket's list ("value, stage: lead, qualified, won, lost", "stage: lead/won/lost") with the
 * values after a kind's colon put in a bracket of their own ("value, stage (lead/qualified/won/lost)"),
 * so that the kind is one field with those values.
 */
export function colonValuesInList(inside: string): string {
  if (!inside.includes(':')) return inside;
  const slashed = slashedValuesInBrackets(inside, true);
  const trailing = TRAILING_VALUES.exec(slashed);
  const values = trailing && !/:/.test(trailing[2]) ? valuesOf(trailing[2]) : undefined;
  return trailing && values ? `${slashed.slice(0, trailing.index)}${trailing[1]} (${values.join('/')})` : slashed;
}
