// The extractor's notes name records with the same article rule as every generated text
// (withArticle in src/model/project/naming.ts): "a Unit", "a User", "an Hour", never "an Unit".
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const notesOf = (text: string) => {
  const spec = extractSpec(text);
  return [...spec.unimplemented, ...spec.notUnderstood, ...spec.warnings].map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
};

describe('extractor notes: articles', () => {
  it('a record whose name starts with a "you" sound takes "a" ("how long a Unit lasts")', () => {
    const notes = notesOf('Each unit has a start time and an end time. A unit lasts at most 2 hours.');
    assert.match(notes, /how long a Unit lasts/);
    assert.doesNotMatch(notes, /\ban Unit\b/);
  });
});
