// What "it" has: the record a pronoun stands for across a colon, and a compound the tagger took for a verb.
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to} (${r.name})`);

describe('extract: what "it" has, read across a colon and a compound the tagger took for a verb', () => {
  it("'it also has a number of ski lifts, each of which …': the compound ending its phrase is the thing had, not a verb", () => {
    const rels = links('Each resort has a code and a name. It also has a number of ski lifts, each of which has a length. A ski lift has a name.');
    assert.ok(rels.includes('SkiLift->Resort (resort)'), rels.join('; '));
  });

  it("after 'the following information:' the statement starts anew: 'It' in the next sentence is its record", () => {
    const rels = links('Model this situation based on the following information:\nEach depot has a code and an address. It also has several trucks. A truck has a plate.');
    assert.ok(rels.includes('Truck->Depot (depot)'), rels.join('; '));
  });
});
