// "Truck fleets have trucks": a collective head (fleet, chain, network…) groups the things its
// modifier names, so the compound is the record's name ("TruckFleet"), not a Fleet with trucks
// linked to it by its modifier (chooseEntities.ts mergeCompounds). Sentences of our own.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

describe('extract: compounds with a collective head', () => {
  it('keep their whole name when the modifier is a record too', () => {
    const spec = extractSpec('Haulage portal. Truck fleets have trucks. Each truck has a plate and a capacity. Each truck fleet has a depot.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(names.includes('TruckFleet') && !names.includes('Fleet'), names.join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'Truck' && r.to === 'TruckFleet'), JSON.stringify(spec.relations));
  });
});
