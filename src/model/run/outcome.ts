// A run's status, computed in one place from how its stages ended, and durations written one way.
// The scheduler puts the status in runFinished with it; the run state (runState.ts) recomputes it
// the same way when a run is replayed, so the panel, the sidebar, the history and the CLI agree
// about every run, those recorded under older rules included.
import type { RunStatus } from './events';

/** How one stage ended, as much as the status needs. */
export interface StageEnd {
  id: string;
  status: string;
  /** Finished with its fallback result (Claude failed it). */
  degraded?: boolean;
  /** Skipped because this stage failed or was skipped (absent: skipped on its own account). */
  becauseOf?: string;
  /** Skipped on its own account by choice (not requested, not allowed here, declined). */
  leftOut?: boolean;
}

export interface StageCounts {
  total: number;
  succeeded: number;
  failed: number;
  skipped: number;
  cancelled: number;
  degraded: number;
  /**
   * Skipped stages left out by choice, not by a failure: verification not requested, not allowed
   * (Restricted Mode, a remote folder) or declined, and what depends on it. They do not make a
   * run partial.
   */
  leftOut: number;
  /** Skipped because a stage they depend on failed: they make the run partial. */
  blocked: number;
}

/**
 * Whether a skipped stage was left out by choice: its skip, followed back through `becauseOf`, starts
 * at a stage left out by choice, not at a failed stage or one refused for want of something (budget).
 */
function leftOutByChoice(id: string, byId: ReadonlyMap<string, StageEnd>): boolean {
  const seen = new Set<string>();
  let stage = byId.get(id);
  while (stage && !seen.has(stage.id)) {
    seen.add(stage.id);
    if (stage.status !== 'skipped') return false; // a failure (or anything but a skip) at the root
    if (!stage.becauseOf) return stage.leftOut === true;
    stage = byId.get(stage.becauseOf);
  }
  return false; // a root this run never told of: not a choice anyone made
}

export function countStages(stages: Iterable<StageEnd>): StageCounts {
  const byId = new Map<string, StageEnd>();
  for (const stage of stages) byId.set(stage.id, stage);
  const counts: StageCounts = { total: byId.size, succeeded: 0, failed: 0, skipped: 0, cancelled: 0, degraded: 0, leftOut: 0, blocked: 0 };
  for (const stage of byId.values()) {
    if (stage.status === 'succeeded') {
      counts.succeeded += 1;
      if (stage.degraded) counts.degraded += 1;
    } else if (stage.status === 'failed') counts.failed += 1;
    else if (stage.status === 'cancelled') counts.cancelled += 1;
    else if (stage.status === 'skipped') {
      counts.skipped += 1;
      if (leftOutByChoice(stage.id, byId)) counts.leftOut += 1;
      else counts.blocked += 1;
    }
  }
  return counts;
}

/**
 * The one rule for a finished run's status:
 * - cancelled: the run was cancelled (some stages were cut off);
 * - failed: stages failed and none finished;
 * - partial: some stages finished, but others failed or were skipped because a stage failed;
 * - degraded: every stage that was to run finished, some with their deterministic result because
 *   Claude failed them;
 * - succeeded: every stage that was to run finished as asked.
 * Stages left out by choice (verification not requested or declined) change none of this.
 */
export function runStatus(counts: StageCounts, cancelled: boolean): RunStatus {
  if (cancelled || counts.cancelled > 0) return 'cancelled';
  if (counts.total > 0 && counts.succeeded === 0) return 'failed';
  if (counts.failed + counts.blocked > 0) return 'partial';
  if (counts.degraded > 0) return 'degraded';
  return 'succeeded';
}

/** A duration as every view shows it: "850 ms", "3.3 s", "2 min 05 s". */
export function formatDuration(ms: number): string {
  // Rounded first, so 999.6 ms reads "1.0 s", not "1000 ms".
  if (Math.round(ms) < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, '0')} s`;
}

/** How one verification step ended, as much as the outcome needs (runState's VerificationStepState). */
interface VerifiedStep {
  stageId: string;
  step: string;
  ok: boolean;
  firstErrors: readonly string[];
  timedOut?: boolean;
  cancelled?: boolean;
}

/** How a stage that verifies ended, as much as the outcome needs (runState's StageState). */
interface VerifyingStage {
  status: string;
  outputSummary?: string;
  error?: string;
  skipReason?: string;
  notRequested?: boolean;
}

/**
 * What became of verifying the generated project (install, build, tests), after repairs:
 * - verified: the last round of steps all passed;
 * - failed: the last round failed at `step` (or verification could not run: `detail` says why);
 * - skipped: asked for, or possible, but not run (not allowed here, declined, an earlier failure, cancelled);
 * - notAsked: nobody asked for it;
 * - pending: not decided yet (the run goes on).
 */
export type VerificationOutcome =
  | { kind: 'verified'; detail: string }
  | { kind: 'failed'; step?: string; detail: string }
  | { kind: 'skipped'; detail: string }
  | { kind: 'notAsked'; detail: string }
  | { kind: 'pending'; detail: string };

/**
 * The one rule for a run's verification, from its state: the steps told on the stream (the
 * verification stage's, then each repair round's; the last told decides) and how the stage that
 * ran them ended. The result view, the sidebar (through the history record) and the CLI read this.
 */
export function verificationOutcome(state: { status: string; stages: Readonly<Record<string, VerifyingStage>>; verification: readonly VerifiedStep[] }): VerificationOutcome {
  const outcome = whileRunning(state);
  const ended = state.status !== 'running' && state.status !== 'idle';
  return outcome.kind === 'pending' && ended ? { kind: 'skipped', detail: 'the run ended before verification' } : outcome;
}

function whileRunning(state: { stages: Readonly<Record<string, VerifyingStage>>; verification: readonly VerifiedStep[] }): VerificationOutcome {
  const stage = state.stages['verification'];
  const last = state.verification.at(-1);
  if (last) return fromLastStep(last, state.stages[last.stageId], state.verification);
  if (!stage) return { kind: 'pending', detail: 'this run has no verification stage yet' };
  switch (stage.status) {
    case 'skipped':
      return stage.notRequested ? { kind: 'notAsked', detail: stage.skipReason ?? 'not asked for' } : { kind: 'skipped', detail: stage.skipReason ?? 'it did not run' };
    case 'failed':
      return { kind: 'failed', detail: stage.error ?? 'it could not run' };
    case 'cancelled':
      return { kind: 'skipped', detail: 'the run was cancelled first' };
    case 'succeeded':
      return { kind: 'verified', detail: stage.outputSummary ?? 'install, build and tests passed' };
    default:
      return { kind: 'pending', detail: stage.status === 'running' ? 'running' : 'not started yet' };
  }
}

function fromLastStep(last: VerifiedStep, ranIn: VerifyingStage | undefined, steps: readonly VerifiedStep[]): VerificationOutcome {
  if (last.cancelled) return { kind: 'skipped', detail: `the run was cancelled during ${last.step}` };
  if (!last.ok) {
    const why = last.timedOut ? 'it timed out' : (last.firstErrors[0] ?? 'see the log');
    return { kind: 'failed', step: last.step, detail: why };
  }
  // A step passed, but the round stopped before its end (the stage failed or the run stopped).
  if (ranIn && ranIn.status !== 'succeeded') return ranIn.status === 'failed' ? { kind: 'failed', detail: ranIn.error ?? `stopped after ${last.step}` } : { kind: 'pending', detail: `${last.step} passed` };
  const repaired = last.stageId !== 'verification';
  const round = steps.filter((step) => step.stageId === last.stageId).map((step) => step.step);
  const names = [...new Set(round)].join(', ');
  return { kind: 'verified', detail: repaired ? `${names} passed after repair: ${ranIn?.outputSummary ?? 'Claude fixed it'}` : `${names} passed` };
}

/** The outcome in words, the same in the result view, the sidebar and the CLI. */
export function verificationText(outcome: VerificationOutcome): string {
  switch (outcome.kind) {
    case 'verified':
      return `Verified: ${outcome.detail}`;
    case 'failed':
      return `Verification failed${outcome.step ? ` at ${outcome.step}` : ''}: ${outcome.detail}`;
    case 'pending':
      return `Verification pending: ${outcome.detail}`;
    default:
      return `Not verified: ${outcome.detail}`;
  }
}
