// What `takoss generate` prints on stdout when a run has ended (JSON, for scripts), and its exit code.
import type { ClaudeOptions, GenerationResult } from '../core/pipeline/orchestrator';
import { filesClaudeWrote } from '../core/verify/claudeFiles';
import type { ProjectSpec } from '../model/project/projectSpec';
import { verificationOutcome, verificationText } from '../model/run/outcome';
import { replayRun, type RunState } from '../model/run/runState';
import type { DiskRunOutcome } from './diskRun';
import { CANCELLED_EXIT_CODE } from './signals';
import { understandingJson } from './understandingReport';

export interface SummaryContext {
  spec: ProjectSpec;
  out: string;
  provider: string;
  claude?: ClaudeOptions;
  /** When the command started (the summary's seconds include reading and extracting). */
  started: number;
}

export function runSummaryJson(context: SummaryContext, outcome: DiskRunOutcome & { result: GenerationResult }): string {
  const { spec, claude } = context;
  const { run, spec: generated } = outcome.result;
  const { incomplete } = outcome;
  const summary = {
    project: spec.name,
    out: context.out,
    status: run.status,
    // As generated: with Claude the domain model may have added, renamed or removed entities.
    entities: (generated ?? spec).entities.map((e) => e.name),
    auth: spec.auth.kind,
    files: run.summary.files,
    provider: context.provider,
    usage: claude ? run.summary.usage : undefined,
    // The files Claude wrote in this run (the rest are the deterministic generator's).
    claudeFiles: claude ? filesClaudeWrote(outcome.stream.events).map((file) => file.path) : undefined,
    stages: run.summary.stages,
    failed: Object.fromEntries(run.errors),
    seconds: Number(((Date.now() - context.started) / 1000).toFixed(2)),
    // What was left out, after the run (Claude may have implemented some of it).
    understanding: understandingJson(generated ?? spec),
    verify: verifySummary(replayRun(outcome.stream.events)),
    incomplete: incomplete?.summary,
  };
  return JSON.stringify(summary, null, 2);
}

/**
 * Verification as the result view and the sidebar say it (model/run/outcome.ts), with every step
 * told (the verification stage's, then each repair round's); absent when nobody asked for it.
 */
function verifySummary(state: RunState) {
  const outcome = verificationOutcome(state);
  if (outcome.kind === 'notAsked') return undefined;
  const steps = state.verification.map((s) => ({ stage: s.stageId, name: s.step, ok: s.ok, seconds: Math.round(s.durationMs / 100) / 10 }));
  return { outcome: outcome.kind, ok: outcome.kind === 'verified', failedStep: outcome.kind === 'failed' ? outcome.step : undefined, text: verificationText(outcome), steps };
}

/** 130 when cancelled, 1 when a stage failed or a requested verification did not pass (after repairs), else 0. */
export function runExitCode(outcome: DiskRunOutcome & { result: GenerationResult }, verifyRequested: boolean): number {
  const { run } = outcome.result;
  if (run.status === 'cancelled') return CANCELLED_EXIT_CODE;
  if (run.errors.size > 0) return 1;
  if (verifyRequested && verificationOutcome(replayRun(outcome.stream.events)).kind !== 'verified') return 1;
  return 0;
}
