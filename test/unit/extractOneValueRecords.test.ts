// A record described by one value ("A boat has a name") is a record: the tagger must not read its
// noun as a verb after "every", and the first sentence's subject is not taken for the business the
// app is for when it is any one of a kind with a value of its own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

const shapes = (text: string): string[] => extractSpec(text).entities.map((e) => `${e.name}(${e.fields.map((f) => f.name).join(',')})`);

describe('extract: records described by one value', () => {
  it('reads the word between an article and the verb as the subject noun', () => {
    for (const text of ['Every boat has a name.', 'Each boat must have a name.', 'The boat is stored.']) {
      const boat = tagSentence(text).find((t) => t.w === 'boat');
      assert.equal(boat?.pos, 'noun', text);
    }
    // Not a verb after a relative "that", nor a third-person form.
    assert.equal(tagSentence('Members that join must pay a fee.').find((t) => t.w === 'join')?.pos, 'verb');
  });

  it('makes a record of "every X has a Y"', () => {
    assert.deepEqual(shapes('Every boat has a name.'), ['Boat(name)']);
  });

  it('keeps the first sentence\'s subject when any one of it has a value', () => {
    assert.deepEqual(shapes('A boat has a name.'), ['Boat(name)']);
    assert.deepEqual(shapes('A truck has a plate. A driver has a name.'), ['Truck(plate)', 'Driver(name)']);
  });

  it('still takes the business for itself', () => {
    const names = extractSpec('The library lends books to members. Members have a name and a card number.').entities.map((e) => e.name);
    assert.ok(!names.includes('Library'), names.join(','));
  });
});
