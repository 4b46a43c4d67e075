// What a new user types first: one line naming the app and what it is for. Each reading is a
// general pattern (appPurpose.ts, the counted -ing compound in recordWords.ts, comma-list plurals in
// nlpCorrections.ts, a dash after a title in recordLists.ts, completeEntities' defaults) with the
// sentences it must read and the near-misses it must leave alone.
import * as assert from 'node:assert/strict';
import { extractSpec } from '../../src/core/extract';
import { accountSentences } from '../../src/model/project/accounting';

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
      // (Who an app is for is its audience: "for dog owners", "for teachers to share …", "for small businesses".)
      assert.deepEqual(entitiesOf('A website for dog owners. Owners book walks.'), ['Owner', 'Walk']);
      assert.deepEqual(entitiesOf('A platform for teachers to share lesson plans.'), []);
      assert.deepEqual(entitiesOf('An app for small businesses.'), []);
      assert.deepEqual(entitiesOf('A tool for beginners and experts to track workouts.'), ['Workout']);
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
      // (After a verb a comma list may list verbs: "reviews requests, approves or rejects them".)
      assert.ok(!entitiesOf('The manager reviews requests, approves or rejects them.').some((name) => /Approve|Reject/.test(name)));
    });

    it('reads a dash after the title as the colon, without making the title a record', () => {
      assert.deepEqual(entitiesOf('Pet clinic - owners, pets, visits'), ['Owner', 'Pet', 'Visit']);
      assert.deepEqual(entitiesOf('Pet clinic – owners, pets, visits'), ['Owner', 'Pet', 'Visit']);
    });

    it('a dash over fields still describes one record ("Book - title, author, year")', () => {
      assert.deepEqual(fieldsOf('Book - title, author, year', 'Book'), ['title', 'author', 'year']);
    });
  });

  describe('"has" plural things "with" their values ("The band has songs with a title, key and tempo")', () => {
    it('gives the values to the things after "has", not to the one that has them', () => {
      assert.deepEqual(fieldsOf('The band has songs with a title, key and tempo.', 'Song'), ['title', 'key', 'tempo']);
      assert.deepEqual(fieldsOf('A library has books with a title, author and year.', 'Book'), ['title', 'author', 'year']);
      assert.deepEqual(fieldsOf('A hotel has guest rooms with a number and a price.', 'GuestRoom'), ['number', 'price']);
      assert.ok(!entitiesOf('The band has songs with a title, key and tempo.').includes('Band'));
    });

    it('keeps the link of "each customer has orders with …", and the usual list after a singular', () => {
      const spec = extractSpec('Each customer has orders with a date and a total.');
      assert.deepEqual(spec.entities.find((e) => e.name === 'Order')?.fields.map((f) => f.name), ['date', 'total']);
      assert.ok(spec.relations.some((r) => r.from === 'Order' && r.to === 'Customer'));
      // (A singular after "has" keeps the usual list: "an address with a street …" are the customer's.)
      assert.deepEqual(fieldsOf('Each customer has an address with a street, a city and a postcode.', 'Customer'), ['street', 'city', 'postcode']);
      assert.deepEqual(fieldsOf('Each ticket has a status with a label and a colour.', 'Ticket'), ['label', 'colour']);
      // (A plural the tagger reads as a verb in the sentence, and one value after "with".)
      assert.deepEqual(fieldsOf('A project has tasks with a title and a budget.', 'Task'), ['title', 'budget']);
      assert.deepEqual(fieldsOf('Each customer has orders with a total.', 'Order'), ['total']);
    });
  });

  it('a relative clause\'s list is the values of the noun right before it ("kept in a shelf that has a code and a floor")', () => {
    const spec = extractSpec('Each book is kept in a shelf that has a code and a floor.');
    assert.deepEqual(spec.entities.find((e) => e.name === 'Shelf')?.fields.map((f) => f.name), ['code', 'floor']);
    assert.ok(!spec.entities.find((e) => e.name === 'Book')?.fields.some((f) => f.name === 'code'));
    assert.deepEqual(fieldsOf('Boats are moored at a marina that has a name and a harbour master.', 'Marina'), ['name', 'harbourMaster']);
    // (The subject's own "who have …", and a clause's object with "which have …", are still theirs.)
    assert.deepEqual(fieldsOf('Members borrow books which have a title and an author.', 'Book'), ['title', 'author']);
  });

  it('people kept as records who "are assigned to" pieces of work: each piece has its one person ("Mechanics are assigned to repairs")', () => {
    const links = (text: string) => extractSpec(text).relations.map((r) => `${r.from}->${r.to}`);
    assert.deepEqual(links('Repairs have a price. Mechanics have a name. Mechanics are assigned to repairs.'), ['Repair->Mechanic']);
    assert.deepEqual(links('Tasks have a title. Volunteers have a phone number. Volunteers are assigned to tasks.'), ['Task->Volunteer']);
    // (A group is joined, not done: each player is in one team.)
    assert.deepEqual(links('Teams have a name. Players have a name. Players are assigned to teams.'), ['Player->Team']);
    // (Nor what many are assigned to together: classes, projects.)
    assert.deepEqual(links('Classes have a name. Students have a name. Students are assigned to classes.'), ['Student->Class']);
    assert.deepEqual(links('Projects have a name. Employees have a name. Employees are assigned to projects.'), ['Employee->Project']);
  });

  it('an opening sentence that only says whose app it is is context, not a sentence it failed to read', () => {
    for (const text of ['A small app for our allotment association. Members rent plots.', 'We run a bike repair shop. Customers drop off bikes for repair.']) {
      const accounts = accountSentences(extractSpec(text));
      assert.equal(accounts[0].status, 'context', text);
      assert.equal(accounts[1].status, 'mapped', text);
    }
    // (Later in the text, or with more in it, such a sentence is read as any other.)
    const later = accountSentences(extractSpec('Members rent plots. Each plot has a size. We run a bike repair shop.'));
    assert.notEqual(later[2].status, 'context');
    assert.notEqual(accountSentences(extractSpec('An app for our club where members rent plots and report problems with them.'))[0].status, 'context');
    assert.notEqual(accountSentences(extractSpec('An app for the staff to log overtime hours. Staff have a name.'))[0].status, 'context');
  });

  it('numbers the sentences it did not understand from 1, as everywhere else', () => {
    const warnings = extractSpec('It should be colourful and fast, please.').warnings.join('\n');
    assert.match(warnings, /Not understood as data, relations or rules: sentence 1\. Review it in the spec\./);
    assert.doesNotMatch(warnings, /: 0\b/);
  });
});
