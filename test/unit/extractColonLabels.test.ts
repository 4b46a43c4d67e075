// "- Book: title, author", "- Library: name, address": a one-word label before a colon and a list of
// values is a record's name, a noun (nlpCorrections.ts retagColonLabel), and a library given values
// such as a name and an address is a place the app keeps (colonValueRecords.ts). Lines of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const model = (text: string) => Object.fromEntries(extractSpec(text).entities.map((e) => [e.name, e.fields.map((f) => f.name)]));

describe('extract: one-word labels of colon lines', () => {
  it('are nouns, singular for a plural label ("Book:", "Books:")', () => {
    const [book] = tagSentence('Book: title, author, isbn');
    assert.deepEqual([book.pos, book.root, book.plural], ['noun', 'book', false]);
    const [books] = tagSentence('Books: title, author, isbn');
    assert.deepEqual([books.pos, books.root, books.plural], ['noun', 'book', true]);
    // ("Surveys:" ends in -ys, a plural too.)
    const [surveys] = tagSentence('Surveys: title, deadline, owner');
    assert.deepEqual([surveys.pos, surveys.root, surveys.plural], ['noun', 'survey', true]);
    // ("Status:" only ends like a plural.)
    assert.notEqual(tagSentence('Status: open, closed, archived')[0].root, 'statu');
  });

  it('make no booking of a "Book:" line, and a library with a name and an address is a record', () => {
    const entities = model('City reading network\n- Library: name, address\n- Book: title, author, isbn\n- Loan: book, member, due date');
    assert.deepEqual(entities.Library, ['name', 'address']);
    assert.deepEqual(entities.Book, ['title', 'author', 'isbn']);
    assert.ok(!('Booking' in entities), Object.keys(entities).join(', '));
  });

  it('leave a software library alone ("Libraries: React, lodash")', () => {
    assert.ok(!('Library' in model('Recipe app\n- Recipes: title, description, cooking time\n- Libraries: React, lodash')));
  });
});
