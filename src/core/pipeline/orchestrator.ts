// Runs a generation: builds the run's stage graph from the spec, schedules it, and turns stage
// outputs into files (streamed to the sink as each stage finishes) and one event stream that every
// consumer reads. The graph grows while the run goes on: the per-entity stages are added once the
// domain model is final (with Claude it may gain, rename or lose entities). What one stage does is
// stageExecution.ts; Claude's part (one budget ledger, failures that never cost the project) is
// claudeRefinement.ts; resuming an interrupted run, resumeReplay.ts.
import { randomUUID } from 'node:crypto';
import type { FileSet, GeneratedFile } from '../generator/fileSet';
import { extractSpec } from '../extract';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { assertGeneratable, InvalidSpecError } from '../../model/project/generatable';
import type { Verify } from '../verify/verifier';
import type { ClaudeOptions } from './claudeRefinement';
import { CLAUDE_RETRY } from './claudeFailure';
import { type AcceptedModel, RunEventStream } from '../../model/run/events';
import type { ResumeState } from './resumeReplay';
import { type RunResult, runStages } from './scheduler';
import { StageExecution } from './stageExecution';
import { buildStageGraph, initialStageGraph } from './stages/catalogue';
import type { StageInstance, StageOutput } from './stages/types';

export type { ClaudeOptions } from './claudeRefinement';
export type { ResumeState } from './resumeReplay';

export type GenerationInput = { kind: 'text'; text: string; projectName?: string } | { kind: 'spec'; spec: ProjectSpec };

export interface GenerationRequest {
  input: GenerationInput;
  runId?: string;
  stream?: RunEventStream;
  concurrency?: number;
  signal?: AbortSignal;
  stageTimeoutMs?: number;
  /** For tests: how to wait before a retry (Claude's backoff is seconds long). */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** Receives each file as soon as its stage has produced it (a sink writes it). */
  onFile?: (file: GeneratedFile) => void | Promise<void>;
  /** Runs the written project's install, build and tests. Absent: verification is skipped. */
  verify?: Verify;
  /** Said in the run when verification is skipped, e.g. "needs a trusted workspace". */
  verificationSkippedBecause?: string;
  /** Whether the user asked for verification (false: the run says it was not asked for, not that it was refused). */
  verificationRequested?: boolean;
  claude?: ClaudeOptions;
  /** Continue an interrupted run: these stages finished before and their files are on disk. */
  resume?: ResumeState;
  /**
   * The input spec is Claude's data model as the user accepted it in the review step (and did not
   * edit since): with Claude, the domain-model stage uses it as it is instead of asking again.
   */
  acceptedModel?: AcceptedModel;
}

export interface GenerationResult {
  /** The spec the run generated from in the end (the domain model may have changed it). */
  spec: ProjectSpec;
  /** The run's whole graph, per-entity stages included once the model was final. */
  stages: StageInstance[];
  files: FileSet;
  run: RunResult<StageOutput>;
  stream: RunEventStream;
}

/** The spec a run generates from: the reviewed one, or extracted from text now. */
export function specFor(input: GenerationInput): ProjectSpec {
  return input.kind === 'spec' ? input.spec : extractSpec(input.text, { projectName: input.projectName });
}

export async function runGeneration(request: GenerationRequest): Promise<GenerationResult> {
  const spec = specFor(request.input);
  assertGeneratable(spec);
  const stream = request.stream ?? new RunEventStream(request.runId ?? randomUUID());
  const stageTimeoutMs = request.stageTimeoutMs ?? 5 * 60_000;
  const execution = new StageExecution({
    ...request,
    stream,
    spec,
    requirementsText: request.input.kind === 'text' ? request.input.text : spec.requirements.text,
    // A Claude call ends in time for its stage to keep its own result if it fails.
    callTimeoutMs: Math.min(request.claude?.callTimeoutMs ?? Infinity, Math.round(stageTimeoutMs * 0.8)),
  });
  // Without per-entity stages: they are added once the domain model has finished (see grow).
  let stages = initialStageGraph(spec);
  const run = await runStages<StageInstance, StageOutput>({
    stages,
    stream,
    // The data model is final: the per-entity stages join the graph, built from it.
    grow: (stage, output) => {
      if (!stage.definition.finalizesModel) return undefined;
      const model = output.spec ?? execution.spec;
      if (!model.entities.length) throw new InvalidSpecError(['The data model has no entities left to generate']);
      stages = buildStageGraph(model);
      return stages;
    },
    concurrency: request.concurrency ?? 4,
    signal: request.signal,
    retry: request.claude ? CLAUDE_RETRY : undefined,
    sleep: request.sleep,
    stageTimeoutMs: (stage) => (stage.kind === 'verification' || stage.kind === 'repair' ? 60 * 60_000 : stageTimeoutMs),
    // Verification not requested or not allowed here is left out, not missing: the run is not partial for it.
    admit: (stage) =>
      stage.kind === 'verification' && !request.verify
        ? { reason: request.verificationSkippedBecause ?? 'Verification was not requested for this run', leftOut: true, notRequested: request.verificationRequested === false }
        : undefined,
    execute: (stage, context) => execution.execute(stage, context),
  });
  return { spec: execution.spec, stages, files: execution.files, run, stream };
}
