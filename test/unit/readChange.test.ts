import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readChange } from '../../src/core/change';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { validateSpec } from '../../src/model/project/specIndex';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const load = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
const events = load('events');
const library = load('library');

/** Reads the change, checks the result is a valid spec, and returns it. */
function change(spec: ProjectSpec, text: string) {
  const reading = readChange(spec, text);
  assert.ok(ProjectSpec.safeParse(reading.spec).success, 'the changed spec parses');
  assert.deepEqual(validateSpec(reading.spec), [], `the changed spec validates: ${text}`);
  return reading;
}
const entity = (spec: ProjectSpec, name: string) => spec.entities.find((e) => e.name === name);
const field = (spec: ProjectSpec, e: string, f: string) => entity(spec, e)?.fields.find((x) => x.name === f);

describe('readChange: a change in plain words against the current spec', () => {
  it('adds a field to an entity named in the plural, with its type from its words', () => {
    for (const [spec, text, on, name, type] of [
      [events, 'add a phone number to attendees', 'Attendee', 'phoneNumber', 'string'],
      [events, 'Please add a website to each event.', 'Event', 'website', 'url'],
      [library, 'Add an optional publication date to books', 'Book', 'publicationDate', 'date'],
      [library, 'add a rating between 1 and 5 to the books', 'Book', 'rating', 'integer'],
    ] as const) {
      const reading = change(spec, text);
      assert.equal(field(reading.spec, on, name)?.type, type, text);
      assert.deepEqual(reading.notUnderstood, [], text);
      assert.match(reading.applied.join('\n'), new RegExp(`${on} gains ${name} \\(${type}`), text);
    }
    assert.deepEqual([field(change(library, 'add a rating between 1 and 5 to the books').spec, 'Book', 'rating')?.min, field(change(library, 'add a rating between 1 and 5 to the books').spec, 'Book', 'rating')?.max], [1, 5]);
  });

  it('reads a stated need as an added field ("members need …", "loans also have …")', () => {
    const attendees = change(events, 'Attendees need a phone number and an optional birthday.');
    assert.equal(field(attendees.spec, 'Attendee', 'phoneNumber')?.type, 'string');
    assert.equal(field(attendees.spec, 'Attendee', 'birthday')?.type, 'date');
    const loans = change(library, 'Loans also have a renewal count.');
    assert.equal(field(loans.spec, 'Loan', 'renewalCount')?.type, 'integer');
  });

  it('adds an enum field with the values listed after a colon or in brackets', () => {
    const registrations = change(events, 'Registrations need a payment status: pending, paid or refunded.');
    assert.deepEqual(field(registrations.spec, 'Registration', 'paymentStatus')?.enumValues, ['pending', 'paid', 'refunded']);
    const books = change(library, 'add a condition (new, good, worn) to books');
    assert.deepEqual(field(books.spec, 'Book', 'condition')?.enumValues, ['new', 'good', 'worn']);
  });

  it('adds a new entity with its fields, linked to the entity it is added to', () => {
    for (const [spec, text, parent] of [
      [library, 'add reviews with a rating and a comment to books', 'Book'],
      [events, 'Add reviews with a rating (1-5) and a comment to events.', 'Event'],
    ] as const) {
      const reading = change(spec, text);
      assert.deepEqual(entity(reading.spec, 'Review')?.fields.map((f) => f.name), ['rating', 'comment'], text);
      assert.equal(field(reading.spec, 'Review', 'comment')?.type, 'text');
      assert.ok(reading.spec.relations.some((r) => r.kind === 'belongsTo' && r.from === 'Review' && r.to === parent), text);
      assert.ok(reading.spec.pages.some((p) => p.entity === 'Review'), 'pages follow the new entity');
    }
  });

  it('adds a standalone entity ("add suppliers with …", "add a Publisher entity with …")', () => {
    const suppliers = change(events, 'add suppliers with a name and an email');
    assert.deepEqual(entity(suppliers.spec, 'Supplier')?.fields.map((f) => [f.name, f.type]), [['name', 'string'], ['email', 'email']]);
    const publishers = change(library, 'Add a Publisher entity with a name and a country.');
    assert.deepEqual(entity(publishers.spec, 'Publisher')?.fields.map((f) => f.name), ['name', 'country']);
  });

  it('reads "X can have many Y" as a has-many link, making Y when the spec has none', () => {
    const addresses = change(events, 'Attendees can have many addresses.');
    assert.ok(entity(addresses.spec, 'Address'));
    assert.ok(addresses.spec.relations.some((r) => r.from === 'Address' && r.to === 'Attendee' && r.kind === 'belongsTo'));
    const loans = change(library, 'A genre may have several loans');
    assert.ok(loans.spec.relations.some((r) => r.from === 'Loan' && r.to === 'Genre'), loans.applied.join('\n'));
    assert.equal(loans.spec.entities.length, library.entities.length, 'no entity is made for a record that exists');
  });

  it('removes a field, a link or an entity', () => {
    const venue = change(events, 'remove the venue field from events');
    assert.equal(field(venue.spec, 'Event', 'venue'), undefined);
    assert.match(venue.applied[0], /Event loses venue/);
    const two = change(events, 'Drop the ticket code and the status from registrations.');
    assert.deepEqual(entity(two.spec, 'Registration')?.fields, []);
    assert.ok(!two.spec.rules.some((r) => r.kind === 'unique' && r.entity === 'Registration'), 'the rule that read the field goes with it');
    const website = change(library, 'Books no longer need a website.');
    assert.equal(field(website.spec, 'Book', 'website'), undefined);
    const genres = change(library, 'delete the genres entity');
    assert.equal(entity(genres.spec, 'Genre'), undefined);
    assert.ok(!genres.spec.relations.some((r) => r.to === 'Genre'));
    const link = change(library, 'remove the genres from books');
    assert.ok(entity(link.spec, 'Genre') && !link.spec.relations.some((r) => r.kind === 'manyToMany'));
  });

  it('renames an entity (relations and rules follow) and a field', () => {
    const guests = change(events, 'rename attendees to guests');
    assert.ok(entity(guests.spec, 'Guest') && !entity(guests.spec, 'Attendee'));
    assert.ok(guests.spec.relations.some((r) => r.from === 'Registration' && r.to === 'Guest'));
    const borrowings = change(library, 'Loans should be called borrowings.');
    assert.ok(borrowings.spec.rules.some((r) => r.entity === 'Borrowing' && r.kind === 'capacity'));
    const homepage = change(library, 'rename the website of books to homepage');
    assert.equal(field(homepage.spec, 'Book', 'homepage')?.type, 'url');
    const code = change(events, "Rename the registration's ticket code to badge code.");
    assert.ok(code.spec.rules.some((r) => r.kind === 'unique' && r.fields.includes('badgeCode')));
  });

  it('makes a field required, optional or another type', () => {
    const optional = change(events, 'make the venue of events optional');
    assert.equal(field(optional.spec, 'Event', 'venue')?.required, false);
    assert.match(optional.applied[0], /Event\.venue is now optional/);
    const required = change(library, 'The website of books must be required.');
    assert.equal(field(required.spec, 'Book', 'website')?.required, true);
    const decimal = change(events, 'change the capacity of events to a decimal');
    assert.equal(field(decimal.spec, 'Event', 'capacity')?.type, 'decimal');
  });

  it('drops the uniqueness rule with the flag ("not unique")', () => {
    const reading = change(events, 'make the ticket code of registrations not unique');
    assert.equal(field(reading.spec, 'Registration', 'ticketCode')?.unique, false);
    assert.ok(!reading.spec.rules.some((r) => r.kind === 'unique' && r.entity === 'Registration'));
    const unique = change(library, 'Make the title of books unique.');
    assert.equal(field(unique.spec, 'Book', 'title')?.unique, true);
  });

  it('resolves entities by their labels too (a label the user gave in the review)', () => {
    const relabelled = { ...events, entities: events.entities.map((e) => (e.name === 'Attendee' ? { ...e, label: 'Participant', pluralLabel: 'Participants' } : e)) };
    const reading = change(relabelled, 'add a phone number to participants');
    assert.equal(field(reading.spec, 'Attendee', 'phoneNumber')?.type, 'string');
  });

  it('reads a link between two entities, and says when it is there already', () => {
    const genre = change(library, 'Each loan belongs to a genre.');
    assert.ok(genre.spec.relations.some((r) => r.kind === 'belongsTo' && r.from === 'Loan' && r.to === 'Genre'), genre.applied.join('\n'));
    const existing = change(events, 'Each registration belongs to an attendee.');
    assert.equal(existing.spec.relations.length, events.relations.length);
    assert.match(existing.applied[0], /Registration already links to Attendee .*unchanged/);
  });

  it('reads a status workflow over the values of a status field', () => {
    const reading = change(library, 'add a status (available, reserved, lost) to books. Books go from available to reserved to lost.');
    assert.ok(reading.spec.rules.some((r) => r.kind === 'statusWorkflow' && r.entity === 'Book' && r.initial === 'available'), reading.applied.join('\n'));
  });

  it('never throws on hostile or odd text, and keeps the spec valid', () => {
    for (const text of ['add a \u202ephone\u202c to attendees', 'remove', 'rename to', 'add to', '\u0000\u0001', 'x'.repeat(5000), 'add a ' + 'very '.repeat(200) + 'long field to events']) {
      const reading = change(events, text);
      assert.ok(reading.applied.length + reading.notUnderstood.length >= 1, JSON.stringify(text.slice(0, 40)));
    }
  });

  it('reads rules with the extractor\'s rule patterns, bound to the spec\'s entities and roles', () => {
    const role = change(library, 'Only librarians may delete loans.');
    assert.ok(role.spec.rules.some((r) => r.kind === 'roleRequired' && r.entity === 'Loan' && r.actions.includes('delete') && r.roles.includes('librarian')), role.applied.join('\n'));
    const minimum = change(events, "An event's capacity must be at least 1.");
    assert.equal(field(minimum.spec, 'Event', 'capacity')?.min, 1);
    const unique = change(events, 'The name of events must be unique.');
    assert.ok(unique.spec.rules.some((r) => r.kind === 'unique' && r.entity === 'Event' && r.fields.join() === 'name') || field(unique.spec, 'Event', 'name')?.unique);
  });

  it('says why a rule cannot be made (a role the app does not have)', () => {
    const reading = change(events, 'only admins may delete events');
    assert.equal(reading.applied.length, 0);
    assert.match(reading.notUnderstood[0], /admins.*not a sign-in role/);
  });

  it('names the unknown entity and lists the ones there are', () => {
    const reading = change(events, 'add a phone number to wizards');
    assert.equal(reading.spec, events);
    assert.match(reading.notUnderstood[0], /no entity called "wizards".*Event, Attendee, Registration/);
    assert.match(change(library, 'remove the notes field from visits').notUnderstood[0], /no entity called "visits"/);
  });

  it('lists nonsense as not understood, with a reason, and changes nothing', () => {
    for (const text of ['blah foo quux', 'The weather is nice today.', '']) {
      const reading = change(library, text);
      assert.deepEqual(reading.applied, []);
      assert.equal(reading.notUnderstood.length, 1, text);
      assert.match(reading.notUnderstood[0], /Not read as a change|empty/);
      assert.deepEqual(reading.spec, library);
    }
  });

  it('reads two changes in one sentence, and one change per sentence', () => {
    const one = change(events, 'Add a phone number to attendees and remove the venue from events.');
    assert.ok(field(one.spec, 'Attendee', 'phoneNumber') && !field(one.spec, 'Event', 'venue'));
    assert.equal(one.applied.length, 2);
    const two = change(library, 'Books have a subtitle. Rename genres to categories.');
    assert.ok(field(two.spec, 'Book', 'subtitle') && entity(two.spec, 'Category'));
  });

  it('is idempotent: adding what exists says so and changes nothing', () => {
    const first = change(events, 'add a phone number to attendees');
    const again = change(first.spec, 'add a phone number to attendees');
    assert.deepEqual(again.spec.entities, first.spec.entities);
    assert.match(again.applied[0], /Attendee already has phoneNumber .*unchanged/);
    const existing = change(library, 'add a title to books');
    assert.deepEqual(existing.spec.entities, library.entities.map((e) => (e.name === 'Book' ? existing.spec.entities.find((x) => x.name === 'Book')! : e)));
    assert.match(existing.applied[0], /Book already has title/);
  });

  it('gives a spec the generator builds, after a change of every kind at once', () => {
    const text = [
      'Add reviews with a rating (1-5) and a comment to books.',
      'Members need a phone number.',
      'Loans need a state: open, late or closed.',
      'Remove the website from books and rename genres to categories.',
      'Only librarians may delete loans.',
    ].join(' ');
    const reading = change(library, text);
    assert.deepEqual(reading.notUnderstood, []);
    assert.equal(field(reading.spec, 'User', 'phoneNumber')?.type, 'string', 'members are the accounts with the member role');
    const files = generateProject(reading.spec).list().map((f) => f.path);
    assert.ok(files.some((f) => /review/i.test(f)) && files.some((f) => /categor/i.test(f)), 'the new and renamed entities are generated');
  });

  it('adds the change to the requirements so new elements have sources', () => {
    const reading = change(events, 'Attendees need a phone number. Remove the venue from events.');
    const added = reading.spec.requirements.sentences.slice(events.requirements.sentences.length);
    assert.deepEqual(added.map((s) => s.text), ['Attendees need a phone number.', 'Remove the venue from events.']);
    assert.ok(added.every((s) => !events.requirements.sentences.some((old) => old.id === s.id)), 'new ids');
    assert.deepEqual(field(reading.spec, 'Attendee', 'phoneNumber')?.sources, [added[0].id]);
    assert.match(reading.spec.requirements.text, /Remove the venue from events\.$/);
  });
});
