// The one event stream of a generation run. The webview, the history store, the log channel and
// the CLI all read these; they are plain JSON (zod-described) so they can be stored and replayed
// to redraw a run after a reload.
import * as z from 'zod';
import { ProjectSpec } from '../project/projectSpec';

const Base = {
  runId: z.string().min(1).max(100),
  /** Position in the run's stream, from 0, without gaps. */
  seq: z.number().int().min(0),
  /** Epoch milliseconds. */
  at: z.number(),
};
const StageId = z.string().min(1).max(200);

export const StageDescriptor = z.object({
  id: StageId,
  title: z.string().max(200),
  dependsOn: z.array(StageId),
  /** The catalogue stage this instance came from (per-entity stages share one). */
  kind: z.string().max(100).optional(),
  description: z.string().max(1000).optional(),
});
export type StageDescriptor = z.infer<typeof StageDescriptor>;

export const Usage = z.object({
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  cacheReadTokens: z.number().int().min(0).default(0),
  cacheWriteTokens: z.number().int().min(0).default(0),
  costUsd: z.number().min(0),
});
export type Usage = z.infer<typeof Usage>;

/**
 * Claude's data model as the user accepted it in the review step ("Refine with Claude"), not edited
 * since: a run given it uses the spec as the domain model instead of asking Claude again.
 */
export const AcceptedModel = z.object({
  /** The model that answered in the review. */
  model: z.string().max(200).optional(),
  /** What that answer cost in the review (not spent again). */
  costUsd: z.number().min(0).optional(),
  /** Claude changed the model (false: it found nothing to change in the reviewed one). */
  changed: z.boolean().default(true),
  /**
   * Where the model was settled: the review step (absent), or an update of a generated project (its spec as
   * changed; an update never lets Claude reshape the rest of a model the project already has).
   */
  from: z.enum(['review', 'update']).optional(),
});
export type AcceptedModel = z.infer<typeof AcceptedModel>;

/** `degraded`: every stage finished, but some kept their deterministic result because Claude failed. */
export const RunStatus = z.enum(['succeeded', 'degraded', 'failed', 'cancelled', 'partial']);
export type RunStatus = z.infer<typeof RunStatus>;

export const RunSummary = z.object({
  status: RunStatus,
  stages: z.object({
    total: z.number().int(),
    succeeded: z.number().int(),
    failed: z.number().int(),
    skipped: z.number().int(),
    cancelled: z.number().int(),
    /** Finished with their fallback result (absent in runs recorded before it was counted). */
    degraded: z.number().int().default(0),
  }),
  files: z.number().int(),
  durationMs: z.number(),
  usage: Usage,
});
export type RunSummary = z.infer<typeof RunSummary>;

export const RunEvent = z.discriminatedUnion('type', [
  z.object({ ...Base, type: z.literal('runStarted'), stages: z.array(StageDescriptor), concurrency: z.number().int().min(1) }),
  /**
   * The graph grew while the run went on: once a stage finished, what depends on its output became
   * known (the per-entity stages once the domain model is final). `dependsOn` re-wires stages that
   * had not started (they now also wait for the new ones); `order` is every stage, topologically.
   */
  z.object({
    ...Base,
    type: z.literal('stagesAdded'),
    afterStageId: StageId,
    stages: z.array(StageDescriptor).max(5000),
    dependsOn: z.array(z.object({ stageId: StageId, dependsOn: z.array(StageId) })).max(5000),
    order: z.array(StageId).max(10_000),
  }),
  /**
   * The spec the later stages generate from changed in a stage (Claude refined the data model, or
   * implemented requirements): the whole spec, so a resumed run continues from it, and what changed.
   */
  z.object({
    ...Base,
    type: z.literal('specUpdated'),
    stageId: StageId,
    spec: ProjectSpec,
    changes: z.array(z.string().max(500)).max(200),
  }),
  /**
   * The domain-model stage used Claude's model as the user accepted it in the review step instead of
   * asking Claude again: no call, no cost in this run (`reviewCostUsd` was spent in the review).
   */
  z.object({
    ...Base,
    type: z.literal('modelReused'),
    stageId: StageId,
    model: z.string().max(200).optional(),
    reviewCostUsd: z.number().min(0).optional(),
    changed: z.boolean(),
  }),
  z.object({ ...Base, type: z.literal('stageQueued'), stageId: StageId }),
  z.object({ ...Base, type: z.literal('stageStarted'), stageId: StageId, attempt: z.number().int().min(1), variant: z.string().optional() }),
  z.object({ ...Base, type: z.literal('stageProgress'), stageId: StageId, message: z.string().max(2000), fraction: z.number().min(0).max(1).optional() }),
  z.object({ ...Base, type: z.literal('stageOutput'), stageId: StageId, summary: z.string().max(2000) }),
  z.object({ ...Base, type: z.literal('stageFinished'), stageId: StageId, durationMs: z.number().min(0), attempts: z.number().int().min(1) }),
  z.object({
    ...Base,
    type: z.literal('stageFailed'),
    stageId: StageId,
    error: z.string().max(4000),
    attempt: z.number().int().min(1),
    durationMs: z.number().min(0),
  }),
  z.object({
    ...Base,
    type: z.literal('stageRetried'),
    stageId: StageId,
    attempt: z.number().int().min(1),
    delayMs: z.number().min(0),
    reason: z.string().max(2000),
  }),
  /**
   * `leftOut`: skipped by choice, not for want of anything (verification not requested, not allowed
   * here, or declined): such a stage, and what is skipped because of it, does not make the run partial.
   */
  z.object({
    ...Base,
    type: z.literal('stageSkipped'),
    stageId: StageId,
    reason: z.string().max(2000),
    becauseOf: StageId.optional(),
    leftOut: z.boolean().optional(),
    /** Left out because nobody asked for it (verification not requested), rather than not allowed or declined. */
    notRequested: z.boolean().optional(),
  }),
  z.object({ ...Base, type: z.literal('stageCancelled'), stageId: StageId }),
  /**
   * The stage keeps its fallback (the deterministic result) because Claude failed it: an API fault
   * after retries, an answer still invalid after its repair, a rejected key, the budget. It still
   * finishes; the run's status says degraded. The words for the user come as a warning.
   */
  z.object({ ...Base, type: z.literal('stageDegraded'), stageId: StageId, reason: z.string().max(2000) }),
  z.object({ ...Base, type: z.literal('fileProduced'), stageId: StageId, path: z.string().max(1000), bytes: z.number().int().min(0), sha256: z.string().length(64) }),
  z.object({ ...Base, type: z.literal('usage'), stageId: StageId, model: z.string().max(200), usage: Usage }),
  /** Which prompt variant a stage asks Claude with, and why (learning's choice, or the default). */
  z.object({
    ...Base,
    type: z.literal('promptChosen'),
    stageId: StageId,
    variant: z.string().max(100),
    promptVersion: z.number().int().min(0),
    model: z.string().max(200),
    reason: z.string().max(1000),
  }),
  /** How Claude's answer turned out: what learning scores the variant on. */
  z.object({
    ...Base,
    type: z.literal('promptOutcome'),
    stageId: StageId,
    variant: z.string().max(100),
    model: z.string().max(200),
    valid: z.boolean(),
    repaired: z.boolean(),
    latencyMs: z.number().min(0),
  }),
  z.object({ ...Base, type: z.literal('warning'), stageId: StageId.optional(), message: z.string().max(4000) }),
  /**
   * One step of verification (npm install, build, tests) ended: in the verification stage, and again
   * in each repair round. `firstErrors` are the lines that look like errors, for the user and repair.
   */
  z.object({
    ...Base,
    type: z.literal('verificationStep'),
    stageId: StageId,
    step: z.string().min(1).max(100),
    ok: z.boolean(),
    durationMs: z.number().min(0),
    firstErrors: z.array(z.string().max(2000)).max(20),
    /** The step ran out of time, or was stopped because the run was cancelled. */
    timedOut: z.boolean().optional(),
    cancelled: z.boolean().optional(),
  }),
  /**
   * What became of committing the run's files to git, after the run finished: `committed` (with the
   * commit), `skipped` (nothing to commit, or git is not possible here: `detail` says why) or `failed`.
   */
  z.object({
    ...Base,
    type: z.literal('gitResult'),
    outcome: z.enum(['committed', 'skipped', 'failed']),
    detail: z.string().max(2000),
    commit: z.string().max(100).optional(),
  }),
  z.object({ ...Base, type: z.literal('runFinished'), summary: RunSummary }),
]);
export type RunEvent = z.infer<typeof RunEvent>;
export type RunEventType = RunEvent['type'];

/** An event before the stream stamps it with runId, seq and time. */
export type RunEventInput = RunEvent extends infer E ? (E extends RunEvent ? Omit<E, 'runId' | 'seq' | 'at'> : never) : never;

export type RunEventListener = (event: RunEvent) => void;

/** Stamps events with run id, sequence and time, keeps them, and fans them out to listeners. */
export class RunEventStream {
  private seq = 0;
  private readonly listeners = new Set<RunEventListener>();
  readonly events: RunEvent[] = [];

  constructor(
    readonly runId: string,
    private readonly now: () => number = Date.now,
  ) {}

  emit(input: RunEventInput): RunEvent {
    const event = { ...input, runId: this.runId, seq: this.seq++, at: this.now() } as RunEvent;
    this.events.push(event);
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // A broken consumer (say, a closed webview) must not stop the run or the other consumers.
      }
    }
    return event;
  }

  subscribe(listener: RunEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
