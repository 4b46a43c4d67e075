// A record made "with" one value: "Residents can report a repair request with a description",
// "users create a project with a name". One item after "with" is usually a companion or a means
// ("book a lesson with a coach", "pay the bill with a card", "chat with a friend"); it is a value
// only when a verb of making has just made the record the phrase before "with" names.
import { AUTHOR_VERBS } from './lexicon';
import { isPersonWord } from './nlpEvidence';
import type { FieldItem } from './fieldItem';

/** Verbs that make a new record, beyond the authoring ones: what people report, file or raise is made by saying it. */
const MAKING_VERBS = new Set([...AUTHOR_VERBS, ...['report', 'reports', 'reported', 'reporting', 'file', 'files', 'filed', 'filing', 'raise', 'raises', 'raised', 'raising', 'issue', 'issues', 'issued', 'issuing', 'register', 'registers', 'registered', 'registering', 'create', 'creates', 'created', 'creating']]);

/** "<making verb> a/an/the/new <one to three nouns>" right before "with". */
const MADE_OBJECT = /\b([a-z]+)\s+(?:(?:a|an|the|new|their|his|her|its|my|our|your)\s+)+(?:new\s+)?[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,2}\s*$/;

/**
 * "<making verb> (new) <plural noun>" right before "with", no article: "users write notes", "members create new albums".
 * (Any bare noun in -s but -ss, not lexicon.ts looksPlural: "upload photos with a caption" is a plural in -os, and
 * "analysts write analysis with a summary" makes one analysis written bare, which has the summary all the same.)
 */
const MADE_PLURAL = /\b([a-z]+)\s+(?:new\s+)?(?:[a-z][a-z-]*\s+)?[a-z][a-z-]*[^s\s]s\s*$/;

/** The making verb and its object right before "with": with an article, or a bare plural (the records in general). */
function madeObject(before: string): RegExpExecArray | null {
  const made = MADE_OBJECT.exec(before);
  if (made && MAKING_VERBS.has(made[1])) return made;
  // (The nearest verb first: "users write notes" is "write" + "notes", not "users" + "write notes".)
  const words = before.trim().split(/\s+/);
  for (const take of [2, 3, 4]) {
    const plural = MADE_PLURAL.exec(words.slice(-take).join(' '));
    if (plural && plural.index === 0 && MAKING_VERBS.has(plural[1])) return plural;
  }
  return null;
}

/** Whether the one item after "with" is a value of the record a making verb has just made. */
export function madeWithOneValue(before: string, item: FieldItem): boolean {
  const made = madeObject(before);
  if (!made) return false;
  // "report a broken machine with a description": a thing in some state is what the report is about; the
  // description is the report's, not the machine's.
  const object = made[0].slice(made[1].length);
  if (/^\s*(?:(?:a|an|the|their|his|her|its|my|our|your)\s+)*(?:[a-z]+(?:ed|en)|lost|stolen|broken|missing)\s+[a-z-]+/.test(object)) return false;
  return oneIndefiniteValue(item);
}

/** "with a description", not "with the budget" nor "with photos": one indefinite singular value, not a person. */
export function oneIndefiniteValue(item: FieldItem): boolean {
  if (item.plural || item.words.length > 3 || !/^(?:an?|one)\s/.test(item.context.trim())) return false;
  return !isPersonWord(item.words[item.words.length - 1]);
}
