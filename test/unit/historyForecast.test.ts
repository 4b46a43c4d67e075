import * as assert from 'node:assert/strict';
import { seededRandom } from '../../src/core/learning/bandit';
import { forecastFromHistory } from '../../src/core/learning/historyForecast';
import type { RunOutcomes } from '../../src/core/learning/types';

// The scripted truth the history is generated from (noise-free).
const scriptedCost = (stages: number) => 0.03 + 0.012 * stages;
const scriptedSeconds = (stages: number) => 4 + 2.5 * stages;
const scriptedTokens = (stages: number) => 1500 + 900 * stages;

let counter = 0;
const run = (over: Partial<RunOutcomes> = {}): RunOutcomes => ({
  id: `run-${++counter}`,
  createdAt: 1_750_000_000_000 + counter * 60_000,
  status: 'succeeded',
  provider: 'anthropic',
  model: 'claude-sonnet-4-5',
  durationMs: 10_000,
  costUsd: 0.1,
  tokens: 5000,
  entities: 3,
  stageCount: 10,
  stages: [],
  ...over,
});

/** 20 runs of stageCount 8..60 whose cost, time and tokens follow the script with ±10% noise. */
function noisyHistory(seed: number, over: Partial<RunOutcomes> = {}): RunOutcomes[] {
  const random = seededRandom(seed);
  const noise = () => 1 + (random() * 2 - 1) * 0.1;
  return Array.from({ length: 20 }, () => {
    const stageCount = 8 + Math.floor(random() * 53);
    return run({
      stageCount,
      entities: Math.max(1, Math.round(stageCount / 10)),
      costUsd: scriptedCost(stageCount) * noise(),
      durationMs: scriptedSeconds(stageCount) * 1000 * noise(),
      tokens: Math.round(scriptedTokens(stageCount) * noise()),
      ...over,
    });
  });
}

const within = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(
    Math.abs(actual - expected) <= tolerance * expected,
    `${what}: ${actual} is not within ${tolerance * 100}% of ${expected}`,
  );

describe('history forecast', () => {
  it('recovers the scripted cost, time and tokens within 25% from 20 noisy runs', () => {
    for (const seed of [1, 7, 42]) {
      const history = noisyHistory(seed);
      const seen = history.map((r) => r.stageCount);
      // Sizes inside and above the seen range (8..60); far below it the fixed part dominates and
      // ±10% noise on big runs leaves it too uncertain for 25% (about 40% worst case at 4 stages).
      for (const stageCount of [8, 12, 25, 40, 60, 75, 90]) {
        const forecast = forecastFromHistory(history, { entities: 3, stageCount }, { provider: 'anthropic' });
        assert.ok(forecast, `no forecast for ${stageCount} stages (seen ${Math.min(...seen)}..${Math.max(...seen)})`);
        within(forecast.costUsd, scriptedCost(stageCount), 0.25, `seed ${seed}, ${stageCount} stages, cost`);
        within(forecast.seconds, scriptedSeconds(stageCount), 0.25, `seed ${seed}, ${stageCount} stages, seconds`);
        within(forecast.tokens, scriptedTokens(stageCount), 0.25, `seed ${seed}, ${stageCount} stages, tokens`);
        assert.ok(Number.isInteger(forecast.tokens));
        assert.equal(forecast.basedOn, 20);
      }
    }
  });

  it('separates the fixed part from the per-stage part (not just a ratio)', () => {
    // Exact line with a large fixed part: a pure per-stage ratio would be far off at small sizes.
    const history = [10, 20, 30, 40].map((stageCount) =>
      run({ stageCount, costUsd: 1 + 0.01 * stageCount, durationMs: 1000 * (60 + stageCount), tokens: 10_000 + 100 * stageCount }),
    );
    const forecast = forecastFromHistory(history, { entities: 1, stageCount: 5 }, { provider: 'anthropic' });
    assert.ok(forecast);
    assert.ok(Math.abs(forecast.costUsd - 1.05) < 1e-9, `cost ${forecast.costUsd}`);
    assert.ok(Math.abs(forecast.seconds - 65) < 1e-9, `seconds ${forecast.seconds}`);
    assert.equal(forecast.tokens, 10_500);
  });

  it('returns undefined with fewer than 3 comparable runs', () => {
    assert.equal(forecastFromHistory([], { entities: 2, stageCount: 10 }, { provider: 'offline' }), undefined);
    const two = [run({ provider: 'offline' }), run({ provider: 'offline' })];
    assert.equal(forecastFromHistory(two, { entities: 2, stageCount: 10 }, { provider: 'offline' }), undefined);
    const three = [...two, run({ provider: 'offline' })];
    assert.equal(forecastFromHistory(three, { entities: 2, stageCount: 10 }, { provider: 'offline' })?.basedOn, 3);
  });

  it('ignores runs of another provider or model', () => {
    const sonnet = noisyHistory(3).slice(0, 5);
    // Same sizes, ten times the cost: would pull the forecast far off if counted.
    const opus = noisyHistory(3, { model: 'claude-opus-4-1' }).map((r) => ({ ...r, costUsd: r.costUsd * 10 }));
    const offline = noisyHistory(3, { provider: 'offline', model: undefined }).map((r) => ({ ...r, costUsd: 50 }));
    const all = [...opus, ...sonnet, ...offline];
    const size = { entities: 3, stageCount: 30 };

    const forecast = forecastFromHistory(all, size, { provider: 'anthropic', model: 'claude-sonnet-4-5' });
    assert.ok(forecast);
    assert.equal(forecast.basedOn, 5);
    within(forecast.costUsd, scriptedCost(30), 0.25, 'sonnet cost');

    const offlineForecast = forecastFromHistory(all, size, { provider: 'offline' });
    assert.equal(offlineForecast?.basedOn, 20);
    assert.ok(Math.abs(offlineForecast.costUsd - 50) < 1e-9);

    // Without a model every Claude run counts.
    assert.equal(forecastFromHistory(all, size, { provider: 'anthropic' })?.basedOn, 25);
    // A model with too few runs gives no forecast rather than borrowing from other models.
    assert.equal(forecastFromHistory(all, size, { provider: 'anthropic', model: 'claude-haiku-4-5' }), undefined);
  });

  it('ignores failed, cancelled, interrupted, running and zero-duration runs', () => {
    const good = noisyHistory(5).slice(0, 3);
    const bad = [
      run({ status: 'failed', stageCount: 30, costUsd: 100 }),
      run({ status: 'cancelled', stageCount: 30, costUsd: 100 }),
      run({ status: 'interrupted', stageCount: 30, costUsd: 100 }),
      run({ status: 'running', stageCount: 30, costUsd: 100 }),
      run({ status: 'succeeded', durationMs: 0, stageCount: 30, costUsd: 100 }),
    ];
    const size = { entities: 3, stageCount: 30 };
    const forecast = forecastFromHistory([...bad, ...good], size, { provider: 'anthropic' });
    assert.ok(forecast);
    assert.equal(forecast.basedOn, 3);
    assert.ok(forecast.costUsd < 1, `cost ${forecast.costUsd}`);
    assert.equal(forecastFromHistory([...bad, ...good.slice(0, 2)], size, { provider: 'anthropic' }), undefined);
    // Partial runs still count.
    const partial = [...good.slice(0, 2), run({ status: 'partial' })];
    assert.equal(forecastFromHistory(partial, size, { provider: 'anthropic' })?.basedOn, 3);
  });

  it('scales per stage when all runs have the same size', () => {
    const history = [0.1, 0.2, 0.3].map((costUsd) => run({ stageCount: 10, costUsd, durationMs: 20_000, tokens: 4000 }));
    const forecast = forecastFromHistory(history, { entities: 3, stageCount: 20 }, { provider: 'anthropic' });
    assert.ok(forecast);
    assert.ok(Math.abs(forecast.costUsd - 0.4) < 1e-9, `cost ${forecast.costUsd}`);
    assert.ok(Math.abs(forecast.seconds - 40) < 1e-9, `seconds ${forecast.seconds}`);
    assert.equal(forecast.tokens, 8000);
  });

  it('falls back to per-stage scaling when the fitted slope is negative, and never goes below zero', () => {
    // Bigger runs happened to be cheaper: a line would predict negative cost for large runs.
    const history = [
      run({ stageCount: 10, costUsd: 1.0, durationMs: 100_000, tokens: 10_000 }),
      run({ stageCount: 20, costUsd: 0.6, durationMs: 60_000, tokens: 6000 }),
      run({ stageCount: 30, costUsd: 0.2, durationMs: 20_000, tokens: 2000 }),
    ];
    for (const stageCount of [1, 20, 100]) {
      const forecast = forecastFromHistory(history, { entities: 3, stageCount }, { provider: 'anthropic' });
      assert.ok(forecast);
      assert.ok(forecast.costUsd > 0 && forecast.seconds > 0 && forecast.tokens > 0);
      // Per-stage ratios are 0.1, 0.03, 0.00667 USD; the weighted mean sits between them.
      assert.ok(forecast.costUsd / stageCount > 0.2 / 30 && forecast.costUsd / stageCount < 0.1);
    }
    // Weighted mean of ratios at 20 stages: similarity (2/3, 1, 2/3) over size² (100, 400, 900).
    const at20 = forecastFromHistory(history, { entities: 3, stageCount: 20 }, { provider: 'anthropic' });
    const weights = [2 / 3 / 100, 1 / 400, 2 / 3 / 900];
    const ratios = [0.1, 0.03, 0.2 / 30];
    const expected = (weights[0] * ratios[0] + weights[1] * ratios[1] + weights[2] * ratios[2]) / (weights[0] + weights[1] + weights[2]);
    assert.ok(Math.abs(at20!.costUsd - expected * 20) < 1e-9, `cost ${at20!.costUsd}`);
  });

  it('explains where the forecast comes from', () => {
    const claude = [2, 6, 4].map((entities) => run({ entities, stageCount: entities * 5 }));
    assert.equal(
      forecastFromHistory(claude, { entities: 4, stageCount: 20 }, { provider: 'anthropic', model: 'claude-sonnet-4-5' })
        ?.explanation,
      'from 3 past Claude runs (claude-sonnet-4-5) of 2–6 entities',
    );
    assert.equal(
      forecastFromHistory(claude, { entities: 4, stageCount: 20 }, { provider: 'anthropic' })?.explanation,
      'from 3 past Claude runs of 2–6 entities',
    );
    const offline = [1, 1, 1, 1, 1].map((entities) => run({ provider: 'offline', model: undefined, entities }));
    assert.equal(
      forecastFromHistory(offline, { entities: 1, stageCount: 5 }, { provider: 'offline' })?.explanation,
      'from 5 past offline runs of 1 entity',
    );
  });
});
