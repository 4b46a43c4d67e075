// Folds a run's event stream into the state the UI draws (the execution tree, progress, totals).
// Pure and incremental: the live panel applies events one by one; after a reload or from history
// the same function replays the stored events and gets the same picture.
import type { RunEvent, RunStatus, RunSummary, StageDescriptor, Usage } from './events';
import { countStages, runStatus, type StageCounts } from './outcome';

export type StageStatus = 'pending' | 'queued' | 'running' | 'retrying' | 'succeeded' | 'failed' | 'skipped' | 'cancelled';

export interface StageState extends StageDescriptor {
  status: StageStatus;
  attempts: number;
  startedAt?: number;
  finishedAt?: number;
  durationMs?: number;
  lastProgress?: { message: string; fraction?: number };
  outputSummary?: string;
  error?: string;
  skipReason?: string;
  /** Skipped because this stage failed or was skipped (absent: skipped on its own account, e.g. not requested). */
  skippedBecauseOf?: string;
  /** Skipped by choice (verification not requested, not allowed here, or declined). */
  leftOut?: boolean;
  /** Left out because nobody asked for it (verification not requested). */
  notRequested?: boolean;
  retries: { attempt: number; delayMs: number; reason: string }[];
  files: string[];
  usage: Usage;
  variant?: string;
  /** Why this prompt variant (learning's reason), when the stage asked Claude. */
  variantReason?: string;
  model?: string;
  /** How Claude's answer turned out. */
  prompt?: { valid: boolean; repaired: boolean; latencyMs: number };
  /** Added while the run went on, once this stage had finished (e.g. per-entity stages after the domain model). */
  addedAfter?: string;
  /** Why the stage kept its deterministic result although Claude was to refine it (Claude failed). */
  degraded?: string;
  /** What this stage changed in the spec the later stages generate from (e.g. entities Claude added). */
  specChanges?: string[];
  /**
   * The domain model Claude gave in the review step, accepted by the user, was used as it is: Claude
   * was not asked again in this run (this stage cost nothing; `reviewCostUsd` was spent in the review).
   */
  reusedModel?: { model?: string; reviewCostUsd?: number; changed: boolean };
}

/** One verification step as it ended (install, build, tests), in the stage that ran it. */
export interface VerificationStepState {
  stageId: string;
  step: string;
  ok: boolean;
  durationMs: number;
  firstErrors: string[];
  timedOut?: boolean;
  cancelled?: boolean;
}

export interface GitState {
  outcome: 'committed' | 'skipped' | 'failed';
  detail: string;
  commit?: string;
}

export interface RunState {
  runId?: string;
  status: 'idle' | 'running' | RunStatus;
  startedAt?: number;
  finishedAt?: number;
  /**
   * When the run ended: its last event once it finished (results told after runFinished, such as
   * git's, included). `durationMs` is the run's wall-clock time, from runStarted to then.
   */
  endedAt?: number;
  durationMs?: number;
  /** Stages by how they ended, as the run's status counts them. */
  counts?: StageCounts;
  concurrency?: number;
  /** Stages in topological order. */
  stageOrder: string[];
  stages: Record<string, StageState>;
  files: { path: string; stageId: string; bytes: number; sha256: string }[];
  warnings: { stageId?: string; message: string }[];
  /** Every verification step that ended, in order (verification, then each repair round's). */
  verification: VerificationStepState[];
  git?: GitState;
  usage: Usage;
  summary?: RunSummary;
  /** The last applied sequence number; events at or below it are ignored (idempotent replay). */
  lastSeq: number;
  /** Entity names of the spec as last updated during the run (absent: the spec the run started from). */
  entities?: string[];
}

const zeroUsage = (): Usage => ({ inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 });

export function initialRunState(): RunState {
  return { status: 'idle', stageOrder: [], stages: {}, files: [], warnings: [], verification: [], usage: zeroUsage(), lastSeq: -1 };
}

function addUsage(total: Usage, usage: Usage): Usage {
  return {
    inputTokens: total.inputTokens + usage.inputTokens,
    outputTokens: total.outputTokens + usage.outputTokens,
    cacheReadTokens: total.cacheReadTokens + (usage.cacheReadTokens ?? 0),
    cacheWriteTokens: total.cacheWriteTokens + (usage.cacheWriteTokens ?? 0),
    costUsd: total.costUsd + usage.costUsd,
  };
}

function updateStage(state: RunState, stageId: string, change: (stage: StageState) => StageState): RunState {
  const stage = state.stages[stageId];
  if (!stage) return state; // an event for a stage this run never announced: ignore, never crash
  return { ...state, stages: { ...state.stages, [stageId]: change(stage) } };
}

/** Applies one event; returns the same object when the event changes nothing. */
export function applyRunEvent(state: RunState, event: RunEvent): RunState {
  if (event.type === 'runStarted') {
    const stages: Record<string, StageState> = {};
    for (const descriptor of event.stages) {
      stages[descriptor.id] = { ...descriptor, status: 'pending', attempts: 0, retries: [], files: [], usage: zeroUsage() };
    }
    return {
      ...initialRunState(),
      runId: event.runId,
      status: 'running',
      startedAt: event.at,
      concurrency: event.concurrency,
      stageOrder: event.stages.map((stage) => stage.id),
      stages,
      lastSeq: event.seq,
    };
  }
  if (event.runId !== state.runId || event.seq <= state.lastSeq) return state;
  const applied = applyToRun({ ...state, lastSeq: event.seq }, event);
  // Once the run has finished, what it still tells (git's result) moves its end.
  if (applied.finishedAt === undefined || applied.startedAt === undefined || event.type === 'runFinished') return applied;
  const endedAt = Math.max(applied.endedAt ?? event.at, event.at);
  return { ...applied, endedAt, durationMs: endedAt - applied.startedAt };
}

function applyToRun(next: RunState, event: RunEvent): RunState {
  switch (event.type) {
    case 'runStarted':
      return next; // a second start of the same run id: applyRunEvent began it already
    case 'stagesAdded':
      return addStages(next, event);
    case 'specUpdated':
      return {
        ...updateStage(next, event.stageId, (s) => ({ ...s, specChanges: event.changes })),
        entities: event.spec.entities.map((entity) => entity.name),
      };
    case 'fileProduced': {
      const withFile = updateStage(next, event.stageId, (s) => ({ ...s, files: [...s.files, event.path] }));
      return { ...withFile, files: [...withFile.files, { path: event.path, stageId: event.stageId, bytes: event.bytes, sha256: event.sha256 }] };
    }
    case 'usage': {
      const withUsage = updateStage(next, event.stageId, (s) => ({ ...s, usage: addUsage(s.usage, event.usage) }));
      return { ...withUsage, usage: addUsage(withUsage.usage, event.usage) };
    }
    case 'warning':
      return { ...next, warnings: [...next.warnings, { stageId: event.stageId, message: event.message }] };
    case 'verificationStep': {
      const { stageId, step, ok, durationMs, firstErrors, timedOut, cancelled } = event;
      return { ...next, verification: [...next.verification, { stageId, step, ok, durationMs, firstErrors, timedOut, cancelled }] };
    }
    case 'gitResult':
      return { ...next, git: { outcome: event.outcome, detail: event.detail, commit: event.commit } };
    case 'runFinished':
      return finishRun(next, event);
    default: {
      const stageEvent: StageEvent = event;
      return updateStage(next, stageEvent.stageId, (s) => stageAfter(s, stageEvent));
    }
  }
}

/** Events that change only the stage they name. */
type StageEvent = Extract<
  RunEvent,
  {
    type:
      | 'modelReused'
      | 'stageQueued'
      | 'stageStarted'
      | 'stageProgress'
      | 'stageOutput'
      | 'stageRetried'
      | 'stageFinished'
      | 'stageFailed'
      | 'stageSkipped'
      | 'stageCancelled'
      | 'stageDegraded'
      | 'promptChosen'
      | 'promptOutcome';
  }
>;

function stageAfter(s: StageState, event: StageEvent): StageState {
  switch (event.type) {
    case 'modelReused':
      return { ...s, reusedModel: { model: event.model, reviewCostUsd: event.reviewCostUsd, changed: event.changed } };
    case 'stageQueued':
      return { ...s, status: 'queued' };
    case 'stageStarted':
      return { ...s, status: 'running', attempts: event.attempt, startedAt: s.startedAt ?? event.at, variant: event.variant ?? s.variant };
    case 'stageProgress':
      return { ...s, lastProgress: { message: event.message, fraction: event.fraction } };
    case 'stageOutput':
      return { ...s, outputSummary: event.summary };
    case 'stageRetried':
      return { ...s, status: 'retrying', retries: [...s.retries, { attempt: event.attempt, delayMs: event.delayMs, reason: event.reason }] };
    case 'stageFinished':
      return { ...s, status: 'succeeded', finishedAt: event.at, durationMs: event.durationMs, attempts: event.attempts };
    case 'stageFailed':
      return { ...s, status: 'failed', finishedAt: event.at, durationMs: event.durationMs, error: event.error };
    case 'stageSkipped':
      return { ...s, status: 'skipped', skipReason: event.reason, skippedBecauseOf: event.becauseOf, leftOut: event.leftOut, notRequested: event.notRequested };
    case 'stageCancelled':
      return { ...s, status: 'cancelled', finishedAt: event.at };
    case 'stageDegraded':
      return { ...s, degraded: event.reason };
    case 'promptChosen':
      return { ...s, variant: event.variant, variantReason: event.reason, model: event.model };
    case 'promptOutcome':
      return { ...s, prompt: { valid: event.valid, repaired: event.repaired, latencyMs: event.latencyMs } };
  }
}

function finishRun(next: RunState, event: Extract<RunEvent, { type: 'runFinished' }>): RunState {
  // The status is the one rule's (outcome.ts), from how the stages ended; the summary's own is
  // kept only for whether the run was cancelled (runs recorded under older rules read the same).
  const counts = countStages(Object.values(next.stages).map((s) => ({ id: s.id, status: s.status, degraded: s.degraded !== undefined, becauseOf: s.skippedBecauseOf, leftOut: s.leftOut })));
  const status: RunStatus = runStatus(counts, event.summary.status === 'cancelled');
  const durationMs = next.startedAt === undefined ? event.summary.durationMs : event.at - next.startedAt;
  return { ...next, status, counts, finishedAt: event.at, endedAt: event.at, durationMs, summary: event.summary };
}

/** The graph grew: new stages (pending), re-wired dependencies of stages not yet started, the new order. */
function addStages(state: RunState, event: Extract<RunEvent, { type: 'stagesAdded' }>): RunState {
  const stages = { ...state.stages };
  for (const descriptor of event.stages) {
    if (stages[descriptor.id]) continue; // announced already (an event seen twice): keep what it knows
    stages[descriptor.id] = { ...descriptor, status: 'pending', attempts: 0, retries: [], files: [], usage: zeroUsage(), addedAfter: event.afterStageId };
  }
  for (const { stageId, dependsOn } of event.dependsOn) {
    if (stages[stageId]) stages[stageId] = { ...stages[stageId], dependsOn };
  }
  // The announced order, then anything known but not in it (never lose a stage over a bad event).
  const ordered = event.order.filter((id, index) => stages[id] && event.order.indexOf(id) === index);
  const listed = new Set(ordered);
  const rest = [...state.stageOrder, ...event.stages.map((stage) => stage.id)].filter((id, index, all) => !listed.has(id) && all.indexOf(id) === index);
  const stageOrder = [...ordered, ...rest];
  return { ...state, stages, stageOrder };
}

export function replayRun(events: readonly RunEvent[]): RunState {
  return events.reduce(applyRunEvent, initialRunState());
}

/** Share of stages that reached an end state, for the overall progress bar. */
export function runProgress(state: RunState): number {
  const total = state.stageOrder.length;
  if (!total) return 0;
  const done = state.stageOrder.filter((id) => ['succeeded', 'failed', 'skipped', 'cancelled'].includes(state.stages[id].status)).length;
  return done / total;
}

/**
 * A run whose journal stops without runFinished (the window reloaded or crashed mid-run): every
 * stage that had not finished is shown as cancelled, and so is the run.
 */
export function markInterrupted(state: RunState): RunState {
  if (state.status !== 'running' && state.status !== 'idle') return state;
  const unfinished: StageStatus[] = ['pending', 'queued', 'running', 'retrying'];
  const stages = Object.fromEntries(
    Object.entries(state.stages).map(([id, stage]) => [id, unfinished.includes(stage.status) ? { ...stage, status: 'cancelled' as const } : stage]),
  );
  return { ...state, status: 'cancelled', stages };
}
