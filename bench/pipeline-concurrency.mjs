// Hybrid pipeline against the fake Messages API with a fixed latency per request: makespan vs the
// critical-path bound (from measured stage durations) and vs running the same graph one stage at a
// time, and the share of input tokens read from the prompt cache for requests after the first.
// Goals: makespan <= 1.1x the bound, >= 3x faster than sequential, cache share >= 70%.
// Run `node esbuild.mjs --tests` first (uses out/). LATENCY_MS and ENTITIES change the setup.
import { createRequire } from 'node:module';
import path from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const out = (p) => require(path.join(root, 'out', p));
const { FakeAnthropicServer, toolMessage } = out('test/fake-anthropic/server.js');
const { runGeneration } = out('src/core/pipeline/orchestrator.js');
const { replayRun } = out('src/model/run/runState.js');
const { AnthropicProvider } = out('src/core/providers/anthropic.js');
const { createSyntaxChecker } = out('src/core/check/tsSyntax.js');
const { ProjectSpec } = out('src/model/project/projectSpec.js');
const ts = require('typescript');

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 400);
const ENTITIES = Number(process.env.ENTITIES ?? 12);
const spec = ProjectSpec.parse(syntheticSpec(ENTITIES - 1));

function responder(request) {
  const tool = request.body?.tool_choice?.name;
  const reply = (response) => ({ ...response, latencyMs: LATENCY_MS });
  if (tool === 'emit_spec') return reply(toolMessage('emit_spec', spec));
  if (tool === 'emit_explanations') return reply(toolMessage('emit_explanations', { files: [] }));
  if (tool === 'emit_rules') return reply(toolMessage('emit_rules', { files: [], tests: [], implemented: [] }));
  const content = /File \S+:\n([\s\S]*)$/.exec(request.body.messages[0].content)?.[1] ?? '';
  return reply(toolMessage('emit_page', { content: `// Polished.\n${content}`, changes: 'heading' }));
}

async function run(concurrency) {
  const fake = await FakeAnthropicServer.start();
  fake.otherwise(responder);
  try {
    const provider = new AnthropicProvider({ apiKey: 'bench-key', baseURL: fake.url });
    const started = performance.now();
    const result = await runGeneration({
      input: { kind: 'spec', spec },
      concurrency,
      claude: { provider, model: 'claude-sonnet-5-5', budgetUsd: 100, checkSyntax: createSyntaxChecker(ts) },
    });
    const makespan = performance.now() - started;
    if (result.run.errors.size) throw new Error([...result.run.errors.values()].join('; '));
    return { makespan, result, requests: fake.requests.length };
  } finally {
    await fake.close();
  }
}

/** Longest path through the graph, weighting each stage by its measured duration. */
function criticalPath(stages, state) {
  const memo = new Map();
  const finish = (id) => {
    if (memo.has(id)) return memo.get(id);
    const stage = stages.find((s) => s.id === id);
    const own = (state.stages[id].finishedAt ?? 0) - (state.stages[id].startedAt ?? 0);
    const value = own + Math.max(0, ...stage.dependsOn.map(finish));
    memo.set(id, value);
    return value;
  };
  return Math.max(...stages.map((s) => finish(s.id)));
}

const parallel = await run(16);
const state = replayRun(parallel.result.stream.events);
const bound = criticalPath(parallel.result.stages, state);
const sequential = await run(1);

const usageEvents = parallel.result.stream.events.filter((e) => e.type === 'usage');
const later = usageEvents.slice(1).map((e) => e.usage);
const input = later.reduce((sum, u) => sum + u.inputTokens + u.cacheReadTokens + u.cacheWriteTokens, 0);
const cached = later.reduce((sum, u) => sum + u.cacheReadTokens, 0);

console.log(`graph: ${parallel.result.stages.length} stages, ${parallel.requests} Claude requests, ${LATENCY_MS} ms latency each`);
console.log(`makespan (concurrency 16):   ${parallel.makespan.toFixed(0)} ms`);
console.log(`critical-path bound:         ${bound.toFixed(0)} ms  -> makespan / bound = ${(parallel.makespan / bound).toFixed(2)} (goal <= 1.1)`);
console.log(`sequential (concurrency 1):  ${sequential.makespan.toFixed(0)} ms -> ${(sequential.makespan / parallel.makespan).toFixed(1)}x faster in parallel (goal >= 3)`);
console.log(`input tokens read from cache after the first request: ${((100 * cached) / input).toFixed(1)}% (goal >= 70%)`);
