// "Change This Project…" in the real extension host: the command finds the workspace's generated
// projects (and says why one generated before Takoss remembered its model cannot be changed); an
// update runs to memory and previews each file's action; Apply keeps the user's edits and writes
// conflict markers where both sides changed a line; Cancel writes nothing; a file edited between the
// preview and Apply is not overwritten.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { readChange } from '../../src/core/change';
import { extractSpec } from '../../src/core/extract';
import { generateProject } from '../../src/core/generator';
import { addField, renameField } from '../../src/model/project/edit';
import type { GenerationRecord } from '../../src/core/history/store';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { RenameStep } from '../../src/model/project/renameSteps';
import type { HostToWebview } from '../../src/model/protocol';
import { changeableProjects } from '../../src/vscode/change/changeableProjects';
import { ChangeSession } from '../../src/vscode/change/changeSession';
import { GenerationHistory } from '../../src/vscode/history/GenerationHistory';
import type { TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { HistoryViewProvider } from '../../src/vscode/sidebar/HistoryView';
import { activateTakoss, closeAllEditors, quietLog, standaloneRunner, waitFor } from './helpers';

type Preview = Extract<HostToWebview, { type: 'updatePreview' }>;
type Applied = Extract<HostToWebview, { type: 'updateApplied' }>;

const REQUIREMENTS = 'A club keeps members with a name and an email, and events with a title and a date. Members sign up for events.';
const root = () => vscode.workspace.workspaceFolders![0].uri;
const text = async (uri: vscode.Uri) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, content: string) => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));

/** The first line (index) where two versions of a file differ. */
function firstDifference(before: string, after: string): number {
  const [a, b] = [before.split('\n'), after.split('\n')];
  let index = 0;
  while (index < a.length && a[index] === b[index]) index++;
  return index;
}

describe('Change This Project…', function () {
  this.timeout(180_000);
  const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-change-journal-'));
  // Its own history: each update's record says whether it was applied.
  const history = new GenerationHistory(vscode.Uri.file(mkdtempSync(path.join(os.tmpdir(), 'takoss-change-history-'))), quietLog);
  const { runner, dispose } = standaloneRunner(journals, history);
  const posted: HostToWebview[] = [];
  const session = new ChangeSession(async (message) => (posted.push(message), true), quietLog, runner.service, async (s, t) => ({ ...readChange(s, t), by: 'offline' }));
  let spec: ProjectSpec;
  let changed: ProjectSpec;
  let folder: string;
  let project: vscode.Uri;

  /** Generates the first version offline, as the panel would. */
  async function generateFirst(name: string): Promise<vscode.Uri> {
    const target = `${name}-${Date.now()}`;
    const runId = await runner.start({ requestId: `g-${name}`, spec, provider: 'offline', folder: target });
    assert.ok(runId);
    await waitFor(() => !runner.service.isActive(runId), 'the first generation', 120_000);
    return vscode.Uri.joinPath(root(), target);
  }

  /** Enters change mode and runs the update of `project` to `to` (default: `changed`); resolves with its preview. */
  async function preview(uri: vscode.Uri, to: ProjectSpec = changed, renames: RenameStep[] = []): Promise<Preview & { runId: string }> {
    posted.length = 0;
    await session.begin({ root: uri, folder: vscode.workspace.asRelativePath(uri), spec }, 'offline');
    const refusals: string[] = [];
    const runId = await session.update({ spec: to, provider: 'offline', renames }, { accepted: () => undefined, refused: (reason) => void refusals.push(reason) });
    assert.ok(runId, `the update started (${refusals.join('; ')})`);
    const shown = await waitFor(() => posted.find((message): message is Preview => message.type === 'updatePreview'), 'the preview', 120_000);
    // The preview is posted as the run ends; it counts as ended right after (its journal closed).
    await waitFor(() => !runner.service.isActive(runId), 'the end of the update run');
    return { ...shown, runId };
  }

  /** The update's history record once its fate is recorded, and its sidebar description. */
  async function decided(runId: string): Promise<{ application: NonNullable<GenerationRecord['application']>; description: string }> {
    const record = await waitFor(async () => {
      const found = await history.get(runId);
      return found?.application && found.status !== 'running' ? found : undefined;
    }, 'the update record saying whether it was applied', 30_000);
    const provider = new HistoryViewProvider(history, () => false);
    await provider.getChildren();
    return { application: record.application!, description: String(provider.getTreeItem(record).description) };
  }

  async function apply(): Promise<Applied> {
    await session.apply('apply-1');
    return waitFor(() => posted.find((message): message is Applied => message.type === 'updateApplied'), 'the apply reply');
  }

  before(async () => {
    await activateTakoss();
    spec = extractSpec(REQUIREMENTS, { projectName: 'club' });
    const member = spec.entities.find((entity) => entity.name === 'Member');
    assert.ok(member, `the extractor found Member (${spec.entities.map((e) => e.name).join(', ')})`);
    changed = addField(spec, 'Member', 'phone');
    project = await generateFirst('change-club');
    folder = vscode.workspace.asRelativePath(project);
  });

  after(async () => {
    dispose();
    history.dispose();
    await closeAllEditors();
  });

  it('finds the generated projects: the command opens the panel in change mode on the remembered spec, whose updateProject message previews the update', async () => {
    const projects = await changeableProjects();
    const found = projects.find((candidate) => candidate.root.toString() === project.toString());
    assert.ok(found?.remembered, 'the project remembers its model (.takoss/spec.json)');
    const panel = await vscode.commands.executeCommand<TakossPanel | undefined>('takoss.changeProject', project);
    assert.ok(panel, 'the command opened the panel');
    assert.equal(panel.change.project?.folder, folder);
    assert.equal(panel.change.project?.spec.name, spec.name);
    const seen: HostToWebview[] = [];
    panel.onDidPostMessage((m) => seen.push(m));
    await panel.receive({ type: 'updateProject', requestId: 'u1', spec: changed, provider: 'offline' });
    const shown = await waitFor(() => seen.find((m): m is Preview => m.type === 'updatePreview'), 'the panel’s preview', 60_000);
    assert.ok(shown.files.some((f) => f.action === 'updated'), JSON.stringify(shown.files.filter((f) => f.action !== 'unchanged')));
    // Closed as the user closes it (the panel manager then forgets it).
    await closeAllEditors();
  });

  it('from a history item: the generation record names the project folder', async () => {
    const record = { id: 'a-generation', folder: project.fsPath, spec };
    const panel = await vscode.commands.executeCommand<TakossPanel | undefined>('takoss.changeProject', record);
    assert.equal(panel?.change.project?.root.toString(), project.toString());
    await closeAllEditors();
  });

  it('refuses a project generated before Takoss remembered its model, saying so', async () => {
    const older = vscode.Uri.joinPath(root(), `change-older-${Date.now()}`);
    await write(vscode.Uri.joinPath(older, '.takoss', 'manifest.json'), '{}');
    const found = (await changeableProjects()).find((candidate) => candidate.root.toString() === older.toString());
    assert.equal(found?.remembered, false);
    const panel = await vscode.commands.executeCommand<TakossPanel | undefined>('takoss.changeProject', older);
    assert.equal(panel, undefined, 'nothing opens for it');
  });

  it('previews the right actions, then Apply keeps a user edit, merges, and writes markers for a conflict', async () => {
    const before = new Map(generateProject(spec).list().map((file) => [file.path, file.content] as const));
    const after = new Map(generateProject(changed).list().map((file) => [file.path, file.content] as const));
    const differs = [...after.keys()].filter((p) => before.has(p) && before.get(p) !== after.get(p) && !p.startsWith('.takoss/') && !p.includes('migrations/'));
    // A conflict: the user rewrote the very line the change rewrites.
    const conflicting = differs.find((p) => firstDifference(before.get(p)!, after.get(p)!) > 0);
    assert.ok(conflicting, `a generated file the change touches (${differs.join(', ')})`);
    const conflictLine = firstDifference(before.get(conflicting)!, after.get(conflicting)!);
    const conflictLines = before.get(conflicting)!.split('\n');
    conflictLines[conflictLine] = `${conflictLines[conflictLine]} // the user's own edit`;
    await write(vscode.Uri.joinPath(project, conflicting), conflictLines.join('\n'));
    // A kept edit: a file the change does not touch.
    const untouched = [...before.keys()].find((p) => p.endsWith('.ts') && after.get(p) === before.get(p) && !p.startsWith('.takoss/'));
    assert.ok(untouched);
    const keptContent = `// my note\n${before.get(untouched)}`;
    await write(vscode.Uri.joinPath(project, untouched), keptContent);
    // The user's own file stays out of it.
    await write(vscode.Uri.joinPath(project, 'NOTES.md'), 'mine\n');

    const shown = await preview(project);
    assert.equal(shown.refusal, undefined, shown.refusal);
    const action = (p: string) => shown.files.find((file) => file.path === p)?.action;
    assert.equal(action(conflicting), 'conflict');
    assert.equal(action(untouched), 'kept');
    assert.ok(shown.files.some((file) => file.action === 'updated'), 'untouched files the change affects are updated');
    assert.ok(shown.files.some((file) => file.action === 'added' && /migrations\/0002_.*\.sql$/.test(file.path)), 'the schema change is a new migration');
    assert.match(shown.migration?.path ?? '', /migrations\/0002_.*\.sql$/);
    assert.equal(action('backend/migrations/0001_init.sql'), 'unchanged', 'the first migration is never rewritten');
    assert.equal(action('NOTES.md'), undefined, 'a file Takoss never generated is not in the plan');
    assert.equal(await text(vscode.Uri.joinPath(project, conflicting)), conflictLines.join('\n'), 'nothing is written before Apply');

    await session.openDiff(conflicting);
    const tab = vscode.window.tabGroups.activeTabGroup.activeTab;
    assert.ok(tab?.input instanceof vscode.TabInputTextDiff, 'the diff editor opened');
    assert.equal(tab.input.modified.scheme, 'takoss-update');

    const applied = await apply();
    assert.deepEqual(applied.conflicts, [conflicting]);
    const { application, description } = await decided(shown.runId);
    const merged = shown.files.filter((file) => file.action === 'merged').length;
    assert.deepEqual({ ...application, at: 0 }, { applied: true, at: 0, written: applied.written.length, merged, conflicts: 1 });
    assert.match(description, /^update \d+ of \d+ · applied, 1 conflict · /);
    const resolved = await text(vscode.Uri.joinPath(project, conflicting));
    assert.match(resolved, /^<<<<<<< yours$/m);
    assert.match(resolved, /the user's own edit/);
    assert.match(resolved, /^>>>>>>> takoss$/m);
    assert.equal(await text(vscode.Uri.joinPath(project, untouched)), keptContent, 'the user edit is byte-identical');
    assert.equal(await text(vscode.Uri.joinPath(project, 'NOTES.md')), 'mine\n');
    const remembered = JSON.parse(await text(vscode.Uri.joinPath(project, '.takoss', 'spec.json'))) as ProjectSpec;
    assert.ok(remembered.entities.find((e) => e.name === 'Member')?.fields.some((f) => f.name === 'phone'), 'the project now remembers the new model');
  });

  it('Cancel writes nothing, and a file edited between the preview and Apply is not overwritten', async () => {
    const uri = await generateFirst('change-stale');
    const shown = await preview(uri);
    const updated = shown.files.find((file) => file.action === 'updated');
    assert.ok(updated);
    const original = await text(vscode.Uri.joinPath(uri, updated.path));
    session.cancel();
    const cancelled = await decided(shown.runId);
    assert.deepEqual({ ...cancelled.application, at: 0 }, { applied: false, at: 0, reason: 'cancelled' });
    assert.match(cancelled.description, /^update 2 of 2 · not applied · /);
    await session.apply('apply-0');
    assert.ok((posted.find((m) => m.type === 'updateApplied') as Applied).error, 'nothing left to apply after Cancel');
    assert.equal(await text(vscode.Uri.joinPath(uri, updated.path)), original, 'Cancel wrote nothing');

    const again = await preview(uri);
    await write(vscode.Uri.joinPath(uri, updated.path), `${original}\n// edited after the preview\n`);
    const applied = await apply();
    assert.ok(applied.refused.some((entry) => entry.path === updated.path), 'the stale file is reported, not written');
    const second = await decided(again.runId);
    assert.equal(second.application.applied && second.application.written, applied.written.length, 'only the files written count');
    assert.match(second.description, /^update 3 of 3 · applied · /);
    assert.equal(await text(vscode.Uri.joinPath(uri, updated.path)), `${original}\n// edited after the preview\n`);
  });

  it('a field renamed in the review is renamed in the database: the migration renames the column', async () => {
    const uri = await generateFirst('change-rename');
    const renamed = renameField(spec, 'Member', 'email', 'contactEmail');
    const shown = await preview(uri, renamed, [{ fields: [{ entity: 'Member', from: 'email', to: 'contactEmail' }] }]);
    assert.equal(shown.refusal, undefined, shown.refusal);
    const migration = shown.migration;
    assert.ok(migration, 'a migration');
    assert.match(migration.summary.join('\n'), /renam/i, migration.summary.join('\n'));
    const applied = await apply();
    assert.equal(applied.error, undefined);
    const sql = await text(vscode.Uri.joinPath(uri, ...migration.path.split('/')));
    assert.match(sql, /RENAME COLUMN/i);
    assert.doesNotMatch(sql, /DROP COLUMN/i);
  });
});
