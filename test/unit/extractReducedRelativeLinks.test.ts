// "Photos taken on a trip are saved with a caption", "seeds planted in a bed have a variety": a
// participle and its preposition right after a noun describe that noun (a reduced relative clause).
// The noun after the preposition is not the subject of the verb that follows, nor the owner of the
// values listed; the described records belong to it. Sentences of our own (reducedRelatives.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';

const read = (text: string) => {
  const spec = extractSpec(text);
  return {
    fields: Object.fromEntries(spec.entities.map((e) => [e.name, e.fields.map((f) => f.name)])),
    links: spec.relations.map((r) => `${r.from}->${r.to}`),
  };
};

describe('extract: reduced relative clauses ("photos taken on a trip …")', () => {
  it('give the verb after them the described noun as its subject', () => {
    const { clauses } = analyze('Recordings made in a studio are kept with a length.');
    assert.equal(clauses.find((c) => c.verb === 'keep')?.subject?.key, 'recording');
  });

  it('link the described records to the one they are placed on, and give them the values', () => {
    const hiking = read('Hiking club. Walkers plan hikes. Sketches drawn on a hike are saved with a caption.');
    assert.ok(hiking.links.includes('Sketch->Hike'), hiking.links.join(', '));
    assert.deepEqual(hiking.fields.Sketch, ['caption']);
    const garden = read('Allotment planner. Gardeners rent beds. Bulbs planted in a bed have a variety and a colour.');
    assert.ok(garden.links.includes('Bulb->Bed'), garden.links.join(', '));
    assert.deepEqual(garden.fields.Bulb, ['variety', 'colour']);
    assert.ok(!garden.fields.Bed?.includes('variety'), JSON.stringify(garden.fields));
  });

  it('give the values to a noun with no plural -s too ("crew assigned to a vessel have …")', () => {
    const { fields } = read('Ferry operator. Crew assigned to a vessel have a call sign and a rank. Each vessel has a name.');
    assert.deepEqual(fields.Crew, ['callSign', 'rank']);
    assert.deepEqual(fields.Vessel, ['name']);
  });

  it('leave a plain past tense alone ("volunteers worked on a project")', () => {
    const { clauses } = analyze('Volunteers worked on a project last spring.');
    assert.equal(clauses[0]?.subject?.key, 'volunteer');
  });
});
