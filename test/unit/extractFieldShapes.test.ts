// Field shapes of the public-gold work (#11, fields): what is and is not a field list, one test per
// general pattern, each with its own small texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The field names of an entity (none when the entity is missing). */
function fieldsOf(text: string, entity: string): string[] {
  return extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];
}

describe('extract fields: alternatives and verbs that keep nothing', () => {
  it('"(either approved or rejected)", "(with cash or a voucher)": alternatives are not fields', () => {
    const claim = fieldsOf('An office handles claims. The clerk can see the outcome of each claim (either approved or rejected) and the letter.', 'Claim');
    assert.ok(!claim.some((f) => /approved|rejected/i.test(f)), claim.join(', '));
    const adjectives = fieldsOf('An office handles claims. The clerk sees the outcome of each claim (approved or rejected).', 'Claim');
    assert.ok(!adjectives.some((f) => /approved|rejected/i.test(f)), adjectives.join(', '));
    const lesson = fieldsOf('A school gives lessons. After the lesson, the pupil pays for the lesson (with cash or a voucher).', 'Lesson');
    assert.ok(!lesson.some((f) => /cash|voucher/i.test(f)), lesson.join(', '));
  });

  it('"with" after a subject and nouns in parentheses still list fields, also joined by "or"', () => {
    assert.deepEqual(fieldsOf('Tenants with a phone or an email apply for parking permits.', 'Tenant').slice(0, 2), ['phone', 'email']);
    assert.deepEqual(fieldsOf('Dentists (name or nickname) treat patients.', 'Dentist').slice(0, 2), ['name', 'nickname']);
  });

  it('"for each garden a series of beds is planned": "is" alone after the record keeps nothing', () => {
    const fields = [...fieldsOf('A club has gardens and beds. For each garden a series of beds is planned.', 'Bed'), ...fieldsOf('A club has gardens and beds. For each garden a series of beds is planned.', 'Garden')];
    assert.ok(!fields.includes('planned'), fields.join(', '));
    assert.deepEqual(fieldsOf('A gym has trainers. For each trainer are stored the name and the diploma.', 'Trainer'), ['name', 'diploma']);
  });
});

describe('extract fields: the values of a field named before a record', () => {
  it('"the status of my orders (pending, paid, shipped)" gives the orders a status with those values, not three fields', () => {
    const fieldsOf = (text: string, entity: string) =>
      extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => `${f.name}${f.enumValues ? `[${f.enumValues.join(',')}]` : ''}`);
    assert.deepEqual(fieldsOf('Guests book rooms. As a guest, I want to see the state of my bookings (requested, confirmed, cancelled).', 'Booking'), ['state[requested,confirmed,cancelled]']);
    assert.deepEqual(fieldsOf('Members open tickets. Members see the priority of their tickets (low/medium/high).', 'Ticket'), ['priority[low,medium,high]']);
    // A bracket of fields after the record itself still lists its fields.
    assert.deepEqual(fieldsOf('Guests book rooms. Guests can see their bookings (arrival date, nights, state).', 'Booking'), ['arrivalDate', 'nights', 'state']);
  });
});

describe('extract fields: clauses that say values', () => {
  it('"While trucks have a weight, vans have a number of seats": each clause\'s values are its own subject\'s', () => {
    const text = 'A depot has trucks and vans. While trucks have a certain weight, vans have a certain number of seats.';
    assert.deepEqual(fieldsOf(text, 'Truck'), ['weight']);
    assert.deepEqual(fieldsOf(text, 'Van'), ['seatCount']);
  });

  it('"For each plant, it is stored whether it is poisonous", "It is stored whether a plant is poisonous": a yes/no value of the record', () => {
    const typed = (text: string) => extractSpec(text).entities.find((e) => e.name === 'Plant')?.fields.map((f) => `${f.name}:${f.type}`) ?? [];
    assert.ok(typed('A nursery sells plants. For each plant, it is also stored whether it is poisonous.').includes('poisonous:boolean'));
    assert.ok(typed('A nursery sells plants. It is stored whether a plant is poisonous.').includes('poisonous:boolean'));
  });
});
