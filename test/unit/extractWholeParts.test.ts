// Whole-part statements (wholeParts.ts) and the entity evidence they give (partsOfWholes).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { analyze } from '../../src/core/extract/grammar';
import { partsOfWholes } from '../../src/core/extract/nlpEvidence';
import { wholePartsOf } from '../../src/core/extract/wholeParts';

const read = (text: string) => wholePartsOf(analyze(text)).map((w) => `${w.whole.key}: ${w.parts.map((p) => p.key).join(', ')}`);

describe('extractor: whole-part statements', () => {
  it('reads what a whole is made of, as prepositions or objects ("consists of", "comprises")', () => {
    assert.deepEqual(read('A kayak consists of a hull, two paddles and a rudder.'), ['kayak: hull, paddle, rudder']);
    assert.deepEqual(read('Each tour comprises several stops.'), ['tour: stop']);
    // A material is no part: it has no article, number or plural.
    assert.deepEqual(read('The bench is made of oak.'), []);
  });

  it('reads parts put into or onto a whole, and what a counted whole is connected to', () => {
    assert.deepEqual(read('Four legs are attached to each table.'), ['table: leg']);
    assert.deepEqual(read('Every drone can be connected to a base station.'), ['drone: base station']);
    // Not said of counted things, or denied: no statement.
    assert.deepEqual(read('Power is connected to mains.'), []);
    assert.deepEqual(read('A sensor is not attached to a wall.'), []);
  });

  it('makes the whole and each stored part strong candidates', () => {
    const found: Record<string, [number, boolean]> = {};
    partsOfWholes({ ...analyze('Two wheels are inserted into each frame.'), peopleAreRecords: true }, (key, score, strong = false) => (found[key] = [score, strong]));
    assert.deepEqual(found, { frame: [2, true], wheel: [2, true] });
  });

  it('keeps the parts a description names as records linked to their whole', () => {
    const spec = extractSpec('Our shop assembles scooters. A scooter is composed of a deck, a motor and a battery. Two wheels are mounted on each deck. Each scooter has a serial number and a colour. Customers order scooters online.');
    const names = spec.entities.map((e) => e.name);
    assert.ok(['Scooter', 'Deck', 'Motor', 'Battery', 'Wheel'].every((n) => names.includes(n)), names.join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'Wheel' && r.to === 'Deck'), JSON.stringify(spec.relations.map((r) => `${r.from}->${r.to}`)));
  });

  it('many of a part are records even where the sentence also reads as the whole\'s field list ("consists of any number of bays")', () => {
    const spec = extractSpec('A haulier runs several depots. Each depot has a name and an address. A depot consists of any number of loading bays. Drivers collect parcels from a depot. Each parcel has a weight and a barcode.');
    assert.ok(spec.entities.some((e) => e.name === 'LoadingBay'), spec.entities.map((e) => e.name).join(', '));
    assert.ok(spec.relations.some((r) => r.from === 'LoadingBay' && r.to === 'Depot'), JSON.stringify(spec.relations.map((r) => `${r.from}->${r.to}`)));
  });

  it('"decomposed into" and "partitioned into" say what a whole is made of, so the parts belong to the whole', () => {
    assert.deepEqual(read('A campaign is decomposed into several phases.'), ['campaign: phase']);
    assert.deepEqual(read('Each warehouse is partitioned into zones.'), ['warehouse: zone']);
    const spec = extractSpec('Programmes are decomposed into work packages. A work package has a name and a budget.');
    assert.deepEqual(spec.relations.map((r) => `${r.from}->${r.to}`), ['WorkPackage->Programme']);
  });
});
