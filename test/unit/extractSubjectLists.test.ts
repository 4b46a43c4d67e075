// A subject's own "with" list, before the sentence's verb (subjectLists.ts): the list ends at that
// verb even when the sentence goes on with a second clause, and the second clause's subject has its
// own list; a record that takes things for someone has the values after ", with". Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { fieldsOf } from '../shared/fieldStatements';

describe('extract fields: a subject\'s "with" list before the verb', () => {
  it('"tickets with a title and a priority belong to a project and a team": the list ends at "belong"', () => {
    assert.deepEqual(fieldsOf('Tickets with a title and a priority belong to a project and a team.', 'Ticket'), ['title', 'priority']);
  });

  it('"…, and inspections with a date and notes belong to a hive": each clause\'s subject has its own list', () => {
    const text = 'Hives with a label and a location belong to an apiary, and inspections with a date and notes belong to a hive.';
    assert.deepEqual(fieldsOf(text, 'Hive'), ['label', 'location']);
    assert.deepEqual(fieldsOf(text, 'Inspection'), ['date', 'notes']);
  });
});

describe('extract fields: a subject\'s "with" list of one value', () => {
  it('"parcels with a tracking code belong to a depot": the one value is the parcel\'s, and the parcel a record linked to the depot', () => {
    const spec = extractSpec('Parcels with a tracking code belong to a depot.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Parcel')?.fields.map((f) => f.name), ['trackingCode']);
    assert.ok(spec.relations.some((r) => r.from === 'Parcel' && r.to === 'Depot'), JSON.stringify(spec.relations));
  });

  it('"lockers with a code belong to a gym and a floor": the list ends at the verb in its first item', () => {
    assert.deepEqual(fieldsOf('Lockers with a code belong to a gym and a floor.', 'Locker'), ['code']);
  });

  it('"trees with a species belong to a park": the trees belong to the park, though the species is a record too', () => {
    const links = extractSpec('Trees with a species belong to a park. Species have a latin name. Parks have a name.').relations.map((r) => `${r.from}>${r.to}`);
    assert.ok(links.includes('Tree>Park') && !links.includes('Species>Park'), links.join(', '));
  });

  it('"guests with a loyalty card can book rooms early": before another verb the one value picks out some guests, no value', () => {
    // (The guests are the subject of "can book", so they sign in as the User that books, as "Guests can book rooms" does.)
    const guests = extractSpec('Guests with a loyalty card can book rooms early. Guests have a name.').entities.find((e) => e.name === 'Guest' || e.name === 'User');
    assert.deepEqual(guests?.fields.map((f) => f.name), ['name']);
  });
});

describe('extract fields: a record that takes things for someone, then ", with" its values', () => {
  it('"a rental reserves a kayak for a member, with a start date and a fee": the values are the rental\'s', () => {
    const text = 'A rental reserves a kayak for a member, with a start date, an end date and a fee. Kayaks have a serial number.';
    assert.deepEqual(fieldsOf(text, 'Rental'), ['startDate', 'endDate', 'fee']);
    assert.deepEqual(fieldsOf(text, 'Kayak'), ['serialNumber']);
  });
});
