// More sentence forms that state a record's values: a count kept of a record ("The number of seats
// on these aircraft is also stored"), a value done by each record ("The education completed by
// each actor is known"), "the X of Y" as one value's name, a value of someone the record has ("the
// name of the director's assistant"), and a sentence that starts after "etc.". Each test owns its texts.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { findFieldLists } from '../../src/core/extract/fields';
import { splitSentences } from '../../src/core/extract/sentences';

/** Sourced field names of an entity. */
function fieldsOf(text: string, entity: string): string[] {
  const found = extractSpec(text).entities.find((e) => e.name === entity);
  assert.ok(found, `no entity ${entity}`);
  return found.fields.filter((f) => f.sources.length).map((f) => f.name);
}

/** The lists of the one sentence of `text`: subject (or "(pronoun)") and item words. */
function listsOf(text: string): string[] {
  const [sentence] = splitSentences(text).sentences;
  return findFieldLists(sentence, false).map((l) => `${l.pronoun ? '(pronoun)' : l.subject}: ${l.items.map((i) => i.words.join(' ')).join(', ')}`);
}

describe('extract fields: counts kept of a record', () => {
  it('"The number of seats on these aircraft is also stored" is a count field of the record after the preposition', () => {
    assert.deepEqual(listsOf('The number of seats on these aircraft is also stored.'), ['aircraft: seat count']);
    assert.deepEqual(listsOf('The number of seats on these aircraft can change.'), [], 'said to change, not to be kept');
    assert.ok(fieldsOf('An aircraft has a name and a type. The number of seats on each aircraft is also stored.', 'Aircraft').includes('seatCount'));
  });

  it('"… and ask how many people the order is for" is a count field of the order', () => {
    assert.deepEqual(listsOf('Customers indicate the latest delivery time and we ask how many people the order is for.').filter((l) => l.startsWith('order')), ['order: person count']);
    assert.deepEqual(listsOf('We ask how many people came.'), [], 'no record the count is for');
  });
});

describe('extract fields: values said to be known of each record', () => {
  it('"The education completed by each actor is known": the value the record\'s own act gives it', () => {
    assert.deepEqual(listsOf('The education completed by each actor is known.'), ['actor: education']);
    assert.deepEqual(listsOf('The work done by each actor can be reviewed.'), [], 'not said to be kept');
  });

  it('"the field of activity of each technician is known": a noun of a bare noun names one value', () => {
    assert.deepEqual(listsOf('The field of activity of each technician is known.'), ['technician: field of activity']);
    assert.deepEqual(listsOf('There are technicians, and the field of activity of each technician is known.'), ['technician: field of activity'], 'in a later clause too');
    assert.deepEqual(listsOf('The number of visits of each page is stored.'), ['page: visit count'], 'a count phrase is a count, not a value named "number of visits"');
  });

  it('"The name of the director\'s assistant is stored": the possessor\'s value is named after whom it describes', () => {
    assert.deepEqual(listsOf("The name of the director's assistant is stored."), ['director: assistant name']);
    assert.deepEqual(listsOf("Each runner's bib number is recorded."), ['runner: bib number'], 'a plain possessive is unchanged');
  });
});

describe('sentences: "etc." at the end of a sentence', () => {
  it('a word that opens a clause after "etc." starts the next sentence; a name after it does not', () => {
    const plains = (text: string) => splitSentences(text).sentences.map((s) => s.plain);
    assert.deepEqual(plains('The contract covers delivery terms, legal aspects, etc. Each acquisition has a price.'), ['the contract covers delivery terms, legal aspects, etc.', 'each acquisition has a price.']);
    assert.equal(plains('Fruit, vegetables etc. Bob sells them.').length, 1, 'a name after "etc." may continue the sentence');
    const text = 'A contract stipulates common elements such as delivery conditions, legal aspects, etc. Each acquisition of an airplane has details, such as the negotiated price and the delivery date.';
    assert.deepEqual(fieldsOf(text, 'Acquisition'), ['negotiatedPrice', 'deliveryDate']);
  });
});
