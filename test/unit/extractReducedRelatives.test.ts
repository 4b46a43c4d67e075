// "Photos taken on a trip are saved with a caption …": a record, a past participle and a preposition
// (a relative clause without "that are") before "are saved/stored/recorded with": the values are the
// record's, not those of the thing the participle names (inlineLists.ts REDUCED_RELATIVE). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (text: string) => Object.fromEntries(extractSpec(text).entities.map((e) => [e.name, e.fields.map((f) => f.name)]));

describe('extract fields: a record with a participle phrase before "are kept with"', () => {
  it('gives the values to the record before the participle (regular participle)', () => {
    const fields = fieldsOf('Each trip has a date and a destination. Photos taken on a trip are saved with a caption and a location.');
    assert.deepEqual(fields.Trip, ['date', 'destination']);
    assert.deepEqual(fields.Photo, ['caption', 'location']);
  });

  it('also after an irregular participle ("lent to", "sold for")', () => {
    assert.deepEqual(fieldsOf('Each loan has a due date. Books lent to a member are recorded with a title and an author.').Book, ['title', 'author']);
    const concert = fieldsOf('Each concert has a date. Tickets sold for a concert are stored with a seat number and a price.');
    assert.deepEqual(concert.Concert, ['date']);
    assert.deepEqual(concert.Ticket, ['seatNumber', 'price']);
  });

  it('keeps the phrase before the passive when no participle phrase opens it', () => {
    assert.deepEqual(fieldsOf('Images are saved with a file name and a size.').Image, ['fileName', 'size']);
  });
});
