// "A contact works at a company", "each employee works in a department": after "a/each" and one
// thing, an "-s" word before a preposition is that thing's verb, not a plural head, so the
// clause links the two records.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';

describe('extract: the verb after one thing', () => {
  it('reads "works", "stops", "belongs" after a/each and a singular noun as verbs', () => {
    for (const [text, word] of [['A contact works at a company.', 'works'], ['A bus stops at a station.', 'stops'], ['A bed belongs to a particular category.', 'belongs']]) {
      const term = tagSentence(text).find((t) => t.w === word);
      assert.equal(term?.pos, 'verb', text);
    }
    // A plural modifier before its noun, and a compound before a preposition, are left alone.
    assert.equal(tagSentence('A sports club has members.').find((t) => t.w === 'sports')?.pos !== 'verb', true);
    assert.equal(tagSentence('Open a service record for it.').find((t) => t.w === 'record')?.pos, 'noun');
    assert.equal(tagSentence("Keep each device's repairs.").find((t) => t.w === 'repairs')?.pos, 'noun');
  });

  it('links the record to the one it works at or in', () => {
    const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
    assert.deepEqual(links('Contacts have a name. Companies have a name. A contact works at a company.'), ['Contact->Company']);
    assert.deepEqual(links('Employees have a name. Departments have a name. Each employee works in a department.'), ['Employee->Department']);
  });
});
