// "the staff of the hotel, including cleaners and receptionists": the ones listed after "including"
// belong to what the group is "of" (includedKinds.ts).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`).sort();

describe('extractor relations: kinds listed after "including"', () => {
  it("each record listed after 'including' belongs to what the group is of ('the crew of the ship, including the pilots and the cooks')", () => {
    const rels = pairs('A ship has a name and a flag. A pilot has a name and a licence. A cook has a name and a speciality. The log is kept by the crew of the ship, including the pilots, the captain of the ship and the cooks.');
    assert.ok(rels.includes('Pilot->Ship') && rels.includes('Cook->Ship'), JSON.stringify(rels));
  });

  it("a list after 'including' that follows no 'X of Y' links nothing to the record named before ('the crew of the ship' vs 'the crew')", () => {
    const rels = pairs('A ship has a name and a flag. A pilot has a name and a licence. A cook has a name and a speciality. Each ship has a log. The log is kept by the crew, including the pilots and the cooks.');
    assert.ok(!rels.includes('Pilot->Ship') && !rels.includes('Cook->Ship'), JSON.stringify(rels));
  });
});
