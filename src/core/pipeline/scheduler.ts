// Runs a stage graph: ready stages at the same time up to a concurrency limit, in a stable
// topological order, with a timeout per stage, retries with backoff for retryable failures,
// cancellation that reaches every running stage, and failure isolation (a failed stage's
// dependents are skipped; the rest still run). A stage may also finish degraded (it kept a
// fallback result, e.g. Claude failed); the run then says so. Everything it does is told on the
// event stream.
import { createHash } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { type RunEventStream, type RunStatus, type RunSummary, type Usage } from '../../model/run/events';
import { countStages, runStatus, type StageEnd } from '../../model/run/outcome';
import { dependentsOf, GraphError, type StageNode, topologicalOrder } from './graph';
import {
  abortableSleep,
  backoffDelay,
  DEFAULT_RETRY,
  defaultIsRetryable,
  errorMessage,
  type RetryPolicy,
  RunCancelledError,
  StageSkippedError,
  StageTimeoutError,
} from './stageFailures';

export { backoffDelay, RetryableError, type RetryPolicy, RunCancelledError, StageSkippedError, StageTimeoutError } from './stageFailures';

export interface StageContext<TOut> {
  /** Aborted when the run is cancelled or this attempt times out: pass it to every request. */
  signal: AbortSignal;
  attempt: number;
  /** No retry follows if this attempt fails: a stage with a fallback should use it now. */
  lastAttempt: boolean;
  /** Outputs of the stages this one depends on. */
  inputs: ReadonlyMap<string, TOut>;
  progress(message: string, fraction?: number): void;
  output(summary: string): void;
  warn(message: string): void;
  fileProduced(path: string, content: string): void;
  usage(model: string, usage: Usage): void;
  /** The stage finishes with a fallback result (why, for the run); the run's status says degraded. */
  degrade(reason: string): void;
}

export interface SchedulerOptions<TStage extends StageNode, TOut> {
  stages: readonly TStage[];
  execute(stage: TStage, context: StageContext<TOut>): Promise<TOut>;
  stream: RunEventStream;
  concurrency: number;
  signal?: AbortSignal;
  stageTimeoutMs?: number | ((stage: TStage) => number);
  retry?: Partial<RetryPolicy>;
  /**
   * Asked before a stage starts; a returned reason skips the stage (and its dependents). `leftOut`:
   * the stage was not asked for (the run is not partial for it), rather than refused for want of something;
   * `notRequested`: nobody asked for it at all (rather than not allowed here).
   */
  admit?(stage: TStage): string | { reason: string; leftOut: boolean; notRequested?: boolean } | undefined;
  /**
   * Asked when a stage has finished, with its output: the whole graph from now on when it grows
   * (a superset of the current one; only stages that have not been queued may gain dependencies),
   * or undefined. The per-entity stages are added this way once the domain model is final.
   */
  grow?(stage: TStage, output: TOut): readonly TStage[] | undefined;
  /** For tests: how to wait between attempts. */
  sleep?(ms: number, signal: AbortSignal): Promise<void>;
  /** For tests: the source of the backoff jitter. */
  random?(): number;
  isRetryable?(error: unknown): boolean;
}

export interface RunResult<TOut> {
  status: RunStatus;
  /** Outputs of the stages that succeeded, in topological order whatever the timing. */
  outputs: Map<string, TOut>;
  errors: Map<string, string>;
  summary: RunSummary;
}

export function runStages<TStage extends StageNode, TOut>(options: SchedulerOptions<TStage, TOut>): Promise<RunResult<TOut>> {
  return new StageRun(options).run();
}

type GrowthPlan<TStage> = { nextOrder: TStage[]; added: TStage[]; rewired: TStage[] };

const sameDependencies = (a: StageNode, b: StageNode) => a.dependsOn.length === b.dependsOn.length && a.dependsOn.every((id, index) => b.dependsOn[index] === id);

/** One run of a stage graph: what has settled, what runs, and the events that tell it. */
class StageRun<TStage extends StageNode, TOut> {
  private readonly stream: RunEventStream;
  // Both change in place when the graph grows.
  private readonly ordered: TStage[];
  private readonly position: Map<string, number>;
  private readonly retry: RetryPolicy;
  private readonly concurrency: number;
  private readonly runController = new AbortController();
  private readonly outputs = new Map<string, TOut>();
  private readonly errors = new Map<string, string>();
  private readonly finished = new Set<string>();
  /** Skipped stages, with the stage they were skipped because of (none: skipped on their own account). */
  private readonly skipped = new Map<string, { becauseOf?: string; leftOut?: boolean }>();
  private readonly cancelled = new Set<string>();
  private readonly degraded = new Set<string>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly queued = new Set<string>();
  private readonly usageTotal: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
  private files = 0;

  constructor(private readonly options: SchedulerOptions<TStage, TOut>) {
    this.stream = options.stream;
    this.ordered = topologicalOrder(options.stages);
    this.position = new Map(this.ordered.map((stage, index) => [stage.id, index]));
    this.retry = { ...DEFAULT_RETRY, ...options.retry };
    this.concurrency = Math.max(1, Math.floor(options.concurrency));
    // Each running stage listens on the run's signal twice; that is bounded by the concurrency, not a leak.
    setMaxListeners(Math.max(10, this.concurrency * 4), this.runController.signal);
  }

  async run(): Promise<RunResult<TOut>> {
    const onRunAbort = () => this.runController.abort();
    this.options.signal?.addEventListener('abort', onRunAbort, { once: true });
    if (this.options.signal?.aborted) this.runController.abort();
    const started = Date.now();
    this.stream.emit({ type: 'runStarted', stages: this.ordered.map((stage) => this.describe(stage)), concurrency: this.concurrency });
    await new Promise<void>((resolveAll) => this.pump(resolveAll));
    this.options.signal?.removeEventListener('abort', onRunAbort);
    return this.finish(Date.now() - started);
  }

  private describe(stage: TStage) {
    return { id: stage.id, title: stage.title, dependsOn: [...stage.dependsOn], kind: (stage as { kind?: string }).kind, description: stage.description?.slice(0, 1000) };
  }

  private settled(id: string): boolean {
    return this.finished.has(id) || this.errors.has(id) || this.skipped.has(id) || this.cancelled.has(id);
  }

  private title(id: string): string {
    return this.ordered[this.position.get(id) as number].title;
  }

  /** Checks a grown graph against the running one; throws a GraphError naming what is wrong. */
  private planGrowth(next: readonly TStage[]): GrowthPlan<TStage> {
    const nextOrder = topologicalOrder(next);
    const byId = new Map(nextOrder.map((stage) => [stage.id, stage]));
    for (const stage of this.ordered) {
      const grown = byId.get(stage.id);
      if (!grown) throw new GraphError(`The graph may only grow, but stage "${stage.id}" is missing from it`);
      if (!sameDependencies(grown, stage) && (this.settled(stage.id) || this.running.has(stage.id) || this.queued.has(stage.id))) {
        throw new GraphError(`Stage "${stage.id}" has already been scheduled; its dependencies cannot change`);
      }
    }
    const known = new Set(this.ordered.map((stage) => stage.id));
    const added = nextOrder.filter((stage) => !known.has(stage.id));
    const rewired = nextOrder.filter((stage) => {
      const before = known.has(stage.id) ? this.ordered[this.position.get(stage.id) as number] : undefined;
      return before && !sameDependencies(before, stage);
    });
    return { nextOrder, added, rewired };
  }

  private applyGrowth(after: TStage, plan: GrowthPlan<TStage>): void {
    if (!plan.added.length && !plan.rewired.length) return; // the same graph: nothing to tell
    this.ordered.splice(0, this.ordered.length, ...plan.nextOrder);
    this.position.clear();
    this.ordered.forEach((stage, index) => this.position.set(stage.id, index));
    this.stream.emit({
      type: 'stagesAdded',
      afterStageId: after.id,
      stages: plan.added.map((stage) => this.describe(stage)),
      dependsOn: plan.rewired.map((stage) => ({ stageId: stage.id, dependsOn: [...stage.dependsOn] })),
      order: this.ordered.map((stage) => stage.id),
    });
    // A new stage whose dependency already failed or was skipped can never run.
    for (const stage of plan.added) {
      if (this.settled(stage.id)) continue;
      const blocker = stage.dependsOn.find((id) => this.errors.has(id) || this.skipped.has(id));
      if (blocker) this.skip(stage.id, `"${this.title(blocker)}" ${this.errors.has(blocker) ? 'failed' : 'was skipped'}`, { becauseOf: blocker });
    }
  }

  private skip(id: string, reason: string, cause: { becauseOf?: string; leftOut?: boolean; notRequested?: boolean }): void {
    this.skipped.set(id, cause);
    this.queued.delete(id);
    const flags = { ...(cause.becauseOf ? { becauseOf: cause.becauseOf } : {}), ...(cause.leftOut ? { leftOut: true } : {}), ...(cause.notRequested ? { notRequested: true } : {}) };
    this.stream.emit({ type: 'stageSkipped', stageId: id, reason, ...flags });
  }

  private skipDependents(id: string, reason: string): void {
    for (const dependent of dependentsOf(this.ordered, id)) {
      if (this.settled(dependent) || this.running.has(dependent)) continue;
      this.skip(dependent, reason, { becauseOf: id });
    }
  }

  private cancel(id: string): void {
    this.cancelled.add(id);
    this.stream.emit({ type: 'stageCancelled', stageId: id });
  }

  /** Attempts a stage until it settles: finished, failed, skipped or cancelled. */
  private async runOne(stage: TStage): Promise<void> {
    const stageStarted = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      if (this.runController.signal.aborted) return this.cancel(stage.id);
      const retryIn = await this.attempt(stage, attempt, stageStarted);
      if (retryIn === undefined) return;
      try {
        await (this.options.sleep ?? abortableSleep)(retryIn, this.runController.signal);
      } catch {
        // cancelled while waiting: the loop head records it
      }
    }
  }

  /** One attempt; answers the delay before the next one when it is worth retrying. */
  private async attempt(stage: TStage, attempt: number, stageStarted: number): Promise<number | undefined> {
    const attemptController = new AbortController();
    const abortAttempt = () => attemptController.abort();
    this.runController.signal.addEventListener('abort', abortAttempt, { once: true });
    this.stream.emit({ type: 'stageStarted', stageId: stage.id, attempt });
    const context = this.contextFor(stage, attempt, attemptController.signal);
    let limits: ReturnType<StageRun<TStage, TOut>['raceAgainstLimits']> | undefined;
    try {
      const execution = this.options.execute(stage, context);
      limits = this.raceAgainstLimits(stage, attemptController);
      const result = await Promise.race([execution, limits.reached]);
      // Checked before the stage counts as finished: a graph that cannot grow fails the stage.
      const grown = this.options.grow?.(stage, result);
      const plan = grown ? this.planGrowth(grown) : undefined;
      this.outputs.set(stage.id, result);
      this.finished.add(stage.id);
      this.stream.emit({ type: 'stageFinished', stageId: stage.id, durationMs: Date.now() - stageStarted, attempts: attempt });
      if (plan) this.applyGrowth(stage, plan);
      return undefined;
    } catch (error) {
      return this.attemptFailed(stage, error, attempt, stageStarted);
    } finally {
      limits?.release();
      this.runController.signal.removeEventListener('abort', abortAttempt);
    }
  }

  /**
   * Rejects on the stage's timeout and on the run's cancellation, so a stage that ignores its signal
   * still cannot hold the run.
   */
  private raceAgainstLimits(stage: TStage, attemptController: AbortController): { reached: Promise<never>; release: () => void } {
    const { stageTimeoutMs } = this.options;
    const timeoutMs = typeof stageTimeoutMs === 'function' ? stageTimeoutMs(stage) : stageTimeoutMs;
    const signal = this.runController.signal;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let rejectOnCancel: (() => void) | undefined;
    const reached = new Promise<never>((_, reject) => {
      if (timeoutMs && timeoutMs > 0) {
        timer = setTimeout(() => {
          // Reject first so the timeout, not the stage's reaction to the abort, is the reason.
          reject(new StageTimeoutError(stage.id, timeoutMs));
          attemptController.abort();
        }, timeoutMs);
      }
      rejectOnCancel = () => reject(new RunCancelledError());
      signal.addEventListener('abort', rejectOnCancel, { once: true });
      if (signal.aborted) reject(new RunCancelledError());
    });
    const release = () => {
      if (timer) clearTimeout(timer);
      if (rejectOnCancel) signal.removeEventListener('abort', rejectOnCancel);
    };
    return { reached, release };
  }

  /** A failed attempt: cancelled, skipped, to be retried (the delay), or failed for good. */
  private attemptFailed(stage: TStage, error: unknown, attempt: number, stageStarted: number): number | undefined {
    if (this.runController.signal.aborted) {
      this.cancel(stage.id);
      return undefined;
    }
    const message = errorMessage(error);
    if (error instanceof StageSkippedError) {
      this.skip(stage.id, message, { leftOut: error.leftOut });
      this.skipDependents(stage.id, `"${stage.title}" was skipped`);
      return undefined;
    }
    if ((this.options.isRetryable ?? defaultIsRetryable)(error) && attempt < this.retry.maxAttempts) {
      const delayMs = backoffDelay(this.retry, attempt, error, this.options.random);
      this.stream.emit({ type: 'stageRetried', stageId: stage.id, attempt, delayMs, reason: message });
      return delayMs;
    }
    this.errors.set(stage.id, message);
    this.stream.emit({ type: 'stageFailed', stageId: stage.id, error: message, attempt, durationMs: Date.now() - stageStarted });
    this.skipDependents(stage.id, `"${stage.title}" failed`);
    return undefined;
  }

  private contextFor(stage: TStage, attempt: number, signal: AbortSignal): StageContext<TOut> {
    const { stream } = this;
    const inputs = new Map<string, TOut>();
    for (const dependency of stage.dependsOn) if (this.outputs.has(dependency)) inputs.set(dependency, this.outputs.get(dependency) as TOut);
    return {
      signal,
      attempt,
      lastAttempt: attempt >= this.retry.maxAttempts,
      inputs,
      progress: (message, fraction) => stream.emit({ type: 'stageProgress', stageId: stage.id, message, fraction }),
      output: (summary) => stream.emit({ type: 'stageOutput', stageId: stage.id, summary }),
      warn: (message) => stream.emit({ type: 'warning', stageId: stage.id, message }),
      fileProduced: (path, content) => {
        this.files += 1;
        const sha256 = createHash('sha256').update(content).digest('hex');
        stream.emit({ type: 'fileProduced', stageId: stage.id, path, bytes: Buffer.byteLength(content), sha256 });
      },
      usage: (model, usage) => {
        const total = this.usageTotal;
        total.inputTokens += usage.inputTokens;
        total.outputTokens += usage.outputTokens;
        total.cacheReadTokens += usage.cacheReadTokens ?? 0;
        total.cacheWriteTokens += usage.cacheWriteTokens ?? 0;
        total.costUsd += usage.costUsd;
        stream.emit({ type: 'usage', stageId: stage.id, model, usage });
      },
      degrade: (reason) => {
        this.degraded.add(stage.id);
        stream.emit({ type: 'stageDegraded', stageId: stage.id, reason: reason.slice(0, 2000) });
      },
    };
  }

  /** Queues what became ready, starts what fits under the concurrency, and ends the run when nothing can run. */
  private pump(resolveAll: () => void): void {
    for (const stage of this.ordered) {
      if (this.settled(stage.id) || this.running.has(stage.id) || this.queued.has(stage.id)) continue;
      if (stage.dependsOn.every((dependency) => this.finished.has(dependency))) {
        this.queued.add(stage.id);
        this.stream.emit({ type: 'stageQueued', stageId: stage.id });
      }
    }
    const ready = [...this.queued].sort((a, b) => (this.position.get(a) ?? 0) - (this.position.get(b) ?? 0));
    for (const id of ready) {
      if (this.running.size >= this.concurrency) break;
      this.start(id, resolveAll);
    }
    if (this.running.size > 0) return;
    // Nothing runs and nothing can start: whatever is left was cut off by cancellation.
    for (const stage of this.ordered) if (!this.settled(stage.id)) this.cancel(stage.id);
    resolveAll();
  }

  /** Starts a queued stage, unless the run was cancelled or the stage is not admitted. */
  private start(id: string, resolveAll: () => void): void {
    const stage = this.ordered[this.position.get(id) as number];
    this.queued.delete(id);
    if (this.runController.signal.aborted) return this.cancel(id);
    const admission = this.options.admit?.(stage);
    const refusal = typeof admission === 'string' ? { reason: admission, leftOut: false } : admission;
    if (refusal) {
      this.skip(id, refusal.reason, { leftOut: refusal.leftOut, notRequested: refusal.notRequested });
      this.skipDependents(id, `"${stage.title}" was skipped`);
      return;
    }
    const task = this.runOne(stage).finally(() => {
      this.running.delete(id);
      this.pump(resolveAll);
    });
    this.running.set(id, task);
  }

  private finish(durationMs: number): RunResult<TOut> {
    const sortedOutputs = new Map<string, TOut>();
    for (const stage of this.ordered) if (this.outputs.has(stage.id)) sortedOutputs.set(stage.id, this.outputs.get(stage.id) as TOut);
    // The run's status by the one rule (model/run/outcome.ts) every view reads it back with.
    const ends: StageEnd[] = this.ordered.map(({ id }) => ({
      id,
      status: this.finished.has(id) ? 'succeeded' : this.errors.has(id) ? 'failed' : this.skipped.has(id) ? 'skipped' : this.cancelled.has(id) ? 'cancelled' : 'pending',
      degraded: this.degraded.has(id),
      ...this.skipped.get(id),
    }));
    const counts = countStages(ends);
    const status: RunStatus = runStatus(counts, this.runController.signal.aborted);
    const { finished, errors, skipped, cancelled } = this;
    const summary: RunSummary = {
      status,
      stages: { total: this.ordered.length, succeeded: finished.size, failed: errors.size, skipped: skipped.size, cancelled: cancelled.size, degraded: counts.degraded },
      files: this.files,
      durationMs,
      usage: this.usageTotal,
    };
    this.stream.emit({ type: 'runFinished', summary });
    return { status, outputs: sortedOutputs, errors, summary };
  }
}
