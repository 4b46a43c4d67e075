// Slow: issue #15's "done when", for real. The CLI generates the library (test/fixtures/update/
// library-v1.json); it is installed and its seed fills a PostgreSQL database and a PGlite data folder
// with rows. The user edits five generated files (a route, a page, a test, the README, a style) and
// adds one of their own; `takoss update` to library-v2.json (a new required field, a new entity, a
// changed rule) keeps every edit and marks the one conflicting edit. Once it is resolved the project
// installs, builds and passes its backend tests on PGlite and on PostgreSQL and its frontend tests,
// and its own migrate script brings both version-1 databases forward with their rows.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { BASE_PATH, parseBase } from '../../src/core/update/memory';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { repoRoot } from '../harness/paths';
import { assertSameSchema, createSchema } from '../shared/migrationHarness';
import { type PostgresServer, startPostgres } from '../shared/postgresServer';
import { psqlRunner } from '../shared/psqlRunner';
import { runCli } from '../shared/runCli';

const fixture = (name: string) => path.join(repoRoot, 'test', 'fixtures', 'update', name);
const V1 = fixture('library-v1.json');
const V2 = fixture('library-v2.json');
const CONFLICTING_ROUTE = 'backend/src/routes/books.ts';
const CONFLICT = /<<<<<<< yours\n([\s\S]*?)=======\n([\s\S]*?)>>>>>>> takoss\n/g;
const SEEDED_TITLES = ['A Short History of Maps', 'The Glass Orchard', 'The Quiet Harbour'];

/** A command of the generated project, with a scrubbed environment (nothing of ours leaks in); says how long it took. */
function run(cwd: string, command: string, args: string[], extra: Record<string, string> = {}): string {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.homedir(), CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  const started = Date.now();
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const label = `${path.relative(path.dirname(cwd), cwd) || '.'}: ${command} ${args.join(' ')}`;
  console.log(`      ${label} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  if (result.status !== 0) assert.fail(`${label} failed:\n${output.slice(-3000)}`);
  return output;
}

const npmInstall = (project: string) => run(project, 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']);

/** The five edits of the issue; the route's is the conflicting one (the changed rule removes the line it changes). */
const EDITS: Record<string, (text: string) => string> = {
  [CONFLICTING_ROUTE]: (text) => text.replace('requireRole(user, ["librarian"], "change this book");', 'requireRole(user, ["librarian", "admin"], "change this book");'),
  'frontend/src/pages/books.tsx': (text) => `// Books: the catalogue pages (edited by hand).\n${text}`,
  'frontend/src/styles.css': (text) => text.replace('--accent: #2563eb;', '--accent: #b45309;'),
  'frontend/src/test/books.test.tsx': (text) => `${text}\ndescribe('my own check', () => {\n  it('adds up', () => expect(1 + 1).toBe(2));\n});\n`,
  'README.md': (text) => `${text}\n## Our deployment\n\nThe library runs on the branch server.\n`,
};
const OWN_FILE = 'backend/src/mine/shelfMark.ts';
const OWN_CONTENT = '// Ours: how the branch labels its shelves.\nexport function shelfMark(title: string): string {\n  return title.slice(0, 3).toUpperCase();\n}\n';

describe('takoss update on a real project: edits kept, conflict resolved, it builds, tests pass, the old database migrates', function () {
  this.timeout(15 * 60_000);
  this.bail(true); // each step builds on the one before
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-update-project-'));
  const project = path.join(work, 'library');
  const backend = path.join(project, 'backend');
  const pgliteData = path.join(work, 'pglite-v1');
  const on = (file: string) => path.join(project, ...file.split('/'));
  const read = (file: string) => readFileSync(on(file), 'utf8');
  let postgres: PostgresServer | undefined;
  let v1DatabaseUrl = '';
  const edited = new Map<string, string>();
  let baseV1 = new Map<string, string>();
  let migration = '';

  // startPostgres says why when no server can be started here.
  before(async () => void (postgres = await startPostgres()));
  after(async () => {
    await postgres?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('version 1: generated, installed, and its seed fills a PostgreSQL database and a PGlite folder', async () => {
    const generated = await runCli(['generate', '--spec', V1, '--out', project]);
    assert.equal(generated.code, 0, generated.stderr.slice(-2000));
    npmInstall(project);
    v1DatabaseUrl = await postgres!.createDatabase('library_v1');
    // NODE_ENV=test: the scripts need no development secret file; the example accounts get a random password.
    run(backend, 'npm', ['run', 'seed'], { NODE_ENV: 'test', DATABASE_URL: v1DatabaseUrl });
    run(backend, 'npm', ['run', 'seed'], { NODE_ENV: 'test', PGLITE_DATA_DIR: pgliteData });
    const books = await psqlRunner(v1DatabaseUrl).query<{ title: string }>('SELECT "title" FROM "books" ORDER BY "title"');
    assert.deepEqual(books.rows.map((row) => row.title), SEEDED_TITLES);
  });

  it('update to version 2 keeps every edit and the user’s own file, and marks the one conflict (exit 3)', async () => {
    baseV1 = parseBase(read(BASE_PATH));
    for (const [file, change] of Object.entries(EDITS)) {
      const text = change(read(file));
      assert.notEqual(text, read(file), `the edit of ${file} changes it`);
      writeFileSync(on(file), text);
      edited.set(file, text);
    }
    mkdirSync(path.dirname(on(OWN_FILE)), { recursive: true });
    writeFileSync(on(OWN_FILE), OWN_CONTENT);
    const init = read('backend/migrations/0001_init.sql');

    const updated = await runCli(['update', '--project', project, '--spec', V2]);
    assert.equal(updated.code, 3, `${updated.stdout}\n${updated.stderr.slice(-2000)}`);
    assert.match(updated.stdout, /^CONFLICTING.*: 1 file$/m);
    migration = /^new migration backend\/migrations\/(\d{4}_\w+\.sql):$/m.exec(updated.stdout)?.[1] ?? '';
    assert.match(migration, /^0002_/, updated.stdout);

    // Byte-identical wherever the generator's side of the file did not change.
    const baseV2 = parseBase(read(BASE_PATH));
    const untouchedByTakoss = [...edited.keys()].filter((file) => baseV1.get(file) === baseV2.get(file));
    assert.deepEqual(untouchedByTakoss.sort(), ['frontend/src/pages/books.tsx', 'frontend/src/styles.css']);
    for (const file of untouchedByTakoss) assert.equal(read(file), edited.get(file), file);
    assert.equal(read(OWN_FILE), OWN_CONTENT);
    assert.equal(read('backend/migrations/0001_init.sql'), init);
    // Merged: the user's lines and the generator's.
    const test = read('frontend/src/test/books.test.tsx');
    assert.ok(test.includes("describe('my own check'") && test.includes('format: "hardcover"'), test);
    const readme = read('README.md');
    assert.ok(readme.includes('## Our deployment') && readme.includes('### Branches') && readme.includes('| Format | `format` |'), readme);
    // The one conflict: the user's line against the changed rule's nothing.
    const route = read(CONFLICTING_ROUTE);
    assert.deepEqual([...route.matchAll(CONFLICT)].map((m) => [m[1], m[2]]), [['      requireRole(user, ["librarian", "admin"], "change this book");\n', '']]);
    for (const file of [...edited.keys()].filter((f) => f !== CONFLICTING_ROUTE)) assert.doesNotMatch(read(file), /^<<<<<<< /m, file);
  });

  it('after the conflict is resolved it installs, builds and passes its tests on PGlite and PostgreSQL', async () => {
    // Resolved as the changed rule asks: Takoss's side (librarians are no longer needed to change a book).
    writeFileSync(on(CONFLICTING_ROUTE), read(CONFLICTING_ROUTE).replace(CONFLICT, '$2'));
    npmInstall(project);
    run(project, 'npm', ['run', 'build']);
    const pglite = run(backend, 'npx', ['vitest', 'run']);
    assert.match(stripAnsi(pglite), /Test Files\s+\d+ passed/);
    assert.match(stripAnsi(pglite), /branches\.test\.ts/);
    const onPostgres = run(backend, 'npx', ['vitest', 'run'], { DATABASE_URL: await postgres!.createDatabase('updated_tests') });
    assert.match(stripAnsi(onPostgres), /Test Files\s+\d+ passed/);
    const frontend = stripAnsi(run(path.join(project, 'frontend'), 'npx', ['vitest', 'run', '--reporter=verbose']));
    assert.match(frontend, /Test Files\s+\d+ passed/);
    assert.match(frontend, /my own check > adds up/, 'the test the user added ran');
  });

  it('its migrate script brings the version-1 databases forward: rows kept, the new column and table there', async () => {
    assert.deepEqual(readdirSync(on('backend/migrations')).sort(), ['0001_init.sql', migration]);
    const v2 = ProjectSpec.parse(JSON.parse(readFileSync(V2, 'utf8')));
    run(backend, 'npm', ['run', 'migrate'], { NODE_ENV: 'test', DATABASE_URL: v1DatabaseUrl });
    const server = psqlRunner(v1DatabaseUrl);
    await assertMigrated(server, migration);
    const fresh = psqlRunner(await postgres!.createDatabase('fresh_v2'));
    await createSchema(fresh, v2);
    await assertSameSchema(server, fresh);

    run(backend, 'npm', ['run', 'migrate'], { NODE_ENV: 'test', PGLITE_DATA_DIR: pgliteData });
    const folder = new PGlite(pgliteData);
    try {
      await assertMigrated(folder, migration);
    } finally {
      await folder.close();
    }
  });
});

interface Queries {
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

async function assertMigrated(db: Queries, migration: string): Promise<void> {
  const books = await db.query<{ title: string; format: string }>('SELECT "title", "format" FROM "books" ORDER BY "title"');
  assert.deepEqual(books.rows, SEEDED_TITLES.map((title) => ({ title, format: 'paperback' })));
  const loans = await db.query<{ count: string | number }>('SELECT count(*) AS "count" FROM "loans" JOIN "books" ON "books"."id" = "loans"."book_id"');
  assert.equal(Number(loans.rows[0].count), 3, 'the loans still point at their books');
  const branches = await db.query<{ count: string | number }>('SELECT count(*) AS "count" FROM "branches"');
  assert.equal(Number(branches.rows[0].count), 0);
  const applied = await db.query<{ name: string }>('SELECT "name" FROM "_migrations" ORDER BY "name"');
  assert.deepEqual(applied.rows.map((row) => row.name), ['0001_init.sql', migration]);
}

// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
