// Records the text numbers have a number a developer stores (issue #11, explicit fields).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

/** "name:type" of each field of one record taken from the text. */
const fieldsOf = (text: string, entity: string): string[] =>
  extractSpec(text).entities.find((e) => e.name === entity)?.fields.filter((f) => f.sources.length).map((f) => `${f.name}:${f.type}`) ?? [];

describe('extract fields: records the text numbers', () => {
  it('"Player 1 starts, followed by Player 2", "Studio 1 … Studio 2": a record called by two numbers has a number', () => {
    assert.deepEqual(fieldsOf('A player has a colour. Players take turns, with Player 1 starting the match, followed by Player 2 and Player 3.', 'Player'), ['colour:string', 'number:integer']);
    assert.deepEqual(fieldsOf('The gym rents studios to trainers. A studio has a floor area. Studio 1 is on the ground floor and Studio 2 is upstairs.', 'Studio'), ['floorArea:string', 'number:integer']);
  });

  it('"floors are numbered": a record said to be numbered has a number', () => {
    assert.deepEqual(fieldsOf('The hotel manages floors and rooms. A floor has a height. Floors are numbered from the ground up.', 'Floor'), ['height:decimal', 'number:integer']);
  });

  it('not numbered: one example ("Room 12"), a part of something that is no record ("Chapter 1")', () => {
    assert.deepEqual(fieldsOf('The school books rooms for exams. A room has a capacity. Room 12 is the largest one.', 'Room'), ['capacity:integer']);
    assert.deepEqual(fieldsOf('The library lends books. A book has a title. Chapter 1 and Chapter 2 of each book can be read for free.', 'Book'), ['title:string']);
  });
});
