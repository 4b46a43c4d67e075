import * as assert from 'node:assert/strict';
import { computeMetrics, isoWeek } from '../../src/core/learning/metrics';
import { DETERMINISTIC, type StageOutcome } from '../../src/core/learning/outcome';
import type { RunOutcomes } from '../../src/core/learning/types';

const outcome = (stage: string, over: Partial<StageOutcome> = {}): StageOutcome => ({
  stage,
  instance: stage,
  variant: DETERMINISTIC,
  promptVersion: 0,
  status: 'succeeded',
  durationMs: 100,
  inputTokens: 0,
  outputTokens: 0,
  costUsd: 0,
  ...over,
});

const run = (id: string, createdAt: string, stages: StageOutcome[], over: Partial<RunOutcomes> = {}): RunOutcomes => ({
  id,
  createdAt: Date.parse(createdAt),
  status: 'succeeded',
  provider: 'anthropic',
  durationMs: 1000,
  costUsd: 0,
  tokens: 0,
  entities: 2,
  stageCount: stages.length,
  stages,
  ...over,
});

describe('learning metrics', () => {
  it('gives zeros and empty lists for no runs', () => {
    assert.deepEqual(computeMetrics([]), {
      runs: 0,
      succeeded: 0,
      totalCostUsd: 0,
      totalTokens: 0,
      stages: [],
      variants: [],
      days: [],
      weeks: [],
    });
  });

  it('sums run totals and counts succeeded runs', () => {
    const metrics = computeMetrics([
      run('a', '2026-03-02T10:00:00Z', [], { costUsd: 0.25, tokens: 1000 }),
      run('b', '2026-03-02T11:00:00Z', [], { costUsd: 0.5, tokens: 3000, status: 'failed' }),
      run('c', '2026-03-03T11:00:00Z', [], { costUsd: 0.125, tokens: 500, status: 'partial' }),
    ]);
    assert.equal(metrics.runs, 3);
    assert.equal(metrics.succeeded, 1);
    assert.equal(metrics.totalCostUsd, 0.875);
    assert.equal(metrics.totalTokens, 4500);
  });

  it('counts only stages that ran to an end: cancelled, skipped and interrupted ones are neither success nor failure', () => {
    const metrics = computeMetrics([
      run('a', '2026-03-01T10:00:00Z', [
        outcome('s', { status: 'succeeded' }),
        outcome('s', { status: 'failed' }),
        outcome('s', { status: 'cancelled' }),
        outcome('s', { status: 'skipped' }),
        outcome('s', { status: 'interrupted' }),
      ]),
    ]);
    assert.equal(metrics.stages[0].count, 2);
    assert.equal(metrics.stages[0].successRate, 0.5);
  });

  it('computes per-stage count, success rate, mean, nearest-rank p95, tokens and cost', () => {
    // 20 durations 10, 20, ..., 200: nearest rank ceil(0.95·20) = 19 → 190 (interpolation would give 190.5).
    const routes = Array.from({ length: 20 }, (_, i) =>
      outcome('routes', {
        durationMs: (i + 1) * 10,
        status: i < 15 ? 'succeeded' : 'failed',
        inputTokens: 100,
        outputTokens: i,
        costUsd: 0.01,
      }),
    );
    const metrics = computeMetrics([
      run('r1', '2026-03-02T10:00:00Z', routes.slice(0, 10)),
      run('r2', '2026-03-03T10:00:00Z', routes.slice(10)),
    ]);
    assert.equal(metrics.stages.length, 1);
    const stats = metrics.stages[0];
    assert.equal(stats.stage, 'routes');
    assert.equal(stats.count, 20);
    assert.equal(stats.successRate, 0.75);
    assert.equal(stats.meanMs, 105);
    assert.equal(stats.p95Ms, 190);
    assert.equal(stats.meanTokens, 100 + 9.5);
    assert.ok(Math.abs(stats.totalCostUsd - 0.2) < 1e-12);
    // Deterministic outcomes never asked Claude.
    assert.equal(stats.repairRate, undefined);
    assert.equal(stats.cleanRate, undefined);
  });

  it('takes p95 of three values as the largest (nearest rank)', () => {
    const metrics = computeMetrics([
      run('a', '2026-03-02T10:00:00Z', [
        outcome('x', { durationMs: 5 }),
        outcome('x', { durationMs: 1 }),
        outcome('x', { durationMs: 3 }),
      ]),
    ]);
    assert.equal(metrics.stages[0].p95Ms, 5);
    assert.equal(metrics.stages[0].meanMs, 3);
  });

  it('computes repair and clean rates only over outcomes where Claude was asked', () => {
    const metrics = computeMetrics([
      run('a', '2026-03-02T10:00:00Z', [
        outcome('model', { variant: 'v1', valid: true, repaired: false }), // clean
        outcome('model', { variant: 'v1', valid: true, repaired: true }), // repaired
        outcome('model', { variant: 'v1', valid: true, verificationPassed: false }), // not clean
        outcome('model', { variant: 'v2', valid: false, repaired: true, status: 'failed' }), // repaired, not clean
        outcome('model', { variant: 'v2', valid: true, rating: 'down' }), // not clean
        outcome('model'), // deterministic: not counted in either rate
      ]),
    ]);
    const stats = metrics.stages[0];
    assert.equal(stats.count, 6);
    assert.equal(stats.repairRate, 2 / 5);
    assert.equal(stats.cleanRate, 1 / 5);
    assert.equal(stats.successRate, 5 / 6);
  });

  it('counts repairs of a valid answer whose variant is deterministic but not its cleanliness', () => {
    // isCleanSuccess ignores DETERMINISTIC outcomes even with valid set; repairRate only looks at valid.
    const metrics = computeMetrics([
      run('a', '2026-03-02T10:00:00Z', [outcome('s', { valid: true, repaired: true })]),
    ]);
    assert.equal(metrics.stages[0].repairRate, 1);
    assert.equal(metrics.stages[0].cleanRate, undefined);
  });

  it('orders stages by first appearance in the oldest run and variants by stage then id', () => {
    const newer = run('new', '2026-03-05T10:00:00Z', [
      outcome('tests', { variant: 'b' }),
      outcome('routes', { variant: 'z' }),
      outcome('spec'),
    ]);
    const older = run('old', '2026-03-01T10:00:00Z', [
      outcome('spec', { variant: 'a' }),
      outcome('routes', { variant: 'm' }),
      outcome('routes', { variant: 'a' }),
      outcome('routes', { variant: 'm' }),
    ]);
    const metrics = computeMetrics([newer, older]);
    assert.deepEqual(
      metrics.stages.map((s) => [s.stage, s.count]),
      [
        ['spec', 2],
        ['routes', 4],
        ['tests', 1],
      ],
    );
    assert.deepEqual(
      metrics.variants.map((v) => [v.stage, v.variant, v.count, v.chosenShare]),
      [
        ['spec', 'a', 1, 0.5],
        ['spec', DETERMINISTIC, 1, 0.5],
        ['routes', 'a', 1, 0.25],
        ['routes', 'm', 2, 0.5],
        ['routes', 'z', 1, 0.25],
        ['tests', 'b', 1, 1],
      ],
    );
  });

  it('gives variants their own stats', () => {
    const metrics = computeMetrics([
      run('a', '2026-03-02T10:00:00Z', [
        outcome('s', { variant: 'v1', durationMs: 100, valid: true }),
        outcome('s', { variant: 'v1', durationMs: 300, valid: true, repaired: true }),
        outcome('s', { variant: 'v2', durationMs: 1000, valid: true, status: 'failed', costUsd: 0.5 }),
      ]),
    ]);
    const [v1, v2] = metrics.variants;
    assert.equal(v1.variant, 'v1');
    assert.equal(v1.meanMs, 200);
    assert.equal(v1.p95Ms, 300);
    assert.equal(v1.repairRate, 0.5);
    assert.equal(v1.cleanRate, 0.5);
    assert.equal(v1.chosenShare, 2 / 3);
    assert.equal(v2.successRate, 0);
    assert.equal(v2.totalCostUsd, 0.5);
    assert.equal(v2.chosenShare, 1 / 3);
  });

  it('totals runs per UTC day and ISO week, oldest first', () => {
    const metrics = computeMetrics([
      run('d', '2026-01-05T00:30:00Z', [], { costUsd: 4, tokens: 40 }), // Monday → W02
      run('a', '2025-12-31T23:59:00Z', [], { costUsd: 1, tokens: 10 }), // Wednesday of 2026-W01
      run('b', '2026-01-01T00:00:00Z', [], { costUsd: 2, tokens: 20, status: 'failed' }),
      run('c', '2026-01-01T12:00:00Z', [], { costUsd: 3, tokens: 30 }),
    ]);
    assert.deepEqual(metrics.days, [
      { period: '2025-12-31', runs: 1, succeeded: 1, costUsd: 1, tokens: 10 },
      { period: '2026-01-01', runs: 2, succeeded: 1, costUsd: 5, tokens: 50 },
      { period: '2026-01-05', runs: 1, succeeded: 1, costUsd: 4, tokens: 40 },
    ]);
    assert.deepEqual(metrics.weeks, [
      { period: '2026-W01', runs: 3, succeeded: 2, costUsd: 6, tokens: 60 },
      { period: '2026-W02', runs: 1, succeeded: 1, costUsd: 4, tokens: 40 },
    ]);
  });

  it('numbers ISO weeks by the year of their Thursday', () => {
    const week = (iso: string) => isoWeek(new Date(iso));
    assert.equal(week('2026-01-01T00:00:00Z'), '2026-W01'); // Thursday
    assert.equal(week('2025-12-29T00:00:00Z'), '2026-W01'); // Monday of that week, still 2025 by date
    assert.equal(week('2025-12-28T23:59:59Z'), '2025-W52'); // Sunday before
    assert.equal(week('2027-01-01T00:00:00Z'), '2026-W53'); // Friday of 2026's 53rd week
    assert.equal(week('2027-01-03T12:00:00Z'), '2026-W53'); // Sunday
    assert.equal(week('2027-01-04T00:00:00Z'), '2027-W01'); // Monday
    assert.equal(week('2026-11-26T00:00:00Z'), '2026-W48');
    assert.equal(week('2026-03-09T00:00:00Z'), '2026-W11'); // two-digit week
    assert.equal(week('2026-02-23T00:00:00Z'), '2026-W09'); // zero padded
  });

  it('puts 2027-01-01 runs in 2026-W53 in the weekly totals', () => {
    const metrics = computeMetrics([
      run('a', '2026-12-28T08:00:00Z', []),
      run('b', '2027-01-01T08:00:00Z', []),
      run('c', '2027-01-04T08:00:00Z', []),
    ]);
    assert.deepEqual(
      metrics.weeks.map((w) => [w.period, w.runs]),
      [
        ['2026-W53', 2],
        ['2027-W01', 1],
      ],
    );
  });
});
