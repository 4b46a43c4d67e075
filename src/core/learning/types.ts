// Shapes shared by the learning modules (metrics, forecast, bandit) and their consumers. Learning
// reads runs through RunOutcomes, not the history store's record, so it stays independent of how
// runs are stored.
import type { StageOutcome } from './outcome';

/** One past run as learning sees it. */
export interface RunOutcomes {
  id: string;
  createdAt: number;
  status: 'succeeded' | 'partial' | 'failed' | 'cancelled' | 'interrupted' | 'running';
  provider: 'offline' | 'anthropic';
  model?: string;
  durationMs: number;
  costUsd: number;
  /** Input + output tokens (cache reads and writes not counted). */
  tokens: number;
  /** Size of the run: entities in its spec and stages in its graph. */
  entities: number;
  stageCount: number;
  stages: readonly StageOutcome[];
}

/** Per stage kind, or per stage kind + prompt variant. */
export interface StageStats {
  stage: string;
  /** Outcomes counted (one per stage instance that ran). */
  count: number;
  /** Share of counted outcomes with status succeeded (0..1). */
  successRate: number;
  meanMs: number;
  p95Ms: number;
  /** Mean input + output tokens per outcome. */
  meanTokens: number;
  totalCostUsd: number;
  /** Share of Claude answers that needed the repair round trip; undefined when Claude was never asked. */
  repairRate: number | undefined;
  /** Share of Claude answers that were clean successes (isCleanSuccess); undefined without Claude calls. */
  cleanRate: number | undefined;
}

export interface VariantStats extends StageStats {
  variant: string;
  /** Share of this stage's outcomes that used this variant (0..1). */
  chosenShare: number;
}

export interface PeriodTotals {
  /** "2026-11-26" for a day, "2026-W48" for an ISO week. */
  period: string;
  runs: number;
  succeeded: number;
  costUsd: number;
  tokens: number;
}

export interface HistoryMetrics {
  runs: number;
  succeeded: number;
  totalCostUsd: number;
  totalTokens: number;
  /** Sorted by stage kind in first-seen pipeline order (the order outcomes appear in runs). */
  stages: StageStats[];
  /** Sorted by stage, then variant id. */
  variants: VariantStats[];
  /** Oldest first; only periods with runs. */
  days: PeriodTotals[];
  weeks: PeriodTotals[];
}

export interface HistoryForecast {
  costUsd: number;
  seconds: number;
  tokens: number;
  /** How many comparable past runs it is based on. */
  basedOn: number;
  /** In words, for the form: e.g. "from 12 past Claude runs of 3–6 entities". */
  explanation: string;
}
