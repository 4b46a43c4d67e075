// Aggregates past runs into the numbers the metrics view shows: totals, per-stage and per-variant
// statistics, and per-day / per-ISO-week totals. Pure and total: empty input gives zeros and empty
// lists, and every rate is taken over a non-empty set, so nothing is ever NaN.
import { isCleanSuccess, type StageOutcome } from './outcome';
import type { HistoryMetrics, PeriodTotals, RunOutcomes, StageStats, VariantStats } from './types';

export function computeMetrics(runs: readonly RunOutcomes[]): HistoryMetrics {
  // Oldest first, so stage order and period order follow time; sort is stable for equal times.
  const ordered = [...runs].sort((a, b) => a.createdAt - b.createdAt);

  const stageAcc = new Map<string, OutcomeAccumulator>();
  const variantAcc: VariantAccumulators = new Map();
  const days = new Map<string, PeriodTotals>();
  const weeks = new Map<string, PeriodTotals>();
  let succeeded = 0;
  let totalCostUsd = 0;
  let totalTokens = 0;

  for (const run of ordered) {
    if (run.status === 'succeeded') succeeded++;
    totalCostUsd += run.costUsd;
    totalTokens += run.tokens;
    // A run with an unusable timestamp still counts in the totals, just not in any period.
    if (Number.isFinite(run.createdAt)) {
      const date = new Date(run.createdAt);
      addToPeriod(days, utcDay(date), run);
      addToPeriod(weeks, isoWeek(date), run);
    }
    addStageOutcomes(run.stages, stageAcc, variantAcc);
  }

  const stageOrder = [...stageAcc.keys()];
  const stages = stageOrder.map((stage) => stageAcc.get(stage)!.stats(stage));
  return {
    runs: ordered.length,
    succeeded,
    totalCostUsd,
    totalTokens,
    stages,
    variants: variantStats(variantAcc, stageAcc, stageOrder),
    days: [...days.values()],
    weeks: [...weeks.values()],
  };
}

type VariantAccumulators = Map<string, { stage: string; variant: string; acc: OutcomeAccumulator }>;

/** Counts one run's stage outcomes for their stage and for the prompt variant they used. */
function addStageOutcomes(outcomes: readonly StageOutcome[], stageAcc: Map<string, OutcomeAccumulator>, variantAcc: VariantAccumulators): void {
  for (const outcome of outcomes) {
    // Only stages that ran to an end say something about the stage: one the user cancelled, a
    // reload cut short or a failed dependency skipped is not counted for or against it.
    if (outcome.status !== 'succeeded' && outcome.status !== 'failed') continue;
    getOrCreate(stageAcc, outcome.stage, () => new OutcomeAccumulator()).add(outcome);
    // NUL cannot appear in ids, so the joined key is unambiguous.
    const key = `${outcome.stage}\u0000${outcome.variant}`;
    const entry = getOrCreate(variantAcc, key, () => ({
      stage: outcome.stage,
      variant: outcome.variant,
      acc: new OutcomeAccumulator(),
    }));
    entry.acc.add(outcome);
  }
}

/** Each variant's statistics and its share of its stage's runs, in stage order then by variant name. */
function variantStats(variantAcc: VariantAccumulators, stageAcc: Map<string, OutcomeAccumulator>, stageOrder: string[]): VariantStats[] {
  return [...variantAcc.values()]
    .map(({ stage, variant, acc }) => ({
      ...acc.stats(stage),
      variant,
      chosenShare: acc.count / stageAcc.get(stage)!.count,
    }))
    .sort(
      (a, b) =>
        stageOrder.indexOf(a.stage) - stageOrder.indexOf(b.stage) || compareStrings(a.variant, b.variant),
    );
}

/** Collects the outcomes of one stage kind (or one stage kind + variant). */
class OutcomeAccumulator {
  count = 0;
  private succeeded = 0;
  private readonly durations: number[] = [];
  private tokens = 0;
  private costUsd = 0;
  private askedClaude = 0;
  private repaired = 0;
  private judged = 0;
  private clean = 0;

  add(outcome: StageOutcome): void {
    this.count++;
    if (outcome.status === 'succeeded') this.succeeded++;
    this.durations.push(outcome.durationMs);
    this.tokens += outcome.inputTokens + outcome.outputTokens;
    this.costUsd += outcome.costUsd;
    if (outcome.valid !== undefined) {
      this.askedClaude++;
      if (outcome.repaired === true) this.repaired++;
    }
    const clean = isCleanSuccess(outcome);
    if (clean !== undefined) {
      this.judged++;
      if (clean) this.clean++;
    }
  }

  stats(stage: string): StageStats {
    return {
      stage,
      count: this.count,
      successRate: share(this.succeeded, this.count) ?? 0,
      meanMs: share(sum(this.durations), this.count) ?? 0,
      p95Ms: percentileNearestRank(this.durations, 0.95),
      meanTokens: share(this.tokens, this.count) ?? 0,
      totalCostUsd: this.costUsd,
      repairRate: share(this.repaired, this.askedClaude),
      cleanRate: share(this.clean, this.judged),
    };
  }
}

/** part / whole, or undefined when there is nothing to divide by (the caller decides the default). */
function share(part: number, whole: number): number | undefined {
  return whole > 0 ? part / whole : undefined;
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Nearest-rank percentile: the smallest value with at least p of the values at or below it. */
export function percentileNearestRank(values: readonly number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

function addToPeriod(periods: Map<string, PeriodTotals>, period: string, run: RunOutcomes): void {
  const totals = getOrCreate(periods, period, () => ({ period, runs: 0, succeeded: 0, costUsd: 0, tokens: 0 }));
  totals.runs++;
  if (run.status === 'succeeded') totals.succeeded++;
  totals.costUsd += run.costUsd;
  totals.tokens += run.tokens;
}

/** "YYYY-MM-DD" of the UTC day. */
export function utcDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "YYYY-Www": ISO-8601 week, whose year is the year of that week's Thursday. */
export function isoWeek(date: Date): string {
  const thursday = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const isoWeekday = thursday.getUTCDay() || 7; // Monday 1 .. Sunday 7
  thursday.setUTCDate(thursday.getUTCDate() + 4 - isoWeekday);
  const weekYear = thursday.getUTCFullYear();
  const dayOfYear = (thursday.getTime() - Date.UTC(weekYear, 0, 1)) / 86_400_000;
  const week = Math.floor(dayOfYear / 7) + 1;
  return `${weekYear}-W${String(week).padStart(2, '0')}`;
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

/** Code-unit order, so the result does not depend on the host's locale. */
function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
