// Claude's part of a run (hybrid mode): a stage's deterministic result refined by Claude, within one
// budget ledger for every call of the run, and the repair rounds after a failed verification. A
// Claude failure never costs the project: the stage keeps its deterministic result, says why, and
// is counted as degraded. A rejected key turns Claude off for the rest of the run, said once.
import type { FileSet, GeneratedFile } from '../generator/fileSet';
import type { VariantChoice } from '../learning/bandit';
import type { StructuredRequest, StructuredResult } from '../providers/anthropic';
import type { VerifyResult } from '../verify/verifier';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { AcceptedModel, RunEventStream, Usage } from '../../model/run/events';
import { BudgetExceededError, type BudgetHold, BudgetLedger } from './budgetLedger';
import { type ClaudeCall, prepareClaudeCall, reserveCall, sharedCachedContext, structuredOnHold, withinLedger } from './claudeCall';
import { claudeFailure, withinDeadline } from './claudeFailure';
import { repairRounds } from './repairLoop';
import type { StageContext } from './scheduler';
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

type Context = StageContext<StageOutput>;

/**
 * The user accepted Claude's model in the review step: it is the model, as it is. Asking again
 * would pay twice and might answer differently from what the user accepted.
 */
export function reuseAcceptedModel(stream: RunEventStream, stage: StageInstance, output: StageOutput, accepted: AcceptedModel): StageOutput {
  stream.emit({ type: 'modelReused', stageId: stage.id, model: accepted.model, reviewCostUsd: accepted.costUsd, changed: accepted.changed });
  const where = accepted.from === 'update' ? 'for the change' : 'in the review';
  const by = accepted.model ? ` (${accepted.model}${accepted.costUsd !== undefined ? `, $${accepted.costUsd.toFixed(4)} ${where}` : ''})` : '';
  const what =
    accepted.from === 'update'
      ? accepted.changed
        ? `Claude's edit of the project's model for this change${by}`
        : "the project's model as changed for this update"
      : accepted.changed
        ? `Claude's model as accepted in the review${by}`
        : `the model Claude found nothing to change in, in the review${by}`;
  return { ...output, summary: `${output.summary} (${what}: used as it is, Claude not asked again)`.slice(0, 2000) };
}

/** What a repair round needs of the run: its files, how to verify and write, the spec as it is now. */
export interface RepairRun {
  files: FileSet;
  spec: ProjectSpec;
  verification: VerifyResult;
  verify: (signal: AbortSignal) => Promise<VerifyResult>;
  write: (file: GeneratedFile) => Promise<void>;
}

export class ClaudeRefinement {
  /** One ledger for every Claude call of the run, however many stages run at once. */
  private readonly ledger: BudgetLedger;
  /** Set when the API rejected the key: Claude is not asked again in this run (said once). */
  private claudeOff: string | undefined;

  constructor(
    private readonly claude: ClaudeOptions,
    private readonly stream: RunEventStream,
    /** A Claude call ends in time for its stage to keep its own result if it fails. */
    private readonly callTimeoutMs: number,
  ) {
    this.ledger = new BudgetLedger(claude.budgetUsd);
  }

  /** The stage's output refined by Claude, or `output` (the deterministic one) and why not. */
  async refine(stage: StageInstance, refine: ClaudeStage<unknown>, context: Context, offlineContext: OfflineContext, output: StageOutput, attemptStarted: number): Promise<StageOutput> {
    const { claude, ledger } = this;
    const claudeContext: ClaudeStageContext = Object.assign(Object.create(offlineContext) as OfflineContext, { offline: output, checkSyntax: claude.checkSyntax });
    const call = prepareClaudeCall(stage, refine, claudeContext, claude);
    if (refine.applies && !refine.applies(claudeContext)) return output; // nothing for Claude to do here in this run
    if (refine.writesCode && !claude.checkSyntax) {
      context.warn(`${stage.title} keeps the deterministic result: no TypeScript syntax checker is available to check Claude's code.`);
      return output;
    }
    if (this.claudeOff) {
      // Said once, when the key was rejected; each stage after it keeps its own result.
      context.degrade(this.claudeOff);
      return { ...output, summary: `${output.summary} (deterministic: Claude is off for this run)`.slice(0, 2000) };
    }
    // Reserve the call's worst case (waiting while calls in flight hold the room it needs).
    const deadline = attemptStarted + this.callTimeoutMs;
    const hold = await reserveCall(ledger, call.worstCaseUsd, `asking ${call.model} (with a repair round trip)`, { signal: context.signal, deadline }).catch((error: unknown) => {
      if (!(error instanceof BudgetExceededError)) throw error;
      context.warn(`Budget: ${stage.title} keeps the deterministic result; ${error.message} ($${ledger.spentUsd.toFixed(4)} of the $${claude.budgetUsd.toFixed(2)} budget spent).`);
      return undefined;
    });
    return hold ? this.ask(stage, context, refine, claudeContext, call, hold, deadline, output) : output;
  }

  /** Repair rounds after a failed verification, each round trip paid from the run's ledger. */
  async repair(context: Context, run: RepairRun): Promise<StageOutput> {
    if (this.claudeOff) throw new Error(`Verification failed and Claude cannot repair it: ${this.claudeOff}`);
    const { claude, ledger } = this;
    const repaired = await repairRounds({
      // Each repair round trip reserves its worst case from the run's ledger before it is sent.
      provider: withinLedger(ledger, claude.provider),
      model: claude.model,
      cachedContext: sharedCachedContext(run.spec),
      files: run.files,
      verification: run.verification,
      verify: run.verify,
      write: run.write,
      context,
      maxRounds: claude.maxRepairRounds ?? 3,
      budgetLeft: () => ledger.availableUsd,
      // Already settled in the ledger by withinLedger.
      onSpend: () => undefined,
    });
    context.output(repaired.summary);
    return repaired;
  }

  /**
   * Asks Claude on `hold` (the call's reservation) and answers the stage's output: Claude's, or the
   * deterministic `offline` one with a warning when Claude failed (the stage is then degraded).
   * Cancellation, a stage timeout and faults worth another attempt are left to the scheduler.
   */
  private async ask<T>(
    stage: StageInstance,
    context: Context,
    refine: ClaudeStage<T>,
    claudeContext: ClaudeStageContext,
    call: ClaudeCall<T>,
    hold: BudgetHold,
    deadline: number,
    offline: StageOutput,
  ): Promise<StageOutput> {
    const { variant, model } = call;
    this.stream.emit({ type: 'promptChosen', stageId: stage.id, variant: variant.id, promptVersion: stage.definition.prompt.version, model, reason: call.reason });
    context.progress(`Asking ${model} (prompt variant ${variant.id})`);
    const asked = Date.now();
    const outcome = (valid: boolean, repaired: boolean) =>
      this.stream.emit({ type: 'promptOutcome', stageId: stage.id, variant: variant.id, model, valid, repaired, latencyMs: Date.now() - asked });
    const onProgress = (chars: number) => context.progress(`Claude: ${chars} characters received`);
    let result: StructuredResult<T>;
    try {
      result = await withinDeadline(
        deadline - Date.now(),
        context.signal,
        (signal) => structuredOnHold(hold, this.claude.provider, call.request({ signal, onProgress })),
        this.callTimeoutMs,
      );
    } catch (error) {
      return this.failed(error, { stage, model, context, offline, outcome });
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
  }

  /** A failed call: rethrown for the scheduler, or the stage keeps `offline` and says why. */
  private failed(
    error: unknown,
    { stage, model, context, offline, outcome }: { stage: StageInstance; model: string; context: Context; offline: StageOutput; outcome: (valid: boolean, repaired: boolean) => void },
  ): StageOutput {
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
      if (!this.claudeOff) context.warn(failure.message);
      this.claudeOff ??= failure.reason;
    } else {
      context.warn(failure.message);
    }
    context.degrade(failure.reason);
    return offline;
  }
}
