// The first sentence names the app or the business and what it is made of: "Hotel booking: rooms,
// guests, reservations" (a name over a list of records is the app, not a record that has them) and
// "The library lends books to members" (what the business acts on are its records).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: the first sentence names the app, the business and its records', () => {
  it('makes the listed records, and no record of the name before the colon', () => {
    const spec = extractSpec('Hotel booking: rooms, guests, reservations.');
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Guest', 'Reservation', 'Room']);
    assert.deepEqual(spec.relations, []);
  });

  it('keeps a record named in the plural over its parts, and one named over its fields', () => {
    assert.ok(extractSpec('Departments: employees, projects.').entities.some((e) => e.name === 'Department'));
    const booking = extractSpec('Booking: member, room, date.').entities.find((e) => e.name === 'Booking');
    assert.deepEqual(booking?.fields.map((f) => f.name), ['member', 'room', 'date']);
  });

  it('makes records of what the business the text opens with acts on', () => {
    const names = (text: string) => extractSpec(text).entities.map((e) => e.name).sort();
    assert.deepEqual(names('The library lends books to members.'), ['Book', 'Member']);
    assert.ok(names('A car rental company rents cars to customers. A rental has a start date and an end date.').includes('Car'));
    // Not the business itself, and not a transaction record the text does not name.
    assert.ok(!names('Our shop sells bikes.').includes('Shop'));
    assert.deepEqual(names('Our shop sells bikes.'), ['Bike']);
  });

  it('still reads a counted thing that acts as a record', () => {
    assert.ok(extractSpec('An airline employs pilots. Each aircraft performs flights. A flight has a number.').entities.some((e) => e.name === 'Aircraft'));
  });

  it('makes no record of an abstract noun that names what the app is about', () => {
    const names = extractSpec('A fitness tracker where I log workouts. Each workout has a date, a type and a duration.').entities.map((e) => e.name);
    assert.deepEqual(names, ['Workout']);
    // A countable thing tracked still is one.
    assert.deepEqual(extractSpec('An expense tracker.').entities.map((e) => e.name), ['Expense']);
  });

  it('keeps the record of an act the title names when people do it again and again ("Car rental shop. Customers rent cars")', () => {
    const spec = extractSpec('Car rental shop. Customers rent cars by the day. A car has a plate and a daily price.');
    assert.ok(spec.entities.some((e) => e.name === 'Rental'), spec.entities.map((e) => e.name).join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'Rental' && r.to === 'Car'), JSON.stringify(spec.relations));
    // A business named in the title that nobody acts out stays the business.
    assert.ok(!extractSpec('Car rental shop. Customers browse cars. A car has a plate and a daily price.').entities.some((e) => e.name === 'Rental'));
  });
});
