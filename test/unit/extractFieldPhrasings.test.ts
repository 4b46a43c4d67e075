// Field phrasings outside lists (#11 public-gold misses): one test per general pattern, each with
// its own small texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** The field names of an entity. */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.map((f) => f.name);
}

describe('extract fields: a value set for a record', () => {
  it('"specify a threshold for each sensor", "sets a deadline for every task": the value is the record\'s field', () => {
    assert.ok(fieldsOf('A sensor has a name. Inhabitants can specify a threshold for each sensor.', 'Sensor').includes('threshold'));
    assert.ok(fieldsOf('A task has a title. The planner sets a deadline for every task.', 'Task').includes('deadline'));
  });

  it('"if an email address has been specified for the apartment": the passive, also in a lead-in clause', () => {
    assert.ok(fieldsOf('An apartment has an address. If an email address has been specified for the apartment, alerts are sent to it.', 'Apartment').includes('emailAddress'));
  });

  it('a clause or several values set at once are left to other readers', () => {
    const fields = fieldsOf('A room has a number. Staff can set a room that is free for the guest.', 'Room');
    assert.ok(!fields.some((f) => /free|that/i.test(f)), fields.join(', '));
  });
});

describe('extract fields: the time of a record', () => {
  it('"before the starting time of the show": a named time of a record is its value (startTime, as a developer writes it)', () => {
    assert.ok(fieldsOf('A show has a title. A seat can be cancelled up to 24h before the starting time of the show.', 'Show').includes('startTime'));
  });

  it('"at the time of the match": a bare time names a moment, no value', () => {
    assert.ok(!fieldsOf('A match has a team. At the time of the match, the referee arrives.', 'Match').includes('time'));
  });
});

describe('extract fields: what a record is said to be, with values', () => {
  it('"Locations are shelf positions with an aisle, a rack and a level": the values are the subject\'s', () => {
    const text = 'A box is stored at a location. Locations are shelf positions with an aisle, a rack and a level.';
    for (const field of ['aisle', 'rack', 'level']) assert.ok(fieldsOf(text, 'Location').includes(field), field);
  });

  it('"Orders are placed by customers with a name": past a verb the list stays the noun\'s before "with"', () => {
    const spec = extractSpec('Customers buy goods. Orders are placed by customers with a name and an email.');
    assert.ok(!spec.entities.find((e) => e.name === 'Order')?.fields.some((f) => f.name === 'email'));
  });
});

describe('extract fields: a record the writer names in passing', () => {
  it('"Every job (we call it an order) has a price and a deadline": the list is the named record\'s', () => {
    const text = 'Clients send us orders. Every job (we call it an order) has a source language, a word count and a price.';
    for (const field of ['sourceLanguage', 'wordCount', 'price']) assert.ok(fieldsOf(text, 'Order').includes(field), field);
  });
});

describe('extract fields: names that keep their small words', () => {
  it('"a day of the week" is dayOfWeek; "joined on" is joinedOn', () => {
    assert.ok(fieldsOf('A period has a day of the week, a period number and a start time.', 'Period').includes('dayOfWeek'));
    assert.ok(fieldsOf('Singers: name, email, voice part, joined on.', 'Singer').includes('joinedOn'));
  });
});

describe('extract fields: the form a record is kept in', () => {
  it('"The ticket for each flight is stored in the form of the ticket number and price": the record\'s fields', () => {
    const fields = fieldsOf('A flight has a number. The (personalized) ticket for each flight is stored in the form of the ticket number and price.', 'Ticket');
    for (const field of ['ticketNumber', 'price']) assert.ok(fields.includes(field), fields.join(', '));
  });
});
