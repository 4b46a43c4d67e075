// A list of fields ends where a new clause starts with its own subject and a modal
// ("… with ingredients and steps, and others can comment"): that subject is no field.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { cutClause } from '../../src/core/extract/fieldItems';

describe('extract fields: a list ends before the next clause\'s subject', () => {
  it('cuts before ", and <subject> can/must …"', () => {
    assert.equal(cutClause('ingredients and steps, and others can comment on them'), 'ingredients and steps');
    assert.equal(cutClause('a name, a price and a duration'), 'a name, a price and a duration');
  });

  it('makes no record or field of the next clause\'s subject', () => {
    const spec = extractSpec('a recipe site where people post recipes with ingredients and steps, and others can comment and rate them 1-5 stars');
    assert.ok(!spec.entities.some((e) => e.name === 'Other'), spec.entities.map((e) => e.name).join(', '));
    const team = extractSpec('Translators have a name, an email and a rate per word, and the deadline must be after the start date.');
    assert.ok(!team.entities.find((e) => e.name === 'Translator')?.fields.some((f) => f.name === 'deadline'), JSON.stringify(team.entities));
  });
});

describe('extract fields: a list ends before a clause whose subject is a pronoun', () => {
  it('cuts before ", and I …", ", but we …", "and they …"', () => {
    assert.equal(cutClause('additional information about the order, and i need to know about it'), 'additional information about the order');
    assert.equal(cutClause('a title and a due date, but we also want to see who made it'), 'a title and a due date');
    assert.equal(cutClause('a name and a price and they can be discounted'), 'a name and a price');
  });

  it('makes no field of the next clause\'s verb', () => {
    const note = extractSpec('Staff save a note with a short text about the booking, and we need to know when the guest arrives.');
    assert.ok(!note.entities.some((e) => e.fields.some((f) => f.name === 'need')), JSON.stringify(note.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
    const log = extractSpec('Rangers fill in a log with the weather and the trail state, and they must sign it.');
    assert.ok(!log.entities.some((e) => e.fields.some((f) => /must|sign/i.test(f.name))), JSON.stringify(log.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
  });

  it('near misses: a pronoun inside a relative clause, and a plain list, read on', () => {
    assert.equal(cutClause('the subjects they can teach and a phone number'), 'the subjects they can teach and a phone number');
    assert.equal(cutClause('a name, an email, and a phone'), 'a name, an email, and a phone');
  });
});
