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

  it('gives the booking what it is booked "with" or in brackets when one item says when, and what "a booking is for one X, with" lists', () => {
    const names = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name)?.fields.map((f) => f.name);
    assert.deepEqual(names('Bands book a rehearsal room with a start, an end and a note. A rehearsal room has a name.', 'Booking'), ['start', 'end', 'note']);
    assert.deepEqual(names('Bands can book rooms (date, start time, end time, purpose). A room has a name.', 'Booking'), ['date', 'startTime', 'endTime', 'purpose']);
    const made = extractSpec('Sailors rent dinghies. A rental is for one dinghy, with a start and an end, the number of sailors and a note. The end must be after the start.');
    assert.deepEqual(made.entities.find((e) => e.name === 'Rental')?.fields.map((f) => f.name), ['start', 'end', 'sailorCount', 'note']);
    assert.ok(made.rules.some((r) => r.kind === 'dateOrder' && r.entity === 'Rental'), JSON.stringify(made.rules));
    assert.ok(!made.entities.find((e) => e.name === 'Dinghy')?.fields.some((f) => f.name === 'start'));
  });

  it('leaves to the booked thing what describes it: no time word, or a thing that happens at its own time', () => {
    const spec = extractSpec('Guests book a room with a sea view and a balcony. A room has a number.');
    assert.ok(!spec.entities.some((e) => e.name === 'Booking' && e.fields.some((f) => /view|balcony/i.test(f.name))), JSON.stringify(spec.entities));
    const classes = extractSpec('Members book classes (title, start time, capacity). Members sign in.');
    assert.ok(classes.entities.find((e) => e.name === 'Class')?.fields.some((f) => f.name === 'startTime'), JSON.stringify(classes.entities));
  });

  it('gives the booking what people give while booking ("when they book a studio they give …")', () => {
    assert.deepEqual(fields('Musicians book studios. When they book a studio they give a start, an end and a purpose. A studio has a name.', 'Booking'), ['start:datetime', 'end:datetime', 'purpose:string']);
    // (What people give when they register is their own: the registration is no record of its own.)
    const joined = extractSpec('Club. When registering, players give their name, email and phone. Players book courts.');
    assert.ok(!joined.entities.some((e) => e.name === 'Registration'), JSON.stringify(joined.entities.map((e) => e.name)));
  });

  it('makes the thing booked, rented or borrowed a record even when it is named once, in the singular', () => {
    // (In a longer text a noun named once in passing is no record: a booked one is.)
    for (const text of [
      'Sailors rent a dinghy. A rental has a start, an end, the number of sailors and a note. The end must be after the start.',
      'Members can book a court. For each booking we store the date, the start time and the end time. The end time has to be after the start time.',
    ]) {
      const spec = extractSpec(text);
      const thing = /dinghy/.test(text) ? 'Dinghy' : 'Court';
      assert.ok(spec.entities.some((e) => e.name === thing), `${text}: ${spec.entities.map((e) => e.name)}`);
      assert.ok(spec.relations.some((r) => r.to === thing && r.kind === 'belongsTo'), JSON.stringify(spec.relations));
    }
  });

  it('an appointment booked with a list is the booking itself, also when it is booked for many ("book appointments for pets with …")', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name);
    const text = 'Patients sign in. Patients book appointments with a dentist, a date and a reason.';
    assert.deepEqual(fields(text, 'Appointment')?.filter((f) => !f.startsWith('dentist')), ['date:date', 'reason:string']);
    assert.ok(!names(text).includes('Booking'), names(text).join(' '));
    const forMany = 'Grooming salon. Groomers sign in. Groomers book sessions for dogs with a date and a note. A dog has a name.';
    assert.deepEqual(fields(forMany, 'Session'), ['date:date', 'note:text']);
    assert.deepEqual(fields(forMany, 'Dog'), ['name:string']);
  });
});

