// A subject's own "with" list, before the sentence's verb (subjectLists.ts): the list ends at that
// verb even when the sentence goes on with a second clause, and the second clause's subject has its
// own list; a record that takes things for someone has the values after ", with". Each test owns its texts.
import * as assert from 'node:assert/strict';
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

describe('extract fields: a record that takes things for someone, then ", with" its values', () => {
  it('"a rental reserves a kayak for a member, with a start date and a fee": the values are the rental\'s', () => {
    const text = 'A rental reserves a kayak for a member, with a start date, an end date and a fee. Kayaks have a serial number.';
    assert.deepEqual(fieldsOf(text, 'Rental'), ['startDate', 'endDate', 'fee']);
    assert.deepEqual(fieldsOf(text, 'Kayak'), ['serialNumber']);
  });
});
