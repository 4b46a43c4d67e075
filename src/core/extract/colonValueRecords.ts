// "Tool: name, category, condition", "| Service | name, price, duration |": a word the word lists
// keep out of the records (it often names the app or its furniture: "a tool for …", "the service")
// is a record when a line gives it a list of values. The items must read as values (a name, a
// price, a condition), so "Tools: VS Code, git" or "Pages: home, about" stay what they were.

import { singular } from './lexicon';

/** Last words of items that name a value a record keeps. */
export const VALUE_WORDS = new Set(
  'name title description date price cost fee rate status category type condition size colour color number quantity weight address phone email note notes brand model make serial location capacity duration rating level code label age height length width year deadline time owner photo picture image comment comments stock amount value kind breed species'.split(' '),
);

/** Heads no value list makes a record: the app, its screens and what it only shows or sends. */
const NEVER_BY_VALUES = /^(?:app|application|system|website|site|api|endpoint|software|server|database|backend|frontend|json|html|css|code|token|cookie|header|parameter|query|feature|functionality|requirement|thing|way|information|info|data|stuff|dashboard|page|screen|button|tab|modal|menu|view|form|chart|graph|report|reminder|notification|alert|email|mail|sms|summary|overview|statistic|login|password|profile|history|column|row|field|widget|window|footer|sidebar|toolbar|layout|icon|bar|panel|example|rule|note|goal|role|step|option|detail|result|stack|framework|tech)$/;

const MEASURE_WORDS = /^(?:number|amount|total|count|sum|time|day|week|month|year|hour|minute|second|unit|kind|type|sort|part|lot|set|datum|metre|meter|kilometre|mile|gram|kilogram|litre|liter|euro|cent|dollar|pound|percent|degree|inch|centimetre|everything|anything|nothing|something|start|end|top|bottom|rest)$/;

/** Whether two or more of the list's items (and most of them) name values ("name, category, condition"). */
export function itemsNameValues(items: string[]): boolean {
  const valued = items.filter((item) => {
    const words = item.toLowerCase().replace(/\([^()]*\)/g, ' ').trim().split(/\s+/);
    return words.length <= 3 && VALUE_WORDS.has(words[words.length - 1]);
  }).length;
  return valued >= 2 && valued * 2 >= items.length;
}

/** Whether a value list may make `head` (singular) a record although a word list keeps it out. */
export function headTakesValues(head: string): boolean {
  // (Nor a value word or a measure: "Numbers: …" heads a part of the text, not a record of numbers.)
  const word = singular(head);
  return !NEVER_BY_VALUES.test(word) && !VALUE_WORDS.has(word) && !MEASURE_WORDS.test(word);
}

const COLON_LINE = /^\s*(?:[-*+]\s*)?([a-z]+)\s*[:–—]\s*(\S.*)$/;

/** "Tool: name, category, condition": the one-word head of a colon line whose items are values (as written, maybe plural). */
export function headGivenValues(plain: string): string | undefined {
  if (!plain.includes(':') && !plain.includes('–') && !plain.includes('—')) return undefined;
  const m = COLON_LINE.exec(plain);
  if (!m) return undefined;
  const items = m[2].replace(/\([^()]*\)/g, ' ').split(/\.\s/)[0].split(/,|;|\band\b/).map((s) => s.trim().replace(/[.!]$/, '')).filter(Boolean);
  return itemsNameValues(items) ? m[1] : undefined;
}
