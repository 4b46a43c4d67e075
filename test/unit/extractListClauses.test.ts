// A field list followed by more words about one of its values: "… and an email address that must be
// unique" (the value of the relative clause is unique: rules/unique.ts uniqueValue), "…, and the end
// time has to be after the start time" (a new clause, no value "end time has": fieldItems.ts CLAUSE_END).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { findFieldLists } from '../../src/core/extract/fields';
import type { SentenceInfo } from '../../src/core/extract/sentences';

const fieldsOf = (text: string, entity: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => `${f.name}${f.unique ? ' unique' : ''}`);

describe('extract: what follows a value of a field list', () => {
  it('"… an email address that must be unique", "…, which has to be unique": that value is unique', () => {
    assert.deepEqual(fieldsOf('Drivers have a name and a licence number that must be unique.', 'Driver'), ['name', 'licenceNumber unique']);
    assert.deepEqual(fieldsOf('Each supplier has a name, a phone number and a tax code, which has to be unique.', 'Supplier'), ['name', 'phoneNumber', 'taxCode unique']);
    // Nothing is left over as not understood.
    assert.deepEqual(extractSpec('Drivers have a name and a licence number that must be unique.').notUnderstood, []);
  });

  it('", and the end time has to be after the start time" ends the list: a new clause with a determiner, a noun and a modal', () => {
    const spec = extractSpec('A shift has a date, a start time and an end time, and the end time has to be after the start time.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Shift')?.fields.map((f) => f.name), ['date', 'startTime', 'endTime']);
    assert.ok(spec.rules.some((r) => r.kind === 'dateOrder' && r.entity === 'Shift'));
  });

  it('"a duration of 30 or 60 minutes" is a duration (the numbers before a unit are its values, no quantifier of a list like "one or more tags")', () => {
    assert.deepEqual(fieldsOf('Clients book massages. A massage has a date and a duration of 30 or 60 minutes.', 'Massage'), ['date', 'duration']);
    assert.deepEqual(fieldsOf('Clients book massages. A massage has a duration of 45 or 90 minutes.', 'Massage'), ['duration']);
    // A quantifier before a plural noun still is one: the tags are records of their own.
    assert.deepEqual(fieldsOf('Posts have a title and one or more tags.', 'Post'), ['title']);
  });
});


describe('extract: "to have the X as …" is a state wanted, no values kept', () => {
  const sentence = (text: string): SentenceInfo => ({ id: 0, text, plain: text.toLowerCase(), bullet: false, heading: false, optional: false });
  const lists = (text: string) => findFieldLists(sentence(text), false).map((l) => [l.subject, l.items.map((i) => i.key)]);

  it('"I want to have the schedule shown on one page", "… the checkout as short as possible" list nothing; "to have a …" still lists', () => {
    assert.deepEqual(lists('As an organiser, I want to have the schedule shown on one page.'), []);
    assert.deepEqual(lists('As a shop, I want to have the checkout as short and simple as possible so that customers buy more.'), []);
    assert.deepEqual(lists('As a member, I want to have a profile picture and a short bio so that others know me.'), [['member', ['profile picture', 'bio']]]);
  });
});
