// Runs a generation: builds the run's stage graph from the spec, schedules it, and turns stage
// outputs into files (streamed to the sink as each stage finishes) and one event stream that every
// consumer reads. Providers plug in per stage; this is the offline provider's path.
import { randomUUID } from 'node:crypto';
import { InvalidSpecError } from '../generator';
import { FileSet, type GeneratedFile } from '../generator/fileSet';
import { extractSpec } from '../spec/extract';
import type { ProjectSpec } from '../spec/projectSpec';
import { validateSpec } from '../spec/specIndex';
import type { VerifyResult } from '../verify/verifier';
import { RunEventStream } from './events';
import { type RunResult, runStages } from './scheduler';
import { buildStageGraph } from './stages/catalogue';
import { LayerCache } from './stages/layers';
import type { StageInstance, StageOutput } from './stages/types';

export type GenerationInput = { kind: 'text'; text: string; projectName?: string } | { kind: 'spec'; spec: ProjectSpec };

export interface GenerationRequest {
  input: GenerationInput;
  runId?: string;
  stream?: RunEventStream;
  concurrency?: number;
  signal?: AbortSignal;
  stageTimeoutMs?: number;
  /** Receives each file as soon as its stage has produced it (a sink writes it). */
  onFile?: (file: GeneratedFile) => void | Promise<void>;
  /** Runs the written project's install, build and tests. Absent: verification is skipped. */
  verify?: (signal: AbortSignal) => Promise<VerifyResult>;
  /** Said in the run when verification is skipped, e.g. "needs a trusted workspace". */
  verificationSkippedBecause?: string;
}

export interface GenerationResult {
  spec: ProjectSpec;
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
  const problems = validateSpec(spec);
  if (problems.length) throw new InvalidSpecError(problems);
  if (!spec.entities.length) throw new InvalidSpecError(['No entities were found in the requirements', ...spec.warnings]);

  const stream = request.stream ?? new RunEventStream(request.runId ?? randomUUID());
  const stages = buildStageGraph(spec);
  const layers = new LayerCache(spec);
  const files = new FileSet();
  const requirementsText = request.input.kind === 'text' ? request.input.text : spec.requirements.text;

  const run = await runStages<StageInstance, StageOutput>({
    stages,
    stream,
    concurrency: request.concurrency ?? 4,
    signal: request.signal,
    stageTimeoutMs: (stage) => (stage.kind === 'verification' ? 30 * 60_000 : (request.stageTimeoutMs ?? 5 * 60_000)),
    // Offline stages are deterministic: a retry would fail the same way.
    retry: { maxAttempts: 1 },
    admit: (stage) =>
      stage.kind === 'verification' && !request.verify
        ? (request.verificationSkippedBecause ?? 'Verification was not requested for this run')
        : undefined,
    execute: async (stage, context) => {
      const inputs = new Map<string, StageOutput>();
      const collect = (id: string) => {
        const output = context.inputs.get(id);
        if (output) inputs.set(id, output);
      };
      // The explanations stage reads every earlier file, so hand it all finished outputs it depends on.
      stage.dependsOn.forEach(collect);
      const output = await stage.definition.offline({
        spec,
        requirementsText,
        layers,
        entity: stage.entity,
        signal: context.signal,
        inputs,
        verify: request.verify,
      });
      for (const file of output.files) {
        context.signal.throwIfAborted();
        files.add(file);
        await request.onFile?.(file);
        context.fileProduced(file.path, file.content);
      }
      context.output(output.summary);
      return output;
    },
  });
  return { spec, stages, files, run, stream };
}
