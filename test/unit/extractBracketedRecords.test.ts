// "Members can log honey harvests (hive, date, weight in kg)": a compound's head right before a
// bracketed list of values is a noun (the tagger read "harvests" as a verb), so the record is kept.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

describe('extract: a record named right before its values in brackets', () => {
  it('"log honey harvests (hive, date, weight in kg)" makes a harvest record with those values', () => {
    const spec = extractSpec('Members keep hives. Each hive has a code. Members can log honey harvests (hive, date, weight in kg).');
    const harvest = spec.entities.find((e) => /Harvest$/.test(e.name));
    assert.ok(harvest, spec.entities.map((e) => e.name).join(', '));
    assert.ok(harvest.fields.some((f) => f.name === 'date'));
  });

  it('the head before the bracket is a noun; a verb before a bracket of one word stays a verb', () => {
    const pos = (text: string, word: string) => tagSentence(text).find((t) => t.w === word)?.pos;
    assert.equal(pos('Volunteers can record bird sightings (species, count, place).', 'sightings'), 'noun');
    assert.equal(pos('The app sends (daily) reminders.', 'sends'), 'verb');
  });
});
