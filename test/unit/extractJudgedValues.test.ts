// "Users can rate recipes from 1 to 5": a span after a verb of judging bounds the value the verb
// gives (a rating, a grade), not the thing judged; rating is a record of its own, linked to what is rated.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const bounded = (text: string) =>
  extractSpec(text).entities.flatMap((e) => e.fields.filter((f) => f.min !== undefined || f.max !== undefined).map((f) => `${e.name}.${f.name} ${f.min}..${f.max}`));

describe('extract: the value a span of numbers bounds', () => {
  it('bounds the grade of what is graded, not a field named after the record', () => {
    assert.deepEqual(bounded('Teachers grade essays from 0 to 100. An essay has a title and a text.'), ['Essay.grade 0..100']);
  });

  it('bounds the rating record\'s number when ratings are records, linked to what is rated, with no note', () => {
    const spec = extractSpec('Recipes have a title. Users can rate recipes from 1 to 10.');
    assert.deepEqual(bounded('Recipes have a title. Users can rate recipes from 1 to 10.'), ['Rating.stars 1..10']);
    assert.ok(spec.relations.some((r) => r.from === 'Rating' && r.to === 'Recipe'), JSON.stringify(spec.relations));
    assert.deepEqual(spec.unimplemented.concat(spec.notUnderstood).map((n) => n.reason), []);
  });

  it('bounds the count kept of things, not a field named "number"', () => {
    const spec = extractSpec('Members book classes. A class has a title. A booking has a number of seats from 1 to 4.');
    assert.deepEqual(bounded('Members book classes. A class has a title. A booking has a number of seats from 1 to 4.'), ['Booking.seatCount 1..4']);
    assert.deepEqual(spec.unimplemented.concat(spec.notUnderstood).map((n) => n.reason), []);
  });
});
