// How a stage attempt can end besides with its output, and what the scheduler does about it: the
// errors a stage throws (retryable, timed out, skipped, cancelled), the retry policy and its backoff.

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

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 500, maxDelayMs: 30_000 };

export function defaultIsRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { retryable?: unknown }).retryable === true;
}

export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
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

export function errorMessage(error: unknown): string {
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
