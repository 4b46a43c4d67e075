// Links read through pronouns: which noun a subject pronoun stands for, and what an object pronoun
// leaves unlinked. Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor links through pronouns', () => {
  it("'samples are stored on one rack if they belong to a batch': 'they' stands for the many samples, not the one rack named last", () => {
    const samples = pairs('Several samples can be stored on one rack but only if they belong to the same batch. Samples have a code. A rack has a number. A batch has a date.');
    assert.ok(samples.includes('Sample->Batch'), samples.join(', '));
    assert.ok(!samples.includes('Rack->Batch'), samples.join(', '));
    const parcels = pairs('Many parcels are loaded onto a truck when they belong to one route. Parcels have a weight. A truck has a plate. A route has a name.');
    assert.ok(parcels.includes('Parcel->Route'), parcels.join(', '));
    assert.ok(!parcels.includes('Truck->Route'), parcels.join(', '));
    const invoices = pairs('Invoices are grouped in a batch if they relate to one supplier. Invoices have a number. A batch has a date. A supplier has a name.');
    assert.ok(invoices.includes('Invoice->Supplier'), invoices.join(', '));
    assert.ok(!invoices.includes('Batch->Supplier'), invoices.join(', '));
  });

  it("'a patient is admitted to a ward if they belong to the clinic': 'they' may stand for one person", () => {
    const rels = pairs('A patient is admitted to a ward only if they belong to the clinic. Patients have a name. A ward has a number. A clinic has an address.');
    assert.ok(rels.includes('Patient->Clinic'), rels.join(', '));
    assert.ok(!rels.includes('Ward->Clinic'), rels.join(', '));
  });

  it("'cars are parked in a garage when it belongs to the hotel': 'it' stands for the one garage, not the many cars", () => {
    const rels = pairs('Cars are parked in a garage when it belongs to the hotel. Cars have a plate. A garage has a capacity. A hotel has a name.');
    assert.ok(rels.includes('Garage->Hotel'), rels.join(', '));
    assert.ok(!rels.includes('Car->Hotel'), rels.join(', '));
  });

  it("'the coach links them to a team', 'the designer connects them with connectors': the subject acts on what 'them' stands for and is linked to neither place", () => {
    const coach = pairs('The coach links them to a team. Coaches have a name. A team has a name.');
    assert.ok(!coach.includes('Coach->Team'), coach.join(', '));
    const designer = pairs('The designer places the tiles on the board and connects them with connection pieces. Designers have a name. Tiles have a color. A board has a size. Connection pieces have a length.');
    assert.ok(!designer.includes('Designer->ConnectionPiece'), designer.join(', '));
    assert.ok(designer.includes('Tile->Board'), designer.join(', '));
    // (Without the pronoun the subject itself is linked.)
    const linked = pairs('Each coach is linked to a team. Coaches have a name. A team has a name.');
    assert.ok(linked.includes('Coach->Team'), linked.join(', '));
  });
});

describe('extractor links of what a story role receives', () => {
  it("'As a customer, I want to receive a personal discount': what the role's 'I' receives, earns or obtains in its want is the role's own", () => {
    const discount = pairs('As a customer, I want to receive a personal discount on products. Customers have a name and an email. A discount has a percentage.');
    assert.ok(discount.includes('Discount->Customer'), discount.join(', '));
    const badges = pairs('As a player, I want to earn badges when I win a match. Players have a nickname and a level. A badge has a title.');
    assert.ok(badges.includes('Badge->Player'), badges.join(', '));
    const message = pairs('As a guardian, I want to be alerted when I receive a message. Guardians have a name and a phone. A message has a text and a date.');
    assert.ok(message.includes('Message->Guardian'), message.join(', '));
  });

  it("'… so that I receive a voucher', 'I want to get recipes based on …': neither the benefit nor a 'get' of being shown things is a receipt", () => {
    const benefit = pairs('As a member, I want to renew my subscription early, so that I receive a voucher. Members have a name and a card number. A voucher has a code. A subscription has an end date.');
    assert.ok(!benefit.includes('Voucher->Member'), benefit.join(', '));
    const shown = pairs('As a cook, I want to get recipes based on the products I like. Cooks have a name and a level. A recipe has a title and a duration.');
    assert.ok(!shown.includes('Recipe->Cook'), shown.join(', '));
  });
});
