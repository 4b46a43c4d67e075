// What people who sign in own, said with a quantity phrase or by a role of two words.
// Each test owns its text: sentences written for the test, not taken from a corpus.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to} (${r.name})`);

describe('extract: what people own, with a quantity or a two-word role', () => {
  it("'own a number of flats' is owning several: each flat belongs to its landlord", () => {
    const rels = links('Landlords sign in. Every landlord can own a number of flats. A flat has an address.');
    assert.ok(rels.includes('Flat->User (landlord)'), rels.join('; '));
  });

  it("'every business owner can own several restaurants' names one person in a role, not a business and an owner", () => {
    const rels = links('Business owners and customers sign in. Every business owner can own several restaurants. A restaurant has a name and an address.');
    assert.ok(rels.includes('Restaurant->User (businessOwner)'), rels.join('; '));
    assert.ok(!rels.some((r) => r.startsWith('Restaurant->Business ')), rels.join('; '));
  });
});

describe('extract: a record named in a list with a clause about the person', () => {
  it("'the club he or she plays for' in a list of a player's details is a link to the club", () => {
    const rels = links('For each player we store a name, a shirt number and the club he or she plays for. A club has a name and a city.');
    assert.ok(rels.includes('Player->Club (club)'), rels.join('; '));
  });
});
