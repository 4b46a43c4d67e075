// `takoss update` end to end through the CLI (offline): a generated project with five edited files
// and one file of the user's own gets a new field, a new entity and a changed rule. Every edit is
// kept (byte-identical where the generator's side did not change), the new field and entity appear,
// a new migration is written next to the untouched 0001_init.sql, the one deliberately conflicting
// edit is written with conflict markers, and the exit code says so.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync, unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { GenerateDeps } from '../../src/cli/generateDeps';
import { runCli } from '../../src/cli/runCli';
import { CONFLICTS_EXIT_CODE } from '../../src/cli/updateCommand';
import { extractSpec } from '../../src/core/extract';
import { MANIFEST_PATH, TakossManifest } from '../../src/core/generator/project/manifest';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { BASE_PATH, parseBase, SPEC_PATH } from '../../src/core/update/memory';
import { addEntity, addField, updateField } from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { loadFixtureSpec } from '../shared/claudeModels';

const deps: GenerateDeps = { extractSpec, runGeneration, verifyProject: async () => assert.fail('not asked to verify') };

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, { out: (line) => out.push(line), err: (line) => err.push(line) }, deps);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** The library fixture with a new field (Book.publisher), a new entity (Branch) and a changed rule (librarians no longer needed to update books). */
function changedLibrary(): ProjectSpec {
  let spec = addEntity(addField(loadFixtureSpec('library'), 'Book', 'publisher', 'string'), 'Branch');
  spec = { ...spec, rules: spec.rules.map((rule) => (rule.kind === 'roleRequired' && rule.entity === 'Book' ? { ...rule, actions: ['create', 'delete'] } : rule)) };
  return ProjectSpec.parse(spec);
}

describe('takoss update (CLI)', function () {
  this.timeout(120_000);
  let work: string;
  let project: string;
  const on = (file: string) => path.join(project, ...file.split('/'));
  const read = (file: string) => readFileSync(on(file), 'utf8');
  const edit = (file: string, change: (text: string) => string) => {
    const before = read(file);
    const after = change(before);
    assert.notEqual(after, before, `the edit of ${file} changes it`);
    writeFileSync(on(file), after);
    return after;
  };
  const specFile = (spec: ProjectSpec) => {
    const file = path.join(work, `spec-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(spec));
    return file;
  };

  beforeEach(async () => {
    work = mkdtempSync(path.join(os.tmpdir(), 'takoss-update-cli-'));
    project = path.join(work, 'library');
    const generated = await cli(['generate', '--spec', specFile(loadFixtureSpec('library')), '--out', project]);
    assert.equal(generated.code, 0, generated.err);
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('keeps every edit, adds the new field and entity with a new migration, and marks the one conflict', async () => {
    // A route (the conflicting edit: the generator removes the line the user changed), a page, a test,
    // the README and a style; and a file of the user's own.
    edit('backend/src/routes/books.ts', (text) => text.replace('requireRole(user, ["librarian"], "change this book");', 'requireRole(user, ["librarian", "admin"], "change this book");'));
    const page = edit('frontend/src/pages/books.tsx', (text) => `// Books: the catalogue pages (edited by hand).\n${text}`);
    const style = edit('frontend/src/styles.css', (text) => text.replace('--accent: #2563eb;', '--accent: #b45309;'));
    edit('frontend/src/test/books.test.tsx', (text) => `${text}\ndescribe('my own check', () => {\n  it('adds up', () => expect(1 + 1).toBe(2));\n});\n`);
    edit('README.md', (text) => `${text}\n## Our deployment\n\nThe library runs on the branch server.\n`);
    mkdirSync(on('backend/src/mine'));
    writeFileSync(on('backend/src/mine/notes.ts'), 'export const NOTE = "mine";\n');
    const init = read('backend/migrations/0001_init.sql');

    const result = await cli(['update', '--project', project, '--spec', specFile(changedLibrary())]);
    assert.equal(result.code, CONFLICTS_EXIT_CODE, result.err);

    // The conflicting edit: both sides between markers, in a file otherwise merged.
    const route = read('backend/src/routes/books.ts');
    assert.ok(route.includes('<<<<<<< yours\n      requireRole(user, ["librarian", "admin"], "change this book");\n=======\n>>>>>>> takoss\n'), route);
    assert.match(route, /publisher: row\.publisher/, 'the rest of the generator’s change is merged');
    assert.match(result.out, /^CONFLICTING.*: 1 file$/m);
    assert.match(result.out, /^ {2}backend\/src\/routes\/books\.ts \(1 conflict\)$/m);
    // Untouched by the generator: byte-identical.
    assert.equal(read('frontend/src/pages/books.tsx'), page);
    assert.equal(read('frontend/src/styles.css'), style);
    assert.equal(read('backend/src/mine/notes.ts'), 'export const NOTE = "mine";\n');
    // Changed by both, cleanly: the user's lines and the generator's.
    const test = read('frontend/src/test/books.test.tsx');
    assert.ok(test.includes("describe('my own check'") && test.includes('publisher: "Sample publisher"'));
    const readme = read('README.md');
    assert.ok(readme.includes('## Our deployment') && readme.includes('| Publisher | `publisher` |') && readme.includes('### Branches'));
    assert.ok(readme.includes('Only `librarian` users may create or delete books.'), 'the changed rule');
    // The new entity everywhere, the new field in the schema.
    for (const file of ['backend/src/routes/branches.ts', 'frontend/src/pages/branches.tsx', 'backend/test/branches.test.ts']) assert.ok(existsSync(on(file)), file);
    assert.match(read('backend/src/db/schema.ts'), /publisher/);
    // Migrations: 0001_init.sql as it was, and a new one.
    assert.equal(read('backend/migrations/0001_init.sql'), init);
    assert.deepEqual(readdirSync(on('backend/migrations')).sort(), ['0001_init.sql', '0002_add_branches_and_1_more.sql']);
    const migration = read('backend/migrations/0002_add_branches_and_1_more.sql');
    assert.match(migration, /CREATE TABLE "branches"/);
    assert.match(migration, /ALTER TABLE "books" ADD COLUMN "publisher"/);
    assert.match(result.out, /new migration backend\/migrations\/0002_add_branches_and_1_more\.sql/);
    const manifest = TakossManifest.parse(JSON.parse(read(MANIFEST_PATH)));
    assert.ok(manifest.files.some((file) => file.path === 'backend/migrations/0002_add_branches_and_1_more.sql'));
    // The memory moved on: the new spec, and the new generation as the base.
    assert.deepEqual(ProjectSpec.parse(JSON.parse(read(SPEC_PATH))).entities.map((e) => e.name), ['User', 'Book', 'Loan', 'Genre', 'Branch']);
    const base = parseBase(read(BASE_PATH));
    assert.equal(base.get('backend/migrations/0001_init.sql'), init);
    assert.ok(base.has('backend/migrations/0002_add_branches_and_1_more.sql'));
    assert.ok(!base.has('backend/src/mine/notes.ts'));

    // The user resolves the conflict; the same update again changes nothing and exits 0.
    writeFileSync(on('backend/src/routes/books.ts'), route.replace(/<<<<<<< yours\n[\s\S]*?=======\n([\s\S]*?)>>>>>>> takoss\n/, '$1'));
    const resolved = read('backend/src/routes/books.ts');
    const again = await cli(['update', '--project', project, '--spec', specFile(changedLibrary())]);
    assert.equal(again.code, 0, again.err + again.out);
    assert.match(again.out, /^kept as you changed them.*$/m);
    assert.doesNotMatch(again.out, /^(added|updated|merged|CONFLICTING)/m);
    assert.equal(read('backend/src/routes/books.ts'), resolved);
    assert.deepEqual(readdirSync(on('backend/migrations')).sort(), ['0001_init.sql', '0002_add_branches_and_1_more.sql'], 'no change, no migration');
  });

  it('--dry-run says what would happen and writes nothing', async () => {
    const before = read('README.md');
    const result = await cli(['update', '--project', project, '--spec', specFile(changedLibrary()), '--dry-run']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /dry run/);
    assert.match(result.out, /^added: \d+ files$/m);
    assert.equal(read('README.md'), before);
    assert.ok(!existsSync(on('backend/src/routes/branches.ts')));
  });

  it('a change in plain words (--change) is read against the project’s spec', async () => {
    const result = await cli(['update', '--project', project, '--change', 'Add a subtitle to books.']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /change: .*subtitle/);
    assert.match(read('backend/src/db/schema.ts'), /subtitle/);
    assert.ok(readdirSync(on('backend/migrations')).some((name) => name.startsWith('0002_')));
  });

  it('refuses a schema change that would lose data, before writing anything', async () => {
    const before = read(BASE_PATH);
    // A new required text field: the books already stored have no value for it.
    const spec = updateField(addField(loadFixtureSpec('library'), 'Book', 'subtitle'), 'Book', 'subtitle', { required: true });
    const result = await cli(['update', '--project', project, '--spec', specFile(spec)]);
    assert.equal(result.code, 1);
    assert.match(result.err, /nothing was written:\n {2}Book\.subtitle is new and required/);
    assert.equal(read(BASE_PATH), before);
  });

  it('says when the folder is not a project it can update', async () => {
    unlinkSync(on(BASE_PATH));
    const older = await cli(['update', '--project', project, '--spec', specFile(changedLibrary())]);
    assert.equal(older.code, 1);
    assert.match(older.err, /generated by an older Takoss without \.takoss\/base\.json/);
    const empty = await cli(['update', '--project', work, '--spec', specFile(changedLibrary())]);
    assert.match(empty.err, /was not generated by Takoss/);
    const usage = await cli(['update', '--project', project]);
    assert.equal(usage.code, 2);
    assert.match(usage.err, /exactly one of --spec FILE or --change TEXT/);
  });
});
