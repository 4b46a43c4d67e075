// Runs a generation: builds the run's stage graph from the spec, schedules it, and turns stage
// outputs into files (streamed to the sink as each stage finishes) and one event stream that every
// consumer reads. Providers plug in per stage; this is the offline provider's path. The graph
// grows while the run goes on: the per-entity stages are added once the domain model is final
// (with Claude it may gain, rename or lose entities). With Claude, every call draws from one budget
// ledger, and a Claude failure never costs the project: the stage keeps its deterministic result,
// says why, and the run ends degraded.
import { randomUUID } from 'node:crypto';
import { InvalidSpecError } from '../generator';
import { FileSet, type GeneratedFile } from '../generator/fileSet';
import { extractSpec } from '../extract';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { validateSpec } from '../../model/project/specIndex';
import type { VariantChoice } from '../learning/bandit';
import type { StructuredRequest, StructuredResult } from '../providers/anthropic';
import type { Verify } from '../verify/verifier';
import { BudgetExceededError, type BudgetHold, BudgetLedger } from './budgetLedger';
import { type ClaudeCall, prepareClaudeCall, reserveCall, sharedCachedContext, structuredOnHold, withinLedger } from './claudeCall';
import { claudeFailure, CLAUDE_RETRY, withinDeadline } from './claudeFailure';
import { type AcceptedModel, RunEventStream, type Usage } from '../../model/run/events';
import { describeModelChanges, hasModelChanges, modelChanges } from '../../model/run/modelChanges';
import { repairRounds } from './repairLoop';
import { reportedVerify } from './verificationEvents';
import { type RunResult, runStages, type StageContext } from './scheduler';
import { buildStageGraph, initialStageGraph } from './stages/catalogue';
import { LayerCache } from './stages/layers';
import type { ClaudeStage, ClaudeStageContext, OfflineContext, StageInstance, StageOutput } from './stages/types';

/** Hybrid mode: the deterministic skeleton first, then Claude for the stages that need judgement. */
export interface ClaudeOptions {
  provider: { structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> };
  model: string;
  /** Most the run may spend; a Claude call whose forecast would pass it keeps the deterministic result. */
  budgetUsd: number;
  /** Which prompt variant a stage uses, and why (learning's bandit); default: the first. */
  chooseVariant?: (stage: StageInstance) => VariantChoice | undefined;
  /** Repair rounds after a failed verification (default 3). */
  maxRepairRounds?: number;
  /** TypeScript syntax check; without it, stages that write code keep the deterministic result. */
  checkSyntax?: (path: string, content: string) => string[];
  /**
   * How long one Claude call (with its repair round trip) may take before it counts as failed and
   * is retried; default 80% of the stage timeout, so the stage can still keep its own result.
   */
  callTimeoutMs?: number;
}

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
  claude?: ClaudeOptions;
  /** Continue an interrupted run: these stages finished before and their files are on disk. */
  resume?: ResumeState;
  /**
   * The input spec is Claude's data model as the user accepted it in the review step (and did not
   * edit since): with Claude, the domain-model stage uses it as it is instead of asking again.
   */
  acceptedModel?: AcceptedModel;
}

export interface ResumeState {
  /** Stages whose output is kept: not run again, their files not written again. */
  finished: ReadonlySet<string>;
  /** The files each kept stage wrote, as journaled. */
  filesOf(stageId: string): readonly string[];
  /**
   * The content of a kept file as it is on disk (it was checked against the journaled hash), so
   * later stages see exactly what was written, Claude's refinements included.
   */
  readBack(path: string): Promise<string>;
  /**
   * The spec a kept stage left for the later ones, as journaled (specUpdated): Claude's refined
   * data model, so the resumed run grows the same graph and generates from the same model.
   */
  specOf?(stageId: string): ProjectSpec | undefined;
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
  const problems = validateSpec(spec);
  if (problems.length) throw new InvalidSpecError(problems);
  if (!spec.entities.length) throw new InvalidSpecError(['No entities were found in the requirements', ...spec.warnings]);

  const stream = request.stream ?? new RunEventStream(request.runId ?? randomUUID());
  // Without per-entity stages: they are added once the domain model has finished (see grow below).
  let stages = initialStageGraph(spec);
  const files = new FileSet();
  const requirementsText = request.input.kind === 'text' ? request.input.text : spec.requirements.text;
  // Stages after the domain model generate from its (possibly Claude-refined) spec.
  let currentSpec = spec;
  let layers: LayerCache | undefined;
  const claude = request.claude;
  // One ledger for every Claude call of the run, however many stages run at once.
  const ledger = claude ? new BudgetLedger(claude.budgetUsd) : undefined;
  const stageTimeoutMs = request.stageTimeoutMs ?? 5 * 60_000;
  // A Claude call ends in time for its stage to keep its own result if it fails.
  const callTimeoutMs = Math.min(claude?.callTimeoutMs ?? Infinity, Math.round(stageTimeoutMs * 0.8));
  /** Set when the API rejected the key: Claude is not asked again in this run (said once). */
  let claudeOff: string | undefined;

  /** Tells the run that a stage changed the spec the later stages generate from. */
  const specChanged = (stageId: string, next: ProjectSpec) => {
    if (next === currentSpec) return;
    const changes = modelChanges(currentSpec, next);
    const lines = hasModelChanges(changes) ? describeModelChanges(changes) : [];
    if (next.modelImplemented.length !== currentSpec.modelImplemented.length) lines.push(`requirements implemented by Claude: ${next.modelImplemented.length}`);
    stream.emit({ type: 'specUpdated', stageId, spec: next, changes: lines });
  };

  /**
   * Asks Claude on `hold` (the call's reservation) and answers the stage's output: Claude's, or the
   * deterministic `offline` one with a warning when Claude failed (the stage is then degraded).
   * Cancellation, a stage timeout and faults worth another attempt are left to the scheduler.
   */
  const askClaude = async <T>(
    stage: StageInstance,
    context: StageContext<StageOutput>,
    refine: ClaudeStage<T>,
    claudeContext: ClaudeStageContext,
    call: ClaudeCall<T>,
    hold: BudgetHold,
    deadline: number,
    offline: StageOutput,
    provider: ClaudeOptions['provider'],
  ): Promise<StageOutput> => {
    const { variant, model } = call;
    stream.emit({ type: 'promptChosen', stageId: stage.id, variant: variant.id, promptVersion: stage.definition.prompt.version, model, reason: call.reason });
    context.progress(`Asking ${model} (prompt variant ${variant.id})`);
    const asked = Date.now();
    const outcome = (valid: boolean, repaired: boolean) =>
      stream.emit({ type: 'promptOutcome', stageId: stage.id, variant: variant.id, model, valid, repaired, latencyMs: Date.now() - asked });
    const onProgress = (chars: number) => context.progress(`Claude: ${chars} characters received`);
    let result: StructuredResult<T>;
    try {
      result = await withinDeadline(
        deadline - Date.now(),
        context.signal,
        (signal) => structuredOnHold(hold, provider, call.request({ signal, onProgress })),
        callTimeoutMs,
      );
    } catch (error) {
      const spent = (error as { usage?: Usage }).usage;
      if (spent) context.usage(model, spent);
      const failure = claudeFailure(error, { title: stage.title, signal: context.signal, lastAttempt: context.lastAttempt, attempt: context.attempt });
      if (failure.kind === 'rethrow') throw error;
      if (failure.kind === 'invalid') outcome(false, true);
      if (failure.kind === 'budget') {
        // The cap did its job (a repair round trip it could not pay for): a note, not a fault.
        context.warn(failure.message);
        return offline;
      }
      if (failure.kind === 'claudeOff') {
        // Said once, for the whole run; stages that were asking at the same time just follow.
        if (!claudeOff) context.warn(failure.message);
        claudeOff ??= failure.reason;
      } else {
        context.warn(failure.message);
      }
      context.degrade(failure.reason);
      return offline;
    }
    context.usage(result.model, result.usage);
    try {
      const refined = refine.apply(result.value, claudeContext);
      outcome(true, result.repaired);
      if (result.repaired) context.warn(`${stage.title}: Claude's first answer was invalid; its repair was accepted.`);
      return refined;
    } catch (error) {
      // An answer that passed its checks but still cannot be used is an invalid answer.
      outcome(false, result.repaired);
      const reason = `Claude's answer could not be used: ${error instanceof Error ? error.message : String(error)}`;
      context.warn(`${stage.title} keeps the deterministic result: ${reason}`);
      context.degrade(reason);
      return offline;
    }
  };

  const run = await runStages<StageInstance, StageOutput>({
    stages,
    stream,
    // The data model is final: the per-entity stages join the graph, built from it.
    grow: (stage, output) => {
      if (!stage.definition.finalizesModel) return undefined;
      const model = output.spec ?? currentSpec;
      if (!model.entities.length) throw new InvalidSpecError(['The data model has no entities left to generate']);
      stages = buildStageGraph(model);
      return stages;
    },
    concurrency: request.concurrency ?? 4,
    signal: request.signal,
    retry: claude ? CLAUDE_RETRY : undefined,
    sleep: request.sleep,
    stageTimeoutMs: (stage) => (stage.kind === 'verification' || stage.kind === 'repair' ? 60 * 60_000 : stageTimeoutMs),
    // Verification not requested or not allowed here is left out, not missing: the run is not partial for it.
    admit: (stage) =>
      stage.kind === 'verification' && !request.verify
        ? { reason: request.verificationSkippedBecause ?? 'Verification was not requested for this run', leftOut: true }
        : undefined,
    execute: async (stage, context) => {
      const attemptStarted = Date.now();
      // Verification's steps are told on the stream as this stage's (verification, or a repair round).
      const verify = request.verify && reportedVerify(request.verify, stream, stage.id, context);
      const inputs = new Map<string, StageOutput>();
      for (const id of stage.dependsOn) {
        const output = context.inputs.get(id);
        if (output) inputs.set(id, output);
      }
      const offlineContext: OfflineContext = {
        spec: currentSpec,
        requirementsText,
        get layers() {
          layers ??= new LayerCache(currentSpec);
          return layers;
        },
        entity: stage.entity,
        signal: context.signal,
        inputs,
        verify,
      };
      if (request.resume?.finished.has(stage.id)) {
        // Finished before the interruption: rebuild its output (deterministic, for the explanations
        // that later stages need) with the files' contents as they are on disk; write nothing.
        const offline = await stage.definition.offline(offlineContext);
        const described = new Map(offline.files.map((file) => [file.path, file]));
        const kept: GeneratedFile[] = [];
        for (const path of request.resume.filesOf(stage.id)) {
          const known = described.get(path);
          const meta = known ?? { path, layer: stage.kind, explanation: `Written by the ${stage.title} stage before the run was interrupted.`, serves: [], sources: [] };
          kept.push({ ...meta, content: await request.resume.readBack(path) });
        }
        for (const file of kept) {
          files.add(file);
          context.fileProduced(file.path, file.content); // part of this run's project, though not rewritten
        }
        // The spec it left (Claude's refined model), told again so this run's journal has it too.
        const keptSpec = request.resume.specOf?.(stage.id) ?? offline.spec;
        if (keptSpec) {
          specChanged(stage.id, keptSpec);
          currentSpec = keptSpec;
        }
        context.output(`${offline.summary} (kept from the interrupted run)`);
        return { ...offline, spec: keptSpec, files: kept };
      }
      const failedVerification = [...inputs.values()].find((output) => output.verification && !output.verification.ok)?.verification;
      if (stage.kind === 'repair' && claude && ledger && verify && failedVerification) {
        if (claudeOff) throw new Error(`Verification failed and Claude cannot repair it: ${claudeOff}`);
        const repaired = await repairRounds({
          // Each repair round trip reserves its worst case from the run's ledger before it is sent.
          provider: withinLedger(ledger, claude.provider),
          model: claude.model,
          cachedContext: sharedCachedContext(currentSpec),
          files,
          verification: failedVerification,
          verify,
          write: async (file) => {
            await request.onFile?.(file);
          },
          context,
          maxRounds: claude.maxRepairRounds ?? 3,
          budgetLeft: () => ledger.availableUsd,
          // Already settled in the ledger by withinLedger.
          onSpend: () => undefined,
        });
        context.output(repaired.summary);
        return repaired;
      }
      let output = await stage.definition.offline(offlineContext);
      const refine = stage.definition.claude;
      const accepted = request.acceptedModel;
      if (claude && refine && accepted && stage.definition.finalizesModel) {
        // The user accepted Claude's model in the review step: it is the model, as it is. Asking
        // again would pay twice and might answer differently from what the user accepted.
        stream.emit({ type: 'modelReused', stageId: stage.id, model: accepted.model, reviewCostUsd: accepted.costUsd, changed: accepted.changed });
        const by = accepted.model ? ` (${accepted.model}${accepted.costUsd !== undefined ? `, $${accepted.costUsd.toFixed(4)} in the review` : ''})` : '';
        const what = accepted.changed ? `Claude's model as accepted in the review${by}` : `the model Claude found nothing to change in, in the review${by}`;
        output = { ...output, summary: `${output.summary} (${what}: used as it is, Claude not asked again)`.slice(0, 2000) };
      } else if (claude && ledger && refine) {
        const claudeContext: ClaudeStageContext = Object.assign(Object.create(offlineContext) as OfflineContext, {
          offline: output,
          checkSyntax: claude.checkSyntax,
        });
        const call = prepareClaudeCall(stage, refine, claudeContext, claude);
        if (refine.applies && !refine.applies(claudeContext)) {
          // Nothing for Claude to do here in this run.
        } else if (refine.writesCode && !claude.checkSyntax) {
          context.warn(`${stage.title} keeps the deterministic result: no TypeScript syntax checker is available to check Claude's code.`);
        } else if (claudeOff) {
          // Said once, when the key was rejected; each stage after it keeps its own result.
          context.degrade(claudeOff);
          output = { ...output, summary: `${output.summary} (deterministic: Claude is off for this run)`.slice(0, 2000) };
        } else {
          // Reserve the call's worst case (waiting while calls in flight hold the room it needs).
          const deadline = attemptStarted + callTimeoutMs;
          const hold = await reserveCall(ledger, call.worstCaseUsd, `asking ${call.model} (with a repair round trip)`, { signal: context.signal, deadline }).catch((error: unknown) => {
            if (!(error instanceof BudgetExceededError)) throw error;
            context.warn(`Budget: ${stage.title} keeps the deterministic result; ${error.message} ($${ledger.spentUsd.toFixed(4)} of the $${claude.budgetUsd.toFixed(2)} budget spent).`);
            return undefined;
          });
          if (hold) output = await askClaude(stage, context, refine, claudeContext, call, hold, deadline, output, claude.provider);
        }
      }
      if (output.spec) {
        specChanged(stage.id, output.spec);
        currentSpec = output.spec;
      }
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
  return { spec: currentSpec, stages, files, run, stream };
}
