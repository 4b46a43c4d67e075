import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { RunEventStream, type RunEvent } from '../../src/model/run/events';
import { JOURNAL_VERSION, RunJournal } from '../../src/core/pipeline/journal';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { extractSpec } from '../../src/core/extract';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { PARTIAL_MARKER, workspaceWriter } from '../../src/vscode/generation/workspaceSink';
import { standaloneRunner, waitFor } from './helpers';

/**
 * What a window reload leaves behind: the journal up to some event, and the files those events
 * announced, on disk. Returns the full, uninterrupted run's files to compare with.
 */
async function interruptedRun(folder: string, spec: ProjectSpec, journalDir: string, cutAt: number) {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(root);
  const stream = new RunEventStream(`run-${folder}`);
  const full = await runGeneration({ input: { kind: 'spec', spec }, stream });
  const reference = new Map(full.files.list().map((file) => [file.path, file.content]));
  const cut: RunEvent[] = stream.events.slice(0, cutAt);
  const journal = await RunJournal.create(journalDir, {
    journalVersion: JOURNAL_VERSION,
    runId: stream.runId,
    folder,
    projectName: spec.name,
    provider: 'offline',
    startedAt: Date.now(),
    entities: spec.entities.map((e) => e.name),
    warnings: [],
    spec,
  });
  const target = vscode.Uri.joinPath(root, folder);
  await vscode.workspace.fs.createDirectory(target);
  const write = workspaceWriter(target);
  for (const event of cut) {
    journal.append(event);
    if (event.type === 'fileProduced') await write({ path: event.path, content: reference.get(event.path) as string, layer: 'x', explanation: 'x', serves: [], sources: [] });
  }
  await journal.flush();
  const finishedStages = cut.filter((e) => e.type === 'stageFinished').length;
  assert.ok(finishedStages >= 3 && !cut.some((e) => e.type === 'runFinished'), 'the cut falls in the middle of the run');
  return { runId: stream.runId, target, reference, cut };
}

describe('Resuming an interrupted run', function () {
  this.timeout(120_000);

  it('after a reload, resume runs only the unfinished stages and ends with the same files as an uninterrupted run', async () => {
    const journalDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-resume-'));
    const spec = extractSpec('Blog with auth and posts. Readers can comment on posts.', { projectName: 'resumed-blog' });
    const { runId, target, reference, cut } = await interruptedRun('resumed-blog', spec, journalDir, 120);
    const { runner, posted, dispose } = standaloneRunner(journalDir);
    try {
      await runner.sendSnapshot();
      const snapshot = posted.find((m) => m.type === 'runSnapshot');
      assert.ok(snapshot?.type === 'runSnapshot' && snapshot.interrupted, 'the reloaded panel is offered the interrupted run');
      const resumed = await runner.resume('resume-1', runId);
      assert.ok(resumed, 'the resume started');
      await waitFor(() => runner.runningCount === 0 || undefined, 'the resumed run to finish', 60_000);
      const events = posted.flatMap((m) => (m.type === 'runEvent' && m.event.runId === resumed ? [m.event] : []));
      const kept = events.filter((e) => e.type === 'stageOutput' && /kept from the interrupted run/.test(e.summary)).map((e) => (e as { stageId: string }).stageId);
      const finishedBefore = cut.filter((e) => e.type === 'stageFinished').map((e) => (e as { stageId: string }).stageId);
      assert.deepEqual(kept.sort(), finishedBefore.sort(), 'exactly the stages that had finished were kept, not run again');
      // Every file of the project, with the same bytes as the run that was never interrupted.
      for (const [file, content] of reference) {
        assert.equal(readFileSync(path.join(target.fsPath, file), 'utf8'), content, file);
      }
      const marker = await Promise.resolve(vscode.workspace.fs.stat(vscode.Uri.joinPath(target, ...PARTIAL_MARKER.split('/')))).then(() => true, () => false);
      assert.equal(marker, false, 'no partial marker');
      assert.equal(await runner.resume('resume-again', runId), undefined, 'a run is resumed once');
    } finally {
      dispose();
    }
  });

  it('keeps a file the user changed after the interruption, and says so', async () => {
    const journalDir = mkdtempSync(path.join(os.tmpdir(), 'takoss-resume-'));
    const spec = extractSpec('Blog with auth and posts.', { projectName: 'edited-blog' });
    const { runId, target, reference, cut } = await interruptedRun('edited-blog', spec, journalDir, 100);
    const firstFile = cut.find((e) => e.type === 'fileProduced') as { path: string } | undefined;
    assert.ok(firstFile);
    const edited = path.join(target.fsPath, firstFile.path);
    writeFileSync(edited, readFileSync(edited, 'utf8') + '\n// my change\n');
    const { runner, posted, dispose } = standaloneRunner(journalDir);
    try {
      await runner.sendSnapshot();
      const resumed = await runner.resume('resume-2', runId);
      assert.ok(resumed);
      await waitFor(() => runner.runningCount === 0 || undefined, 'the resumed run to finish', 60_000);
      assert.match(readFileSync(edited, 'utf8'), /\/\/ my change/, 'the user’s version stays');
      const accepted = posted.find((m) => m.type === 'runAccepted');
      assert.ok(accepted?.type === 'runAccepted' && accepted.warnings.some((w) => w.includes(firstFile.path)), 'the run says the file was kept');
      for (const [file, content] of reference) {
        if (file !== firstFile.path && file !== '.takoss/manifest.json') assert.equal(readFileSync(path.join(target.fsPath, file), 'utf8'), content, file);
      }
    } finally {
      dispose();
    }
  });
});
