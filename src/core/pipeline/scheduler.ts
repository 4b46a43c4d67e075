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

/** Throw this (or any error with `retryable: true`) for failures worth another attempt. */
export class RetryableError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    /** The server said when to come back (retry-after); overrides the backoff. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'RetryableError';
  }
}

export class StageTimeoutError extends Error {
  readonly retryable = true;
  constructor(stageId: string, timeoutMs: number) {
    super(`Stage "${stageId}" did not finish within ${Math.round(timeoutMs / 1000)} s`);
    this.name = 'StageTimeoutError';
  }
}

/**
 * Thrown by a stage that, once started, finds it must not run (the user declined when asked): the
 * stage and its dependents are skipped with this message as the reason, not failed.
 */
export class StageSkippedError extends Error {
  constructor(
    reason: string,
    /** The user chose it (declined): the run is not partial for it. A refusal for want of something is not. */
    readonly leftOut = true,
  ) {
    super(reason);
    this.name = 'StageSkippedError';
  }
}

export class RunCancelledError extends Error {
  constructor() {
    super('The run was cancelled');
    this.name = 'RunCancelledError';
  }
}

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

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * Share of a backoff delay that is random (0 to 1; default 0): stages that failed together do
   * not all come back at the same moment. A server's retry-after is kept as it is.
   */
  jitter?: number;
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
   * the stage was not asked for (the run is not partial for it), rather than refused for want of something.
   */
  admit?(stage: TStage): string | { reason: string; leftOut: boolean } | undefined;
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

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

function defaultIsRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RunCancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new RunCancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function backoffDelay(policy: RetryPolicy, attempt: number, error: unknown, random: () => number = Math.random): number {
  const retryAfter = (error as { retryAfterMs?: unknown })?.retryAfterMs;
  if (typeof retryAfter === 'number' && Number.isFinite(retryAfter) && retryAfter >= 0) {
    return Math.min(retryAfter, policy.maxDelayMs);
  }
  const delay = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  const jitter = Math.min(1, Math.max(0, policy.jitter ?? 0));
  return Math.round(delay * (1 - jitter * Math.min(1, Math.max(0, random()))));
}

export async function runStages<TStage extends StageNode, TOut>(options: SchedulerOptions<TStage, TOut>): Promise<RunResult<TOut>> {
  const { stream } = options;
  // Both change in place when the graph grows (every closure below sees the current graph).
  const ordered = topologicalOrder(options.stages);
  const position = new Map(ordered.map((stage, index) => [stage.id, index]));
  const retry: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry };
  const isRetryable = options.isRetryable ?? defaultIsRetryable;
  const sleep = options.sleep ?? abortableSleep;
  const concurrency = Math.max(1, Math.floor(options.concurrency));
  const runController = new AbortController();
  // Each running stage listens on the run's signal twice; that is bounded by the concurrency, not a leak.
  setMaxListeners(Math.max(10, concurrency * 4), runController.signal);
  const onRunAbort = () => runController.abort();
  options.signal?.addEventListener('abort', onRunAbort, { once: true });
  if (options.signal?.aborted) runController.abort();

  const started = Date.now();
  const outputs = new Map<string, TOut>();
  const errors = new Map<string, string>();
  const finished = new Set<string>();
  /** Skipped stages, with the stage they were skipped because of (none: skipped on their own account). */
  const skipped = new Map<string, { becauseOf?: string; leftOut?: boolean }>();
  const cancelled = new Set<string>();
  const degraded = new Set<string>();
  const running = new Map<string, Promise<void>>();
  const queued = new Set<string>();
  const usageTotal: Usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
  let files = 0;

  const describe = (stage: TStage) => ({
    id: stage.id,
    title: stage.title,
    dependsOn: [...stage.dependsOn],
    kind: (stage as { kind?: string }).kind,
    description: stage.description?.slice(0, 1000),
  });
  stream.emit({ type: 'runStarted', stages: ordered.map(describe), concurrency });

  const settled = (id: string) => finished.has(id) || errors.has(id) || skipped.has(id) || cancelled.has(id);

  /** Checks a grown graph against the running one; throws a GraphError naming what is wrong. */
  const planGrowth = (next: readonly TStage[]) => {
    const nextOrder = topologicalOrder(next);
    const byId = new Map(nextOrder.map((stage) => [stage.id, stage]));
    for (const stage of ordered) {
      const grown = byId.get(stage.id);
      if (!grown) throw new GraphError(`The graph may only grow, but stage "${stage.id}" is missing from it`);
      const changed = grown.dependsOn.length !== stage.dependsOn.length || grown.dependsOn.some((id, index) => stage.dependsOn[index] !== id);
      if (changed && (settled(stage.id) || running.has(stage.id) || queued.has(stage.id))) {
        throw new GraphError(`Stage "${stage.id}" has already been scheduled; its dependencies cannot change`);
      }
    }
    const known = new Set(ordered.map((stage) => stage.id));
    const added = nextOrder.filter((stage) => !known.has(stage.id));
    const rewired = nextOrder.filter((stage) => {
      const before = known.has(stage.id) ? ordered[position.get(stage.id) as number] : undefined;
      return before && (before.dependsOn.length !== stage.dependsOn.length || before.dependsOn.some((id, index) => stage.dependsOn[index] !== id));
    });
    return { nextOrder, added, rewired };
  };

  const applyGrowth = (after: TStage, plan: ReturnType<typeof planGrowth>) => {
    if (!plan.added.length && !plan.rewired.length) return; // the same graph: nothing to tell
    ordered.splice(0, ordered.length, ...plan.nextOrder);
    position.clear();
    ordered.forEach((stage, index) => position.set(stage.id, index));
    stream.emit({
      type: 'stagesAdded',
      afterStageId: after.id,
      stages: plan.added.map(describe),
      dependsOn: plan.rewired.map((stage) => ({ stageId: stage.id, dependsOn: [...stage.dependsOn] })),
      order: ordered.map((stage) => stage.id),
    });
    // A new stage whose dependency already failed or was skipped can never run.
    for (const stage of plan.added) {
      if (settled(stage.id)) continue;
      const blocker = stage.dependsOn.find((id) => errors.has(id) || skipped.has(id));
      if (blocker) {
        skipped.set(stage.id, { becauseOf: blocker });
        stream.emit({ type: 'stageSkipped', stageId: stage.id, reason: `"${ordered[position.get(blocker) as number].title}" ${errors.has(blocker) ? 'failed' : 'was skipped'}`, becauseOf: blocker });
      }
    }
  };

  const skipDependents = (id: string, reason: string) => {
    for (const dependent of dependentsOf(ordered, id)) {
      if (settled(dependent) || running.has(dependent)) continue;
      skipped.set(dependent, { becauseOf: id });
      queued.delete(dependent);
      stream.emit({ type: 'stageSkipped', stageId: dependent, reason, becauseOf: id });
    }
  };

  const runOne = async (stage: TStage): Promise<void> => {
    const stageStarted = Date.now();
    for (let attempt = 1; ; attempt += 1) {
      if (runController.signal.aborted) {
        cancelled.add(stage.id);
        stream.emit({ type: 'stageCancelled', stageId: stage.id });
        return;
      }
      const attemptController = new AbortController();
      const abortAttempt = () => attemptController.abort();
      runController.signal.addEventListener('abort', abortAttempt, { once: true });
      const timeoutMs = typeof options.stageTimeoutMs === 'function' ? options.stageTimeoutMs(stage) : options.stageTimeoutMs;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let rejectOnCancel: (() => void) | undefined;
      stream.emit({ type: 'stageStarted', stageId: stage.id, attempt });
      const inputs = new Map<string, TOut>();
      for (const dependency of stage.dependsOn) if (outputs.has(dependency)) inputs.set(dependency, outputs.get(dependency) as TOut);
      const context: StageContext<TOut> = {
        signal: attemptController.signal,
        attempt,
        lastAttempt: attempt >= retry.maxAttempts,
        inputs,
        progress: (message, fraction) => stream.emit({ type: 'stageProgress', stageId: stage.id, message, fraction }),
        output: (summary) => stream.emit({ type: 'stageOutput', stageId: stage.id, summary }),
        warn: (message) => stream.emit({ type: 'warning', stageId: stage.id, message }),
        fileProduced: (path, content) => {
          files += 1;
          const sha256 = createHash('sha256').update(content).digest('hex');
          stream.emit({ type: 'fileProduced', stageId: stage.id, path, bytes: Buffer.byteLength(content), sha256 });
        },
        usage: (model, usage) => {
          usageTotal.inputTokens += usage.inputTokens;
          usageTotal.outputTokens += usage.outputTokens;
          usageTotal.cacheReadTokens += usage.cacheReadTokens ?? 0;
          usageTotal.cacheWriteTokens += usage.cacheWriteTokens ?? 0;
          usageTotal.costUsd += usage.costUsd;
          stream.emit({ type: 'usage', stageId: stage.id, model, usage });
        },
        degrade: (reason) => {
          degraded.add(stage.id);
          stream.emit({ type: 'stageDegraded', stageId: stage.id, reason: reason.slice(0, 2000) });
        },
      };
      try {
        // Race the stage against its timeout and the run's cancellation, so a stage that ignores
        // its signal still cannot hold the run.
        const result = await Promise.race([
          options.execute(stage, context),
          new Promise<never>((_, reject) => {
            if (timeoutMs && timeoutMs > 0) {
              timer = setTimeout(() => {
                // Reject first so the timeout, not the stage's reaction to the abort, is the reason.
                reject(new StageTimeoutError(stage.id, timeoutMs));
                attemptController.abort();
              }, timeoutMs);
            }
            rejectOnCancel = () => reject(new RunCancelledError());
            runController.signal.addEventListener('abort', rejectOnCancel, { once: true });
            if (runController.signal.aborted) reject(new RunCancelledError());
          }),
        ]);
        // Checked before the stage counts as finished: a graph that cannot grow fails the stage.
        const grown = options.grow?.(stage, result);
        const plan = grown ? planGrowth(grown) : undefined;
        outputs.set(stage.id, result);
        finished.add(stage.id);
        stream.emit({ type: 'stageFinished', stageId: stage.id, durationMs: Date.now() - stageStarted, attempts: attempt });
        if (plan) applyGrowth(stage, plan);
        return;
      } catch (error) {
        if (runController.signal.aborted) {
          cancelled.add(stage.id);
          stream.emit({ type: 'stageCancelled', stageId: stage.id });
          return;
        }
        const message = errorMessage(error);
        if (error instanceof StageSkippedError) {
          skipped.set(stage.id, { leftOut: error.leftOut });
          stream.emit({ type: 'stageSkipped', stageId: stage.id, reason: message, ...(error.leftOut ? { leftOut: true } : {}) });
          skipDependents(stage.id, `"${stage.title}" was skipped`);
          return;
        }
        if (isRetryable(error) && attempt < retry.maxAttempts) {
          const delayMs = backoffDelay(retry, attempt, error, options.random);
          stream.emit({ type: 'stageRetried', stageId: stage.id, attempt, delayMs, reason: message });
          try {
            await sleep(delayMs, runController.signal);
          } catch {
            continue; // cancelled while waiting: the loop head records it
          }
          continue;
        }
        errors.set(stage.id, message);
        stream.emit({ type: 'stageFailed', stageId: stage.id, error: message, attempt, durationMs: Date.now() - stageStarted });
        skipDependents(stage.id, `"${stage.title}" failed`);
        return;
      } finally {
        if (timer) clearTimeout(timer);
        runController.signal.removeEventListener('abort', abortAttempt);
        if (rejectOnCancel) runController.signal.removeEventListener('abort', rejectOnCancel);
      }
    }
  };

  await new Promise<void>((resolveAll) => {
    const pump = () => {
      for (const stage of ordered) {
        if (settled(stage.id) || running.has(stage.id) || queued.has(stage.id)) continue;
        if (stage.dependsOn.every((dependency) => finished.has(dependency))) {
          queued.add(stage.id);
          stream.emit({ type: 'stageQueued', stageId: stage.id });
        }
      }
      const ready = [...queued].sort((a, b) => (position.get(a) ?? 0) - (position.get(b) ?? 0));
      for (const id of ready) {
        if (running.size >= concurrency) break;
        const stage = ordered[position.get(id) as number];
        queued.delete(id);
        if (runController.signal.aborted) {
          cancelled.add(id);
          stream.emit({ type: 'stageCancelled', stageId: id });
          continue;
        }
        const admission = options.admit?.(stage);
        const refusal = typeof admission === 'string' ? { reason: admission, leftOut: false } : admission;
        if (refusal) {
          skipped.set(id, { leftOut: refusal.leftOut });
          stream.emit({ type: 'stageSkipped', stageId: id, reason: refusal.reason, ...(refusal.leftOut ? { leftOut: true } : {}) });
          skipDependents(id, `"${stage.title}" was skipped`);
          continue;
        }
        const task = runOne(stage).finally(() => {
          running.delete(id);
          pump();
        });
        running.set(id, task);
      }
      if (running.size === 0) {
        // Nothing runs and nothing can start: whatever is left was cut off by cancellation.
        for (const stage of ordered) {
          if (!settled(stage.id)) {
            cancelled.add(stage.id);
            stream.emit({ type: 'stageCancelled', stageId: stage.id });
          }
        }
        resolveAll();
      }
    };
    pump();
  });
  options.signal?.removeEventListener('abort', onRunAbort);

  const sortedOutputs = new Map<string, TOut>();
  for (const stage of ordered) if (outputs.has(stage.id)) sortedOutputs.set(stage.id, outputs.get(stage.id) as TOut);
  // The run's status by the one rule (model/run/outcome.ts) every view reads it back with.
  const ends: StageEnd[] = ordered.map(({ id }) => ({
    id,
    status: finished.has(id) ? 'succeeded' : errors.has(id) ? 'failed' : skipped.has(id) ? 'skipped' : cancelled.has(id) ? 'cancelled' : 'pending',
    degraded: degraded.has(id),
    ...skipped.get(id),
  }));
  const counts = countStages(ends);
  const status: RunStatus = runStatus(counts, runController.signal.aborted);
  const summary: RunSummary = {
    status,
    stages: { total: ordered.length, succeeded: finished.size, failed: errors.size, skipped: skipped.size, cancelled: cancelled.size, degraded: counts.degraded },
    files,
    durationMs: Date.now() - started,
    usage: usageTotal,
  };
  stream.emit({ type: 'runFinished', summary });
  return { status, outputs: sortedOutputs, errors, summary };
}
