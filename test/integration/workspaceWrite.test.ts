import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/model/run/events';
import { generateProject } from '../../src/core/generator';
import { addEntity, addField, renameField } from '../../src/model/project/edit';
import { extractSpec } from '../../src/core/extract';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { PARTIAL_MARKER } from '../../src/vscode/generation/workspaceSink';
import { workspaceFileSystemPort } from '../../src/vscode/workspaceFsPort';
import { sinkContract } from '../shared/sinkContract';
import { standaloneRunner, waitFor } from './helpers';

const sha256 = (data: Buffer | string) => createHash('sha256').update(data).digest('hex');

function listFiles(root: string, prefix = ''): string[] {
  if (!existsSync(path.join(root, prefix))) return [];
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)],
  );
}

function testRunner(answers: boolean[] = []) {
  return standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-write-journal-')), undefined, { answers });
}

/** A spec big enough that its run takes a while (for cancelling mid-run). */
function bigSpec(name: string, entities = 30): ProjectSpec {
  let spec = extractSpec('Blog with auth and posts.', { projectName: name });
  for (let i = 0; i < entities; i++) {
    const name = `Thing${i}`;
    spec = addField(addField(addEntity(spec, name), name, 'title', 'string'), name, 'amount', 'money');
  }
  return spec;
}

/** Every file on disk was written whole: its hash is the one its fileProduced event announced. */
function assertWrittenWhole(root: string, events: RunEvent[]): string[] {
  const announced = new Map(events.flatMap((e) => (e.type === 'fileProduced' ? [[e.path, e.sha256] as const] : [])));
  const onDisk = listFiles(root).filter((file) => file !== PARTIAL_MARKER);
  for (const file of onDisk) {
    assert.ok(!file.endsWith('.tmp'), `no temporary file is left: ${file}`);
    assert.equal(sha256(readFileSync(path.join(root, file))), announced.get(file), `${file} is whole and announced`);
  }
  return onDisk;
}

let fixtures = 0;
sinkContract('workspace.fs port', async () => {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root, 'the test host has a workspace folder');
  const folder = vscode.Uri.joinPath(root, `sink-contract-${++fixtures}`);
  await vscode.workspace.fs.createDirectory(folder);
  return {
    port: workspaceFileSystemPort(folder),
    folder: folder.fsPath,
    portUnder: (relative) => workspaceFileSystemPort(vscode.Uri.joinPath(folder, ...relative.split('/'))),
    executableBits: false,
  };
});

describe('Writing into the workspace', function () {
  this.timeout(120_000);
  const root = () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test host has a workspace folder');
    return folder;
  };

  it('refuses a folder that has files, and leaves them exactly as they were', async () => {
    const occupied = vscode.Uri.joinPath(root(), 'occupied-app');
    const notes = vscode.Uri.joinPath(occupied, 'notes.txt');
    await vscode.workspace.fs.writeFile(notes, new TextEncoder().encode('my notes\n'));
    const before = sha256(readFileSync(notes.fsPath));
    const { runner, posted, dispose } = testRunner();
    try {
      const spec = extractSpec('Blog with auth and posts.', { projectName: 'occupied-app' });
      assert.equal(await runner.start({ requestId: 'occupied', spec, provider: 'offline' }), undefined);
      const refusal = posted.find((m) => m.type === 'runRefused');
      assert.match(refusal?.type === 'runRefused' ? refusal.reason : '', /already exists and is not empty/);
      assert.equal(sha256(readFileSync(notes.fsPath)), before, 'the file is untouched');
      assert.deepEqual(listFiles(occupied.fsPath), ['notes.txt']);
    } finally {
      dispose();
    }
  });

  it('merges into a folder with files only as the user chose per file (verified by hash)', async () => {
    const folder = vscode.Uri.joinPath(root(), 'merge-app');
    const put = (name: string, text: string) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, name), new TextEncoder().encode(text));
    await put('README.md', '# My own readme\n');
    await put('package.json', '{ "name": "mine" }\n');
    await put('notes.txt', 'only mine\n');
    const before = Object.fromEntries(['README.md', 'notes.txt'].map((name) => [name, sha256(readFileSync(path.join(folder.fsPath, name)))]));
    const { runner, posted, prompts, dispose } = testRunner([true]);
    try {
      const spec = extractSpec('Blog with auth and posts.', { projectName: 'merge-app' });
      const runId = await runner.start({ requestId: 'merge', spec, provider: 'offline', merge: { replace: ['package.json'] } });
      assert.ok(runId, 'merging was accepted');
      assert.equal(prompts.length, 1, 'the host asked before replacing');
      assert.match(prompts[0].message, /Replace 1 file in merge-app/);
      assert.match(prompts[0].detail, /Your version of package\.json will be overwritten/);
      await waitFor(() => runner.runningCount === 0 || undefined, 'the run to finish', 30_000);
      for (const name of ['README.md', 'notes.txt']) assert.equal(sha256(readFileSync(path.join(folder.fsPath, name))), before[name], `${name} is untouched`);
      assert.match(readFileSync(path.join(folder.fsPath, 'package.json'), 'utf8'), /"workspaces"/, 'package.json was replaced, as chosen');
      assert.ok(existsSync(path.join(folder.fsPath, 'backend', 'src', 'routes', 'posts.ts')), 'new files were added');
      const accepted = posted.find((m) => m.type === 'runAccepted');
      assert.ok(accepted?.type === 'runAccepted' && accepted.warnings.some((w) => /Kept your version of 1 existing file: README\.md/.test(w)), 'the run says what it kept');
    } finally {
      dispose();
    }
  });

  it('replaces nothing when the user does not confirm it in the host: the run is refused and the folder stays as it was', async () => {
    const folder = vscode.Uri.joinPath(root(), 'merge-declined');
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(folder, 'package.json'), new TextEncoder().encode('{ "name": "mine" }\n'));
    const { runner, posted, prompts, dispose } = testRunner([false]);
    try {
      const spec = extractSpec('Blog with auth and posts.', { projectName: 'merge-declined' });
      assert.equal(await runner.start({ requestId: 'merge-no', spec, provider: 'offline', merge: { replace: ['package.json'] } }), undefined);
      assert.equal(prompts.length, 1);
      const refusal = posted.find((m) => m.type === 'runRefused');
      assert.match(refusal?.type === 'runRefused' ? refusal.reason : '', /did not confirm replacing 1 file in merge-declined: nothing was written/);
      assert.deepEqual(listFiles(folder.fsPath), ['package.json']);
      assert.equal(readFileSync(path.join(folder.fsPath, 'package.json'), 'utf8'), '{ "name": "mine" }\n');
    } finally {
      dispose();
    }
  });

  it('commits each generation to git; a regeneration is a new commit the user can diff', async () => {
    const folder = path.join(root().fsPath, 'git-app');
    const git = (...args: string[]) => execFileSync('git', args, { cwd: folder, encoding: 'utf8' });
    // The regeneration replaces the first one's files: the host asks once, and the test agrees.
    const { runner, eventsOf, dispose } = testRunner([true]);
    try {
      const spec = extractSpec('Blog with auth and posts.\nPosts have tags.', { projectName: 'git-app' });
      const first = await runner.start({ requestId: 'git-1', spec, provider: 'offline', git: true });
      assert.ok(first);
      await waitFor(() => runner.runningCount === 0 || undefined, 'the run to finish', 30_000);
      assert.match(git('log', '--format=%s'), /^Generated by Takoss from: Blog with auth and posts\.$/m);
      assert.ok(eventsOf(first).some((e) => e.type === 'gitResult' && e.outcome === 'committed' && /^[0-9a-f]{7,}$/.test(e.commit ?? '')), 'the run tells its commit');
      const tracked = git('ls-files').trim().split('\n');
      assert.ok(tracked.includes('backend/src/routes/posts.ts') && tracked.includes('.takoss/manifest.json'));

      const renamed = renameField(spec, 'Post', 'title', 'headline');
      const second = await runner.start({ requestId: 'git-2', spec: renamed, provider: 'offline', git: true, merge: { replace: generateProject(renamed).list().map((f) => f.path) } });
      assert.ok(second);
      await waitFor(() => runner.runningCount === 0 || undefined, 'the regeneration to finish', 30_000);
      assert.equal(git('rev-list', '--count', 'HEAD').trim(), '2', 'a second commit');
      assert.match(git('diff', 'HEAD~1', '--', 'backend/src/db/schema.ts'), /\+.*headline/, 'the change shows in the diff');
    } finally {
      dispose();
    }
  });

  it('cancelled mid-run: no half-written file, the project is marked partial, and "Remove" (once confirmed) takes exactly its unchanged files', async () => {
    const { runner, eventsOf, prompts, dispose } = testRunner([false, true]);
    try {
      const runId = await runner.start({ requestId: 'cancel', spec: bigSpec('cancelled-app'), provider: 'offline' });
      assert.ok(runId);
      await waitFor(() => eventsOf(runId).filter((e) => e.type === 'fileProduced').length >= 20 || undefined, 'some files to be written', 30_000);
      assert.equal(runner.cancel(runId), true);
      await waitFor(() => runner.runningCount === 0 || undefined, 'the run to stop', 30_000);
      const events = eventsOf(runId);
      const finished = events.find((e): e is Extract<RunEvent, { type: 'runFinished' }> => e.type === 'runFinished');
      assert.equal(finished?.summary.status, 'cancelled');
      assert.ok(events.some((e) => e.type === 'stageCancelled'), 'stages were stopped');
      const folder = path.join(root().fsPath, 'cancelled-app');
      await waitFor(() => existsSync(path.join(folder, PARTIAL_MARKER)) || undefined, 'the partial marker');
      const written = assertWrittenWhole(folder, events);
      assert.ok(written.length >= 20, `files were written before the cancel (${written.length})`);
      // Declined in the host's modal: nothing goes.
      const declined = await runner.discard(runId);
      assert.deepEqual(declined, { removed: 0, kept: [], missing: [], declined: true });
      assert.match(prompts[0].message, new RegExp(`Delete the ${written.length} files this run wrote in cancelled-app\\?`));
      assert.deepEqual(assertWrittenWhole(folder, events).sort(), written.sort(), 'every file is still there');
      // A file the user changed since the run is theirs: it stays, and the answer names it.
      const edited = written.find((file) => file.endsWith('.ts')) as string;
      writeFileSync(path.join(folder, edited), `${readFileSync(path.join(folder, edited), 'utf8')}// my change\n`);
      const result = await runner.discard(runId);
      assert.deepEqual(result, { removed: written.length - 1, kept: [edited], missing: [], declined: false });
      assert.deepEqual(listFiles(folder), [edited], 'only the changed file is left (and the folders it needs)');
    } finally {
      dispose();
    }
  });

  it('two generations at once into different folders keep their events and files apart', async () => {
    const { runner, eventsOf, prompts, dispose } = testRunner([true]);
    try {
      const [first, second] = await Promise.all([
        runner.start({ requestId: 'one', spec: extractSpec('Blog with auth and posts.', { projectName: 'parallel-blog' }), provider: 'offline' }),
        runner.start({
          requestId: 'two',
          spec: extractSpec('Event booking: organizers create events with a capacity; attendees register for events.', { projectName: 'parallel-events' }),
          provider: 'offline',
        }),
      ]);
      assert.ok(first && second && first !== second);
      assert.deepEqual(
        prompts.map((p) => p.message),
        ['"parallel-blog" is still being generated into parallel-blog. Start "parallel-events" as well?'],
        'the second asks first (the user chose to run both)',
      );
      await waitFor(() => runner.runningCount === 0 || undefined, 'both runs to finish', 60_000);
      for (const [runId, folder] of [[first, 'parallel-blog'], [second, 'parallel-events']] as const) {
        const events = eventsOf(runId);
        assert.ok(events.every((e) => e.runId === runId));
        assert.deepEqual(events.map((e) => e.seq), events.map((_, i) => i), 'one unbroken sequence per run');
        assert.ok(events.some((e) => e.type === 'runFinished'));
        const onDisk = assertWrittenWhole(path.join(root().fsPath, folder), events);
        assert.deepEqual(onDisk.sort(), events.flatMap((e) => (e.type === 'fileProduced' ? [e.path] : [])).sort(), `${folder} holds exactly its run's files`);
      }
      assert.match(readFileSync(path.join(root().fsPath, 'parallel-events', 'README.md'), 'utf8'), /[Ee]vent/);
      assert.doesNotMatch(readFileSync(path.join(root().fsPath, 'parallel-blog', 'README.md'), 'utf8'), /Registration/);
    } finally {
      dispose();
    }
  });
});
