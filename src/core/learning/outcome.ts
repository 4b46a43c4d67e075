// What the history remembers about each stage of each run: the raw material for the metrics view,
// the prompt-variant bandit and the cost forecast. One outcome per stage instance; per-entity
// instances share their stage kind (learning is per kind, not per entity).
import * as z from 'zod';

/** Prompt variant recorded for a stage that never asked Claude (offline run, budget, not applicable). */
export const DETERMINISTIC = 'deterministic';

export const StageOutcome = z.object({
  /** Stage kind, e.g. "domain-model" (the definition, shared by per-entity instances). */
  stage: z.string().max(200),
  /** Stage instance id, e.g. "backend-routes:Post". */
  instance: z.string().max(300),
  /** Prompt variant id used for Claude, or DETERMINISTIC. */
  variant: z.string().max(100),
  /** The stage's prompt template version when it ran (outcomes of other versions are not comparable). */
  promptVersion: z.number().int().min(0).default(0),
  model: z.string().max(200).optional(),
  status: z.enum(['succeeded', 'failed', 'skipped', 'cancelled', 'interrupted']),
  durationMs: z.number().min(0),
  inputTokens: z.number().int().min(0),
  outputTokens: z.number().int().min(0),
  costUsd: z.number().min(0),
  /** Claude's answer passed the schema and checks (absent when Claude was not asked). */
  valid: z.boolean().optional(),
  /** The answer needed the repair round trip. */
  repaired: z.boolean().optional(),
  /** The run's verification (install, build, tests) passed; absent when it did not run. */
  verificationPassed: z.boolean().optional(),
  /** The user's rating of the whole generation, copied to its stages. */
  rating: z.enum(['up', 'down']).optional(),
});
export type StageOutcome = z.infer<typeof StageOutcome>;

/**
 * The bandit's reward: valid output without repair, and verification passed when it ran (a
 * thumbs-down also counts against the variant). Undefined when Claude was not asked.
 */
export function isCleanSuccess(outcome: StageOutcome): boolean | undefined {
  if (outcome.valid === undefined || outcome.variant === DETERMINISTIC) return undefined;
  return outcome.valid && !outcome.repaired && outcome.verificationPassed !== false && outcome.rating !== 'down';
}
