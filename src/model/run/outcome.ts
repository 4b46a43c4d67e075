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
