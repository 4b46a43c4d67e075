// What a refining stage does when its Claude call fails. A failure never costs the project: the
// stage keeps its deterministic result, says why, and is counted as degraded. Faults worth another
// attempt (overload, 5xx, rate limits, broken streams, timeouts) are retried first, with backoff in
// seconds; a rejected key turns Claude off for the rest of the run; cancellation stays cancellation.
import { InvalidModelOutputError, ProviderAuthError } from '../providers/anthropic';
import { BudgetExceededError } from './budgetLedger';
import { RetryableError, type RetryPolicy, RunCancelledError } from './scheduler';
import { countOf } from '../../model/count';

/**
 * Retries of a run with Claude: up to 4 attempts, waiting 4, 8 and 16 s (each up to half shorter,
 * at random, so stages that failed together do not return together) — 14 to 28 s in all, unless
 * the server says when to come back (retry-after, honoured up to 30 s).
 */
export const CLAUDE_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 4000, maxDelayMs: 30_000, jitter: 0.5 };

export type ClaudeFailure =
  /** Not the stage's to handle: cancelled, timed out as a stage, or to be retried by the scheduler. */
  | { kind: 'rethrow' }
  | {
      kind: 'invalid' | 'budget' | 'fault' | 'claudeOff';
      /** Why the stage is degraded, short (the stageDegraded event). */
      reason: string;
      /** What the run tells the user (a warning). */
      message: string;
    };

export function claudeFailure(error: unknown, at: { title: string; signal: AbortSignal; lastAttempt: boolean; attempt: number }): ClaudeFailure {
  if (at.signal.aborted || error instanceof RunCancelledError) return { kind: 'rethrow' };
  const text = error instanceof Error ? error.message : String(error);
  const keeps = `${at.title} keeps the deterministic result`;
  if (error instanceof InvalidModelOutputError) return { kind: 'invalid', reason: text, message: `${keeps}: ${text}` };
  if (error instanceof BudgetExceededError) return { kind: 'budget', reason: text, message: `Budget: ${keeps}; ${text}.` };
  if (error instanceof ProviderAuthError) {
    return {
      kind: 'claudeOff',
      reason: `Claude is off for this run: ${text}`,
      message: `Claude is off for the rest of this run, and every stage keeps its deterministic result: ${text}`,
    };
  }
  const retryable = (error as { retryable?: unknown })?.retryable === true;
  if (retryable && !at.lastAttempt) return { kind: 'rethrow' };
  const tries = retryable ? ` after ${countOf(at.attempt, 'attempt')}` : '';
  const reason = `Claude failed${tries}: ${text}`;
  return { kind: 'fault', reason, message: `${keeps}: ${reason}` };
}

/**
 * Runs one Claude call with its own deadline (`ms` from now; `limitMs` is the limit as the user
 * knows it), shorter than the stage's timeout, so a request that never answers fails as a
 * retryable fault the stage can still fall back from.
 */
export async function withinDeadline<T>(ms: number, signal: AbortSignal, run: (signal: AbortSignal) => Promise<T>, limitMs = ms): Promise<T> {
  const controller = new AbortController();
  const forward = () => controller.abort();
  if (signal.aborted) controller.abort();
  else signal.addEventListener('abort', forward, { once: true });
  let timedOut = false;
  const timer =
    ms > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, ms)
      : undefined;
  try {
    return await run(controller.signal);
  } catch (error) {
    if (!timedOut || signal.aborted) throw error;
    const late = new RetryableError(`Claude did not answer within ${Math.round(limitMs / 100) / 10} s`);
    // What the call spent before it timed out (a first answer) still counts.
    const usage = (error as { usage?: unknown })?.usage;
    throw usage ? Object.assign(late, { usage }) : late;
  } finally {
    if (timer) clearTimeout(timer);
    signal.removeEventListener('abort', forward);
  }
}
