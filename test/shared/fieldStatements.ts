// Readers shared by the tests of the sentence forms that state a record's values.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { findFieldLists } from '../../src/core/extract/fields';
import { splitSentences } from '../../src/core/extract/sentences';

/** Sourced field names of an entity. */
export function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => f.name);
}

/** The lists of the one sentence of `text`: subject (or "(pronoun)") and item words. */
export function listsOf(text: string): string[] {
  const [sentence] = splitSentences(text).sentences;
  return findFieldLists(sentence, false).map((l) => `${l.pronoun ? '(pronoun)' : l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`);
}
