// What a booking is made for ("reserve rooms for a check-in and check-out date") are the
// booking's own fields; who or why it is for ("for their children") is not a field.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fields = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name)?.fields.map((f) => `${f.name}:${f.type}`);

describe('extract: the times a booking is made for', () => {
  it('gives the dates and counts after "book/reserve/rent … for" to the booking, so a date order can use them', () => {
    const hotel = extractSpec('Hotel. Guests reserve rooms for a check-in and check-out date. Check-out must be after check-in. A room has a number and a rate.');
    assert.deepEqual(hotel.entities.find((e) => e.name === 'Reservation')?.fields.map((f) => f.name), ['checkInDate', 'checkOutDate']);
    assert.ok(hotel.rules.some((r) => r.kind === 'dateOrder' && r.entity === 'Reservation'), JSON.stringify(hotel.rules));
    assert.deepEqual(fields('Diners book a table for a date, a time and a number of guests. A table has a number and a size.', 'Booking'), ['date:date', 'time:datetime', 'guestCount:integer']);
  });

  it('reads no fields from who or what else a booking is for', () => {
    assert.deepEqual(fields('Parents sign in and book classes for their children. A class has a name.', 'Booking'), ['startDate:date', 'endDate:date']);
  });
});
