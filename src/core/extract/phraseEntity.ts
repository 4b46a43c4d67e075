// Which record a noun phrase names, for the clause-level relation cues (nlpRelations.ts and the
// modules it calls): the key, a suffix of it, a unique record with that head, or the modifier of a
// generic head ("sensor device"); a role word names User.
import { findEntity, type Draft, type DraftEntity } from './draft';
import { entityIndex } from './entityIndex';
import type { NounPhrase } from './grammar';

/** The entity a noun phrase names: its key, a suffix of it, or a unique entity with that head. */
export function entityOf(draft: Draft, phrase: NounPhrase | undefined, roleWords: Set<string>): DraftEntity | undefined {
  if (!phrase) return undefined;
  const index = entityIndex(draft);
  const words = phrase.key.split(' ');
  for (let i = 0; i < words.length; i++) {
    const found = index.first.get(i ? words.slice(i).join(' ') : phrase.key);
    if (found) return found;
  }
  const byHead = index.byHead.get(phrase.headWord);
  if (byHead?.length === 1) return byHead[0];
  // ("sensor devices", "the actuator units": a head that only says what kind of thing it is leaves the naming to its modifier.)
  if (GENERIC_HEADS.test(phrase.headWord) && words.length >= 2) {
    const modifier = index.first.get(words.slice(0, -1).join(' ')) ?? index.first.get(words[words.length - 2]);
    if (modifier) return modifier;
  }
  if (roleWords.has(phrase.headWord) || roleWords.has(phrase.key)) return findEntity(draft, 'User');
  return undefined;
}

/** Heads that name no thing of their own: what they are is in the modifier ("sensor device"). */
const GENERIC_HEADS = /^(device|unit|object|instance|thing|element|entity|component)$/;
