// "Scores are between 50 and 100": the plural subject of a statement about values names a field
// of the record that has it, not records of their own (a "score" is also a common kind of record).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: values stated in the plural', () => {
  it('bounds the field and makes no record of the plural a value statement is about', () => {
    const spec = extractSpec('Wine shop. A wine has a name, a vintage and a rating. Ratings are between 50 and 100.');
    assert.deepEqual(spec.entities.map((e) => e.name), ['Wine']);
    const rating = spec.entities[0].fields.find((f) => f.name === 'rating');
    assert.deepEqual([rating?.min, rating?.max], [50, 100]);
    assert.ok(!spec.relations.length, JSON.stringify(spec.relations));
  });

  it('keeps records the text describes as records, when values are stated about something else', () => {
    const spec = extractSpec('Users sign in and rate films. Ratings have a comment. Stars are between 1 and 5.');
    assert.ok(spec.entities.some((e) => e.name === 'Rating'), spec.entities.map((e) => e.name).join(' '));
  });
});
