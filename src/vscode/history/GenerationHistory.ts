import * as vscode from 'vscode';
import { toRunOutcomes } from '../../core/history/learningView';
import { type GenerationRecord, HistoryStore } from '../../core/history/store';
import { Disposable, Emitter } from '../../core/lifecycle';
import { errorText, type Logger } from '../../core/log';
import type { StageOutcome } from '../../core/learning/outcome';
import type { RunOutcomes } from '../../core/learning/types';
import type { RunEvent } from '../../model/run/events';

/**
 * The generation history of this machine (global storage, shared by every window): the store,
 * a change event for the views, and a watcher so a record written by another window shows up here.
 * Without a local storage folder (a remote or web host) the history is simply empty.
 */
export class GenerationHistory extends Disposable {
  private readonly store: HistoryStore | undefined;
  private readonly changed = this._register(new Emitter<void>());
  readonly onDidChange = this.changed.event;
  private cache: Promise<GenerationRecord[]> | undefined;

  constructor(
    readonly dir: vscode.Uri | undefined,
    private readonly log: Logger,
  ) {
    super();
    this.store = dir?.scheme === 'file' ? new HistoryStore(dir.fsPath) : undefined;
    if (dir && this.store) {
      // Other windows write here too: any record file appearing, changing or going refreshes the views.
      const watcher = this._register(vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(dir, '*.json')));
      // One save touches two files (record and event log), each seen more than once: refresh once.
      let timer: ReturnType<typeof setTimeout> | undefined;
      const refresh = () => {
        clearTimeout(timer);
        timer = setTimeout(() => this.invalidate(), 150);
      };
      this._register({ dispose: () => clearTimeout(timer) });
      this._register(watcher.onDidCreate(refresh));
      this._register(watcher.onDidChange(refresh));
      this._register(watcher.onDidDelete(refresh));
    }
  }

  get available(): boolean {
    return Boolean(this.store);
  }

  /** Forgets the cached listing and tells the views. */
  invalidate(): void {
    this.cache = undefined;
    this.changed.fire();
  }

  /** Every readable record, newest first (damaged ones are logged once per read and skipped). */
  list(): Promise<GenerationRecord[]> {
    this.cache ??= (async () => {
      if (!this.store) return [];
      const { records, unreadable } = await this.store.list();
      if (unreadable.length) this.log.warn(`History: ${unreadable.length} record(s) could not be read and are not shown: ${unreadable.slice(0, 5).join(', ')}`);
      return records;
    })().catch((error: unknown) => {
      this.log.error(`History could not be read: ${errorText(error)}`);
      return [];
    });
    return this.cache;
  }

  async get(id: string): Promise<GenerationRecord | undefined> {
    return (await this.list()).find((record) => record.id === id);
  }

  /** Saves a record (and its event log); a failure is logged, never thrown into a run. */
  async save(record: GenerationRecord, events?: readonly RunEvent[]): Promise<boolean> {
    if (!this.store) return false;
    try {
      const { eventsLeftOut } = await this.store.save(record, events);
      if (eventsLeftOut) this.log.warn(`History: generation ${record.id} is saved without its event log: ${eventsLeftOut}`);
      return true;
    } catch (error) {
      this.log.error(`History: could not save generation ${record.id}: ${errorText(error)}`);
      return false;
    } finally {
      this.invalidate();
    }
  }

  /** Changes a record (serialized with every other change of it, in any window); with events, also its log. */
  async update(id: string, change: (record: GenerationRecord) => GenerationRecord, events?: readonly RunEvent[]): Promise<GenerationRecord | undefined> {
    if (!this.store) return undefined;
    try {
      const onSaved = ({ eventsLeftOut }: { eventsLeftOut?: string }) => {
        if (eventsLeftOut) this.log.warn(`History: generation ${id} is saved without its event log: ${eventsLeftOut}`);
      };
      return await this.store.update(id, change, { events, onSaved });
    } finally {
      this.invalidate();
    }
  }

  async delete(id: string): Promise<boolean> {
    if (!this.store) return false;
    try {
      return await this.store.delete(id);
    } finally {
      this.invalidate();
    }
  }

  events(record: GenerationRecord): Promise<RunEvent[]> {
    return this.store ? this.store.events(record) : Promise.resolve([]);
  }

  /** Every recorded stage outcome (what the bandit learns from). */
  async outcomes(): Promise<StageOutcome[]> {
    return (await this.list()).flatMap((record) => record.stages);
  }

  async runOutcomes(): Promise<RunOutcomes[]> {
    return (await this.list()).map(toRunOutcomes);
  }
}
