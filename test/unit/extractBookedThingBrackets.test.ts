// "Tourists reserve a voyage (harbour, departure time)": a bracket after the booked thing that names
// a value no booking carries (a harbour, a route) describes the thing, not the booking (bookedFor.ts);
// "visitors book a sailing": an -ing noun counted by its article is an occurrence, a record
// (recordWords.ts storable). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const read = (text: string) => {
  const spec = extractSpec(text);
  return {
    fields: Object.fromEntries(spec.entities.map((e) => [e.name, e.fields.map((f) => f.name)])),
    links: spec.relations.map((r) => `${r.from}->${r.to}`),
  };
};

describe('extract: brackets after a booked thing', () => {
  it('describe the thing when they name a value no booking carries', () => {
    const { fields, links } = read('Island hopper. Tourists reserve a voyage (harbour, departure time). A tourist has a name.');
    assert.deepEqual(fields.Voyage, ['harbour', 'departureTime']);
    assert.ok(!fields.Reservation?.includes('harbour'), JSON.stringify(fields));
    assert.ok(links.includes('Reservation->Voyage'), links.join(', '));
  });

  it('still give the booking its times, purpose and head count', () => {
    assert.deepEqual(read('Choir hall. Choirs book halls (date, start time, end time, purpose). A hall has a name.').fields.Booking, ['date', 'startTime', 'endTime', 'purpose']);
    assert.deepEqual(read('Bistro. Diners book a table (date, time, number of guests). A table has a number.').fields.Booking, ['date', 'time', 'guestCount']);
  });

  it('make a booked -ing noun with an article a record ("book a sailing")', () => {
    const { fields, links } = read('Lake trips. Visitors book a sailing. Each sailing has a pier and a start time.');
    assert.deepEqual(fields.Sailing, ['pier', 'startTime']);
    assert.ok(links.includes('Booking->Sailing'), links.join(', '));
  });
});
