// "Each deal has a title and a stage: lead, qualified, won or lost": the values after a colon that
// ends a list belong to its last item, a kind of value. Written in brackets, as "a stage (lead,
// qualified, won, lost)", the list readers already read them as that field's values.

/** Words that name what values are kinds of (the last item of the list). */
const KIND = '(?:states?|status|modes?|types?|kinds?|levels?|categor(?:y|ies)|phases?|stages?|priorit(?:y|ies)|conditions?|grades?|ratings?|sizes?|classes)';
/** "a status:", "its current stage:", "a priority level:" — an article, at most one word more, the kind. */
const LAST_ITEM_VALUES = new RegExp(String.raw`(\b(?:a|an|its|their|one)\s+(?:[a-z]+\s+)?${KIND})\s*:\s*([a-z0-9][a-z0-9 -]*(?:,\s*[a-z0-9][a-z0-9 -]*)*,?\s+(?:or|and)\s+[a-z0-9][a-z0-9 -]*|[a-z0-9][a-z0-9 -]*(?:,\s*[a-z0-9][a-z0-9 -]*)+)\s*\.?$`);

/** The sentence with such values put in brackets after their kind; unchanged when it has none. */
export function colonValuesInBrackets(plain: string): string {
  if (!plain.includes(':')) return plain;
  const m = LAST_ITEM_VALUES.exec(plain);
  // (Values are short: "open, won or lost", not clauses.)
  if (!m || m[2].split(/,|\bor\b|\band\b/).some((value) => value.trim().split(/\s+/).length > 3)) return plain;
  return `${plain.slice(0, m.index)}${m[1]} (${m[2].trim()})${/\.\s*$/.test(plain) ? '.' : ''}`;
}
