// What people report is kept: a trouble reported (a problem, a fault) is a record that belongs to the
// thing it is with, and a thing reported itself is a record (reportedThings.ts, inlineLists.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const entity = (text: string, name: string) => extractSpec(text).entities.find((e) => e.name === name);

describe('extractor: troubles reported with a thing', () => {
  it('"Tenants report leaks in flats": the leak is a record that belongs to the flat', () => {
    const spec = extractSpec('Tenants report leaks in flats.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('Flat') && names.includes('Leak'), names.join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'Leak' && r.to === 'Flat' && r.kind === 'belongsTo'), JSON.stringify(spec.relations));
    // A trouble named without fields is described and then dealt with.
    assert.deepEqual(entity('Tenants report leaks in flats.', 'Leak')?.fields.map((f) => f.name), ['description', 'status']);
  });

  it('"report faults with a boiler, with a description and a photo": the values are the fault\'s, the boiler its link', () => {
    const text = 'Caretakers can report faults with a boiler, with a description and a photo.';
    assert.deepEqual(entity(text, 'Fault')?.fields.filter((f) => f.sources.length).map((f) => f.name), ['description', 'photo']);
    assert.ok(extractSpec(text).relations.some((r) => r.from === 'Fault' && r.to === 'Boiler'));
  });

  it('a thing flagged or reported itself is a record ("residents can flag broken lifts")', () => {
    assert.ok(entity('Residents can flag broken lifts.', 'Lift'));
    // A person or a value reported is no record.
    assert.deepEqual(extractSpec('Coaches report the time to the organisers.').entities.map((e) => e.name).filter((n) => n === 'Time'), []);
  });
});

describe('extractor: a broken thing reported', () => {
  it('"Members can report damaged kayaks": a fault report that belongs to the kayak; a lost thing reported is the record itself', () => {
    const spec = extractSpec('Members can report damaged kayaks. Kayaks have a colour and a length.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'FaultReport')?.fields.map((f) => f.name), ['description', 'status']);
    assert.ok(spec.relations.some((r) => r.from === 'FaultReport' && r.to === 'Kayak'), JSON.stringify(spec.relations));
    assert.ok(!extractSpec('Finders report lost umbrellas. Each umbrella has a colour.').entities.some((e) => e.name === 'FaultReport'));
    // A trouble named keeps its own name ("report faults with damaged kayaks" has Fault, no FaultReport).
    assert.ok(!extractSpec('Members can report faults with damaged kayaks.').entities.some((e) => e.name === 'FaultReport'));
  });
});
