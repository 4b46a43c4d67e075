import * as vscode from 'vscode';
import type { GenerationRecord } from '../../core/history/store';
import type { Logger } from '../../core/log';
import type { RunEvent } from '../../model/run/events';
import type { JournalContents } from '../../core/pipeline/journal';
import type { GenerationHistory } from '../history/GenerationHistory';
import { generationFolder } from '../history/generationFolder';
import { recordInterruption } from '../history/runRecording';
import type { RunJournals } from './runJournals';

/** A run a view can show: live, read back from its journal, or opened from the history. */
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
 * The runs this window knows (live ones, ones read back from their journal after a reload, ones
 * opened from the history) and the latest one, which a view with nothing else to show shows.
 */
export class RunRegistry {
  private readonly runs = new Map<string, RunRecord>();
  private latestRun: RunRecord | undefined;

  constructor(
    private readonly journals: RunJournals,
    private readonly log: Logger,
    private readonly history?: GenerationHistory,
  ) {}

  /** A run that starts (or is continued) now: the window's latest. */
  add(record: RunRecord): void {
    this.runs.set(record.runId, record);
    this.latestRun = record;
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

  /** The window's latest run; after a window reload, the journaled run it cut short. */
  async latest(): Promise<RunRecord | undefined> {
    this.latestRun ??= await this.restoreLatest();
    return this.latestRun;
  }

  /** The run that wrote `folder` (live, or read back from its journal); undefined when none is known any more. */
  async runOf(folder: string): Promise<RunRecord | undefined> {
    const known = this.all().reverse().find((run) => run.folder === folder);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    if (known || !root) return known;
    const journal = await this.journals.find((header) => header.folder === folder);
    return journal && this.fromJournal(journal, root);
  }

  /** A past generation from the history, to replay its events into a view. */
  historic(generation: GenerationRecord, events: readonly RunEvent[]): RunRecord {
    const target = generationFolder(generation);
    const record: RunRecord = {
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
    };
    this.runs.set(record.runId, record);
    return record;
  }

  /** After a window reload: the last journaled run, so a view can show where it stopped. */
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
