import type { GenerationRecord } from '../../core/history/store';
import { Disposable } from '../../core/lifecycle';
import type { HostToWebview } from '../../model/protocol';
import type { RunEvent } from '../../model/run/events';
import type { RunRecord } from '../runs/runRegistry';
import type { RunService } from '../runs/RunService';
import type { GenerateInput, RunRequester } from '../runs/types';

/**
 * What one view shows of the window's runs: the run it follows (the one it started, resumed or
 * was given), replayed whole whenever its webview (re)loads, then followed event by event. The
 * view owns nothing of the run: closing it leaves the run to the service.
 */
export class RunViewer extends Disposable {
  private viewing: string | undefined;

  constructor(
    private readonly service: RunService,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
  ) {
    super();
    this._register(service.onDidEvent((event) => void (event.runId === this.viewing && this.post({ type: 'runEvent', event }))));
  }

  /** The run this view follows, if any. */
  get viewedRun(): string | undefined {
    return this.viewing;
  }

  /** Shows `runId` from the next (re)load of the webview on. */
  follow(runId: string): void {
    this.viewing = runId;
  }

  /** A generate request: answered with runAccepted (before the run's first event) or runRefused. */
  start(requestId: string, input: GenerateInput): Promise<string | undefined> {
    return this.service.start(input, this.requester(requestId));
  }

  /** A resume request, answered like a generate request. */
  resume(requestId: string, runId: string): Promise<string | undefined> {
    return this.service.resume(runId, this.requester(requestId));
  }

  /** Replays the run this view follows (or the window's latest) to a webview that (re)loaded empty. */
  async sendSnapshot(): Promise<void> {
    const followed = this.viewing === undefined ? undefined : this.service.registry.find(this.viewing);
    const record = followed ?? (await this.service.registry.latest());
    if (record) await this.show(record);
  }

  /** Shows the run that wrote `folder` and selects a stage in its execution tree; false when unknown. */
  async showRunOf(folder: string, stageId?: string): Promise<boolean> {
    const record = await this.service.registry.runOf(folder);
    if (!record) return false;
    await this.show(record);
    if (stageId) await this.post({ type: 'focusStage', runId: record.runId, stageId });
    return true;
  }

  /** Opens a past generation from the history: its events replayed into the execution tree and result view. */
  async showHistoric(generation: GenerationRecord, events: readonly RunEvent[]): Promise<void> {
    await this.show(this.service.registry.historic(generation, events));
  }

  private async show(record: RunRecord): Promise<void> {
    this.viewing = record.runId;
    const rating = (await this.service.history?.get(record.runId))?.rating;
    // The events are taken right before posting: a live run's later events follow as runEvent.
    await this.post({
      type: 'runSnapshot',
      runId: record.runId,
      folder: record.folder,
      entities: record.entities,
      warnings: record.warnings,
      events: [...record.events()],
      interrupted: record.interrupted,
      fromHistory: Boolean(record.fromHistory),
      rating,
    });
  }

  /** Who asked for a run in this view: told it started (the view follows it from then) or why not. */
  requester(requestId: string): RunRequester {
    return {
      accepted: async (run) => {
        this.viewing = run.runId;
        await this.post({ type: 'runAccepted', replyTo: requestId, ...run });
      },
      refused: async (reason) => {
        await this.post({ type: 'runRefused', replyTo: requestId, reason });
      },
    };
  }
}
