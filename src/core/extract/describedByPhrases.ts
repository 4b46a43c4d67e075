// A record described by a row of phrases after "is": "A walk is for one dog, on a date, with a
// duration of 30 to 60 minutes", "each lesson is at a time, in a room and for a group". Each phrase
// names one thing the record has: a value ("on a date" -> date, "with a duration of …" -> duration)
// or, when it names a record, a link ("for one dog").
import { trailingPhrase } from './phrases';
import { parseItem, recordValues, type FieldItem, type RecordValues } from './fieldItem';
import { guarded } from './guardedRegExp';

/** The record and "is"/"are", then the first phrase: a preposition and a thing named with "a"/"an"/"one". */
const OPENING = guarded(/^(?:(?:each|every|a|an|the)\s+)?([a-z][a-z -]{1,30}?)\s+(?:is|are)\s+(?:(?:always|usually|normally|each)\s+)?(?=(?:for|on|at|in|with|from|to|by)\s+(?:a|an|one)\s)/);
/** One phrase ("on a date", "with a duration of 30 minutes"). */
const ONE_PHRASE = /^(?:for|on|at|in|with|from|to|by)\s+(?:a|an|one)\s+[a-z0-9][a-z0-9 -]*$/;
/**
 * Where one phrase ends and the next starts: a comma, "and", or, with no comma ("A booking is for
 * one dog on one date"), a preposition with "a"/"an"/"one" right after the words before. (Split, not
 * matched as one expression: a row of phrases read by one expression backtracks without end.)
 */
const NEXT_PHRASE = /\s*,\s*(?:and\s+)?|\s+and\s+(?=(?:for|on|at|in|with|from|to|by)\s)|\s+(?=(?:for|on|at|in|with|from|to|by)\s+(?:a|an|one)\s)/;
/** Words that say when or how long: one of them shows the phrases describe a record, not a route ("is from a city to a city"). */
const WHEN_OR_HOW_LONG = /^(?:date|time|day|duration|length|period|start|end|hour|week|month|year|slot|deadline)$/;

export function describedByPhrases(plain: string): RecordValues | undefined {
  const opening = OPENING.exec(plain);
  const subject = opening ? trailingPhrase(opening[1]) : undefined;
  if (!opening || !subject || subject.plural) return undefined;
  const phrases = plain.slice(opening[0].length).replace(/\s*\.?$/, '').split(NEXT_PHRASE);
  if (phrases.length < 2 || !phrases.every((p) => ONE_PHRASE.test(p))) return undefined;
  const items: FieldItem[] = [];
  for (const phrase of phrases) {
    const item = parseItem(phrase.replace(/^(?:for|on|at|in|with|from|to|by)\s+/, ''));
    if (!item || item.words.length > 2) return undefined;
    items.push(item);
  }
  return items.some((i) => WHEN_OR_HOW_LONG.test(i.words[i.words.length - 1])) ? recordValues(subject, items) : undefined;
}
