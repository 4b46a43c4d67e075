// The example data of generated apps: every seeded row of every fixture spec (and of the specs the
// extractor makes from the sample requirements) satisfies the spec's constraints, and the values
// read like the entity's domain (a bug title reads like a bug, a recipe like a dish).
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBackend } from '../../src/core/generator/backend';
import { buildModel } from '../../src/core/generator/backend/model';
import { sampleFields, shiftTime } from '../../src/core/generator/backend/samples';
import { PEOPLE, RECORD_NAMES, THEMED_NAMES } from '../../src/core/generator/backend/sampleVocabulary';
import { seedTables } from '../../src/core/generator/backend/seedRows';
import { FileSet } from '../../src/core/generator/fileSet';
import { extractSpec } from '../../src/core/extract';
import { type FieldType, ProjectSpec, type ProjectSpecInput } from '../../src/model/project/projectSpec';
import { seedProblems } from './seedChecker';

const fixturesDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures');
const specsDir = path.join(fixturesDir, 'specs');
const requirementsDir = path.join(fixturesDir, 'requirements');

function fixtureSpecs(): Array<[string, ProjectSpec]> {
  return readdirSync(specsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, ProjectSpec.parse(JSON.parse(readFileSync(path.join(specsDir, f), 'utf8')))]);
}

/** Specs the extractor makes from the sample and evaluation requirements (many more domains). */
function extractedSpecs(): Array<[string, ProjectSpec]> {
  const texts = readdirSync(requirementsDir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => [f, readFileSync(path.join(requirementsDir, f), 'utf8')] as [string, string]);
  for (const file of ['eval.jsonl', 'gold/dev.jsonl', 'gold/holdout.jsonl']) {
    const lines = readFileSync(path.join(requirementsDir, file), 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, i) => texts.push([`${file}:${i + 1}`, (JSON.parse(line) as { requirements: string }).requirements]));
  }
  return texts.map(([name, text]) => [name, extractSpec(text)]);
}

function spec(input: Partial<ProjectSpecInput> & Pick<ProjectSpecInput, 'entities'>, sentences: string[] = []): ProjectSpec {
  return ProjectSpec.parse({
    name: 'app',
    title: 'App',
    requirements: { text: sentences.join(' '), sentences: sentences.map((text, id) => ({ id, text })) },
    auth: { kind: 'none' },
    ...input,
  });
}

const entity = (name: string, fields: Array<[string, FieldType, Record<string, unknown>?]>, label = name) => ({
  name,
  label,
  pluralLabel: `${label}s`,
  fields: fields.map(([field, type, extra]) => ({ name: field, label: field, type, required: true, ...extra })),
});

/** The values of one field over the seed's rows. */
function seeded(s: ProjectSpec, entityName: string, field: string): unknown[] {
  const model = buildModel(s);
  return seedTables(model).find((t) => t.entity.entity.name === entityName)!.rows.map((row) => row.values[field]);
}

describe('generated seed data', () => {
  describe('satisfies every constraint of the spec', () => {
    for (const [name, fixture] of [...fixtureSpecs(), ...extractedSpecs()]) {
      it(name, () => {
        const model = buildModel(fixture);
        const seed = seedTables(model);
        assert.deepEqual(seedProblems(seed), []);
        // Only a record that needs a parent nobody can create first (a cycle of required relations) goes without rows.
        const counts = new Map(seed.map((t) => [t.entity.entity.name, t.rows.length]));
        for (const { entity, rows } of seed) {
          const stuck = entity.columns.some((c) => c.relation && c.notNull && (c.relation.to === entity.entity.name || !counts.get(c.relation.to)));
          assert.ok(rows.length > 0 || stuck, `${entity.entity.name} gets no example rows`);
        }
      });
    }
  });

  it('the checker finds broken rows (wrong enum, dates out of order, too many bookings, an overlap)', () => {
    const fixture = ProjectSpec.parse(JSON.parse(readFileSync(path.join(specsDir, 'studio.json'), 'utf8')));
    const model = buildModel(fixture);
    const seed = seedTables(model);
    const classes = seed.find((t) => t.entity.entity.name === 'FitnessClass')!;
    classes.rows[0].values.endsAt = classes.rows[0].values.startsAt;
    classes.rows[1].values.capacity = 0;
    const tickets = seed.find((t) => t.entity.entity.name === 'Ticket')!;
    tickets.rows[0].values.status = 'closed';
    const problems = seedProblems(seed).join('\n');
    assert.match(problems, /FitnessClass: dateOrder: startsAt/);
    assert.match(problems, /FitnessClass row 2: capacity = 0 [^\n]*outside/);
    assert.match(problems, /Ticket: statusWorkflow: closed is not open/);
    assert.match(problems, /Ticket: refuseWhen/);
    const clinic = buildModel(ProjectSpec.parse(JSON.parse(readFileSync(path.join(specsDir, 'clinic.json'), 'utf8'))));
    const clinicSeed = seedTables(clinic);
    const appointments = clinicSeed.find((t) => t.entity.entity.name === 'Appointment')!;
    for (const row of appointments.rows) row.references.doctorId = { ...row.references.doctorId!, index: 0 };
    appointments.rows[1].values.startsAt = appointments.rows[0].values.startsAt;
    assert.match(seedProblems(clinicSeed).join('\n'), /Appointment: noOverlap: two rows of doctor #0 overlap/);
  });

  it('rows sharing a parent do not overlap, with whole-day ranges and a bounded duration too', () => {
    const s = spec({
      entities: [
        entity('Room', [['name', 'string']]),
        entity('Stay', [['startDate', 'date'], ['endDate', 'date']]),
        entity('Session', [['startsAt', 'datetime'], ['minutes', 'integer', { min: 90, max: 120 }]]),
      ],
      relations: [
        { kind: 'belongsTo', from: 'Stay', to: 'Room', name: 'room', inverseName: 'stays' },
        { kind: 'belongsTo', from: 'Session', to: 'Room', name: 'room', inverseName: 'sessions' },
      ],
      rules: [
        { kind: 'capacity', entity: 'Room', limit: 1 },
        { kind: 'noOverlap', entity: 'Stay', scope: 'room', start: 'startDate', end: 'endDate' },
        { kind: 'noOverlap', entity: 'Session', scope: 'room', start: 'startsAt', durationMinutesField: 'minutes' },
      ],
    });
    const seed = seedTables(buildModel(s));
    assert.equal(seed.find((t) => t.entity.entity.name === 'Stay')!.rows.length, 3, 'three stays in the one room');
    assert.deepEqual(seedProblems(seed), []);
  });

  it('stays under capacity limits by seeding fewer rows, and leaves out rows a required parent cannot have', () => {
    const s = spec({
      entities: [entity('Event', [['name', 'string']]), entity('Seat', [['code', 'string']]), entity('Node', [['name', 'string']])],
      relations: [
        { kind: 'belongsTo', from: 'Seat', to: 'Event', name: 'event', inverseName: 'seats' },
        { kind: 'belongsTo', from: 'Node', to: 'Node', name: 'parentNode', inverseName: 'children' },
      ],
      rules: [{ kind: 'capacity', entity: 'Event', limit: 2 }],
    });
    const model = buildModel(s);
    const seed = seedTables(model);
    assert.equal(seed.find((t) => t.entity.entity.name === 'Event')!.rows.length, 2, 'at most 2 events in all');
    assert.equal(seed.find((t) => t.entity.entity.name === 'Node')!.rows.length, 0, 'a required parent of its own kind: none');
    assert.deepEqual(seedProblems(seed), []);
    const files = new FileSet();
    generateBackend(s, files);
    const code = files.get('backend/src/db/seed.ts')!.content;
    assert.doesNotMatch(code, /insert\(nodes\)/);
    assert.match(code, /eventId: eventsRows\[1\]\.id/);
  });
});

describe('seed values read like their domain', () => {
  const sentences = ['Developers report bugs with a title.', 'Recipes have tags like "vegan" or "dessert".', 'Patients have a name and an email.'];
  const domains = spec(
    {
      entities: [
        entity('Bug', [['title', 'string']]),
        entity('Recipe', [['title', 'string'], ['ingredients', 'text'], ['cookingTime', 'integer', { min: 0 }]]),
        entity('Tag', [['name', 'string']]),
        entity('Patient', [['name', 'string'], ['email', 'email', { unique: true }], ['phone', 'string'], ['dateOfBirth', 'date']]),
        entity('Supplier', [['name', 'string'], ['email', 'email']]),
        entity('Widget', [['name', 'string']]),
        entity('Booking', [['guestName', 'string'], ['note', 'string']]),
      ],
    },
    sentences,
  );

  it('a bug title reads like a bug, a recipe title like a dish: never a person, never a task of another app', () => {
    const bugs = seeded(domains, 'Bug', 'title') as string[];
    const recipes = seeded(domains, 'Recipe', 'title') as string[];
    for (const title of [...bugs, ...recipes]) {
      assert.ok(!PEOPLE.includes(title), `${title} is a person's name`);
      assert.ok(!RECORD_NAMES.task.includes(title), `${title} is a task`);
    }
    assert.deepEqual(bugs, RECORD_NAMES.bug.slice(0, 3));
    assert.deepEqual(recipes, RECORD_NAMES.recipe.slice(0, 3));
    assert.match(String(seeded(domains, 'Recipe', 'ingredients')[0]), /\n/, 'an ingredient list keeps one ingredient per line');
    assert.ok((seeded(domains, 'Recipe', 'cookingTime') as number[]).every((m) => m >= 10 && m <= 120), 'cooking takes minutes, not 1-9');
  });

  it('takes the examples a sentence gives for an entity (and not for the entity the sentence starts with)', () => {
    assert.deepEqual(seeded(domains, 'Tag', 'name').slice(0, 2), ['vegan', 'dessert']);
    assert.ok(!seeded(domains, 'Recipe', 'title').includes('vegan'));
  });

  it('people get people\'s names with matching addresses; organisations company names; unknown records "<Entity> <n>"', () => {
    const names = seeded(domains, 'Patient', 'name') as string[];
    const emails = seeded(domains, 'Patient', 'email') as string[];
    names.forEach((name, i) => {
      assert.ok(PEOPLE.includes(name), name);
      assert.equal(emails[i], `${name.toLowerCase().replace(' ', '.')}@example.com`);
    });
    assert.match(String(seeded(domains, 'Patient', 'phone')[0]), /^\+1 555 01\d\d$/);
    assert.ok(String(seeded(domains, 'Patient', 'dateOfBirth')[0]) < '2010', 'born in the past');
    assert.ok(!PEOPLE.includes(String(seeded(domains, 'Supplier', 'name')[0])));
    assert.match(String(seeded(domains, 'Supplier', 'email')[0]), /^orders@[a-z-]+\.example\.com$/);
    assert.deepEqual(seeded(domains, 'Widget', 'name'), ['Widget 1', 'Widget 2', 'Widget 3']);
    assert.ok(PEOPLE.includes(String(seeded(domains, 'Booking', 'guestName')[0])), 'a guest name is a person');
    assert.ok(!PEOPLE.includes(String(seeded(domains, 'Booking', 'note')[0])), 'a note is not');
  });

  it('the app\'s theme picks among a noun\'s vocabularies (a bakery sells bread; "guests book classes" is no library)', () => {
    const shop = (sentence: string) => seeded(spec({ entities: [entity('Product', [['name', 'string']])] }, [sentence]), 'Product', 'name');
    assert.deepEqual(shop('A bakery sells bread and cakes.'), THEMED_NAMES.product.food.slice(0, 3));
    assert.deepEqual(shop('Guests book classes and buy products.'), THEMED_NAMES.product.default.slice(0, 3));
    assert.deepEqual(shop('A library lends books and sells products.'), THEMED_NAMES.product.books.slice(0, 3));
  });

  it('identifiers and numbers follow their meaning: coded numbers, plain room numbers, plates, ISBNs, rates as prices', () => {
    const s = spec({
      entities: [
        entity('Company', [['vatNumber', 'string'], ['hourlyRate', 'money'], ['rating', 'integer', { min: 1, max: 5 }]]),
        entity('Room', [['roomNumber', 'string'], ['floor', 'integer']]),
        entity('Product', [['sku', 'string', { unique: true }], ['price', 'money']]),
        entity('Vehicle', [['plateNumber', 'string'], ['make', 'string']]),
        entity('Book', [['isbn', 'string', { unique: true }]]),
      ],
    });
    assert.deepEqual(seeded(s, 'Company', 'vatNumber'), ['VAT-1001', 'VAT-1002', 'VAT-1003']);
    assert.ok((seeded(s, 'Company', 'hourlyRate') as string[]).every((rate) => Number(rate) > 0 && Number(rate) < 100), 'an hourly rate is a price');
    assert.ok((seeded(s, 'Company', 'rating') as number[]).every((stars) => stars >= 3 && stars <= 5));
    assert.deepEqual(seeded(s, 'Room', 'roomNumber'), ['101', '102', '103']);
    assert.deepEqual(seeded(s, 'Product', 'sku'), ['SKU-1001', 'SKU-1002', 'SKU-1003']);
    assert.match(String(seeded(s, 'Vehicle', 'plateNumber')[0]), /^[A-Z]{2}-\d{3}-[A-Z]{2}$/);
    assert.equal(seeded(s, 'Vehicle', 'make')[0], 'Toyota');
    for (const isbn of seeded(s, 'Book', 'isbn') as string[]) {
      const digits = isbn.replace(/-/g, '');
      assert.equal(digits.length, 13, isbn);
      const sum = [...digits].reduce((total, digit, i) => total + Number(digit) * (i % 2 ? 3 : 1), 0);
      assert.equal(sum % 10, 0, `${isbn} has a valid check digit`);
    }
  });

  it('keeps unique values distinct past the end of a vocabulary, and within a short maximum length', () => {
    const s = spec({ entities: [entity('Bug', [['title', 'string', { unique: true, max: 8 }], ['code', 'string', { unique: true }]])] });
    const model = buildModel(s);
    const bug = model.entity('Bug');
    const titles = Array.from({ length: 40 }, (_, i) => String(sampleFields(bug, i + 1, model).title));
    assert.equal(new Set(titles).size, 40, titles.join(', '));
    assert.ok(titles.every((t) => t.length <= 8 && t.trim().length > 0), titles.join(', '));
    const codes = Array.from({ length: 40 }, (_, i) => String(sampleFields(bug, i + 1, model).code));
    assert.equal(new Set(codes).size, 40);
  });

  it('the vocabularies are general: distinct entries, short one-line values, no person in a non-person list', () => {
    for (const [noun, names] of Object.entries(RECORD_NAMES)) {
      assert.ok(names.length >= 5, `${noun} has ${names.length} names`);
      assert.equal(new Set(names).size, names.length, `${noun} repeats a name`);
      for (const name of names) assert.ok(name.length <= 60 && !/[\n"]/.test(name), `${noun}: ${name}`);
      if (noun !== 'author') assert.ok(!names.some((name) => PEOPLE.includes(name)), `${noun} lists a person`);
    }
  });

  it('the generated seed file writes those values', () => {
    const files = new FileSet();
    generateBackend(domains, files);
    const code = files.get('backend/src/db/seed.ts')!.content;
    assert.match(code, /title: "Crash when saving an empty form"/);
    assert.match(code, /name: "vegan"/);
    assert.doesNotMatch(code, /Plan the kickoff/);
  });
});

describe('generated seed data: a date-time moved into a date column', () => {
  it('keeps its day ("start" a date-time, "end" a date, in one rule)', () => {
    assert.equal(shiftTime('2026-05-01T10:00:00.000Z', 1, 'date'), '2026-05-02');
    assert.equal(shiftTime('2026-05-01', -1, 'date'), '2026-04-30');
    assert.equal(shiftTime('2026-05-01T10:00:00.000Z', 60, 'datetime'), '2026-05-01T11:00:00.000Z');
  });
});
