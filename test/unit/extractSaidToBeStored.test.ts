// What the text says must be stored is a record even where a field list reads it as someone's value
// ("The inspectors' reports must be stored …", nlpEvidence.ts saidToBeStored).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { saidToBeStored } from '../../src/core/extract/nlpEvidence';

describe('extractor: a possessed thing said to be stored', () => {
  it('is a record, though "the inspectors\' reports" also reads as the inspectors\' value', () => {
    const found: Record<string, number> = {};
    saidToBeStored(analyze('The inspectors’ reports must be stored in the database for ten years.'), (key, score) => (found[key] = score));
    assert.deepEqual(found, { report: 3 });
    const text = 'A firm inspects lifts for building owners. Each lift has a serial number and a capacity. Inspectors visit the lifts every year. Each inspector has a name and a licence. The inspectors’ reports must be stored in the database for at least ten years after the visit.';
    const names = extractSpec(text).entities.map((e) => e.name);
    assert.ok(names.includes('Report'), names.join(', '));
  });
});
