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

/** Whether the one item after "with" is a value of the record a making verb has just made. */
export function madeWithOneValue(before: string, item: FieldItem): boolean {
  const made = MADE_OBJECT.exec(before);
  if (!made || !MAKING_VERBS.has(made[1])) return false;
  // "report a broken machine with a description": a thing in some state is what the report is about; the
  // description is the report's, not the machine's.
  if (/\b(?:a|an|the|their|his|her|its|my|our|your)\s+(?:[a-z]+(?:ed|en)|lost|stolen|broken|missing)\s+[a-z-]+/.test(made[0])) return false;
  // ("with a description", not "with the budget" nor "with photos"): one indefinite singular value, not a person.
  if (item.plural || item.words.length > 3 || !/^(?:an?|one)\s/.test(item.context.trim())) return false;
  return !isPersonWord(item.words[item.words.length - 1]);
}
