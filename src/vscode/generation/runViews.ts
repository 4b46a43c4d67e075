import * as vscode from 'vscode';
import type { GenerationRecord } from '../../core/history/store';
import type { Logger } from '../../core/log';
import type { RunEvent } from '../../model/run/events';
import type { JournalContents } from '../../core/pipeline/journal';
import type { HostToWebview } from '../../model/protocol';
import type { GenerationHistory } from '../history/GenerationHistory';
import { generationFolder } from '../history/generationFolder';
import { recordInterruption } from '../history/runRecording';
import type { RunJournals } from './runJournals';

/** A run the panel can show: live, read back from its journal, or opened from the history. */
export interface RunRecord {
  runId: string;
  folder: string;
  target: vscode.Uri;
  projectName: string;
  entities: string[];
  warnings: string[];
  /** The run's events so far (live), or as journaled before a window reload. */
  events: () => readonly RunEvent[];
  /** Restored from a journal that never reached runFinished. */
  interrupted: boolean;
  /** Opened from the Generations history. */
  fromHistory?: boolean;
}

/** The files a run wrote, each once. */
export function writtenBy(record: RunRecord): string[] {
  return [...new Set(record.events().flatMap((event) => (event.type === 'fileProduced' ? [event.path] : [])))];
}

/**
 * The runs this panel knows and the one it shows: replayed to the webview whenever it (re)loads,
 * restored from the journal after a window reload, or opened again from the history.
 */
export class RunViews {
  private readonly runs = new Map<string, RunRecord>();
  private latest: RunRecord | undefined;

  constructor(
    private readonly journals: RunJournals,
    private readonly log: Logger,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    private readonly history?: GenerationHistory,
  ) {}

  /** A run the panel now shows (a new live run, or one being continued). */
  show(record: RunRecord): void {
    this.runs.set(record.runId, record);
    this.latest = record;
  }

  get(runId: string): RunRecord {
    const record = this.runs.get(runId);
    if (!record) throw new Error(`Unknown run ${runId}`);
    return record;
  }

  find(runId: string): RunRecord | undefined {
    return this.runs.get(runId);
  }

  /** Every known run, oldest first. */
  all(): RunRecord[] {
    return [...this.runs.values()];
  }

  /** Replays the latest run to a webview that was hidden and restored (it starts empty each time). */
  async sendSnapshot(): Promise<void> {
    this.latest ??= await this.restoreLatest();
    const latest = this.latest;
    if (!latest) return;
    await this.post({
      type: 'runSnapshot',
      runId: latest.runId,
      folder: latest.folder,
      entities: latest.entities,
      warnings: latest.warnings,
      events: [...latest.events()],
      interrupted: latest.interrupted,
      fromHistory: Boolean(latest.fromHistory),
      rating: (await this.history?.get(latest.runId))?.rating,
    });
  }

  /**
   * Shows the run that wrote `folder` (live, or read back from its journal) and selects a stage in
   * its execution tree. False when no run of that folder is known any more.
   */
  async showRunOf(folder: string, stageId?: string): Promise<boolean> {
    let record = this.all().reverse().find((run) => run.folder === folder);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (!record && root) {
      const journal = await this.journals.find((header) => header.folder === folder);
      if (journal) record = this.fromJournal(journal, root);
    }
    if (!record) return false;
    this.latest = record;
    await this.sendSnapshot();
    if (stageId) await this.post({ type: 'focusStage', runId: record.runId, stageId });
    return true;
  }

  /** Opens a past generation from the history: its events replayed into the execution tree and result view. */
  async showHistoric(generation: GenerationRecord, events: readonly RunEvent[]): Promise<void> {
    const target = generationFolder(generation);
    this.show({
      runId: generation.id,
      // Relative when it is in this workspace (as live runs show it), else where it is.
      folder: vscode.workspace.asRelativePath(target, false),
      target,
      projectName: generation.spec.name,
      entities: generation.spec.entities.map((e) => e.name),
      warnings: generation.spec.warnings,
      events: () => events,
      interrupted: false,
      fromHistory: true,
    });
    await this.sendSnapshot();
  }

  /** After a window reload: the last journaled run, so the panel can show where it stopped. */
  private async restoreLatest(): Promise<RunRecord | undefined> {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    const journal = root && (await this.journals.interrupted());
    if (!root || !journal) return undefined;
    this.log.info(`Run ${journal.header.runId} was interrupted (window reload or crash); redrawn from its journal`);
    if (this.history) await recordInterruption(this.history, journal.header.runId, journal.events);
    return this.fromJournal(journal, root);
  }

  private fromJournal(journal: JournalContents, root: vscode.Uri): RunRecord {
    const { header, events, skippedLines, finished } = journal;
    if (skippedLines) this.log.warn(`Run journal ${header.runId}: ${skippedLines} unreadable line(s) skipped`);
    const record: RunRecord = {
      runId: header.runId,
      folder: header.folder,
      target: vscode.Uri.joinPath(root, ...header.folder.split('/')),
      projectName: header.projectName,
      entities: header.entities,
      warnings: header.warnings,
      events: () => events,
      interrupted: !finished,
    };
    this.runs.set(record.runId, record);
    return record;
  }
}
