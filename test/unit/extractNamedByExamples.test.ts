// "Tutors offer lessons in different subjects (e.g. mathematics, science)": a record the text gives
// no values of, but names by examples, has the name the examples are (explicit fields: it is read).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The fields of one record taken from the text (with a source sentence). */
const readFields = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => f.name) ?? [];

describe('extract fields: records named by examples', () => {
  it('"subjects (e.g. mathematics, science)", "cuisines (for example Thai, Italian)", "painters (e.g. Rembrandt, Vermeer)": the name', () => {
    assert.deepEqual(readFields('Tutors teach students. Tutors offer lessons in different subjects (e.g. mathematics, science, literature).', 'Subject'), ['name']);
    assert.deepEqual(readFields('Chefs cook dishes. A dish has a price. Chefs use several cuisines (for example Thai, Italian, Greek) in their dishes.', 'Cuisine'), ['name']);
    assert.deepEqual(readFields('Visitors tour museums. A museum has a city. Museums show works by famous painters (e.g. Rembrandt, Vermeer, Monet).', 'Painter'), ['name']);
  });

  it('no name: a record with values of its own, or examples of a value', () => {
    assert.deepEqual(readFields('Tutors teach students. A subject has a level. Tutors offer lessons in different subjects (e.g. mathematics, science).', 'Subject'), ['level']);
    assert.deepEqual(readFields('Tutors teach students. A lesson has a level (e.g. beginner, advanced).', 'Lesson'), ['level']);
  });
});
