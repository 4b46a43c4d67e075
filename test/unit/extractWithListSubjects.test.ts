// A subject with a "with" list of its values, then its verb: "Members with a name and a phone book
// boats". The tagger joins the list's last noun and the verb into a compound ("phone book"), and
// the noun nearest the verb is no subject: the one before "with" is (withListVerbs.ts, grammar.ts).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { tagSentence } from '../../src/core/extract/nlp';
import { analyze } from '../../src/core/extract/grammar';

const pos = (text: string, word: string) => tagSentence(text).find((t) => t.w === word)?.pos;
const links = (text: string) =>
  extractSpec(text)
    .relations.map((r) => `${r.from}->${r.to}`)
    .sort();
const fields = (text: string, entity: string) =>
  extractSpec(text)
    .entities.find((e) => e.name === entity)
    ?.fields.map((f) => f.name)
    .sort();

describe('extract: a subject with a "with" list before its verb', () => {
  it('the word after the list that the tagger joined to its last noun is the verb', () => {
    assert.equal(pos('Members with a name and a phone book boats.', 'book'), 'verb');
    assert.equal(pos('Tenants with a parking permit rent garages.', 'rent'), 'verb');
    assert.equal(pos('Samples with a barcode belong to a patient.', 'belong'), 'verb');
    assert.equal(pos('Hives with a label belong to an apiary, and inspections with a date belong to a hive.', 'belong'), 'verb');
    // (The first "-s" word read as a verb is then the plural subject.)
    assert.equal(pos('Boats with a name belong to a club.', 'boats'), 'noun');
  });

  it('leaves compounds that end the list, or a clause that has its own verb', () => {
    // (Nothing after the compound: no verb wanted.)
    assert.equal(pos('Tickets with a seat number and a price.', 'number'), 'noun');
    // (A preposition other than "to" after it: "a price list from suppliers" is the list's compound.)
    assert.equal(pos('Products with a price list from suppliers.', 'list'), 'noun');
    // (The clause has its verb already.)
    assert.equal(pos('Members with a phone book are listed.', 'book'), 'noun');
  });

  it('the noun before "with" is the subject of the verb after the list', () => {
    const clause = analyze('Inspections with a date belong to a hive.').clauses[0];
    assert.equal(clause?.subject?.key, 'inspection');
    assert.equal(analyze('Drivers with a licence, a phone and an address can hire vans.').clauses[0]?.subject?.key, 'driver');
    // (Not when the list is no subject's: "walk the aisles with their scanners, take units" continues the operatives' acts;
    // nor across a preposition before the verb: "a valid from date".)
    assert.notEqual(analyze('Pickers walk the aisles with their scanners, take parcels out of crates.').clauses[1]?.subject?.key, 'aisle');
    assert.notEqual(analyze('A permit with a number, a valid from date and a fee.').clauses[0]?.subject?.key, 'permit');
  });

  it('links the records and keeps the list as values', () => {
    assert.deepEqual(links('Inspections with a date belong to a hive.'), ['Inspection->Hive']);
    assert.deepEqual(links('Hives with a label belong to an apiary, and inspections with a date belong to a hive.'), ['Hive->Apiary', 'Inspection->Hive']);
    assert.deepEqual(links('Boats with a name belong to a club.'), ['Boat->Club']);
    const booking = 'Members with a name and a phone book boats.';
    assert.deepEqual(fields(booking, 'Member'), ['name', 'phone']);
    assert.ok(links(booking).includes('Booking->Boat'), links(booking).join(', '));
  });
});
