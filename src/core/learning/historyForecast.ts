// Forecasts cost, time and tokens of a new run from comparable past runs. Each quantity is fitted
// as a + b·stageCount by weighted least squares, runs of similar size weighing more, because
// cost grows with the number of stages while a fixed part (spec extraction, setup) does not.
import type { HistoryForecast, RunOutcomes } from './types';

export interface ForecastSize {
  entities: number;
  stageCount: number;
}

export interface ForecastTarget {
  provider: 'offline' | 'anthropic';
  model?: string;
}

/** Fewer comparable runs than this say too little to forecast from. */
const MIN_RUNS = 3;

export function forecastFromHistory(
  past: readonly RunOutcomes[],
  size: ForecastSize,
  target: ForecastTarget,
): HistoryForecast | undefined {
  const runs = past.filter((run) => isComparable(run, target));
  if (runs.length < MIN_RUNS) return undefined;

  const points = runs.map((run) => ({ x: run.stageCount, weight: weightOf(run.stageCount, size.stageCount) }));
  const predict = (value: (run: RunOutcomes) => number): number =>
    predictLinear(
      points.map((point, i) => ({ ...point, y: value(runs[i]) })),
      size.stageCount,
    );

  return {
    costUsd: predict((run) => run.costUsd),
    seconds: predict((run) => run.durationMs / 1000),
    tokens: Math.round(predict((run) => run.tokens)),
    basedOn: runs.length,
    explanation: explain(runs, target),
  };
}

function isComparable(run: RunOutcomes, target: ForecastTarget): boolean {
  if (run.provider !== target.provider) return false;
  if (target.provider === 'anthropic' && target.model !== undefined && run.model !== target.model) return false;
  // Failed or cancelled runs stopped early, so their cost says nothing about a complete run.
  return (run.status === 'succeeded' || run.status === 'partial') && run.durationMs > 0;
}

/**
 * Runs of similar size count more. Dividing by size² fits relative rather than absolute errors:
 * a big run's cost varies by more dollars, and would otherwise drown the fixed part that small
 * forecasts depend on.
 */
function weightOf(stageCount: number, target: number): number {
  const similarity = 1 / (1 + Math.abs(stageCount - target) / Math.max(1, target));
  return similarity / Math.max(1, stageCount) ** 2;
}

interface WeightedPoint {
  x: number;
  y: number;
  weight: number;
}

/** Weighted least-squares line at x, or the per-stage-ratio estimate when the line is unusable. */
function predictLinear(points: readonly WeightedPoint[], x: number): number {
  const totalWeight = points.reduce((total, p) => total + p.weight, 0);
  const meanX = points.reduce((total, p) => total + p.weight * p.x, 0) / totalWeight;
  const meanY = points.reduce((total, p) => total + p.weight * p.y, 0) / totalWeight;
  let covariance = 0;
  let varianceX = 0;
  for (const p of points) {
    covariance += p.weight * (p.x - meanX) * (p.y - meanY);
    varianceX += p.weight * (p.x - meanX) ** 2;
  }
  // All runs of one size cannot separate the fixed part from the per-stage part; a negative
  // slope (noise, few runs) would make bigger runs cheaper. Either way scale per stage instead.
  if (varianceX <= 1e-9 * totalWeight) return perStageEstimate(points, x, totalWeight);
  const slope = covariance / varianceX;
  const predicted = meanY - slope * meanX + slope * x;
  if (slope < 0 || !(predicted >= 0)) return perStageEstimate(points, x, totalWeight);
  return predicted;
}

function perStageEstimate(points: readonly WeightedPoint[], x: number, totalWeight: number): number {
  const ratio = points.reduce((total, p) => total + p.weight * (p.y / Math.max(1, p.x)), 0) / totalWeight;
  return Math.max(0, ratio * Math.max(1, x));
}

/** "from 12 past Claude runs (claude-sonnet-4-5) of 3–6 entities" */
function explain(runs: readonly RunOutcomes[], target: ForecastTarget): string {
  const who = target.provider === 'anthropic' ? 'Claude' : 'offline';
  const model = target.provider === 'anthropic' && target.model !== undefined ? ` (${target.model})` : '';
  const entities = runs.map((run) => run.entities);
  const low = Math.min(...entities);
  const high = Math.max(...entities);
  const range = low === high ? `${low} ${low === 1 ? 'entity' : 'entities'}` : `${low}–${high} entities`;
  return `from ${runs.length} past ${who} runs${model} of ${range}`;
}
