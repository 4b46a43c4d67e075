// One Claude call of a stage, prepared the same way wherever it is made — in a run (orchestrator)
// and in the review step's "Refine with Claude" (refineModel): the prompt variant and the model
// (learning may choose both), the cached shared context, the stage's instructions, the worst case
// it could cost (for the budget check), and the provider.structured request itself.
import type { VariantChoice } from '../learning/bandit';
import type { StructuredRequest } from '../providers/anthropic';
import { costUsd } from '../providers/models';
import type { ProjectSpec } from '../spec/projectSpec';
import { answerValidator } from './answerPolicy';
import { CONVENTIONS, specContext } from './stages/sharedContext';
import type { ClaudeStage, ClaudeStageContext, PromptVariant, StageInstance } from './stages/types';

/**
 * The most one Claude call can cost: its input as if none of it were cached, and its whole output
 * allowance. A call is made only when this still fits the budget, so a run never passes it.
 */
export function worstCaseCallUsd(model: string, cachedContext: readonly string[], instructions: string, maxOutputTokens: number): number {
  const estimatedInput = Math.ceil((cachedContext.join('').length + instructions.length) / 4);
  return costUsd(model, { inputTokens: estimatedInput, outputTokens: maxOutputTokens, cacheReadTokens: 0, cacheWriteTokens: 0 });
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
  /** The most this call can cost (see worstCaseCallUsd). */
  worstCaseUsd: number;
  /** Whether it may be made: what is already spent plus its worst case stays within the budget. */
  fits(budgetUsd: number, spentUsd?: number): boolean;
  /** The provider.structured request, with the stage's tool, schema, output limit and checks. */
  request(options: { signal?: AbortSignal; onProgress?: (receivedChars: number) => void }): StructuredRequest<T>;
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
  const worstCaseUsd = worstCaseCallUsd(model, cachedContext, instructions, claude.maxOutputTokens);
  return {
    variant,
    reason: (chosen && choice?.reason) || (variants.length > 1 ? 'the default variant (no learning for this run)' : 'the only variant'),
    model,
    cachedContext,
    instructions,
    worstCaseUsd,
    fits: (budgetUsd, spentUsd = 0) => !(spentUsd + worstCaseUsd > budgetUsd),
    request: ({ signal, onProgress }) => ({
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
    }),
  };
}
