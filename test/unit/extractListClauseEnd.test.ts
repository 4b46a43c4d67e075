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
