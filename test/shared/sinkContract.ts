// The sink's rules, tested once and run against each file system port: node:fs in the unit suite
// (test/unit/sink.test.ts), vscode.workspace.fs in the integration suite (test/integration/workspaceWrite.test.ts).
import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_FILE_BYTES, MAX_GENERATED_FILE_BYTES } from '../../src/core/generator/fileSet';
import type { FileSystemPort } from '../../src/core/output/sink/fileSystemPort';
import { PARTIAL_MARKER, partialMarkerText } from '../../src/core/output/partialMarker';
import { removeOwnFiles } from '../../src/core/output/sink/removal';
import { ChangedSinceError, runWriter, sha256, Sink, type SinkFile } from '../../src/core/output/sink/sink';

export interface SinkFixture {
  /** A port over `folder`, a new empty folder. */
  port: FileSystemPort;
  folder: string;
  /** A port over a folder below `folder` that does not exist yet. */
  portUnder(relative: string): FileSystemPort;
  /** Whether the port can mark a file executable (workspace.fs has no file modes). */
  executableBits: boolean;
}

const file = (p: string, content = 'x', extra: Partial<SinkFile> = {}): SinkFile => ({ path: p, content, layer: 'test', ...extra });

/** Files and folders under `root`, as POSIX paths (symbolic links are listed, not followed). */
function listAll(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.posix.join(prefix, entry.name);
    return entry.isDirectory() ? [relative, ...listAll(root, relative)] : [relative];
  });
}

/** [what it is, the path, why it is refused] */
const HOSTILE_PATHS: [string, string, RegExp][] = [
  ['parent folder', '../escape.txt', /Unsafe generated path \(segment/],
  ['parent folder, deeper', 'a/../../escape.txt', /Unsafe generated path \(segment/],
  ['parent folder, short', '../x.txt', /Unsafe generated path \(segment/],
  ['parent folder, two up', 'a/../../b', /Unsafe generated path \(segment/],
  ['parent folder inside', 'a/../b', /Unsafe generated path \(segment/],
  ['current folder', './a', /Unsafe generated path \(segment/],
  ['empty segment', 'a//b', /Unsafe generated path \(segment/],
  ['absolute path', '/etc/passwd', /Unsafe generated path \(absolute/],
  ['drive letter', 'C:/Windows/evil.txt', /Unsafe generated path \(absolute/],
  ['drive letter, short', 'C:/x', /Unsafe generated path \(absolute/],
  ['backslashes', 'a\\..\\evil.txt', /Unsafe generated path \(absolute/],
  ['a backslash', 'a\\b', /Unsafe generated path \(absolute/],
  ['NUL byte', 'with\u0000nul.txt', /Unsafe generated path \(segment/],
  ['control character', 'bell\u0007.txt', /Unsafe generated path \(segment/],
  ['reserved device name', 'CON', /reserved/],
  ['reserved name with extension', 'src/aux.ts', /reserved/],
  ['trailing dot', 'trailing.', /reserved/],
  ['too long', 'a'.repeat(241), /Unsafe generated path \(length/],
  ['too deep', `${Array.from({ length: 13 }, (_, i) => `d${i}`).join('/')}/x.ts`, /deeper/],
  ['empty', '', /Unsafe generated path \(length/],
];

export function sinkContract(portName: string, newFixture: () => Promise<SinkFixture>): void {
  describe(`The sink (${portName})`, function () {
    // The size caps build a 128 MB string; workspace.fs takes a round trip per call.
    this.timeout(60_000);
    let fixture: SinkFixture;
    let outside: string;
    beforeEach(async () => {
      fixture = await newFixture();
      outside = mkdtempSync(path.join(os.tmpdir(), 'takoss-outside-'));
    });
    const on = (...parts: string[]) => path.join(fixture.folder, ...parts);

    it('refuses every hostile path, each with its reason, and writes nothing anywhere', async () => {
      const sink = new Sink(fixture.port);
      for (const [name, hostile, reason] of HOSTILE_PATHS) {
        for (const policy of ['create', 'force'] as const) await assert.rejects(sink.write(file(hostile), { kind: policy }), reason, `${name} (${policy})`);
      }
      assert.deepEqual(listAll(fixture.folder), [], 'nothing was written in the target');
      assert.ok(!existsSync(path.join(fixture.folder, '..', 'escape.txt')) && !existsSync(path.join(fixture.folder, '..', 'b')), 'nor beside it');
    });

    it('never writes through a symbolic link on the way, wherever it points', async () => {
      mkdirSync(on('real'));
      symlinkSync(outside, on('out'));
      symlinkSync(on('real'), on('in')); // even one that stays inside: the rule is simple and the same everywhere
      const sink = new Sink(fixture.port);
      for (const policy of ['create', 'force'] as const) {
        await assert.rejects(sink.write(file('out/evil.txt'), { kind: policy }), /"out\/evil.txt": out is a symbolic link/);
        await assert.rejects(sink.write(file('out/deeper/evil.txt'), { kind: policy }), /out is a symbolic link/);
        await assert.rejects(sink.write(file('in/x.txt'), { kind: policy }), /in is a symbolic link/);
      }
      await assert.rejects(sink.createFolder('out/app'), /out is a symbolic link/);
      assert.deepEqual(readdirSync(outside), [], 'nothing went through the link');
      assert.deepEqual(readdirSync(on('real')), []);
    });

    it('never replaces a symbolic link at the file itself, even when forced', async () => {
      writeFileSync(path.join(outside, 'target.txt'), 'theirs');
      symlinkSync(path.join(outside, 'target.txt'), on('filelink'));
      const sink = new Sink(fixture.port);
      await assert.rejects(sink.write(file('filelink', 'mine'), { kind: 'force' }), /"filelink": it is a symbolic link/);
      await assert.rejects(sink.write(file('filelink', 'mine'), { kind: 'replaceIfUnchanged', sha256: sha256('theirs') }), /it is a symbolic link/);
      await assert.rejects(sink.write(file('filelink', 'mine'), { kind: 'create' }), /already exists; Takoss does not replace it/);
      assert.equal(readFileSync(path.join(outside, 'target.txt'), 'utf8'), 'theirs');
    });

    it('creates new files whole, with their folders, never over an existing file, leaving no temporary file', async () => {
      writeFileSync(on('mine.txt'), 'user data');
      const sink = new Sink(fixture.port);
      await sink.write(file('a/b/c.ts', 'export {};\n'), { kind: 'create' });
      await sink.write(file('run.sh', '#!/bin/sh\n', { executable: true }), { kind: 'create' });
      await assert.rejects(sink.write(file('mine.txt', 'overwritten'), { kind: 'create' }), /^Error: mine.txt already exists; Takoss does not replace it$/);
      await assert.rejects(sink.write(file('a/b/c.ts', 'again'), { kind: 'create' }), /already exists/);
      assert.equal(readFileSync(on('mine.txt'), 'utf8'), 'user data');
      assert.equal(readFileSync(on('a', 'b', 'c.ts'), 'utf8'), 'export {};\n');
      assert.equal(Boolean(statSync(on('run.sh')).mode & 0o100), fixture.executableBits, 'executable bit as the file system allows');
      assert.deepEqual(listAll(fixture.folder).sort(), ['a', 'a/b', 'a/b/c.ts', 'mine.txt', 'run.sh']);
    });

    it('creates the folder it writes into when it is missing', async () => {
      await new Sink(fixture.portUnder('new/project')).write(file('a.ts', 'a'), { kind: 'create' });
      assert.equal(readFileSync(on('new', 'project', 'a.ts'), 'utf8'), 'a');
    });

    it('replaces a file only while it holds exactly what was written, or when forced', async () => {
      const sink = new Sink(fixture.port);
      await sink.write(file('app.ts', 'first'), { kind: 'create' });
      await sink.write(file('app.ts', 'second'), { kind: 'replaceIfUnchanged', sha256: sha256('first') });
      assert.equal(readFileSync(on('app.ts'), 'utf8'), 'second');
      writeFileSync(on('app.ts'), 'the user edited it');
      await assert.rejects(sink.write(file('app.ts', 'third'), { kind: 'replaceIfUnchanged', sha256: sha256('second') }), /^Error: app.ts changed since this run wrote it; Takoss does not replace it$/);
      await assert.rejects(sink.write(file('gone.ts', 'x'), { kind: 'replaceIfUnchanged', sha256: sha256('x') }), /gone.ts changed since this run wrote it/);
      await assert.rejects(sink.write(file('app.ts', 'third'), { kind: 'replaceIfUnchanged', sha256: sha256('second') }), (error) => error instanceof ChangedSinceError && !error.removed);
      await assert.rejects(sink.write(file('gone.ts', 'x'), { kind: 'replaceIfUnchanged', sha256: sha256('x') }), (error) => error instanceof ChangedSinceError && error.removed);
      assert.equal(readFileSync(on('app.ts'), 'utf8'), 'the user edited it');
      await sink.write(file('app.ts', 'forced'), { kind: 'force' });
      assert.equal(readFileSync(on('app.ts'), 'utf8'), 'forced');
      assert.deepEqual(listAll(fixture.folder), ['app.ts'], 'no temporary file is left');
    });

    it('a run writer creates, may write its own file again while unchanged, and forces only what was allowed', async () => {
      writeFileSync(on('package.json'), '{ "name": "mine" }');
      writeFileSync(on('README.md'), 'mine');
      const write = runWriter(new Sink(fixture.port), { replaceable: new Set(['package.json']) });
      await write(file('package.json', '{}'));
      await assert.rejects(write(file('README.md', 'ours')), /README.md already exists/);
      await write(file('src/app.ts', 'one'));
      await write(file('src/app.ts', 'repaired'));
      writeFileSync(on('src', 'app.ts'), 'edited');
      await assert.rejects(write(file('src/app.ts', 'again')), /changed since this run wrote it/);
      assert.deepEqual(
        ['package.json', 'README.md', 'src/app.ts'].map((name) => readFileSync(on(name), 'utf8')),
        ['{}', 'mine', 'edited'],
      );
    });

    it("a run writer replaces an earlier run's file (expected) only while it holds that run's hash", async () => {
      writeFileSync(on('kept.ts'), 'earlier run');
      writeFileSync(on('edited.ts'), 'earlier run');
      const expected = new Map([['kept.ts', sha256('earlier run')], ['edited.ts', sha256('earlier run')]]);
      const write = runWriter(new Sink(fixture.port), { expected });
      await write(file('kept.ts', 'resumed'));
      writeFileSync(on('edited.ts'), 'the user edited it');
      await assert.rejects(write(file('edited.ts', 'resumed')), ChangedSinceError);
      await write(file('kept.ts', 'repaired'));
      assert.deepEqual(['kept.ts', 'edited.ts'].map((name) => readFileSync(on(name), 'utf8')), ['repaired', 'the user edited it']);
    });

    it('refuses two spellings of one path (one file on case-insensitive disks)', async () => {
      const sink = new Sink(fixture.port);
      await sink.write(file('README.md', 'one'), { kind: 'create' });
      await sink.write(file('src/app.ts'), { kind: 'create' });
      await assert.rejects(sink.write(file('Readme.md', 'two'), { kind: 'force' }), /"Readme.md" differs only in case from "README.md"/);
      await assert.rejects(sink.write(file('Src/other.ts'), { kind: 'create' }), /"Src" differs only in case from "src"/);
      assert.deepEqual(listAll(fixture.folder).sort(), ['README.md', 'src', 'src/app.ts']);
    });

    it('caps files a model may write at 2 MB, and the generator’s own files (which grow with the spec) far higher', async () => {
      const sink = new Sink(fixture.port);
      const write = (p: string, content: string, layer: string) => sink.write(file(p, content, { layer }), { kind: 'create' });
      const over2Mb = 'x'.repeat(MAX_FILE_BYTES + 1);
      const limit = new RegExp(`over the ${MAX_FILE_BYTES}-byte limit`);
      // Claude's pages and rules modules, its new rules tests, and any test file a repair may edit.
      await assert.rejects(write('frontend/src/pages/books.tsx', over2Mb, 'frontend/pages'), limit);
      await assert.rejects(write('backend/src/rules/books.ts', over2Mb, 'backend/rules'), limit);
      await assert.rejects(write('backend/test/books.rules.test.ts', over2Mb, 'backend/tests'), limit);
      await assert.rejects(write('frontend/src/test/books.test.tsx', over2Mb, 'frontend/tests'), limit);
      // The deterministic openapi.json of a large spec.
      await write('backend/openapi.json', over2Mb, 'backend/openapi');
      assert.equal(statSync(on('backend', 'openapi.json')).size, MAX_FILE_BYTES + 1);
      await assert.rejects(write('backend/src/db/seed.ts', 'x'.repeat(MAX_GENERATED_FILE_BYTES + 1), 'backend/seed'), new RegExp(`over the ${MAX_GENERATED_FILE_BYTES}-byte limit`));
      assert.deepEqual(listAll(fixture.folder), ['backend', 'backend/openapi.json'], 'nothing refused was written');
    });

    it('removes only what a run wrote and nobody changed, then the folders left empty', async () => {
      const write = runWriter(new Sink(fixture.port));
      const written = ['src/a.ts', 'src/deep/b.ts', 'src/edited.ts', 'gone.ts', 'linked/c.ts'];
      for (const name of written) await write(file(name, name));
      await write(file(PARTIAL_MARKER, partialMarkerText('cancelled', ['Pages'], 'advice')));
      writeFileSync(on('src', 'edited.ts'), 'mine');
      writeFileSync(on('notes.txt'), 'not the run’s');
      await new Sink(fixture.port).port.delete('gone.ts');
      // A link where the run made a folder: whatever it points to is not the run's.
      mkdirSync(path.join(outside, 'linked'));
      writeFileSync(path.join(outside, 'linked', 'c.ts'), 'linked/c.ts');
      await new Sink(fixture.port).port.delete('linked/c.ts');
      await new Sink(fixture.port).port.delete('linked');
      symlinkSync(path.join(outside, 'linked'), on('linked'));
      const result = await removeOwnFiles(new Sink(fixture.port), written.map((name) => ({ path: name, sha256: sha256(name) })));
      assert.deepEqual(result, { removed: 2, kept: ['src/edited.ts', 'linked/c.ts'], missing: ['gone.ts'] });
      assert.deepEqual(listAll(fixture.folder).sort(), ['linked', 'notes.txt', 'src', 'src/edited.ts']);
      assert.deepEqual(readdirSync(path.join(outside, 'linked')), ['c.ts']);
    });

    it('tells an empty or missing folder from one with content', async () => {
      const sink = new Sink(fixture.port);
      assert.equal(await sink.hasContent(), false);
      assert.equal(await sink.hasContent('missing'), false);
      await sink.createFolder('apps/blog');
      assert.equal(await sink.hasContent('apps/blog'), false);
      assert.equal(await sink.hasContent('apps'), true);
      assert.equal(await sink.hasContent(), true);
      await assert.rejects(sink.hasContent('../x'), /Unsafe generated path/);
    });
  });
}
