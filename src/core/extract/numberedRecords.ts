// Records the text numbers: "with Player 1 starting the game, followed by Player 2", "levels are
// numbered starting with Level 1". A record called by its name and a number ("Studio 2"), under two or
// more numbers, or said to be numbered, has a number a developer stores. Read after the entities are
// chosen, on known records only.
import { addField, findEntity, type Draft, type DraftEntity } from './draft';
import { resolveKey } from './mentions';
import { singular } from './lexicon';
import type { SentenceInfo } from './sentences';

/** "Player 1", "Studio 2": a capitalised name (one or two words) right before a number, not a year or an amount. */
const NAME_AND_NUMBER = /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) (\d{1,3})\b(?![.,]\d|\s*(?:%|percent|euros?|dollars?|minutes?|hours?|days?|weeks?|years?))/g;
/** "levels are numbered", "each room is numbered": the records said to be numbered. */
const SAID_NUMBERED = /\b([a-z]+(?: [a-z]+)?) (?:are|is|get|gets) (?:also |consecutively |sequentially )?numbered\b/g;

/** Adds a number to each record the text numbers. */
export function applyNumberedRecords(draft: Draft, sentences: SentenceInfo[]): void {
  const numbers = new Map<DraftEntity, { values: Set<string>; sources: Set<number> }>();
  const numbered = new Map<DraftEntity, Set<number>>();
  for (const sentence of sentences) {
    if (sentence.heading) continue;
    for (const match of sentence.text.matchAll(NAME_AND_NUMBER)) {
      // ("Level 1" at the start of a sentence is a name too; "In 2020" is no record.)
      const entity = recordNamed(draft, match[1]);
      if (!entity) continue;
      const seen = numbers.get(entity) ?? { values: new Set<string>(), sources: new Set<number>() };
      seen.values.add(match[2]);
      seen.sources.add(sentence.id);
      numbers.set(entity, seen);
    }
    for (const match of sentence.plain.matchAll(SAID_NUMBERED)) {
      const entity = recordNamed(draft, match[1]);
      if (entity) numbered.set(entity, (numbered.get(entity) ?? new Set()).add(sentence.id));
    }
  }
  for (const [entity, seen] of numbers) {
    // (One "Room 12" may be an example; two numbers, or a record said to be numbered, are its numbering.)
    if (seen.values.size < 2 && !numbered.has(entity)) continue;
    for (const id of seen.sources) addNumber(draft, entity, id);
  }
  for (const [entity, ids] of numbered) for (const id of ids) addNumber(draft, entity, id);
}

function addNumber(draft: Draft, entity: DraftEntity, source: number): void {
  // (A record that already has a number of its own, "room number" or "number", keeps it.)
  const own = entity.fields.find((f) => f.name === 'number' || f.name === `${entity.name.charAt(0).toLowerCase()}${entity.name.slice(1)}Number`);
  if (own) {
    own.sources.add(source);
    draft.used.add(source);
    return;
  }
  if (addField(entity, { words: ['number'], type: 'integer' }, source)) draft.used.add(source);
}

/** The known record (not User) the words name, in the singular ("Players", "Level"). */
function recordNamed(draft: Draft, words: string): DraftEntity | undefined {
  const key = words.toLowerCase().split(' ').map((w, i, all) => (i === all.length - 1 ? singular(w) : w)).join(' ');
  const name = draft.entities.find((e) => e.key === key)?.name ?? resolveKey(draft, key);
  const entity = name ? findEntity(draft, name) : undefined;
  return entity && entity.name !== 'User' ? entity : undefined;
}
