// "A student takes many classes": one who takes part in many of a thing shares each with others
// (a class has many students too), so the pair is many-to-many, not a class owned by one student.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from} ${r.kind} ${r.to}`);

describe('extract relations: taking part in many of a thing', () => {
  it('makes the pair many-to-many for take, join, play in', () => {
    assert.deepEqual(links('A student has a name and an email. A student takes many classes. A class has a name and a room.'), ['Student manyToMany Class']);
    assert.deepEqual(links('A member has a name and a phone. A member joins several clubs. Each club has a name.'), ['Member manyToMany Club']);
    assert.deepEqual(links('A player has a name. A player plays in many tournaments. A tournament has a name and a date.'), ['Player manyToMany Tournament']);
  });

  it('keeps one owner for what one makes, and reads no count into "any"', () => {
    assert.deepEqual(links('An author has a name and a bio. An author writes many books. A book has a title.'), ['Book belongsTo Author']);
    assert.ok(!links('A game has a name. A point has a value. Only one game may be played at any point in time.').some((l) => l.includes('manyToMany')));
  });
});
