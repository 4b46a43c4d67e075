// "They belong to the same group of tests", "a deck of flashcards": the things after a collection's "of"
// belong to the collection (a test to its group), not the collection to them; other nouns before "of" keep
// their reading ("the lessons of a course" are the course's).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string): string[] => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extract links: a collection of records', () => {
  it('"a group / batch / deck of X": X belongs to the collection', () => {
    const samples = links('Each sample has a code. Each batch has a date. The lab analyses each batch of samples.');
    assert.ok(samples.includes('Sample->Batch') && !samples.includes('Batch->Sample'));
    const cards = links('Each flashcard has a question and an answer. Each deck has a title. Learners study a deck of flashcards.');
    assert.ok(cards.includes('Flashcard->Deck') && !cards.includes('Deck->Flashcard'));
    const groups = links('Each student has a name. Each group has a name. The school forms groups of students.');
    assert.ok(groups.includes('Student->Group') && !groups.includes('Group->Student'));
  });

  it('a noun that is no collection keeps "X of Y" as X belonging to Y', () => {
    assert.ok(links('Each lesson has a date. Each course has a title. Teachers plan the lessons of a course.').includes('Lesson->Course'));
    assert.ok(links('Each chapter has a title. Each book has an author. Readers comment on the chapters of a book.').includes('Chapter->Book'));
  });
});
