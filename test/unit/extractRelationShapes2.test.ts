// Relation shapes of English the extractor reads (or must not over-read), one test per shape.
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
const linked = (rels: string[], a: string, b: string) => rels.includes(`${a}->${b}`) || rels.includes(`${b}->${a}`);

describe('extractor relation shapes (2)', () => {
  it("a phrase after a part describes that part, not the whole ('a kit consists of a box of screws and a leaflet')", () => {
    const text = 'A kit has a code and a price. A kit consists of a box of screws and a leaflet. A box has a size. Screws have a length and a thread. A leaflet has a language.';
    const rels = pairs(text);
    assert.ok(linked(rels, 'Box', 'Kit') && linked(rels, 'Leaflet', 'Kit'), JSON.stringify(rels));
    assert.ok(!linked(rels, 'Screw', 'Kit'), JSON.stringify(rels));
  });

  it("an active 'assigns X to Y' puts X on Y: the one who assigns is not part of Y", () => {
    const text = 'A clerk has a name and a badge number. A label has a colour. A parcel has a weight. The clerk assigns a label to the parcel at the counter.';
    const rels = pairs(text);
    assert.ok(!linked(rels, 'Clerk', 'Parcel'), JSON.stringify(rels));
  });

  it("'is assigned a locker for his visit': the visit describes the locker, the guest is not part of it", () => {
    const text = 'A guest has a name and a phone number. A locker has a number and a size. A visit has a date and a duration. Each guest is assigned a locker for his visit.';
    const rels = pairs(text);
    assert.ok(linked(rels, 'Guest', 'Locker'), JSON.stringify(rels));
    assert.ok(!linked(rels, 'Guest', 'Visit'), JSON.stringify(rels));
  });

  it("a verb's place written with a possessive ('to the client's home address') is the place, not its owner", () => {
    const text = "A courier has a name and a van number. A client has a name and a phone. A parcel has a weight. The courier arranges delivery of the parcel to the client's home address.";
    const rels = pairs(text);
    assert.ok(!linked(rels, 'Courier', 'Client'), JSON.stringify(rels));
  });

  it("a compound the text names as a kind ('container ships are special ships') is a kind of its head, no link to its modifier", () => {
    const text = 'A ship has a name and a tonnage. A container has a code and a weight. Container ships are special ships that carry only containers. The number of bays is stored for these ships.';
    const rels = pairs(text);
    assert.ok(!linked(rels, 'Ship', 'Container'), JSON.stringify(rels));
  });

  it("a passive act the model keeps no record of is a plain link ('a voucher can be applied to any booking')", () => {
    const text = 'A voucher has a code and an amount. A booking has a date and a price. A voucher can be applied to any booking.';
    const rels = pairs(text);
    assert.ok(linked(rels, 'Voucher', 'Booking'), JSON.stringify(rels));
  });

  it("what a person who signs in owns is theirs ('each landlord owns several flats' -> Flat.landlord)", () => {
    const spec = extractSpec('Landlords and tenants log in. Each landlord owns several flats. A flat has a number and a monthly rent.');
    const link = spec.relations.find((r) => r.from === 'Flat' && r.to === 'User');
    assert.equal(link?.name, 'landlord', JSON.stringify(spec.relations));
  });

  it("after a possessive, 'own' is no verb ('tenants see their own invoices' links nothing by owning)", () => {
    const rels = extractSpec('Landlords and tenants log in. An invoice has an amount and a due date. Tenants see their own invoices.').relations;
    assert.ok(!rels.some((r) => r.from === 'Invoice' && r.name === 'tenant'), JSON.stringify(rels));
  });

  it("'the coach makes a formal offer for the player': after a light verb the phrase describes the offer, no coach–player link", () => {
    const rels = pairs('A coach has a name and a licence. A player has a name and a position. Each season the coach makes a formal offer for the player.');
    assert.ok(!linked(rels, 'Coach', 'Player'), JSON.stringify(rels));
  });
});
