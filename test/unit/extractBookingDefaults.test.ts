// A booking named without fields gets the usual dates, unless what is booked has a time of its own
// (a class that starts at 18:00): then the booking takes that time and asks for no dates.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name)?.fields.map((f) => f.name);

describe('extract: the default fields of a booking', () => {
  it('gives no dates of its own to the booking of a class or an event that has a start time', () => {
    assert.deepEqual(fieldsOf('Members sign up and book classes. A class has a name, a start time and a capacity.', 'Booking'), []);
    const spec = extractSpec('Members sign up and book classes. A class has a name, a start time and a capacity.');
    assert.ok(!spec.warnings.some((w) => w.startsWith('Booking: no fields were given')), spec.warnings.join(' | '));
  });

  it('keeps the dates when the booked thing has no time of its own (a room)', () => {
    assert.deepEqual(fieldsOf('Guests sign up and book rooms. A room has a number and a price.', 'Booking'), ['startDate', 'endDate']);
  });
});
