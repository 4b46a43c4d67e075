// "the injured runners", "repeated tests", "either two carports", "a deck of cards" where runners,
// tests, carports and decks are records: a link to those records, never a value named after them.
// (A noun before the record's name names a kind of value: "delivery addresses" stays a field.)
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const fieldsOf = (spec: ReturnType<typeof extractSpec>, entity: string) => spec.entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];
const linked = (spec: ReturnType<typeof extractSpec>, a: string, b: string) => spec.relations.some((r) => (r.from === a && r.to === b) || (r.from === b && r.to === a));

describe('extract fields: records named with words that say which ones are links', () => {
  it('"the injured runners", "repeated tests", "either two carports": records after an adjective, a participle or a number', () => {
    const race = extractSpec('Races have runners. Each runner has a name and a club. Each race records the injured runners and the weather.');
    assert.ok(!fieldsOf(race, 'Race').includes('injuredRunners') && linked(race, 'Race', 'Runner'), JSON.stringify(race.entities.map((e) => [e.name, e.fields.map((f) => f.name)])));
    const lab = extractSpec('Each requisition has repeated tests and a date. Each test has a name and a duration.');
    assert.deepEqual(fieldsOf(lab, 'Requisition'), ['date']);
    assert.ok(linked(lab, 'Requisition', 'Test'));
    const house = extractSpec('Each house has an address and either two carports or a garage. Each carport has a roof type and a width.');
    assert.ok(!fieldsOf(house, 'House').includes('twoCarports') && linked(house, 'House', 'Carport'), JSON.stringify(fieldsOf(house, 'House')));
  });

  it('"a deck of cards" where decks are records: a link to the deck', () => {
    const game = extractSpec('A game has a deck of cards and a board. Each deck has a colour and a size.');
    assert.deepEqual(fieldsOf(game, 'Game'), ['board']);
    assert.ok(game.relations.some((r) => r.from === 'Game' && r.to === 'Deck'), JSON.stringify(game.relations));
  });

  it('near misses: a noun before the record ("delivery addresses"), and a participle before no record ("selected readings")', () => {
    assert.deepEqual(fieldsOf(extractSpec('Each customer has delivery addresses and a name. Each address has a street and a city.'), 'Customer'), ['deliveryAddresses', 'name']);
    assert.deepEqual(fieldsOf(extractSpec('A course has selected readings and a code.'), 'Course'), ['selectedReadings', 'code']);
  });
});
