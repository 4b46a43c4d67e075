// Value ranges written as notes ("temper 1-5", "min lesson length 2 hrs") and a rate named after its
// kind ("the hourly rate must be positive") (issue #11: these were not recognised, or the value not
// found). Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const bounds = (text: string) =>
  extractSpec(text).entities.flatMap((e) => e.fields.filter((f) => f.min !== undefined || f.max !== undefined).map((f) => `${e.name}.${f.name} ${f.min ?? ''}..${f.max ?? ''}`));

describe('extract rules: value ranges written as notes (issue #11)', () => {
  it('"temper 1-5", "weight: 2 to 40 kg": the value named and its span', () => {
    assert.deepEqual(bounds('A hive check has a temper and a date. Temper 1-5.'), ['HiveCheck.temper 1..5']);
    assert.deepEqual(bounds('A crate has a label and a weight. Weight: 2 to 40 kg.'), ['Crate.weight 2..40']);
  });

  it('"min lesson length 2 hrs", "max deposit 500 eur": one bound', () => {
    assert.deepEqual(bounds('A lesson has a date and a lesson length. Min lesson length 2 hrs.'), ['Lesson.lessonLength 2..']);
    assert.deepEqual(bounds('A rental has a date and a deposit. Max deposit 500 eur.'), ['Rental.deposit ..500']);
  });

  it('records or people named with numbers are not a value ("rooms 1-5", "max guests 8")', () => {
    assert.deepEqual(bounds('A hotel has rooms. A room has a number. Rooms 1-5.'), []);
    assert.deepEqual(bounds('Guests sign in. A party has a date. Max guests 8.'), []);
  });

  it('"the hourly rate must be positive": "rate" after its kind is the value, not the verb', () => {
    assert.deepEqual(bounds('A tutor has a name and an hourly rate. The hourly rate must be positive.'), ['Tutor.hourlyRate 0.01..']);
  });

  it('"a score between 0 and 100", "a rating from 1 to 5" in a list: the bounds are a range, not part of the name (nor a record)', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => `${e.name}: ${e.fields.map((f) => f.name).join(', ')}`);
    assert.deepEqual(bounds('Each dive has a depth between 0 and 40 and a date.'), ['Dive.depth 0..40']);
    assert.deepEqual(names('Each dive has a depth between 0 and 40 and a date.'), ['Dive: depth, date']);
    assert.deepEqual(bounds('A tasting has a wine, a grade from 1 to 10 and a note.'), ['Tasting.grade 1..10']);
    assert.deepEqual(names('A tasting has a wine, a grade from 1 to 10 and a note.').filter((line) => line.startsWith('Grade')), [], 'the bounded value is no record');
  });

  it('"the hours must be between 1 and 8" bounds the hours a record keeps; opening hours from 9 to 17 are no range', () => {
    assert.deepEqual(bounds('A gig has a date and hours. The hours must be between 1 and 8.'), ['Gig.hours 1..8']);
    assert.deepEqual(bounds('A gig has a date and a fee. Opening hours are between 9 and 17.'), []);
  });
});


describe('extract rules: a range in brackets after a value in a "has" list', () => {
  it('"Products have a name, a price (positive) and a stock count": the price gets its bound, and nothing is left not understood', () => {
    const spec = extractSpec('Kayaks have a name, a rental price (positive) and a length (2 to 6) and a seat count.');
    assert.deepEqual(bounds('Kayaks have a name, a rental price (positive) and a length (2 to 6) and a seat count.'), ['Kayak.rentalPrice 0.01..', 'Kayak.length 2..6']);
    assert.deepEqual(spec.notUnderstood.map((n) => n.text), []);
    assert.deepEqual(bounds('A kayak has a name and a weight (at least 10).'), ['Kayak.weight 10..']);
  });

  it('a bracket that counts things is no value range ("a number of pumps (maximum 12)"), nor is a bracket after "it has"', () => {
    assert.deepEqual(bounds('A station has a name and a number of pumps (maximum 12).'), []);
  });
});

describe('extract rules: "the quantity of a record" is a value of that record', () => {
  it('"The quantity of an order line must be at least 1" bounds OrderLine.quantity (no new count field); "the number of seats" still counts seats', () => {
    assert.deepEqual(bounds('A basket line has a product, a quantity and a unit price. The quantity of a basket line must be at least 1.'), ['BasketLine.quantity 1..']);
    assert.deepEqual(bounds('A grant has a title and an amount. The amount of a grant must be at most 5000.'), ['Grant.amount ..5000']);
    assert.deepEqual(bounds('A hall has a name and a seat count. The number of seats must be at most 300.'), ['Hall.seatCount ..300']);
  });
});
