// The window's run service with real panels: a run outlives the panel that started it (closing the
// panel mid-run neither cancels nor interrupts it), a reopened panel replays it live, and a second
// run asks before it starts, then gives the running one a view of its own.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { extractSpec } from '../../src/core/extract';
import type { ConsentPrompt } from '../../src/core/verify/consent';
import type { VerifyStep } from '../../src/core/verify/verifier';
import type { HostToWebview } from '../../src/model/protocol';
import type { TakossApi } from '../../src/vscode/api';
import { PanelManager } from '../../src/vscode/panel/PanelManager';
import type { TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { RunService } from '../../src/vscode/runs/RunService';
import type { ApiKeyStore } from '../../src/vscode/secrets';
import { SettingsWatcher } from '../../src/vscode/settings';
import { activateTakoss, closeAllEditors, EXTENSION_ID, quietLog, waitFor } from './helpers';

type RunSnapshot = Extract<HostToWebview, { type: 'runSnapshot' }>;

/** An answer the test gives later (it holds a run at its verification question meanwhile). */
function later(): { promise: Promise<boolean>; give(answer: boolean): void } {
  let give: (answer: boolean) => void = () => undefined;
  const promise = new Promise<boolean>((resolve) => (give = resolve));
  return { promise, give };
}

const quickSteps = (dir: string): VerifyStep[] => [{ name: 'install', command: 'node', args: ['-e', `require('node:fs').writeFileSync(${JSON.stringify(path.join(dir, '.ran'))}, 'yes')`] }];

/** A window of its own: a run service whose questions the test answers, and the panels over it. */
function testWindow(api: TakossApi, answers: (boolean | Promise<boolean>)[]) {
  const prompts: ConsentPrompt[] = [];
  const settings = new SettingsWatcher(quietLog);
  const keys = { get: async () => undefined, onDidChange: () => ({ dispose() {} }) } as unknown as ApiKeyStore;
  const confirm = async (prompt: ConsentPrompt) => {
    prompts.push(prompt);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`The test did not expect to be asked: ${prompt.message}`);
    return answer;
  };
  const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-runservice-journal-'));
  const runs = new RunService(quietLog, settings, keys, journals, api.history, { confirm, verifySteps: quickSteps });
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension);
  const panels = new PanelManager(extension.extensionUri, 'test', quietLog, settings, keys, runs);
  return { runs, panels, prompts, dispose: () => (panels.dispose(), runs.dispose(), settings.dispose()) };
}

/** Opens a panel and keeps every message it posts from the start (the snapshot comes with its handshake). */
async function openRecorded(open: () => TakossPanel): Promise<{ panel: TakossPanel; posted: HostToWebview[] }> {
  const panel = open();
  const posted: HostToWebview[] = [];
  panel.onDidPostMessage((message) => posted.push(message));
  await panel.whenReady(30_000);
  return { panel, posted };
}

/** Starts a run in `panel` and holds it at its verification question (answered by the test's first answer, later). */
async function startHeld(window: ReturnType<typeof testWindow>, panel: TakossPanel, projectName: string): Promise<string> {
  const runId = await panel.viewer.start(`held-${projectName}`, { spec: extractSpec('Blog with posts.', { projectName }), provider: 'offline', verify: true });
  assert.ok(runId, 'the run started');
  await waitFor(() => window.prompts.length === 1 || undefined, 'the run to be held at its verification question', 60_000);
  return runId;
}

const snapshotOf = (posted: HostToWebview[], runId: string) => posted.find((m): m is RunSnapshot => m.type === 'runSnapshot' && m.runId === runId);
const folderExists = (folder: string) => vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, folder)).then(() => true, () => false);

describe('Runs belong to the window, panels view them', function () {
  this.timeout(120_000);
  let api: TakossApi;
  before(async () => {
    api = await activateTakoss();
  });
  afterEach(closeAllEditors);

  it('closing the panel mid-run leaves the run going: it finishes, is recorded in the history, and a reopened panel shows it live', async () => {
    const hold = later();
    const window = testWindow(api, [hold.promise]);
    try {
      const first = await openRecorded(() => window.panels.open());
      const spec = extractSpec('Blog with auth and posts.', { projectName: `closed-mid-run-${Date.now()}` });
      const runId = await first.panel.viewer.start('close-1', { spec, provider: 'offline', verify: true });
      assert.ok(runId, 'the run started');
      // Held at its verification question: every file is written, the run is not over.
      await waitFor(() => window.prompts.length === 1 || undefined, 'the verification question', 60_000);
      first.panel.panel.dispose();
      await waitFor(() => window.panels.panel === undefined || undefined, 'the panel to close');
      assert.ok(window.runs.isActive(runId), 'closing the panel neither cancels nor interrupts the run');
      assert.equal((await api.history.get(runId))?.status, 'running');

      const reopened = await openRecorded(() => window.panels.open());
      const snapshot = snapshotOf(reopened.posted, runId);
      assert.ok(snapshot, 'the reopened panel replays the live run');
      assert.equal(snapshot.interrupted, false);
      assert.ok(snapshot.events.some((e) => e.type === 'fileProduced'), 'with its events so far');
      assert.ok(!snapshot.events.some((e) => e.type === 'runFinished'), 'and it is still running');
      assert.equal(reopened.panel.viewer.viewedRun, runId);

      hold.give(false); // no verification: the run goes on to its end
      await waitFor(() => !window.runs.isActive(runId) || undefined, 'the run to end', 60_000);
      // Delivered to the webview (a round trip) maybe after the run has ended.
      await waitFor(
        () => reopened.posted.some((m) => m.type === 'runEvent' && m.event.runId === runId && m.event.type === 'runFinished') || undefined,
        'the reopened panel to follow it to the end',
      );
      const record = await waitFor(async () => {
        const saved = await api.history.get(runId);
        return saved && saved.status !== 'running' ? saved : undefined;
      }, 'the history record', 30_000);
      assert.ok(['succeeded', 'degraded'].includes(record.status), `recorded as ${record.status}`);
      assert.ok(record.files.length > 10, 'with the files it wrote');
    } finally {
      window.dispose();
    }
  });

  it('a second run asks; "Open a Second View" starts it and opens a view of its own for the running one', async () => {
    const hold = later();
    const window = testWindow(api, [hold.promise, true]);
    try {
      const { panel, posted } = await openRecorded(() => window.panels.open());
      const stamp = Date.now();
      const first = await startHeld(window, panel, `first-${stamp}`);

      // The webview asks as it does: a generate request, answered by its reply.
      await panel.receive({ type: 'generate', requestId: 'both-2', spec: extractSpec('Shop with products.', { projectName: `second-${stamp}` }), provider: 'offline' });
      assert.equal(window.prompts.length, 2, 'asked before starting');
      assert.match(window.prompts[1].message, new RegExp(`"first-${stamp}" is still being generated into first-${stamp}\\. Start "second-${stamp}" as well\\?`));
      assert.equal(window.prompts[1].confirm, 'Open a Second View');
      const accepted = posted.find((m) => m.type === 'runAccepted' && m.replyTo === 'both-2');
      assert.ok(accepted?.type === 'runAccepted', 'the generate request is answered with runAccepted');
      assert.equal(panel.viewer.viewedRun, accepted.runId, 'this panel shows the run it asked for');

      const own = window.panels.viewOf(first);
      assert.ok(own && own !== panel, 'the running one got a view of its own');
      assert.equal(window.panels.all().length, 2);
      const ownPosted: HostToWebview[] = [];
      own.onDidPostMessage((message) => ownPosted.push(message));
      await own.whenReady(30_000);
      assert.equal(own.viewer.viewedRun, first);
      assert.ok(snapshotOf(ownPosted, first), 'it shows the running one');
      assert.ok(window.runs.isActive(first), 'the running one goes on');

      hold.give(false);
      await waitFor(() => window.runs.runningCount === 0 || undefined, 'both runs to end', 60_000);
    } finally {
      window.dispose();
    }
  });

  it('declining a second run starts nothing and leaves the running one where it is', async () => {
    const hold = later();
    const window = testWindow(api, [hold.promise, false]);
    try {
      const { panel, posted } = await openRecorded(() => window.panels.open());
      const stamp = Date.now();
      const first = await startHeld(window, panel, `kept-${stamp}`);
      await panel.receive({ type: 'generate', requestId: 'no-2', spec: extractSpec('Shop with products.', { projectName: `declined-${stamp}` }), provider: 'offline' });
      const refused = posted.find((m) => m.type === 'runRefused' && m.replyTo === 'no-2');
      assert.ok(refused?.type === 'runRefused', 'the generate request is answered with runRefused');
      assert.match(refused.reason, new RegExp(`Nothing was started: "kept-${stamp}" is still being generated`));
      assert.equal(await folderExists(`declined-${stamp}`), false, 'no folder for the declined run');
      assert.equal(window.panels.all().length, 1, 'no other view');
      assert.equal(panel.viewer.viewedRun, first);
      assert.equal(window.runs.runningCount, 1);
      hold.give(false);
      await waitFor(() => window.runs.runningCount === 0 || undefined, 'the run to end', 60_000);
    } finally {
      window.dispose();
    }
  });
});
