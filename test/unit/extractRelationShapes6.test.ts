// Relation shapes of English the extractor reads (or must not over-read), one test per shape (sixth set).
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const pairs = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);

describe('extractor relation shapes (6)', () => {
  it("'each workshop is run by one tutor': a participle the tagger reads as a noun (run, set, cut) is still a passive before 'by'", () => {
    const rels = pairs('Each workshop is run by one tutor. Tutors have a name and a phone number. A workshop has a title and a date.');
    assert.ok(rels.includes('Workshop->Tutor'), rels.join(', '));
  });

  it("'tenants report leaks in their flats': 'their' is the subject's (the tenants'), not the object's; the leak is in a flat", () => {
    const rels = pairs('Tenants report leaks in their flats. Each flat has a number and a floor. A leak has a description and a date.');
    assert.ok(!rels.includes('Flat->Leak'), rels.join(', '));
    assert.ok(rels.includes('Leak->Flat'), rels.join(', '));
  });

  it("'convoys are made up of trucks': 'made up of' (read by the tagger as two verbs) says what the whole is made of", () => {
    const rels = pairs('Convoys are made up of trucks. Each truck has a plate and a load. Convoys have a route name and a departure date.');
    assert.ok(rels.includes('Truck->Convoy'), rels.join(', '));
  });

  it("'a table is reserved for a dinner for the wedding': a second 'for' right after the first one's noun describes that noun, not the subject", () => {
    const rels = pairs('A table is reserved for a dinner for the wedding. Tables have a number and a size. Each dinner has a date and a menu. Each wedding has a couple name and a venue.');
    assert.ok(rels.includes('Table->Dinner'), rels.join(', '));
    assert.ok(rels.includes('Dinner->Wedding'), rels.join(', '));
    assert.ok(!rels.includes('Table->Wedding'), rels.join(', '));
  });

  it("'a question about a lecture', 'reviews about products': what a record is about is the record it belongs to", () => {
    const story = pairs('As a student, I want to ask a question about a lecture. A lecture has a date and a room. A question has a text.');
    assert.ok(story.includes('Question->Lecture'), story.join(', '));
    const reviews = pairs('Guests write reviews about hotels. A review has a rating and a text. Hotels have a name and a city. Guests have a name and an email.');
    assert.ok(reviews.includes('Review->Hotel'), reviews.join(', '));
  });

  it("'couriers pick up parcels by scanning their badges': after 'by' + an -ing verb, 'their' is still the main subject's", () => {
    const rels = pairs('Couriers pick up parcels by scanning their badges. Each parcel has a weight. A badge has a code. Couriers have a name.');
    assert.ok(rels.includes('Badge->Courier'), rels.join(', '));
    assert.ok(!rels.includes('Badge->Parcel'), rels.join(', '));
  });

  it("'each delivery has a date and a driver assigned': a record named in a field list with a participle after it is a link, not a field", () => {
    const spec = extractSpec('Each delivery has a date, an address and a driver assigned. Drivers have a name and a phone.');
    const rels = spec.relations.map((r) => `${r.from}->${r.to}`);
    assert.ok(rels.includes('Delivery->Driver'), rels.join(', '));
    const delivery = spec.entities.find((e) => e.name === 'Delivery');
    assert.ok(!delivery?.fields.some((f) => /driver/i.test(f.name)), JSON.stringify(delivery?.fields.map((f) => f.name)));
  });
});
