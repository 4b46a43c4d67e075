import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { RunEventStream } from '../../src/model/run/events';
import { JOURNAL_VERSION, RunJournal } from '../../src/core/pipeline/journal';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { extractSpec } from '../../src/core/extract';
import { standaloneRunner, waitFor } from './helpers';

describe('Run journal in the extension host', () => {
  it('after a reload, redraws a run that was cut short from its journal', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-int-'));
    const spec = extractSpec('Blog with auth and posts.', { projectName: 'journal-blog' });
    const full = new RunEventStream('run-cut');
    await runGeneration({ input: { kind: 'spec', spec }, stream: full });
    const cut = full.events.slice(0, 20);
    const journal = await RunJournal.create(dir, {
      journalVersion: JOURNAL_VERSION,
      runId: 'run-cut',
      folder: 'journal-blog',
      projectName: 'journal-blog',
      provider: 'offline',
      startedAt: Date.now(),
      entities: ['User', 'Post'],
      warnings: [],
      spec,
    });
    for (const event of cut) journal.append(event);
    await journal.flush();
    const { runner, posted, dispose } = standaloneRunner(dir);
    try {
      await runner.sendSnapshot();
      const snapshot = posted.find((m) => m.type === 'runSnapshot');
      assert.ok(snapshot && snapshot.type === 'runSnapshot');
      assert.equal(snapshot.interrupted, true);
      assert.equal(snapshot.runId, 'run-cut');
      assert.deepEqual(snapshot.events, cut);
    } finally {
      dispose();
    }
  });

  it('journals a real run from the panel runner; a finished run is not redrawn as interrupted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-int-'));
    const first = standaloneRunner(dir);
    const spec = extractSpec('Blog with auth and posts.', { projectName: 'journaled-blog' });
    try {
      const runId = await first.runner.start({ requestId: 'j-1', spec, provider: 'offline' });
      assert.ok(runId);
      await waitFor(() => first.runner.runningCount === 0 || undefined, 'the run to finish', 30_000);
      assert.ok(first.posted.some((m) => m.type === 'runEvent' && m.event.type === 'runFinished'));
    } finally {
      first.dispose();
    }
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root);
    const next = standaloneRunner(dir);
    try {
      await next.runner.sendSnapshot();
      assert.equal(next.posted.filter((m) => m.type === 'runSnapshot').length, 0, 'finished runs belong to history, not to the reload view');
    } finally {
      next.dispose();
    }
  });

  it('a window closing mid-run leaves the run interrupted (resumable), not cancelled', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-journal-int-'));
    const first = standaloneRunner(dir);
    const entities = Array.from({ length: 12 }, (_, i) => `Item${i} has a name and a note.`).join(' ');
    const spec = extractSpec(`Inventory app. ${entities}`, { projectName: 'closing-window' });
    const runId = await first.runner.start({ requestId: 'j-2', spec, provider: 'offline' });
    assert.ok(runId);
    assert.ok(!first.eventsOf(runId).some((e) => e.type === 'runFinished'), 'the run is still going when the window closes');
    first.dispose(); // what VS Code does to the extension on reload or close
    await waitFor(() => first.eventsOf(runId).some((e) => e.type === 'runFinished') || undefined, 'the aborted run to stop', 30_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // anything still queued for the journal
    const next = standaloneRunner(dir);
    try {
      await next.runner.sendSnapshot();
      const snapshot = next.posted.find((m) => m.type === 'runSnapshot');
      assert.ok(snapshot && snapshot.type === 'runSnapshot', 'the next window redraws the run');
      assert.equal(snapshot.interrupted, true);
      assert.equal(snapshot.runId, runId);
      assert.ok(!snapshot.events.some((e) => e.type === 'runFinished'), 'the shutdown is not journaled as the run ending');
    } finally {
      next.dispose();
    }
  });
});
