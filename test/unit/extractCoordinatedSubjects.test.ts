// Subjects joined by "and"/"or" share their clause's links (coordinatedSubjects.ts).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`).sort();

describe('extractor relations: coordinated subjects', () => {
  it("every subject of a list gets the clause's link ('all photos and videos are kept in an album')", () => {
    const rels = pairs('A photo has a caption. A video has a title and a length. An album has a name. All photos and videos are kept in an album.');
    assert.ok(rels.includes('Photo->Album') && rels.includes('Video->Album'), JSON.stringify(rels));
  });

  it("a comma list of subjects closed by 'and' links each ('tents, stoves and lamps are stored in a depot')", () => {
    const rels = pairs('A tent has a size. A stove has a fuel type. A lamp has a brightness. A depot has an address. Tents, stoves and lamps are stored in a depot.');
    assert.deepEqual(rels, ['Lamp->Depot', 'Stove->Depot', 'Tent->Depot']);
  });

  it("a noun before 'and' that is another verb's object is no subject ('members rent kayaks and paddles are kept in a shed')", () => {
    const rels = pairs('A kayak has a colour. A paddle has a length. A shed has a code. Members rent kayaks and paddles are kept in a shed.');
    assert.ok(!rels.includes('Kayak->Shed'), JSON.stringify(rels));
  });
});
