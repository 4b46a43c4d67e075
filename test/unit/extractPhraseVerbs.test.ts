// Noun phrases of a sentence (entities.ts phrasesIn): a plural-looking word after "a/each" and a
// singular noun is that noun's verb, and prepositions in -ing do not start a compound.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { phrasesIn, verbOfOne } from '../../src/core/extract/entities';
import { tokenize } from '../../src/core/extract/lexicon';

const keys = (text: string) => phrasesIn(tokenize(text.toLowerCase())).map((p) => p.key);

describe('extractor: noun phrases and the verbs written like plurals', () => {
  it('"a screenplay comes from": after a/each and a singular noun, a plural-looking word is its verb', () => {
    assert.ok(verbOfOne(tokenize('a screenplay comes from one writer'), 2));
    assert.ok(!verbOfOne(tokenize('the screenplay writers are known'), 2));
    assert.deepEqual(keys('A screenplay comes from exactly one writer.'), ['screenplay', 'writer']);
    assert.deepEqual(keys('The price of a trip depends on the line.'), ['price', 'trip', 'line']);
    // A compound with a plural head after "the" or no determiner stays a compound.
    assert.ok(keys('The order lines are stored.').includes('order line'));
    assert.ok(keys('Customers place purchase orders.').includes('purchase order'));
  });

  it('"including directors and actors": a preposition in -ing is no modifier of the noun after it', () => {
    assert.ok(keys('There are employees, including directors and actors.').includes('director'));
    assert.ok(!keys('There are employees, including directors and actors.').includes('including director'));
  });

  it('"the necessary payments", "the relevant documents": a word that only judges the thing is no part of its name', () => {
    assert.deepEqual(keys('Parents make the necessary payments and upload the relevant documents.'), ['parent', 'payment', 'document']);
    assert.deepEqual(keys('Tutors pick a suitable room at their preferred time.'), ['tutor', 'room', 'time']);
  });

  it('the verb never becomes a record of its own', () => {
    const text = 'Each passenger has a name and a card number. A passenger makes trips on bus lines. Each bus line has a number and a category. The price of a trip depends of the category of line you are travelling with. Each trip has a date and a time.';
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Trip') && !names.some((n) => /Depend/.test(n)), names.join(', '));
  });
});
