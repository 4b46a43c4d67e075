// A value list that ends in a second predicate ("… with an email and a password and place orders"):
// "place orders" is what the people do with records of their own, not one more value. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (text: string, entity: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];

describe('extract fields: a verb and a record after "and" end a list of values', () => {
  it('"sign up with an email and a password and place orders": no placeOrders value, the orders stay records', () => {
    const spec = extractSpec('Customers sign up with an email and a password and place orders.');
    assert.ok(spec.entities.some((e) => e.name === 'Order'));
    assert.ok(!spec.entities.some((e) => e.fields.some((f) => /^place/i.test(f.name))), JSON.stringify(spec.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
  });

  it('the -s form after a list of values ("a name, a phone number and runs classes")', () => {
    assert.deepEqual(fieldsOf('A trainer has a name, a phone number and runs classes.', 'Trainer'), ['name', 'phoneNumber']);
  });

  it('the list of a thing the people keep ("register their pets with a name and a birth date and book visits")', () => {
    assert.deepEqual(fieldsOf('Owners register their pets with a name and a birth date and book visits.', 'Pet'), ['name', 'birthDate']);
  });

  it('keeps values named by two nouns: no record of the text ("study points"), no "and" ("…, access notes"), a value ("phone numbers")', () => {
    assert.ok(fieldsOf('A course has a title and study points.', 'Course').includes('studyPoints'));
    assert.ok(fieldsOf('A client has a name and phone numbers.', 'Client').includes('phoneNumbers'));
    assert.ok(fieldsOf('Clients: name, phone, access notes. Cleaners add notes to jobs.', 'Client').includes('accessNotes'));
  });
});
