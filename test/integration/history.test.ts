// The generation history in the real extension host: runs recorded with outcomes and event logs,
// the Generations tree and its actions, replay into the panel, rating, and storage that survives a
// crash mid-write and two windows writing at once.
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { type GenerationRecord, reviewedSpecOf } from '../../src/core/history/store';
import { addField, renameEntity } from '../../src/model/project/edit';
import { readChange } from '../../src/core/change';
import { ChangeSession } from '../../src/vscode/change/changeSession';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { unzipProject } from '../../src/core/output/zip';
import { JOURNAL_VERSION, RunJournal } from '../../src/core/pipeline/journal';
import { extractSpec } from '../../src/core/extract';
import type { HostToWebview } from '../../src/model/protocol';
import type { TakossApi } from '../../src/vscode/api';
import { type DeleteChoice, HistoryActions } from '../../src/vscode/commands/history';
import type { TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { generationItem, HistoryViewProvider } from '../../src/vscode/sidebar/HistoryView';
import { activateTakoss, quietLog, standaloneRunner, waitFor } from './helpers';

const root = () => {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'the integration tests run with a workspace folder');
  return folder;
};

/** Generates offline through a panel-like runner that records into the extension's history. */
async function generate(
  api: TakossApi,
  name: string,
  requirements = 'Blog with auth and posts.',
  options: { spec?: ProjectSpec; folder?: string; merge?: { replace: string[] } } = {},
): Promise<GenerationRecord> {
  const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-journal-'));
  const { runner, dispose } = standaloneRunner(journals, api.history);
  try {
    const spec = options.spec ?? extractSpec(requirements, { projectName: name });
    const folder = options.folder ?? `history-${name}-${Date.now()}`;
    const runId = await runner.start({ requestId: `h-${name}`, spec, provider: 'offline', folder, merge: options.merge });
    assert.ok(runId, 'the run started');
    return await waitFor(async () => {
      const record = await api.history.get(runId);
      return record && record.status !== 'running' ? record : undefined;
    }, `the record of ${name}`, 60_000);
  } finally {
    dispose();
  }
}

function scriptedActions(api: TakossApi, answers: { delete?: DeleteChoice; zip?: vscode.Uri } = {}) {
  const panels = { open: () => assert.fail('not used here') };
  return new HistoryActions(api.history, panels as never, quietLog, {
    confirmDelete: async () => answers.delete,
    zipTarget: async () => answers.zip,
  });
}

describe('Generation history in the extension host', function () {
  this.timeout(120_000);
  let api: TakossApi;
  before(async () => {
    api = await activateTakoss();
  });

  it('records each generation (status, files with hashes, stage outcomes, event log) and lists it first in the Generations tree', async () => {
    const first = await generate(api, 'older');
    const record = await generate(api, 'newer');
    assert.equal(record.status, 'succeeded');
    assert.equal(record.provider, 'offline');
    assert.ok(record.files.length > 20);
    const readme = record.files.find((file) => file.path === 'README.md');
    assert.ok(readme);
    const onDisk = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(vscode.Uri.file(record.folder), 'README.md'));
    assert.equal(createHash('sha256').update(onDisk).digest('hex'), readme.sha256, 'the hash is of the file as written');
    assert.equal(record.stages.length, record.stageCount);
    assert.ok(record.stages.every((stage) => stage.variant === 'deterministic'));
    assert.ok(record.stages.some((stage) => stage.stage === 'api-routes' && stage.instance.startsWith('api-routes:')));
    const events = await api.history.events(record);
    assert.ok(events.some((event) => event.type === 'runFinished'));
    // One store of the run's events: its journal, written live, is the record's event log.
    assert.ok(record.eventLog?.endsWith(`${record.id}.jsonl`), 'the record points at its run’s journal');
    assert.ok(events.some((event) => event.type === 'fileProduced'));

    const provider = new HistoryViewProvider(api.history, () => false);
    const children = await provider.getChildren();
    const ids = children.map((child) => child.id);
    assert.ok(ids.indexOf(record.id) < ids.indexOf(first.id), 'newest first');
    const item = provider.getTreeItem(children[ids.indexOf(record.id)]);
    assert.equal(item.label, 'newer');
    assert.match(String(item.description), /offline · \$0$/);
    assert.equal((item.iconPath as vscode.ThemeIcon).id, 'pass');
    assert.equal(item.contextValue, 'takoss.generation');
    assert.deepEqual(item.command?.arguments, [record.id]);
    assert.match((item.tooltip as vscode.MarkdownString).value, /succeeded/);
    // Verification as the result view says it (the run's one outcome): not asked for in this run.
    assert.equal(record.verification?.outcome?.kind, 'notAsked');
    assert.match((item.tooltip as vscode.MarkdownString).value, /Not verified: Verification \\\(npm install, build and tests\\\) was not requested/);
    // The folder as a code span, verbatim: a backslash escape inside one shows as a backslash (#17).
    assert.match(record.folder, /[-._]/, 'the folder has characters Markdown would escape outside a code span');
    assert.ok((item.tooltip as vscode.MarkdownString).value.includes(`\`${record.folder}\``), 'the folder, unescaped, in backticks');
  });

  it('shows a record left "running" by a window that died as interrupted, and a running one as running', async () => {
    const record = await generate(api, 'died');
    const died = { ...record, status: 'running' as const };
    assert.equal((generationItem(died, () => false).iconPath as vscode.ThemeIcon).id, 'debug-disconnect');
    assert.equal((generationItem(died, (id) => id === record.id).iconPath as vscode.ThemeIcon).id, 'sync~spin');
  });

  it('after a reload, a run the journal shows was cut short is recorded as interrupted, with what it did', async () => {
    const template = await generate(api, 'cut-template');
    const events = await api.history.events(template);
    const runId = `cut-${Date.now()}`;
    const cut = events.slice(0, 60).map((event) => ({ ...event, runId }));
    const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-journal-'));
    // As a run's start leaves it: a "running" record whose event log is the run's journal.
    await api.history.save({ ...template, id: runId, status: 'running', files: [], stages: [], stageCount: 0, eventLog: path.join(journals, `${runId}.jsonl`) });
    const journal = await RunJournal.create(journals, {
      journalVersion: JOURNAL_VERSION,
      runId,
      folder: 'cut-short',
      projectName: 'cut-short',
      provider: 'offline',
      startedAt: Date.now(),
      entities: template.spec.entities.map((e) => e.name),
      warnings: [],
      spec: template.spec,
    });
    for (const event of cut) journal.append(event);
    await journal.flush();
    const next = standaloneRunner(journals, api.history);
    try {
      await next.runner.sendSnapshot();
      const record = await api.history.get(runId);
      assert.equal(record?.status, 'interrupted');
      assert.equal(record?.files.length, cut.filter((e) => e.type === 'fileProduced').length);
      assert.equal(record?.stages.length, template.stageCount);
      assert.ok(record?.stages.some((stage) => stage.status === 'interrupted'), 'the stages that never finished say so');
      assert.deepEqual(await api.history.events(record as GenerationRecord), cut);
    } finally {
      next.dispose();
      await api.history.delete(runId);
    }
  });

  it('opens a past run in the panel: its events replayed, marked as from the history', async () => {
    const record = await generate(api, 'replayed');
    const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
    await panel.whenReady(30_000);
    const posted: HostToWebview[] = [];
    const listening = panel.onDidPostMessage((message) => posted.push(message));
    try {
      await vscode.commands.executeCommand('takoss.history.openInPanel', record.id);
      const snapshot = await waitFor(() => posted.find((m) => m.type === 'runSnapshot' && m.runId === record.id), 'the replayed run');
      assert.ok(snapshot.type === 'runSnapshot');
      assert.equal(snapshot.fromHistory, true);
      assert.deepEqual(snapshot.events, await api.history.events(record));
      assert.ok(snapshot.events.filter((e) => e.type === 'fileProduced').length === record.files.length);
      // The result view can read the replayed run's files.
      await panel.receive({ type: 'readFile', requestId: 'read-1', runId: record.id, path: 'README.md' });
      const file = await waitFor(() => posted.find((m) => m.type === 'fileContent' && m.replyTo === 'read-1'), 'the README');
      assert.ok(file.type === 'fileContent' && file.content?.includes('replayed'));
    } finally {
      listening.dispose();
    }
  });

  it('rates a generation from the panel: kept in its record and on every stage outcome', async () => {
    const record = await generate(api, 'rated');
    const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
    await panel.whenReady(30_000);
    const posted: HostToWebview[] = [];
    const listening = panel.onDidPostMessage((message) => posted.push(message));
    try {
      await panel.receive({ type: 'rateRun', requestId: 'rate-1', runId: record.id, up: false, note: '  The task list needs a due date filter.  ' });
      const reply = await waitFor(() => posted.find((m) => m.type === 'runRated' && m.replyTo === 'rate-1'), 'the rating reply');
      assert.ok(reply.type === 'runRated');
      assert.deepEqual(reply.rating, { up: false, note: 'The task list needs a due date filter.' });
      const stored = await api.history.get(record.id);
      assert.equal(stored?.rating?.up, false);
      assert.ok(stored?.stages.every((stage) => stage.rating === 'down'), 'learning sees the thumbs-down');
      const item = generationItem(stored as GenerationRecord, () => false);
      assert.match(String(item.description), /rated poor$/);
      await panel.receive({ type: 'rateRun', requestId: 'rate-2', runId: 'no-such-run', up: true });
      const refused = await waitFor(() => posted.find((m) => m.type === 'runRated' && m.replyTo === 'rate-2'), 'the refusal');
      assert.ok(refused.type === 'runRated' && /not in the history/.test(refused.error ?? ''));
    } finally {
      listening.dispose();
    }
  });

  it('regenerate opens the review on the reviewed spec (review edits intact), and a generation into the same folder joins the project', async () => {
    const text = 'A recipe book. A recipe has a title and steps.';
    const reviewed = renameEntity(extractSpec(text, { projectName: 'again' }), 'Recipe', 'Dish');
    const folder = `history-again-${Date.now()}`;
    const first = await generate(api, 'again', text, { spec: reviewed, folder });
    assert.deepEqual([first.projectId, first.kind, first.previousRecordId], [first.id, 'generate', undefined], 'a new folder: a project of its own');
    assert.equal(first.reviewedSpec, undefined, 'offline the run generated the reviewed spec: kept once');
    assert.deepEqual(reviewedSpecOf(first).entities.map((e) => e.name), ['Dish']);

    const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
    await panel.whenReady(30_000);
    const posted: HostToWebview[] = [];
    const listening = panel.onDidPostMessage((message) => posted.push(message));
    try {
      await vscode.commands.executeCommand('takoss.history.regenerate', first.id);
      const startFrom = await waitFor(() => posted.find((m) => m.type === 'startFrom'), 'the review of the reviewed spec');
      assert.ok(startFrom.type === 'startFrom');
      assert.deepEqual(startFrom, { type: 'startFrom', requirements: text, spec: reviewedSpecOf(first), provider: 'offline' });
      assert.ok(!('projectName' in startFrom), 'no name for the form to keep');
    } finally {
      listening.dispose();
    }

    const second = await generate(api, 'again', text, { spec: reviewedSpecOf(first), folder, merge: { replace: [] } });
    assert.deepEqual([second.projectId, second.kind, second.previousRecordId], [first.id, 'generate', first.id], 'the folder held the project: its next generation');
    const provider = new HistoryViewProvider(api.history, () => false);
    const top = (await provider.getChildren()).map((record) => record.id);
    assert.ok(top.includes(second.id) && !top.includes(first.id), 'one item for the project: its latest generation');
    assert.deepEqual((await provider.getChildren(second)).map((record) => record.id), [first.id], 'holding the earlier one');
    const item = provider.getTreeItem(second);
    assert.equal(item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
    assert.match(String(item.description), /^generation 2 of 2 · /);
    assert.match(String(provider.getTreeItem(first).description), /^generation 1 of 2 · /);
  });

  it('records an update of a project (Change This Project…) as its own generation of it, after the one it changed', async () => {
    const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-history-journal-'));
    const { runner, dispose } = standaloneRunner(journals, api.history);
    const posted: HostToWebview[] = [];
    const session = new ChangeSession(async (message) => (posted.push(message), true), quietLog, runner.service, async (s, t) => ({ ...readChange(s, t), by: 'offline' }));
    try {
      const spec = extractSpec('A club keeps members with a name and an email.', { projectName: 'club' });
      const folder = `history-club-${Date.now()}`;
      const firstId = await runner.start({ requestId: 'club-1', spec, provider: 'offline', folder });
      assert.ok(firstId);
      const first = await waitFor(async () => {
        const record = await api.history.get(firstId);
        return record && record.status !== 'running' ? record : undefined;
      }, 'the first generation', 120_000);
      await waitFor(() => !runner.service.isActive(firstId), 'the first run to end', 60_000);
      const uri = vscode.Uri.joinPath(root(), folder);
      await session.begin({ root: uri, folder, spec }, 'offline');
      const updateId = await session.update({ spec: addField(spec, 'Member', 'phone'), provider: 'offline' }, { accepted: () => undefined, refused: (reason) => assert.fail(reason) });
      assert.ok(updateId, 'the update started');
      await waitFor(() => posted.find((message) => message.type === 'updatePreview'), 'the preview', 120_000);
      const update = await waitFor(async () => {
        const record = await api.history.get(updateId);
        return record && record.status !== 'running' ? record : undefined;
      }, 'the update record', 60_000);
      assert.deepEqual([update.kind, update.projectId, update.previousRecordId], ['update', first.id, first.id]);
      assert.ok(reviewedSpecOf(update).entities.find((e) => e.name === 'Member')?.fields.some((f) => f.name === 'phone'), 'the changed model is the one it keeps');
      const provider = new HistoryViewProvider(api.history, () => false);
      assert.deepEqual((await provider.getChildren(update)).map((record) => record.id), [first.id]);
      assert.match(String(provider.getTreeItem(update).description), /^update 2 of 2 · /);
    } finally {
      session.cancel();
      dispose();
    }
  });

  it('exports a generation as a zip of exactly its files', async () => {
    const record = await generate(api, 'zipped');
    const zip = vscode.Uri.joinPath(root(), `zipped-${Date.now()}.zip`);
    const saved = await scriptedActions(api, { zip }).exportZip(record);
    assert.equal(saved?.toString(), zip.toString());
    const entries = unzipProject(await vscode.workspace.fs.readFile(zip));
    assert.deepEqual([...entries.keys()].map((name) => name.replace(/^[^/]+\//, '')).sort(), record.files.map((file) => file.path).sort());
    await vscode.workspace.fs.delete(zip);
  });

  it('deletes a record but keeps the files; or, when asked, the files nobody changed', async () => {
    const kept = await generate(api, 'keep-files');
    assert.deepEqual(await scriptedActions(api, { delete: undefined }).delete(kept), { deleted: false, filesRemoved: 0, filesKept: [] }, 'cancelled: nothing happens');
    assert.ok(await api.history.get(kept.id));
    const recordOnly = await scriptedActions(api, { delete: 'record' }).delete(kept);
    assert.equal(recordOnly.deleted, true);
    assert.equal(await api.history.get(kept.id), undefined);
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(vscode.Uri.file(kept.folder), 'README.md')); // still there

    const removed = await generate(api, 'remove-files');
    const folder = vscode.Uri.file(removed.folder);
    const readme = vscode.Uri.joinPath(folder, 'README.md');
    await vscode.workspace.fs.writeFile(readme, new TextEncoder().encode('# My own notes, not Takoss output\n'));
    const outcome = await scriptedActions(api, { delete: 'recordAndFiles' }).delete(removed);
    assert.equal(outcome.deleted, true);
    assert.deepEqual(outcome.filesKept, ['README.md'], 'a file the user changed is kept');
    assert.equal(outcome.filesRemoved, removed.files.length - 1);
    assert.deepEqual((await vscode.workspace.fs.readDirectory(folder)).map(([name]) => name), ['README.md']);
  });

  it('survives a crash mid-write and two windows writing at once, and shows records written by another window', async () => {
    const dir = api.history.dir;
    assert.ok(dir);
    const storeModule = path.resolve(__dirname, '..', '..', 'src', 'core', 'history', 'store.js');
    const template = await generate(api, 'template');
    const { id: _id, ...base } = template;
    const writer = (window: string, count: number) => `
      const { HistoryStore } = require(${JSON.stringify(storeModule)});
      const base = ${JSON.stringify(base)};
      const store = new HistoryStore(${JSON.stringify(dir.fsPath)});
      (async () => {
        for (let i = 0; i < ${count}; i++) {
          await store.save({ ...base, id: '${window}-' + i, createdAt: Date.now() + i });
          if (i === 5) process.stdout.write('going\\n');
        }
      })().catch((e) => { console.error(e); process.exit(1); });`;
    // The exit is awaited from the start: a quick writer may be done before anyone asks.
    const start = (window: string, count: number) => {
      const child = spawn(process.execPath, ['-e', writer(window, count)], { stdio: ['ignore', 'pipe', 'inherit'] });
      return { child, exit: new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))) };
    };
    const changes: number[] = [];
    const listening = api.history.onDidChange(() => changes.push(Date.now()));
    try {
      const windowA = start('window-a', 30);
      const windowB = start('window-b', 30);
      // A third window crashes (killed) in the middle of writing.
      const crashing = start('window-crash', 100_000);
      await new Promise<void>((resolve) => crashing.child.stdout?.once('data', () => resolve()));
      crashing.child.kill('SIGKILL');
      // This window writes at the same time.
      const ours = Array.from({ length: 10 }, (_, i) => api.history.save({ ...base, id: `window-host-${i}`, createdAt: Date.now() + i }));
      assert.deepEqual(await Promise.all([windowA.exit, windowB.exit]), [0, 0]);
      await crashing.exit;
      assert.ok((await Promise.all(ours)).every(Boolean));
      api.history.invalidate();
      const records = await api.history.list();
      for (const prefix of ['window-a-', 'window-b-', 'window-host-']) {
        assert.equal(records.filter((record) => record.id.startsWith(prefix)).length, prefix === 'window-host-' ? 10 : 30, `${prefix} records all there`);
      }
      assert.ok(records.some((record) => record.id.startsWith('window-crash-')), 'the crashed window got some records in before it died');
      const logLines = api.recentLog().filter((entry) => /could not be read/.test(entry.message));
      assert.deepEqual(logLines, [], 'no half-written record is listed or reported');
      await waitFor(() => changes.length > 0 || undefined, 'the watcher to notice the other windows’ writes');
    } finally {
      listening.dispose();
      // Leave the shared history as it was for the other suites.
      for (const record of await api.history.list()) if (record.id.startsWith('window-')) await api.history.delete(record.id);
      assert.ok(!readdirSync(dir.fsPath).some((name) => name.startsWith('window-')));
    }
  });

  it('computes the Metrics view from the recorded generations', async () => {
    await generate(api, 'measured');
    const html = await api.metricsHtml();
    assert.match(html, /data-testid="metrics-totals"/);
    assert.match(html, /data-stage="api-routes"/);
    assert.doesNotMatch(html, /<script/i);
  });
});
