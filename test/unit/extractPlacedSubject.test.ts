// "Rooms in a hotel have a number and a floor": where the record is or comes from ("in a hotel", "from
// different restaurants") says which ones; the values listed after the verb are the record's, not the place's.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The field names of an entity that come from the text (none when the entity is missing). */
function fieldsOf(text: string, entity: string): string[] {
  return extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources?.length).map((f) => f.name) ?? [];
}

describe('extract fields: a subject named with its place has the values', () => {
  it('"rooms in a hotel", "seats on a flight", "while two pizzas from different restaurants may have …"', () => {
    assert.deepEqual(fieldsOf('Hotels rent rooms. Rooms in a hotel have a number and a floor.', 'Room'), ['number', 'floor']);
    assert.deepEqual(fieldsOf('Hotels rent rooms. Rooms in a hotel have a number and a floor.', 'Hotel'), []);
    assert.deepEqual(fieldsOf('Airlines run flights. Seats on a flight have a number and a class.', 'Seat'), ['number', 'class']);
    assert.deepEqual(fieldsOf('Airlines run flights. Seats on a flight have a number and a class.', 'Flight'), []);
    const pizzas = 'Restaurants sell pizzas. Each pizza has a price. While two pizzas from different pizza restaurants may have the same name, they taste different.';
    assert.deepEqual(fieldsOf(pizzas, 'Pizza'), ['price', 'name']);
    assert.deepEqual(fieldsOf('Hotels in the city centre have a name and a star rating.', 'Hotel'), ['name', 'starRating']);
  });

  it('near misses: a verb before the place, and a participle that says which ones ("staff assigned to a ward")', () => {
    assert.deepEqual(fieldsOf('Airlines run flights. Each flight departs from an airport and has a number and a gate.', 'Airport'), []);
    assert.deepEqual(fieldsOf('Nurses work in wards. Staff assigned to a ward have a badge and a shift.', 'Staff'), ['badge', 'shift']);
  });
});
