// "X is either A, B or C" and its variants give an enum field on the record that has X (issue #11):
// also when the sentence before is about another record, without "the", with a possessive, and in
// a later clause of a sentence. Each test owns its text.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const enums = (text: string) =>
  extractSpec(text).entities.flatMap((e) => e.fields.filter((f) => f.enumValues).map((f) => `${e.name}.${f.name}=${f.enumValues!.join('|')}`));

describe('extract fields: enum values stated of a field (issue #11)', () => {
  it('"the difficulty is either easy, medium or hard" after a sentence whose subject is not the record', () => {
    assert.deepEqual(enums('For every room we keep a name, a theme and a difficulty. The difficulty is either easy, medium or hard.'), ['Room.difficulty=easy|medium|hard']);
  });

  it('the record that has the field wins over the sentence before\'s subject', () => {
    const text = 'Rooms have a name and a difficulty. Players have a name and a nickname. The difficulty can be easy or hard.';
    assert.deepEqual(enums(text), ['Room.difficulty=easy|hard']);
  });

  it('without "the", or with a possessive: "Difficulty is easy, medium or hard", "a room\'s difficulty can be …"', () => {
    assert.deepEqual(enums('Rooms have a name and a difficulty. Difficulty is easy, medium or hard.'), ['Room.difficulty=easy|medium|hard']);
    assert.deepEqual(enums('Rooms have a name and a difficulty. A room\'s difficulty can be easy, medium or hard.'), ['Room.difficulty=easy|medium|hard']);
  });

  it('in a later clause: "…; the condition is either new, good, worn or damaged, and …"', () => {
    assert.deepEqual(enums('Each costume has a code and a condition; the condition is either new, good, worn or damaged, and no two costumes may share a code.'), ['Costume.condition=new|good|worn|damaged']);
  });

  it('a plain "X is A, B and C" of no field makes nothing; "a borrower\'s details are …" lists fields, not values', () => {
    assert.deepEqual(enums('Rooms have a name and a price. The team is Alice, Bob and Carol.'), []);
    const spec = extractSpec('Borrowers hire costumes. A borrower\'s details are their name, their contact person and their phone.');
    assert.ok(!spec.entities.some((e) => e.fields.some((f) => f.name === 'detail' || f.name === 'details')), JSON.stringify(spec.entities.map((e) => e.fields.map((f) => f.name))));
  });

  it('"a locker can be free, taken or broken": the states the record itself is in are its status', () => {
    assert.deepEqual(enums('Lockers have a number. A locker can be free, taken or broken.'), ['Locker.status=free|taken|broken']);
    assert.deepEqual(enums('Tasks have a title. Each task is either open, in progress or done.'), ['Task.status=open|in_progress|done']);
    assert.deepEqual(enums('Schools have users with a name. A user can be an admin, a teacher or a pupil.').filter((e) => e.includes('status')), [], 'kinds of people are no states');
  });

  it('"can be either free, taken or broken" and "can be open or closed" are states too ("open" is no participle)', () => {
    assert.deepEqual(enums('Lockers have a number. Each locker can be either free, taken or broken.'), ['Locker.status=free|taken|broken']);
    assert.deepEqual(enums('Gates have a name. A gate can be open or closed.'), ['Gate.status=open|closed']);
  });

  it('"a name and a level, which can be beginner, intermediate or advanced": the values are the list\'s last item\'s', () => {
    assert.deepEqual(enums('Each workshop has a title and a level, which can be beginner, intermediate or advanced.'), ['Workshop.level=beginner|intermediate|advanced']);
    assert.deepEqual(enums('Hives have a label and an inspection interval, which is either weekly or monthly.'), ['Hive.inspectionInterval=weekly|monthly']);
  });
});

