// "records at which garage it was done": the record a "which" question asks about (relations.ts whichRecord, askedRecord.ts).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`).sort();

describe('extractor relations: the record a recorded question asks about', () => {
  it("a preposition may stand between the recording verb and 'which' ('each repair records at which garage it was done')", () => {
    const rels = pairs('A repair has a date and a cost. A garage has a name and an address. Each repair records at which garage it was done.');
    assert.deepEqual(rels, ['Repair->Garage']);
  });

  it("the whole compound before the asking clause names the record ('noted at which loading dock the truck was unloaded')", () => {
    const rels = pairs('A delivery has a date and a weight. A loading dock has a number and a width. A truck has a plate. For each delivery, it is noted at which loading dock the truck was unloaded.');
    assert.ok(rels.includes('Delivery->LoadingDock'), JSON.stringify(rels));
  });
});
