// Renames read from a change in plain words reach the migration: readChange says what it renamed
// (named as before the change, chains folded, renames of what the change itself added left out),
// and updateProject passes that to the migration, so a renamed column keeps its values (RENAME,
// not a drop and an add) in a database holding rows.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { readChange } from '../../src/core/change';
import { extractSpec } from '../../src/core/extract';
import type { GeneratedFile } from '../../src/core/generator/fileSet';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { Sink } from '../../src/core/output/sink/sink';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { updateProject } from '../../src/core/update/updateProject';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { generatedProject, runCliInProcess } from '../shared/cliInProcess';
import { applyStep, databaseAt, loadSpec, migrateAndCompare, rows } from '../shared/migrationHarness';

const library = loadSpec('library');
const events = loadSpec('events');

async function generateOffline(spec: ProjectSpec): Promise<{ spec: ProjectSpec; files: GeneratedFile[] }> {
  const files = new Map<string, GeneratedFile>();
  const result = await runGeneration({ input: { kind: 'spec', spec }, onFile: (file) => void files.set(file.path, file) });
  return { spec: result.spec, files: [...files.values()] };
}

describe('readChange: what a change renamed, for the migration', function () {
  // The last test starts PGlite (WebAssembly), which takes seconds on a busy machine.
  this.timeout(60_000);
  it('names an entity and a field renamed as they were before the change', () => {
    assert.deepEqual(readChange(events, 'rename attendees to guests').renames, { entities: [{ from: 'Attendee', to: 'Guest' }] });
    assert.deepEqual(readChange(library, 'rename the website of books to homepage').renames, { fields: [{ entity: 'Book', from: 'website', to: 'homepage' }] });
  });

  it('folds a chain of renames, and names a field by its entity as it was', () => {
    assert.deepEqual(readChange(library, 'Rename the website of books to homepage. Rename the homepage of books to site.').renames, { fields: [{ entity: 'Book', from: 'website', to: 'site' }] });
    assert.deepEqual(readChange(library, 'Rename books to titles. Rename the copies of titles to stock.').renames, {
      entities: [{ from: 'Book', to: 'Title' }],
      fields: [{ entity: 'Book', from: 'copies', to: 'stock' }],
    });
    assert.equal(readChange(library, 'Rename genres to categories. Rename categories to genres.').renames, undefined, 'back where it was: nothing renamed');
  });

  it('leaves out renames of what the same change added, and says nothing when nothing was renamed', () => {
    const added = readChange(library, 'Add a subtitle to books. Rename the subtitle of books to tagline.');
    assert.ok(added.spec.entities.find((e) => e.name === 'Book')!.fields.some((f) => f.name === 'tagline'), added.applied.join('\n'));
    assert.equal(added.renames, undefined);
    assert.equal(readChange(library, 'add a subtitle to books').renames, undefined);
  });

  it('gives the migration what it needs to keep the rows of a renamed table and column', async () => {
    const reading = readChange(library, 'Rename books to titles and rename the copies of titles to stock.');
    const { db, step } = await migrateAndCompare(library, reading.spec, {
      renames: reading.renames,
      seed: (db) => db.exec(`INSERT INTO "books" ("title", "author", "isbn", "copies") VALUES ('Dune', 'Herbert', '123', 2)`),
    });
    assert.doesNotMatch(step.sql, /DROP (TABLE|COLUMN)/);
    assert.deepEqual(await rows(db, `SELECT "title", "stock" FROM "titles"`), [{ title: 'Dune', stock: 2 }]);
  });
});

describe('a rename through a change keeps the column’s data (updateProject and takoss update --change)', function () {
  this.timeout(120_000);
  let work: string;
  let project: string;
  const deps = { extractSpec, runGeneration, verifyProject: async () => assert.fail('not asked to verify') };
  const cli = (args: string[]) => runCliInProcess(args, deps);
  const migrations = () => readdirSync(path.join(project, 'backend', 'migrations')).sort();

  beforeEach(async () => {
    ({ work, project } = await generatedProject(library, deps));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('updateProject passes the change’s renames to the migration: RENAME, and the values stay', async () => {
    const sink = new Sink(nodeFileSystemPort(project));
    const outcome = await updateProject({ sink, change: (current) => readChange(current, 'Rename the copies of books to stock.'), generate: generateOffline });
    assert.equal(outcome.kind, 'planned');
    assert.ok(outcome.kind === 'planned' && outcome.applied && !outcome.applied.refused.length);
    const added = migrations().filter((name) => name !== '0001_init.sql');
    assert.equal(added.length, 1, migrations().join(', '));
    const sql = readFileSync(path.join(project, 'backend', 'migrations', added[0]), 'utf8');
    assert.match(sql, /ALTER TABLE "books" RENAME COLUMN "copies" TO "stock";/);
    assert.doesNotMatch(sql, /DROP COLUMN/);
    const db = await databaseAt(library);
    await db.exec(`INSERT INTO "books" ("title", "author", "isbn", "copies") VALUES ('Dune', 'Herbert', '123', 2)`);
    await applyStep(db, sql);
    assert.deepEqual(await rows(db, `SELECT "title", "stock" FROM "books"`), [{ title: 'Dune', stock: 2 }]);
  });

  it('takoss update --change "rename …" writes a RENAME migration', async () => {
    const result = await cli(['update', '--project', project, '--change', 'Rename the website of books to homepage.']);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /Renames the column/);
    const added = migrations().find((name) => name !== '0001_init.sql');
    const sql = readFileSync(path.join(project, 'backend', 'migrations', added!), 'utf8');
    assert.match(sql, /RENAME COLUMN "website" TO "homepage"/);
    assert.doesNotMatch(sql, /DROP COLUMN/);
  });
});
