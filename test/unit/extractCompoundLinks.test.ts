// Compounds whose head and modifier both name records (compoundLinks.ts). Texts written for the test.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor compound links', () => {
  it("a compound whose modifier names a record links the head's record to it ('the festival stages')", () => {
    const text = 'A festival has a name and a start date. A stage has a name and a capacity. Organisers list the festival stages on the website.';
    assert.ok(pairs(text).includes('Stage->Festival'), JSON.stringify(pairs(text)));
    assert.ok(!pairs(text.replace(' Organisers list the festival stages on the website.', '')).includes('Stage->Festival'));
  });

  it("a verb the tagger read as a compound head after a singular determiner links nothing ('a screenplay comes from …')", () => {
    const rels = pairs('A writer has a name. A screenplay has a title. A screenplay comes from exactly one writer.');
    assert.ok(!rels.some((r) => r.startsWith('Come')), JSON.stringify(rels));
  });

  it('a modifier that is no record of its own (a passing mention) is not made one by a compound', () => {
    const rels = pairs('A lane has a number. Bowlers book lanes. The lane shoes are cleaned.');
    assert.ok(!rels.includes('Shoe->Lane'), JSON.stringify(rels));
  });
});
