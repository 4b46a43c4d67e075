import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateBackend } from '../../src/core/generator/backend';
import { FileSet } from '../../src/core/generator/fileSet';
import { generateFrontend } from '../../src/core/generator/frontend';
import { generateReadme } from '../../src/core/generator/project/readme';
import { ProjectSpec, type FieldType } from '../../src/model/project/projectSpec';
import { typecheckGenerated } from './generatedTypecheck';

const root = path.resolve(__dirname, '..', '..', '..');
const fixture = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(root, 'test', 'fixtures', 'specs', `${name}.json`), 'utf8')));

const field = (name: string, label: string, type: FieldType, required = true) => ({ name, label, type, required });

/** A spec that states no limits: the defaults come from the field names alone. */
const cookbook = ProjectSpec.parse({
  name: 'cookbook',
  title: 'Cookbook',
  requirements: { text: '', sentences: [] },
  auth: { kind: 'none' },
  entities: [
    { name: 'Recipe', label: 'Recipe', pluralLabel: 'Recipes', fields: [field('title', 'Title', 'string'), field('cookingTime', 'Cooking time (minutes)', 'integer'), field('ingredients', 'Ingredients', 'text')] },
    { name: 'Comment', label: 'Comment', pluralLabel: 'Comments', fields: [field('body', 'Body', 'text')] },
    { name: 'Workshop', label: 'Workshop', pluralLabel: 'Workshops', fields: [field('capacity', 'Capacity', 'integer'), field('price', 'Price', 'money'), field('startsAt', 'Starts at', 'datetime'), field('endsAt', 'Ends at', 'datetime')] },
  ],
  relations: [{ kind: 'belongsTo', from: 'Comment', to: 'Recipe', name: 'recipe', inverseName: 'comments' }],
});

function generated(spec: ProjectSpec, frontend = false): FileSet {
  const files = new FileSet();
  (frontend ? generateFrontend : generateBackend)(spec, files);
  return files;
}

const text = (files: FileSet, filePath: string) => {
  const file = files.get(filePath);
  assert.ok(file, `missing ${filePath}`);
  return file.content;
};

describe('generated validation defaults (fieldMeaning)', () => {
  const backend = generated(cookbook);

  it('the migration checks ranges, blank text and date order by name, so errors can name the field', () => {
    const sql = text(backend, 'backend/migrations/0001_init.sql');
    assert.match(sql, /CONSTRAINT "recipes_cooking_time_range" CHECK \("cooking_time" >= 0\)/);
    assert.match(sql, /CONSTRAINT "workshops_capacity_range" CHECK \("capacity" >= 1\)/);
    assert.match(sql, /CONSTRAINT "workshops_price_range" CHECK \("price" >= 0\)/);
    assert.match(sql, /CONSTRAINT "comments_body_not_blank" CHECK \("body" ~ '\[\^\[:space:\]\]'\)/);
    assert.match(sql, /CONSTRAINT "workshops_ends_at_after_starts_at" CHECK \("ends_at" > "starts_at"\)/);
    const errors = text(backend, 'backend/src/http/errors.ts');
    assert.match(errors, /"workshops_capacity_range": \{ path: "capacity", message: "Capacity must be at least 1\." \}/);
    assert.match(errors, /case '23514': \{\n\s+const check = CHECK_MESSAGES\[pg\.constraint \?\? ''\];\n\s+if \(check\) return new ApiError\(400, 'validation_failed', 'The request is not valid\.', \[check\]\);/);
  });

  it('the API trims text and refuses blanks, negative durations and an empty workshop', () => {
    assert.match(text(backend, 'backend/src/validation/comments.ts'), /body: z\.string\(\)\.trim\(\)\.min\(1, 'must not be blank'\)\.max\(100000\),/);
    assert.match(text(backend, 'backend/src/validation/recipes.ts'), /cookingTime: z\.number\(\)\.int\(\)\.min\(0\),/);
    assert.match(text(backend, 'backend/src/validation/workshops.ts'), /capacity: z\.number\(\)\.int\(\)\.min\(1\),/);
    assert.match(text(backend, 'backend/src/rules/workshops.ts'), /endsAt/);
  });

  it('generates tests that try each default: blank text, out of range, dates out of order, and the database checks', () => {
    const recipes = text(backend, 'backend/test/recipes.test.ts');
    assert.match(recipes, /it\('refuses title, ingredients made of spaces only on create and update'/);
    assert.match(recipes, /recipeBody\(t, \{ cookingTime: -1 \}\)/);
    const workshops = text(backend, 'backend/test/workshops.test.ts');
    assert.match(workshops, /workshopBody\(t, \{ capacity: 0 \}\)/);
    assert.match(workshops, /expect\(await refusal\(\{ startsAt: new Date\(`\$\{day\(2\)\}T10:00:00\.000Z`\), endsAt: new Date\(`\$\{day\(1\)\}T10:00:00\.000Z`\) \}\)\)\.toMatchObject\(\{ status: 400, details: \[\{ path: "endsAt" \}\] \}\);/);
    assert.match(text(backend, 'backend/test/rules.test.ts'), /refuses a workshop whose endsAt is not after its startsAt/);
    assert.deepEqual(typecheckGenerated(backend.list()), []);
  });

  it('the form refuses the same values before sending', () => {
    const frontend = generated(cookbook, true);
    const workshops = text(frontend, 'frontend/src/entities/workshops.ts');
    assert.match(workshops, /capacity: z\.number\([^\n]*\.min\(1, "Capacity must be at least 1"\)/);
    assert.match(workshops, /path: \["endsAt"\]/);
    assert.match(text(frontend, 'frontend/src/entities/comments.ts'), /body: z\.string\(\{ error: needs\("Body", 'text'\) \}\)\.trim\(\)\.min\(1, "Body is required"\),/);
    const test = text(frontend, 'frontend/src/test/comments.test.tsx');
    assert.match(test, /it\("refuses a body of spaces only before sending", async \(\) => \{/);
    assert.match(test, /fireEvent\.change\(screen\.getByLabelText\("Body"\), \{ target: \{ value: '   ' \} \}\);[^]*?expect\(await screen\.findByText\("Body is required"\)\)\.toBeTruthy\(\);/);
  });

  it('the README shows the limits the app enforces', () => {
    const readme = generateReadme(cookbook);
    assert.match(readme, /\| Capacity \| `capacity` \| whole number \| required, at least 1 \|/);
    assert.match(readme, /- A workshop's `endsAt` must be after its `startsAt`/);
  });

  it('what the spec states wins: its bounds and its own date orders are kept, not doubled', () => {
    const events = text(generated(fixture('events')), 'backend/migrations/0001_init.sql');
    assert.match(events, /CHECK \("capacity" >= 0\)/, 'events states capacity >= 0');
    const studio = generated(fixture('studio'));
    const sql = text(studio, 'backend/migrations/0001_init.sql');
    assert.equal(sql.match(/ends_at_after_starts_at/g)?.length, 1);
    assert.match(sql, /CHECK \("due_on" >= "opened_on"\)/, 'allowEqual as stated');
    assert.equal(text(studio, 'backend/test/rules.test.ts').match(/\(dateOrder\)/g)?.length, 2);
  });
});
