// "Parts fitted during a repair are logged with a quantity": things a participle places on one record,
// which the sentence goes on to describe, are records of their own, linked to that record — also for
// a word the word lists keep out ("part", as in spare parts), once the text's structure shows it is kept
// (structuralRecords.ts PLACED_AND_KEPT, reducedRelatives.ts placedOnRecordEvidence). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const read = (text: string) => {
  const spec = extractSpec(text);
  return {
    fields: Object.fromEntries(spec.entities.map((e) => [e.name, e.fields.map((f) => f.name)])),
    links: spec.relations.map((r) => `${r.from}->${r.to}`),
  };
};

describe('extract: things placed on a record and kept with values ("parts fitted during a repair …")', () => {
  it('are records linked to that record, even with one value', () => {
    const { fields, links } = read('Bike workshop. Mechanics carry out repairs on bikes. Parts fitted during a repair are logged with a quantity.');
    assert.deepEqual(fields.Part, ['quantity']);
    assert.ok(links.includes('Part->Repair'), links.join(', '));
  });

  it('also with a word no list keeps out ("components")', () => {
    const { fields, links } = read('Drone lab. Engineers build drones. Components mounted on a drone are stored with a serial number.');
    assert.deepEqual(fields.Component, ['serialNumber']);
    assert.ok(links.includes('Component->Drone'), links.join(', '));
  });

  it('leave "a part of" something alone', () => {
    assert.ok(!read('Essay helper. Students write essays. A part of each essay is the introduction.').fields.Part);
  });
});
