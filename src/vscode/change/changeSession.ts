// One panel's "Change This Project…": which project it changes, the change typed in plain words
// (read against the spec under review: offline, or by Claude), and the update: a run to
// memory, its plan previewed file by file (each with VS Code's diff editor), then applied through
// the sink, each file only while it is still as previewed, or cancelled with nothing written.
import * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { errorText, type Logger } from '../../core/log';
import { Sink } from '../../core/output/sink/sink';
import { applyUpdate } from '../../core/update/apply';
import type { PlannedFile, UpdatePlan } from '../../core/update/plan';
import { renamesSince } from '../../core/change/renames';
import type { SpecRenames } from '../../core/update/schemaRenames';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { RenameStep } from '../../model/project/renameSteps';
import type { ChangeTarget, HostToWebview, PreviewFile, ProviderChoice } from '../../model/protocol';
import type { AcceptedModel } from '../../model/run/events';
import { describeModelChanges, modelChanges } from '../../model/run/modelChanges';
import { workspacePort } from '../generation/workspaceSink';
import type { RunService } from '../runs/RunService';
import { fileUri } from '../runs/runFiles';
import type { RunRequester } from '../runs/types';
import type { ChangeReader } from './changeReader';
import { sharedUpdateDiffs } from './updateDiffs';
import { planProjectUpdate } from './updatePlanning';

/** The project a panel is changing. */
export interface ChangingProject {
  root: vscode.Uri;
  folder: string;
  /** The spec the project was generated from last time (.takoss/spec.json): the update's "before". */
  spec: ProjectSpec;
}

interface PendingUpdate {
  runId: string;
  plan: UpdatePlan;
  /** The spec the update generated: the project's model once applied. */
  spec: ProjectSpec;
}

const MAX_LINES = 200;
const shown = (file: PlannedFile) => file.content !== undefined || file.action === 'removed';

function previewFile(file: PlannedFile): PreviewFile {
  return { path: file.path, action: file.action, conflicts: file.conflicts, note: file.note?.slice(0, 600), diff: shown(file) };
}

export class ChangeSession {
  private current: ChangingProject | undefined;
  private pending: PendingUpdate | undefined;

  constructor(
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    private readonly log: Logger,
    private readonly runs: Pick<RunService, 'update' | 'recordApplication'>,
    private readonly read: ChangeReader,
  ) {}

  /** The project being changed, if this panel is in change mode. */
  get project(): ChangingProject | undefined {
    return this.current;
  }

  /** Enters change mode on `project`: the webview opens the review step on its spec (`text`: a change to put in the change box). */
  async begin(project: ChangingProject, provider: ProviderChoice, text?: string): Promise<boolean> {
    this.cancel();
    this.current = project;
    const target: ChangeTarget = { name: project.spec.name, title: project.spec.title, folder: project.folder };
    this.log.info(`Changing ${project.folder} ("${project.spec.title}")`);
    return this.post({ type: 'startChange', project: target, spec: project.spec, provider, text: text?.slice(0, 4000) });
  }

  /** A change in plain words, read against `spec` (the model under review, with the user's edits). */
  async describe(requestId: string, spec: ProjectSpec, text: string, provider: ProviderChoice): Promise<void> {
    const reading = await this.read(spec, text, provider);
    this.log.info(`Change read for ${this.current?.folder ?? spec.name}: ${reading.applied.length} applied, ${reading.notUnderstood.length} not understood`);
    await this.post({
      type: 'changeRead',
      replyTo: requestId,
      spec: reading.spec,
      applied: reading.applied.slice(0, MAX_LINES).map((line) => line.slice(0, 600)),
      notUnderstood: reading.notUnderstood.slice(0, MAX_LINES).map((line) => line.slice(0, 2000)),
      by: reading.by === 'claude' ? 'anthropic' : 'offline',
      renames: reading.renames,
      note: reading.fallback?.slice(0, 2000),
    });
  }

  /** Starts the update's run (to memory); its plan is previewed once the run ends. */
  async update(input: { spec: ProjectSpec; provider: ProviderChoice; acceptedModel?: AcceptedModel; renames?: readonly RenameStep[] }, requester: RunRequester): Promise<string | undefined> {
    const project = this.current;
    if (!project) {
      await requester.refused('This panel is not changing a project: run "Takoss: Change This Project…" first.');
      return undefined;
    }
    this.cancel();
    const changes = describeModelChanges(modelChanges(project.spec, input.spec));
    this.log.info(`Updating ${project.folder}: ${changes.length ? changes.join('; ') : 'the model is as generated last time'}`);
    const renames = renamesSince(project.spec, input.renames ?? []);
    return this.runs.update(
      { ...input, root: project.root, folder: project.folder, ended: (status, files, runId) => this.preview(project, input.spec, renames, status, files, runId) },
      requester,
    );
  }

  private async preview(project: ChangingProject, spec: ProjectSpec, renames: SpecRenames | undefined, status: string, files: ReadonlyMap<string, GeneratedFile>, runId: string): Promise<void> {
    const refuse = async (refusal: string) => {
      // A run that did not succeed says so in its status; a refused plan only here.
      if (status === 'succeeded') await this.runs.recordApplication(runId, { applied: false, at: Date.now(), reason: 'refused' });
      await this.post({ type: 'updatePreview', runId, folder: project.folder, files: [], lines: [], refusal: refusal.slice(0, 2000) });
    };
    if (status !== 'succeeded') {
      await refuse(`The update's run ${status === 'cancelled' ? 'was cancelled' : 'did not finish'}: nothing was written to ${project.folder}.`);
      return;
    }
    try {
      const planned = await planProjectUpdate(new Sink(workspacePort(project.root)), spec, files, renames);
      if (planned.kind === 'refused') return void (await refuse(`The database cannot be changed safely, so nothing will be written: ${planned.reasons.join(' ')}`));
      this.pending = { runId, plan: planned.plan, spec: planned.spec };
      const { summary } = planned;
      this.log.info(`Update of ${project.folder} planned: ${summary.lines.filter((line) => !line.startsWith(' ')).join('; ')}`);
      const visible = planned.plan.files.filter((file) => file.action !== 'memory');
      const migration = planned.migration && { path: planned.migration.path, summary: planned.migration.summary.slice(0, 200).map((line) => line.slice(0, 600)) };
      await this.post({ type: 'updatePreview', runId, folder: project.folder, files: visible.slice(0, 5000).map(previewFile), lines: summary.lines.slice(0, 6000), migration });
    } catch (error) {
      this.log.error(`Planning the update of ${project.folder} failed: ${errorText(error)}`);
      await refuse(`Takoss could not plan the update: ${errorText(error)}`);
    }
  }

  /** VS Code's diff editor: the file on disk (left) against what the update would write (right, read-only). */
  async openDiff(path: string): Promise<void> {
    const { project, file } = this.plannedFile(path);
    const documents = sharedUpdateDiffs();
    const onDisk = fileUri(project.root, file.path);
    const left = file.diskSha256 === undefined ? documents.document(this.pending?.runId ?? 'none', `${file.path}.before`, '') : onDisk;
    const right = documents.document(this.pending?.runId ?? 'none', file.path, file.content ?? '');
    // Beside the panel, so the preview stays in view (a hidden webview unloads).
    await vscode.commands.executeCommand('vscode.diff', left, right, `${file.path} (yours ↔ after the update: ${file.action})`, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  /** Writes the previewed update through the project's sink. */
  async apply(requestId: string): Promise<void> {
    const project = this.current;
    const pending = this.pending;
    if (!project || !pending) {
      await this.post({ type: 'updateApplied', replyTo: requestId, written: [], removed: [], conflicts: [], refused: [], error: 'There is no previewed update to apply.' });
      return;
    }
    this.pending = undefined;
    sharedUpdateDiffs().forget(pending.runId);
    const applied = await applyUpdate(pending.plan, new Sink(workspacePort(project.root)));
    this.current = { ...project, spec: pending.spec };
    const written = new Set(applied.written);
    const conflicts = pending.plan.files.filter((file) => file.action === 'conflict' && written.has(file.path)).map((file) => file.path);
    const merged = pending.plan.files.filter((file) => file.action === 'merged' && written.has(file.path)).length;
    await this.runs.recordApplication(pending.runId, { applied: true, at: Date.now(), written: applied.written.length, merged, conflicts: conflicts.length });
    this.log.info(`Applied the update of ${project.folder}: ${applied.written.length} written, ${applied.removed.length} removed, ${conflicts.length} with conflicts, ${applied.refused.length} left`);
    await this.post({
      type: 'updateApplied',
      replyTo: requestId,
      written: applied.written.slice(0, 5000),
      removed: applied.removed.slice(0, 5000),
      conflicts: conflicts.slice(0, 5000),
      refused: applied.refused.slice(0, 5000).map((entry) => ({ path: entry.path, reason: entry.reason.slice(0, 2000) })),
    });
  }

  /** Drops the previewed update: nothing is written. */
  cancel(): void {
    if (!this.pending) return;
    const { runId } = this.pending;
    sharedUpdateDiffs().forget(runId);
    this.log.info(`The update of ${this.current?.folder} was cancelled: nothing written`);
    this.pending = undefined;
    // The record, not the caller, waits for it (recordApplication never throws).
    void this.runs.recordApplication(runId, { applied: false, at: Date.now(), reason: 'cancelled' });
  }

  /** Opens a file of the project (a conflicting one after applying: VS Code's conflict actions take over). */
  async openFile(path: string): Promise<void> {
    if (!this.current) throw new Error('This panel is not changing a project.');
    const document = await vscode.workspace.openTextDocument(fileUri(this.current.root, path));
    await vscode.window.showTextDocument(document, { preview: false });
  }

  private plannedFile(path: string): { project: ChangingProject; file: PlannedFile } {
    const file = this.pending?.plan.files.find((planned) => planned.path === path);
    if (!this.current || !file) throw new Error(`${path} is not in the previewed update.`);
    return { project: this.current, file };
  }
}
