// What a new user types first: one line naming the app and what it is for. Each reading is a
// general pattern (appPurpose.ts, the counted -ing compound in recordWords.ts, comma-list plurals in
// nlpCorrections.ts, a dash after a title in recordLists.ts, completeEntities' defaults) with the
// sentences it must read and the near-misses it must leave alone.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';

const entitiesOf = (text: string) => extractSpec(text).entities.map((e) => e.name).sort();
const fieldsOf = (text: string, entity: string) => extractSpec(text).entities.find((e) => e.name === entity)?.fields.map((f) => f.name) ?? [];

describe('extractor: first tries (one-line ideas)', () => {
  describe('what an app is for ("an app for parcels and depots")', () => {
    it('reads the plural things an app, website or database is for as records', () => {
      assert.deepEqual(entitiesOf('An app for parcels and depots.'), ['Depot', 'Parcel']);
      assert.deepEqual(entitiesOf('Website about films, actors and studios.'), ['Actor', 'Film', 'Studio']);
      assert.deepEqual(entitiesOf('A database of recipes and their ingredients.'), ['Ingredient', 'Recipe']);
    });

    it('reads them in a title line too ("App for parcels and depots")', () => {
      assert.deepEqual(entitiesOf('App for parcels and depots'), ['Depot', 'Parcel']);
    });

    it('leaves the business ("for a yoga studio", "for our club") and actions ("for managing …") alone', () => {
      assert.deepEqual(entitiesOf('A platform for our climbing club.'), []);
      assert.deepEqual(entitiesOf('An app for a yoga studio.'), []);
      const managed = entitiesOf('An application for managing customers, products and orders.');
      assert.ok(managed.includes('Customer') && !managed.some((name) => /Managing/.test(name)), managed.join(', '));
    });
  });

  it('a record linked below another does not also become its default text field ("recipes and their ingredients")', () => {
    assert.deepEqual(fieldsOf('A database of recipes and their ingredients.', 'Recipe'), ['title', 'instructions']);
    // (Without Ingredient records the recipe keeps its usual ingredients text.)
    assert.ok(fieldsOf('Recipes app. Cooks write recipes.', 'Recipe').includes('ingredients'));
  });

  describe('a counted -ing compound is a thing ("book a ferry crossing")', () => {
    it('makes the compound a record, booked', () => {
      const spec = extractSpec('Passengers book a ferry crossing.');
      assert.ok(spec.entities.some((e) => e.name === 'FerryCrossing'));
      assert.ok(spec.relations.some((r) => r.from === 'Booking' && r.to === 'FerryCrossing'));
      assert.ok(entitiesOf('Anglers book a river crossing each week.').includes('RiverCrossing'));
    });

    it('not a participle that takes an object ("a title displaying the name")', () => {
      assert.ok(!entitiesOf('Show an h1 title displaying the name.').some((name) => /Displaying/.test(name)));
    });
  });

  describe('a comma list of records after a title ("Pet clinic: owners, pets, visits")', () => {
    it('keeps every item, also those the tagger took for verbs', () => {
      assert.deepEqual(entitiesOf('Pet clinic: owners, pets, visits'), ['Owner', 'Pet', 'Visit']);
      assert.deepEqual(entitiesOf('Garage: cars, mechanics, repairs'), ['Car', 'Mechanic', 'Repair']);
      assert.deepEqual(entitiesOf('Clinic: owners, pets, appointments'), ['Appointment', 'Owner', 'Pet']);
    });

    it('reads a dash after the title as the colon, without making the title a record', () => {
      assert.deepEqual(entitiesOf('Pet clinic - owners, pets, visits'), ['Owner', 'Pet', 'Visit']);
      assert.deepEqual(entitiesOf('Pet clinic – owners, pets, visits'), ['Owner', 'Pet', 'Visit']);
    });

    it('a dash over fields still describes one record ("Book - title, author, year")', () => {
      assert.deepEqual(fieldsOf('Book - title, author, year', 'Book'), ['title', 'author', 'year']);
    });
  });

  it('numbers the sentences it did not understand from 1, as everywhere else', () => {
    const warnings = extractSpec('A platform for our climbing club.').warnings.join('\n');
    assert.match(warnings, /Not understood as data, relations or rules: sentence 1\. Review it in the spec\./);
    assert.doesNotMatch(warnings, /: 0\b/);
  });
});
