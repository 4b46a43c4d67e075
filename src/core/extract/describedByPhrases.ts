// A record described by a row of phrases after "is": "A walk is for one dog, on a date, with a
// duration of 30 to 60 minutes", "each lesson is at a time, in a room and for a group". Each phrase
// names one thing the record has: a value ("on a date" -> date, "with a duration of …" -> duration)
// or, when it names a record, a link ("for one dog").
import { trailingPhrase } from './phrases';
import { parseItem, type FieldItem } from './fieldItem';

/** One phrase: a preposition and a thing named with "a"/"an"/"one" ("on a date", "with a duration of 30 minutes"). */
const PHRASE = String.raw`(?:for|on|at|in|with|from|to|by)\s+(?:a|an|one)\s+[a-z0-9][a-z0-9 -]*?`;
const DESCRIBED = new RegExp(String.raw`^(?:(?:each|every|a|an|the)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are)\s+(?:(?:always|usually|normally|each)\s+)?(${PHRASE}(?:\s*,\s*(?:and\s+)?${PHRASE}|\s+and\s+${PHRASE})+)\s*\.?$`);
/** Words that say when or how long: one of them shows the phrases describe a record, not a route ("is from a city to a city"). */
const WHEN_OR_HOW_LONG = /^(?:date|time|day|duration|length|period|start|end|hour|week|month|year|slot|deadline)$/;

export interface DescribedValues {
  subject: string;
  items: FieldItem[];
}

export function describedByPhrases(plain: string): DescribedValues | undefined {
  const described = DESCRIBED.exec(plain);
  const subject = described ? trailingPhrase(described[1]) : undefined;
  if (!described || !subject || subject.plural) return undefined;
  const items: FieldItem[] = [];
  for (const phrase of described[2].split(/\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:for|on|at|in|with|from|to|by)\s)/)) {
    const item = parseItem(phrase.replace(/^(?:for|on|at|in|with|from|to|by)\s+/, ''));
    if (!item || item.words.length > 2) return undefined;
    items.push(item);
  }
  return items.some((i) => WHEN_OR_HOW_LONG.test(i.words[i.words.length - 1])) ? { subject: subject.key, items } : undefined;
}
