// "get notified", "gets paid": "get" before a past participle is a passive, not "has" (inlineLists.ts LIST_VERBS).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name)?.fields.map((f) => f.name) ?? [];

describe('extractor: "get" before a past participle lists no values', () => {
  it('"borrowers pick a drill, get reminded when it is due": no field "reminded"', () => {
    assert.deepEqual(fieldsOf('Borrowers pick a drill, get reminded when it is due. Drills have a brand and a weight.', 'Drill'), ['brand', 'weight']);
    assert.deepEqual(fieldsOf('Members book a court, get notified when it is free. Courts have a number and a surface.', 'Court'), ['number', 'surface']);
  });

  it('"gets" with values still lists them ("each plot gets a number and a water tap")', () => {
    assert.deepEqual(fieldsOf('Each plot gets a number and a water tap.', 'Plot'), ['number', 'waterTap']);
  });
});
