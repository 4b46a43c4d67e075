// "Refine with Claude" in the review step: only the domain-model stage's Claude call, on the spec
// the user is reviewing, so they see (and accept or not) Claude's model before generating. The
// same prompt, checks and reconciliation as in a run; the run's budget caps the call (a ledger of
// its own: the call and its retries reserve their worst case from it, as in a run).
import type { Usage } from '../../model/run/events';
import { describeModelChanges, hasModelChanges, modelChanges, type ModelChanges } from '../../model/run/modelChanges';
import { BudgetExceededError, BudgetLedger } from './budgetLedger';
import { prepareClaudeCall, reserveCall, structuredOnHold } from './claudeCall';
import { CLAUDE_RETRY } from './claudeFailure';
import type { ClaudeOptions } from './orchestrator';
import { backoffDelay, RunCancelledError } from './scheduler';
import { domainModel, type ModelAnswer, reconcileModel } from './stages/domainModel';
import { LayerCache } from './stages/layers';
import type { ClaudeStageContext, StageInstance } from './stages/types';
import { InvalidModelOutputError, sleepUnlessAborted, type StructuredResult } from '../providers/anthropic';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { generationProblems } from '../../model/project/generatable';

export interface RefineModelOptions extends Pick<ClaudeOptions, 'provider' | 'model' | 'budgetUsd' | 'chooseVariant'> {
  spec: ProjectSpec;
  signal?: AbortSignal;
  onProgress?: (receivedChars: number) => void;
  /** Attempts for retryable failures (429, 529, broken streams); default 3. */
  maxAttempts?: number;
  /** For tests: how to wait between attempts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface RefinedModel {
  spec: ProjectSpec;
  changes: ModelChanges;
  /** The changes in words, one line per kind ("entities added: Organizer"). */
  summary: string[];
  changed: boolean;
  usage: Usage;
  model: string;
  variant: string;
  /** Claude's first answer was invalid and its repair was accepted. */
  repaired: boolean;
}

/** Refining was refused or failed: the message says why, for the user. */
export class RefineModelError extends Error {
  constructor(
    message: string,
    /** What was spent anyway (an invalid answer still costs). */
    readonly usage?: Usage,
  ) {
    super(message);
    this.name = 'RefineModelError';
  }
}


/** Asks Claude for the data model of `spec`; the spec itself is never changed. */
export async function refineModel(options: RefineModelOptions): Promise<RefinedModel> {
  const { spec, model } = options;
  const refine = domainModel.claude;
  if (!refine) throw new RefineModelError('The domain-model stage has no Claude step');
  const problems = generationProblems(spec);
  if (problems.length) throw new RefineModelError(`Fix the model first: ${problems.slice(0, 3).join('; ')}`);
  const stage: StageInstance = { id: domainModel.kind, title: domainModel.title, kind: domainModel.kind, dependsOn: [], description: domainModel.description, definition: domainModel };
  const signal = options.signal ?? new AbortController().signal;
  // The same call as the domain-model stage makes in a run: variant, model, context, limits, checks.
  const call = prepareClaudeCall<ModelAnswer>(stage, refine, reviewContext(spec, signal), { model, chooseVariant: options.chooseVariant });
  const ledger = new BudgetLedger(options.budgetUsd);
  if (!ledger.fits(call.worstCaseUsd)) {
    throw new RefineModelError(
      `Asking ${call.model} could cost up to $${call.worstCaseUsd.toFixed(4)}, more than the $${options.budgetUsd.toFixed(2)} budget per run (takoss.budgetPerRunUsd).`,
    );
  }
  const maxAttempts = options.maxAttempts ?? 3;
  const sleep = options.sleep ?? sleepUnlessAborted;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const hold = await reserveCall(ledger, call.worstCaseUsd, `asking ${call.model} again`, { signal });
      const result = await structuredOnHold(hold, options.provider, call.request({ signal, onProgress: options.onProgress }));
      return refinedModel(result, spec, call.variant.id);
    } catch (error) {
      const final = finalError(error, signal, attempt, maxAttempts);
      if (final) throw final;
      // Overload and server errors back off for seconds (jittered), or as long as the server asks.
      await sleep(backoffDelay({ ...CLAUDE_RETRY, maxAttempts }, attempt, error), signal);
    }
  }
}

/** What the domain-model stage's Claude step reads, outside a run: the reviewed spec and nothing before it. */
function reviewContext(spec: ProjectSpec, signal: AbortSignal): ClaudeStageContext {
  let layers: LayerCache | undefined;
  return {
    spec,
    requirementsText: spec.requirements.text,
    get layers() {
      layers ??= new LayerCache(spec);
      return layers;
    },
    signal,
    inputs: new Map(),
    offline: { files: [], spec, summary: '' },
  };
}

/** Claude's answer reconciled with the spec, and what it changes in words. */
function refinedModel(result: StructuredResult<ModelAnswer>, spec: ProjectSpec, variant: string): RefinedModel {
  const reconciled = reconcileModel(result.value, spec);
  const changes = modelChanges(spec, reconciled.spec, reconciled.renames);
  const summary = describeModelChanges(changes);
  if (reconciled.dropped.length) summary.push(`removed with them: ${reconciled.dropped.join('; ')}`);
  return {
    spec: reconciled.spec,
    changes,
    summary,
    changed: hasModelChanges(changes),
    usage: result.usage,
    model: result.model,
    variant,
    repaired: result.repaired,
  };
}

/** The error to end with, or undefined when the failure is worth another attempt. */
function finalError(error: unknown, signal: AbortSignal, attempt: number, maxAttempts: number): Error | undefined {
  if (signal.aborted || error instanceof RunCancelledError) return new RunCancelledError();
  if (error instanceof InvalidModelOutputError) {
    return new RefineModelError(`Claude's model was still invalid after one repair, so your model is unchanged: ${error.problems.slice(0, 4).join('; ')}`, error.usage);
  }
  const spent = (error as { usage?: Usage }).usage;
  if (error instanceof BudgetExceededError) return new RefineModelError(`${error.message} Your model is unchanged.`, spent);
  const retryable = (error as { retryable?: unknown })?.retryable === true;
  if (!retryable || attempt >= maxAttempts) return new RefineModelError(error instanceof Error ? error.message : String(error), spent);
  return undefined;
}
