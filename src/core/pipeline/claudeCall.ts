// One Claude call of a stage, prepared the same way wherever it is made — in a run (orchestrator)
// and in the review step's "Refine with Claude" (refineModel): the prompt variant and the model
// (learning may choose both), the cached shared context, the stage's instructions, the worst case
// it could cost (what it reserves of the budget), and the provider.structured request itself.
import type { VariantChoice } from '../learning/bandit';
import { type StructuredRequest, type StructuredResult, structuredBody } from '../providers/anthropic';
import { worstRequestUsd } from '../providers/worstCase';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { answerValidator } from './answerPolicy';
import { type BudgetHold, BudgetExceededError, type BudgetLedger } from './budgetLedger';
import type { Usage } from '../../model/run/events';
import { CONVENTIONS, specContext } from './stages/sharedContext';
import type { ClaudeStage, ClaudeStageContext, PromptVariant, StageInstance } from './stages/types';

/** Room for a tool definition that is not given (name, description, JSON schema), in bytes. */
const TOOL_ALLOWANCE_BYTES = 8000;
/**
 * Bytes per output token when an answer is sent back for its repair. Only an estimate (a token may
 * be longer); the provider checks the real repair request against the budget before sending it.
 */
const ECHO_BYTES_PER_TOKEN = 4;
/** The validation problems sent back with the repair round trip (at most 20, each short). */
const REPAIR_NOTE_BYTES = 8000;

/**
 * The most one Claude call can cost: its request and, if its answer is invalid, the repair round
 * trip that sends the answer back with the problems — both with their whole output allowance and
 * with every byte of input counted as a token at the cache-write price (see providers/worstCase).
 * A call reserves this much of the budget before it is made.
 */
export function worstCaseCallUsd(
  model: string,
  cachedContext: readonly string[],
  instructions: string,
  maxOutputTokens: number,
  tool?: Pick<StructuredRequest<unknown>, 'toolName' | 'toolDescription' | 'schema'>,
): number {
  const body = tool
    ? structuredBody({ ...tool, cachedContext: [...cachedContext], instructions })
    : { system: cachedContext.map((text) => ({ type: 'text', text, cache_control: { type: 'ephemeral' } })), messages: [{ role: 'user', content: instructions }] };
  const firstBytes =
    Buffer.byteLength(JSON.stringify({ model, max_tokens: maxOutputTokens, ...body, tool_choice: { type: 'tool', name: tool?.toolName ?? '' }, stream: true })) +
    (tool ? 0 : TOOL_ALLOWANCE_BYTES);
  const repairBytes = firstBytes + maxOutputTokens * ECHO_BYTES_PER_TOKEN + REPAIR_NOTE_BYTES;
  return worstRequestUsd(model, firstBytes, maxOutputTokens) + worstRequestUsd(model, repairBytes, maxOutputTokens);
}

/** The context every Claude call shares, most stable first (each block is cached): conventions, then the spec. */
export function sharedCachedContext(spec: ProjectSpec): string[] {
  return [CONVENTIONS, specContext(spec)];
}

export interface ClaudeCallOptions {
  /** The model to ask unless learning chose another for this stage. */
  model: string;
  /** Which prompt variant (and model) the stage uses, and why; default: the first variant. */
  chooseVariant?: (stage: StageInstance) => VariantChoice | undefined;
}

export interface ClaudeCall<T> {
  variant: PromptVariant;
  /** Why this variant, as the run tells it (learning's reason, or why the default). */
  reason: string;
  model: string;
  cachedContext: string[];
  instructions: string;
  /** The most this call can cost, its repair round trip included (see worstCaseCallUsd). */
  worstCaseUsd: number;
  /** Whether it may be made: what is already spent plus its worst case stays within the budget. */
  fits(budgetUsd: number, spentUsd?: number): boolean;
  /** The provider.structured request, with the stage's tool, schema, output limit and checks. */
  request(options: { signal?: AbortSignal; onProgress?: (receivedChars: number) => void; budget?: BudgetHold }): StructuredRequest<T>;
}

export interface StructuredProvider {
  structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>>;
}

/**
 * Reserves a call's worst case from the run's ledger, waiting while calls in flight hold the room
 * it needs; a BudgetExceededError when it can never fit, or not before `deadline` (epoch ms).
 */
export async function reserveCall(ledger: BudgetLedger, worstUsd: number, what: string, options: { signal?: AbortSignal; deadline?: number } = {}): Promise<BudgetHold> {
  const hold = await ledger.reserveWhenFree(worstUsd, options);
  if (!hold) throw new BudgetExceededError(worstUsd, ledger.availableUsd, what);
  return hold;
}

/**
 * One provider.structured call on a budget hold: the provider draws each request from it, and it
 * settles to the real cost afterwards, whatever happened.
 */
export async function structuredOnHold<T>(hold: BudgetHold, provider: StructuredProvider, request: StructuredRequest<T>): Promise<StructuredResult<T>> {
  let reported: number | undefined;
  try {
    const result = await provider.structured({ ...request, budget: hold });
    reported = result.usage.costUsd;
    return result;
  } catch (error) {
    reported = (error as { usage?: Usage }).usage?.costUsd;
    throw error;
  } finally {
    hold.settle(reported);
  }
}

/** A provider whose every call first reserves its worst case from `ledger` (the repair rounds use it). */
export function withinLedger(ledger: BudgetLedger, provider: StructuredProvider): StructuredProvider {
  return {
    structured: async <T>(request: StructuredRequest<T>) => {
      const worst = worstCaseCallUsd(request.model, request.cachedContext, request.instructions, request.maxTokens, request);
      const hold = await reserveCall(ledger, worst, `asking ${request.model} (${request.toolName})`, { signal: request.signal });
      return structuredOnHold(hold, provider, request);
    },
  };
}

/** Prepares `stage`'s Claude call on `context` (its spec is the one in the cached context). */
export function prepareClaudeCall<T>(stage: StageInstance, claude: ClaudeStage<T>, context: ClaudeStageContext, options: ClaudeCallOptions): ClaudeCall<T> {
  const variants = stage.definition.prompt.variants;
  const choice = options.chooseVariant?.(stage);
  const chosen = variants.find((v) => v.id === choice?.variant);
  const variant = chosen ?? variants[0];
  // Learning may pick the model for this stage too (takoss.learningModels); else the caller's.
  const model = choice?.model ?? options.model;
  const cachedContext = sharedCachedContext(context.spec);
  const instructions = claude.instructions(context, variant);
  const worstCaseUsd = worstCaseCallUsd(model, cachedContext, instructions, claude.maxOutputTokens, claude);
  return {
    variant,
    reason: (chosen && choice?.reason) || (variants.length > 1 ? 'the default variant (no learning for this run)' : 'the only variant'),
    model,
    cachedContext,
    instructions,
    worstCaseUsd,
    fits: (budgetUsd, spentUsd = 0) => !(spentUsd + worstCaseUsd > budgetUsd),
    request: ({ signal, onProgress, budget }) => ({
      model,
      cachedContext,
      instructions,
      toolName: claude.toolName,
      toolDescription: claude.toolDescription,
      schema: claude.schema,
      maxTokens: claude.maxOutputTokens,
      // The stage's checks, and for code-writing stages its write allowlist and the code policy.
      validate: answerValidator(stage.kind, claude, context),
      signal,
      onProgress,
      budget,
    }),
  };
}
