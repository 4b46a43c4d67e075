// "some clubs are related to each other", "the mentoring relationship between employees": a record
// linked to others of its own kind (selfLinks.ts), a many-to-many of the record with itself; "a
// region has a name and a parent region": an optional link to another of its kind (applyFields.linkByHead).
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}:${r.kind}`);

describe('extractor relations: a record linked to its own kind', () => {
  it("'Xs are related to each other' links the record with itself", () => {
    const rels = links('Clubs have a name and a city. Players have a name. Each player belongs to a club. Some clubs are related to each other.');
    assert.ok(rels.includes('Club->Club:manyToMany'), JSON.stringify(rels));
  });

  it("'the (mentoring) relationship between Xs' links the record with itself; 'between Xs and Ys' does not", () => {
    const rels = links('Nurses have a name and a ward. The mentoring relationship between nurses is recorded.');
    assert.ok(rels.includes('Nurse->Nurse:manyToMany'), JSON.stringify(rels));
    const two = links('Nurses have a name and a ward. Doctors have a name. The relationship between nurses and doctors is recorded.');
    assert.ok(!two.some((r) => r.startsWith('Nurse->Nurse') || r.startsWith('Doctor->Doctor')), JSON.stringify(two));
  });

  it('people competing against each other are no stored link', () => {
    const rels = links('Players have a name and a score. Players compete against each other for the high score.');
    assert.ok(!rels.some((r) => r.startsWith('Player->Player')), JSON.stringify(rels));
  });

  it("'a region has a name and a parent region' is an optional link to another region; 'a daily note has a meal note' is no link", () => {
    const spec = extractSpec('Regions have a name and a parent region. Stores have a name and an address. Each store belongs to a region.');
    const self = spec.relations.find((r) => r.from === 'Region' && r.to === 'Region');
    assert.ok(self && self.name === 'parentRegion' && !self.required, JSON.stringify(spec.relations));
    assert.ok(!spec.entities.find((e) => e.name === 'Region')!.fields.some((f) => f.name === 'parentRegion'));
    const notes = links('Notes have a date and a text. Each note has a meal note and a sleep note.');
    assert.ok(!notes.some((r) => r.startsWith('Note->Note')), JSON.stringify(notes));
  });
});
