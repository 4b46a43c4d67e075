// "A wall holds at most 12 paintings at a time": the rows counted are the things held, so every row
// that exists counts (issue #11: it was listed for want of an end date, which only a taking of a
// place, a booking or a loan, needs). Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const capacities = (text: string) =>
  extractSpec(text).rules.flatMap((r) => (r.kind === 'capacity' ? [`${r.entity} per ${r.relation} max ${r.capacityField ?? r.limit}${r.activeWhenNull ? ` while ${r.activeWhenNull} empty` : ''}`] : []));

describe('extract rules: at most N things held at a time (issue #11)', () => {
  it('"a wall holds at most 12 paintings at a time": every painting on the wall counts', () => {
    assert.deepEqual(capacities('Staff sign in. A wall has a name. A painting has a title and hangs on a wall. A wall holds at most 12 paintings at a time.'), ['Painting per wall max maxPaintings']);
  });

  it('takings of a place (with a date, or named like a loan) still need an end date to tell', () => {
    const text = 'Members sign in. A kayak has a name. A loan has a kayak and a start date. A kayak can have at most 1 loan at a time.';
    assert.deepEqual(capacities(text), []);
    assert.match(extractSpec(text).notUnderstood.map((n) => n.reason).join(' '), /no end date that is empty while a row still counts/);
  });

  it('the capacity field is named after the counted noun, not a participle after it ("one job assigned to them" -> maxJobs)', () => {
    const spec = extractSpec('Cleaners have a name. Jobs have an address. A cleaner does at most two jobs assigned to them at the same time.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Cleaner')?.fields.map((f) => f.name), ['name', 'maxJobs']);
  });

  it('a bare "number" names the record, it is no number of places ("a room has a number … at most 4 guests")', () => {
    const spec = extractSpec('Guests book rooms. A room has a number, a floor and a price. At most 4 guests can stay in a room.');
    assert.deepEqual(capacities('Guests book rooms. A room has a number, a floor and a price. At most 4 guests can stay in a room.'), ['Booking per room max capacity']);
    assert.ok(spec.entities.find((e) => e.name === 'Room')?.fields.some((f) => f.name === 'number'));
    // "a maximum number" still is one.
    assert.deepEqual(capacities('Members book classes. A class has a title and a maximum number of members. Nobody can book a full class.'), ['Booking per class max maximumNumberOfMembers']);
  });

  it('a limit per person who does not sign in is listed, not counted per the rows\' owner ("a mechanic can work on at most 3 jobs" where customers sign in)', () => {
    const text = 'Customers sign in and drop off bikes. Each repair job has a description and a status (received, done). Only the shop manager can change prices. A mechanic can work on at most 3 jobs at the same time.';
    const spec = extractSpec(text);
    assert.deepEqual(capacities(text), []);
    assert.match(spec.notUnderstood.map((n) => n.reason).join(' '), /per mechanic .*mechanics do not sign in/);
    // One click adds the mechanic as a record.
    assert.deepEqual(spec.notUnderstood.find((n) => /mechanics do not sign in/.test(n.reason))?.suggestions.map((s) => s.kind === 'addEntity' && s.name), ['Mechanic']);
    // A role that signs in is counted: "a customer can have at most 3 jobs".
    assert.deepEqual(capacities('Customers sign in and drop off bikes. Each repair job has a description and a status (received, done). Only the shop manager can change prices. A customer can have at most 3 repair jobs at the same time.').length, 1);
  });
});

