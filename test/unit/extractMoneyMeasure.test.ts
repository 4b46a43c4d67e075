// "a price estimate", "a cost limit": a money word before estimate/quote/limit/cap is a sum of money (types.ts MONEY_MEASURE).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extractor: a sum of money named by what is said of it', () => {
  it('"each job has a price estimate and a cost limit": both are money; "a time estimate" is not', () => {
    const job = extractSpec('Each repair job has a price estimate, a cost limit and a time estimate.').entities.find((e) => e.name === 'RepairJob');
    const types = Object.fromEntries(job?.fields.map((f) => [f.name, f.type]) ?? []);
    assert.equal(types.priceEstimate, 'money');
    assert.equal(types.costLimit, 'money');
    assert.notEqual(types.timeEstimate, 'money');
  });
});
