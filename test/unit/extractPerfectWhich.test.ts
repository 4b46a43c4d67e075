// "which driver has completed which order": "has" before a participle and a determiner ("which",
// "these", "my", "each" …) is the perfect tense of a verb, no list of what the driver has.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { verbLists } from '../../src/core/extract/inlineLists';
import { splitSentences } from '../../src/core/extract/sentences';

const listsIn = (text: string) => {
  const sentence = splitSentences(text).sentences[0];
  return verbLists(sentence, sentence.plain, []).map((l) => l.items.map((i) => i.key));
};

describe('extract fields: "has <participle> which/these/my …" is the perfect tense', () => {
  it('lists nothing after "has delivered which", "has approved these", "have visited my"', () => {
    assert.deepEqual(listsIn('I always know which courier has delivered which parcel.'), []);
    assert.deepEqual(listsIn('The editor sees which author has revised these chapters with a pen.'), []);
    assert.deepEqual(listsIn('The owner counts how many guests have visited my restaurant and their tables.'), []);
  });

  it('makes no field of the participle', () => {
    const couriers = extractSpec('Couriers carry parcels. I always know which courier has delivered which parcel.');
    assert.ok(!couriers.entities.some((e) => e.fields.some((f) => f.name === 'delivered')), JSON.stringify(couriers.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
    const vans = extractSpec('Drivers rent vans. It is important that I know which driver has returned which van with which key.');
    assert.ok(!vans.entities.some((e) => e.fields.some((f) => f.name === 'returned')), JSON.stringify(vans.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
  });

  it('near misses: a participle that describes the values ("has required readings"), and plain values', () => {
    assert.deepEqual(listsIn('A course has selected readings and a code.'), [['selected reading', 'code']]);
    assert.deepEqual(listsIn('Each room has a number and a floor.'), [['number', 'floor']]);
  });
});
