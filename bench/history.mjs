// The generation history at scale: 1,000 generations (5-entity specs, ~25 stage outcomes and ~90
// files each) saved, listed cold, then metrics, the learned forecast and the bandit over all of it.
// Goals: listing 1,000 records < 1 s (the Generations tree and Metrics view read it on every change),
// metrics < 100 ms, one bandit choice < 5 ms. Run `node esbuild.mjs --tests` first (uses out/).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const require = createRequire(import.meta.url);
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'out', 'src', 'core');
const { HistoryStore, RECORD_VERSION } = require(path.join(out, 'history', 'store.js'));
const { toRunOutcomes } = require(path.join(out, 'history', 'learningView.js'));
const { computeMetrics } = require(path.join(out, 'learning', 'metrics.js'));
const { forecastFromHistory } = require(path.join(out, 'learning', 'historyForecast.js'));
const { chooseVariant, seededRandom } = require(path.join(out, 'learning', 'bandit.js'));
const { ProjectSpec } = require(path.join(out, 'spec', 'projectSpec.js'));

const count = Number(process.argv[2] ?? 1000);
const spec = ProjectSpec.parse(syntheticSpec(5));
const random = seededRandom(1);
const kinds = ['requirements-analysis', 'domain-model', 'architecture', 'database-schema', 'migrations', 'api-routes', 'pages', 'explanations'];
const record = (i) => ({
  recordVersion: RECORD_VERSION,
  id: `bench-${i}`,
  createdAt: Date.UTC(2026, 0, 1) + i * 3_600_000,
  requirements: spec.requirements.text,
  spec,
  provider: 'anthropic',
  model: 'claude-sonnet-5-5',
  status: 'succeeded',
  folder: `/home/user/projects/app-${i}`,
  durationMs: 40_000 + random() * 20_000,
  usage: { inputTokens: 20_000, outputTokens: 9_000, cacheReadTokens: 15_000, cacheWriteTokens: 3_000, costUsd: 0.2 + random() * 0.1 },
  files: Array.from({ length: 90 }, (_, f) => ({ path: `backend/src/file-${f}.ts`, sha256: 'a'.repeat(64), bytes: 2000 })),
  stageCount: 25,
  stages: Array.from({ length: 25 }, (_, s) => {
    const stage = kinds[s % kinds.length];
    const claude = stage === 'domain-model' || stage === 'explanations';
    const variant = claude ? (random() < 0.5 ? 'direct' : 'stepwise') : 'deterministic';
    return {
      stage, instance: `${stage}:${s}`, variant, promptVersion: 1, model: claude ? 'claude-sonnet-5-5' : undefined, status: 'succeeded',
      durationMs: random() * 5000, inputTokens: claude ? 9000 : 0, outputTokens: claude ? 4000 : 0, costUsd: claude ? 0.1 : 0,
      valid: claude ? random() < 0.8 : undefined, repaired: claude ? random() < 0.1 : undefined,
    };
  }),
});

const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-bench-history-'));
try {
  const store = new HistoryStore(dir);
  let started = performance.now();
  for (let i = 0; i < count; i++) await store.save(record(i));
  const saveMs = (performance.now() - started) / count;
  const heapBefore = process.memoryUsage().heapUsed;
  started = performance.now();
  const { records, unreadable } = await new HistoryStore(dir).list();
  const listMs = performance.now() - started;
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  if (records.length !== count || unreadable.length) throw new Error(`listed ${records.length} of ${count}, ${unreadable.length} unreadable`);
  // Again with the same store after one record changed (what a refresh of the views costs).
  const warmStore = new HistoryStore(dir);
  await warmStore.list();
  await warmStore.save({ ...records[0], rating: { up: true, at: Date.now() } });
  started = performance.now();
  const again = await warmStore.list();
  const warmMs = performance.now() - started;
  if (again.records.length !== count || !again.records.some((r) => r.rating)) throw new Error('the warm listing missed the change');
  const runs = records.map(toRunOutcomes);
  started = performance.now();
  const metrics = computeMetrics(runs);
  const metricsMs = performance.now() - started;
  started = performance.now();
  const forecast = forecastFromHistory(runs, { entities: 5, stageCount: 25 }, { provider: 'anthropic', model: 'claude-sonnet-5-5' });
  const forecastMs = performance.now() - started;
  const outcomes = records.flatMap((r) => r.stages);
  started = performance.now();
  const choices = 100;
  for (let i = 0; i < choices; i++) chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: true, random });
  const chooseMs = (performance.now() - started) / choices;
  console.log(`history of ${count} generations (${outcomes.length} stage outcomes)`);
  console.log(`  save            ${saveMs.toFixed(2)} ms a record`);
  console.log(`  list (cold)     ${listMs.toFixed(0)} ms, ~${heapMb.toFixed(0)} MB of heap   goal < 1000 ms`);
  console.log(`  list (1 changed) ${warmMs.toFixed(0)} ms: only changed files are parsed again`);
  console.log(`  metrics         ${metricsMs.toFixed(1)} ms (${metrics.stages.length} stages, ${metrics.variants.length} variants, ${metrics.weeks.length} weeks)   goal < 100 ms`);
  console.log(`  forecast        ${forecastMs.toFixed(1)} ms ($${forecast?.costUsd.toFixed(3)} from ${forecast?.basedOn} runs)`);
  console.log(`  bandit choice   ${chooseMs.toFixed(2)} ms   goal < 5 ms`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
