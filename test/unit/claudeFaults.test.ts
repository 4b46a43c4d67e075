// Issue #12: Claude failures cost nothing, and the budget is a hard cap. Every fault the red team
// tried, against the fake Messages API with the real SDK and the real orchestrator: the run still
// writes the whole project (as many files as the offline run), says why each stage kept its
// deterministic result, ends "degraded", waits as long as the server asks (or backs off for
// seconds), and never spends more than its budget — even when the API reports maximum usage and
// the per-entity stages ask Claude at the same time.
import * as assert from 'node:assert/strict';
import ts from 'typescript';
import { createSyntaxChecker } from '../../src/core/check/tsSyntax';
import { BudgetLedger } from '../../src/core/pipeline/budgetLedger';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { replayRun } from '../../src/model/run/runState';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { REQUEST_OVERHEAD_TOKENS } from '../../src/core/providers/worstCase';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { errorResponse, FakeAnthropicServer, type FakeResponse, type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

const MODEL = 'claude-sonnet-5-5';
const checkSyntax = createSyntaxChecker(ts);
const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
const warningsOf = (stream: RunEventStream) => stream.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));

/** A sensible answer for every refining stage (the spec unchanged, pages with a comment, nothing more to implement). */
function validAnswer(spec: ProjectSpec, request: RecordedRequest): FakeResponse {
  const tool = toolOf(request);
  if (tool === 'emit_spec') return toolMessage('emit_spec', spec);
  if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
  if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
  if (tool === 'emit_page') {
    const content = /File (\S+):\n([\s\S]*)$/.exec(request.body.messages[0].content as string)?.[2] ?? '';
    return toolMessage('emit_page', { content: `// Polished page.\n${content}`, changes: 'a heading comment' });
  }
  return errorResponse(400, `unexpected tool ${tool}`);
}

/**
 * The most a real API could report for this request: every byte of its body a token (the
 * tokenizer never makes a token of less than a byte) plus the tool-use system prompt and framing,
 * all of it written to the cache (the dearest input price), and the whole output allowance.
 */
function maximumUsage(request: RecordedRequest) {
  return {
    input_tokens: 0,
    cache_creation_input_tokens: Buffer.byteLength(JSON.stringify(request.body)) + REQUEST_OVERHEAD_TOKENS,
    cache_read_input_tokens: 0,
    output_tokens: request.body.max_tokens as number,
  };
}

describe('Claude faults degrade, never destroy (fake API, issue #12)', function () {
  this.timeout(60_000);
  const spec = loadFixtureSpec('library');
  let offlineFiles: number;
  let fake: FakeAnthropicServer;
  let waits: number[];

  before(async () => {
    offlineFiles = (await runGeneration({ input: { kind: 'spec', spec } })).files.list().length;
  });
  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
    waits = [];
  });
  afterEach(() => fake.close());

  const generate = (options: { key?: string; budgetUsd?: number; callTimeoutMs?: number } = {}) => {
    const provider = new AnthropicProvider({ apiKey: options.key ?? 'test-key', baseURL: fake.url, sleep: async () => undefined });
    const stream = new RunEventStream('faults');
    return runGeneration({
      input: { kind: 'spec', spec },
      stream,
      concurrency: 4,
      // The scheduler's waits between attempts, recorded instead of slept.
      sleep: async (ms) => void waits.push(ms),
      claude: { provider, model: MODEL, budgetUsd: options.budgetUsd ?? 10, checkSyntax, callTimeoutMs: options.callTimeoutMs },
    });
  };

  /** The run wrote the whole project, ended degraded, and every Claude stage said why it kept its result. */
  const assertWholeAndDegraded = (result: Awaited<ReturnType<typeof generate>>, reason: RegExp) => {
    const { run, files, stream } = result;
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.equal(run.status, 'degraded');
    assert.equal(files.list().length, offlineFiles, 'as many files as the offline run');
    const state = replayRun(stream.events);
    assert.equal(state.status, 'degraded');
    const refining = result.stages.filter((stage) => stage.definition.claude && state.stages[stage.id]?.degraded);
    assert.ok(refining.length >= 3, `degraded stages: ${refining.map((s) => s.id).join(', ')}`);
    for (const stage of refining) assert.match(state.stages[stage.id].degraded ?? '', reason, `${stage.id}: ${state.stages[stage.id].degraded}`);
    assert.equal(run.summary.stages.degraded, refining.length);
    return state;
  };

  it('529 on every call: retried as the server asks (retry-after), then every stage keeps its deterministic result', async () => {
    fake.otherwise(() => errorResponse(529, 'Overloaded', { 'retry-after': '7' }));
    const result = await generate();
    assertWholeAndDegraded(result, /Claude failed after 4 attempts: Anthropic API overloaded \(529\)/);
    const warnings = warningsOf(result.stream);
    assert.ok(warnings.some((w) => /^Domain model keeps the deterministic result: Claude failed after 4 attempts: .*529/.test(w)), warnings.join('\n'));
    // 3 waits of 7 s per asking stage, exactly what retry-after said.
    assert.ok(waits.length >= 9 && waits.every((ms) => ms === 7000), waits.join(', '));
    assert.equal(fake.requests.filter((r) => toolOf(r) === 'emit_spec').length, 4);
  });

  it('500 on every call without retry-after: backs off for seconds with jitter (14 to 28 s per stage), then degrades', async () => {
    fake.otherwise(() => errorResponse(500, 'Internal server error'));
    const result = await generate();
    assertWholeAndDegraded(result, /Claude failed after 4 attempts: Anthropic API error 500/);
    const domain = result.stream.events.flatMap((e) => (e.type === 'stageRetried' && e.stageId === 'domain-model' ? [e.delayMs] : []));
    assert.equal(domain.length, 3);
    [4000, 8000, 16000].forEach((full, i) => assert.ok(domain[i] >= full / 2 && domain[i] <= full, `wait ${i + 1}: ${domain[i]} ms`));
    const total = domain.reduce((sum, ms) => sum + ms, 0);
    assert.ok(total >= 14_000 && total <= 28_000, `${total} ms in all`);
  });

  it('401 (a rejected key): one clear message, Claude not asked again, every later stage degrades at once', async () => {
    const result = await generate({ key: 'bad-key' });
    assertWholeAndDegraded(result, /Claude is off for this run: .*Check your API key/);
    assert.equal(fake.requests.length, 1, 'nothing after the rejected key');
    assert.equal(waits.length, 0, 'no retries');
    const said = warningsOf(result.stream).filter((w) => /API key/.test(w));
    assert.equal(said.length, 1, said.join('\n'));
    assert.match(said[0], /^Claude is off for the rest of this run, and every stage keeps its deterministic result: The Anthropic API rejected the API key/);
  });

  it('tool input that is not JSON: an invalid answer (one repair round trip), then the deterministic result', async () => {
    fake.otherwise((request) => ({ ...toolMessage(toolOf(request), {}), invalidToolJson: '{"entities": [}' }));
    const result = await generate();
    assertWholeAndDegraded(result, /still invalid after one repair: the tool input was not valid JSON/);
    assert.equal(waits.length, 0, 'an invalid answer is not retried');
    const asked = fake.requests.filter((r) => toolOf(r) === 'emit_spec');
    assert.equal(asked.length, 2, 'the answer and its repair round trip');
    assert.match(JSON.stringify(asked[1].body.messages.at(-1)), /not valid JSON/);
    const outcome = result.stream.events.find((e) => e.type === 'promptOutcome' && e.stageId === 'domain-model');
    assert.ok(outcome?.type === 'promptOutcome' && !outcome.valid, 'learning counts it as an invalid answer');
  });

  it('schema-invalid twice: the deterministic result, degraded, with the problems said', async () => {
    fake.otherwise((request) => toolMessage(toolOf(request), { nonsense: true }));
    const result = await generate();
    assertWholeAndDegraded(result, /still invalid after one repair/);
  });

  it('streams cut off mid-answer: retried, then degraded', async () => {
    fake.otherwise((request) => ({ ...validAnswer(spec, request), cutAfterEvents: 3 }) as FakeResponse);
    const result = await generate();
    // The SDK reports a connection dropped mid-stream as a connection error.
    assertWholeAndDegraded(result, /Claude failed after 4 attempts: (The response stream broke off|Could not reach the Anthropic API)/);
    assert.equal(waits.length, 3 * replayRun(result.stream.events).stageOrder.filter((id) => replayRun(result.stream.events).stages[id].degraded).length, 'each stage retried 3 times');
  });

  it('requests that never answer: each call times out, is retried, then the stage keeps its result', async () => {
    fake.otherwise(() => ({ kind: 'hang' }));
    const result = await generate({ callTimeoutMs: 250 });
    assertWholeAndDegraded(result, /Claude failed after 4 attempts: Claude did not answer within 0\.3 s/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(fake.requests.every((r) => r.aborted), 'every hanging request was given up on');
  });

  it('cancellation stays cancellation (not degraded)', async () => {
    fake.otherwise(() => ({ kind: 'hang' }));
    const controller = new AbortController();
    const provider = new AnthropicProvider({ apiKey: 'test-key', baseURL: fake.url });
    const pending = runGeneration({ input: { kind: 'spec', spec }, signal: controller.signal, claude: { provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    while (!fake.requests.length) await new Promise((resolve) => setTimeout(resolve, 5));
    controller.abort();
    const { run } = await pending;
    assert.equal(run.status, 'cancelled');
  });

  it('an API that always reports maximum usage: spend never passes the budget, with the per-entity stages in parallel', async () => {
    // Pages take a moment, so the per-entity stages are in flight together.
    fake.otherwise((request) => ({ ...validAnswer(spec, request), usage: maximumUsage(request), latencyMs: toolOf(request) === 'emit_page' ? 150 : 0 }) as FakeResponse);
    const spent: string[] = [];
    for (const budgetUsd of [0.17, 0.3, 0.5, 0.82, 1.5, 3]) {
      fake.requests.length = 0;
      const { stream, run, files } = await generate({ budgetUsd });
      const cost = replayRun(stream.events).usage.costUsd;
      spent.push(`$${budgetUsd}: spent $${cost.toFixed(4)} in ${fake.requests.length} requests`);
      assert.ok(cost <= budgetUsd + 1e-9, spent.join('; '));
      assert.equal(run.errors.size, 0);
      assert.ok(files.list().length >= offlineFiles);
      if (budgetUsd >= 1.5) {
        assert.ok(cost > budgetUsd / 4, `a roomy budget is used: ${spent.join('; ')}`);
        const pages = fake.requests.filter((r) => toolOf(r) === 'emit_page');
        assert.ok(pages.some((a) => pages.some((b) => a !== b && a.receivedAt < (b.finishedAt ?? 0) && b.receivedAt < (a.finishedAt ?? 0))) || pages.length < 2, 'pages asked side by side');
      }
      if (budgetUsd < 0.5) assert.ok(warningsOf(stream).some((w) => /^Budget: .* keeps the deterministic result/.test(w)), 'a call that did not fit is said');
    }
  });

  it('maximum usage and a first answer that is always invalid: the repair round trips stay within the budget too', async () => {
    fake.otherwise((request) =>
      ({
        ...(request.body.messages.length === 1 ? toolMessage(toolOf(request), { nonsense: true }) : validAnswer(spec, request)),
        usage: maximumUsage(request),
      }) as FakeResponse,
    );
    for (const budgetUsd of [0.3, 0.82, 2]) {
      const { stream } = await generate({ budgetUsd });
      const cost = replayRun(stream.events).usage.costUsd;
      assert.ok(cost <= budgetUsd + 1e-9, `$${budgetUsd}: spent $${cost}`);
    }
    assert.ok(fake.requests.some((r) => r.body.messages.length === 3), 'repair round trips were made');
  });
});

describe('budget ledger', () => {
  it('reserves, settles to the real cost, and gives the rest back', () => {
    const ledger = new BudgetLedger(1);
    const hold = ledger.reserve(0.6);
    assert.ok(hold);
    assert.equal(ledger.reserve(0.5), undefined, 'held by the call in flight');
    assert.ok(hold.beforeSend(0.4));
    hold.afterSend(0.4, 0.1);
    hold.settle();
    assert.ok(Math.abs(ledger.spentUsd - 0.1) < 1e-9, String(ledger.spentUsd));
    assert.equal(ledger.heldUsd, 0);
    assert.ok(ledger.reserve(0.9));
  });

  it('tops a call up for a request larger than its reservation, and refuses one that does not fit', () => {
    const ledger = new BudgetLedger(1);
    const hold = ledger.reserve(0.2);
    assert.ok(hold);
    assert.ok(hold.beforeSend(0.5), 'topped up from the ledger');
    assert.ok(!hold.beforeSend(0.6), 'more than the budget: not sent');
    hold.afterSend(0.5, undefined); // unknown cost: counted at its worst case
    hold.settle();
    assert.equal(ledger.spentUsd, 0.5);
  });

  it('a call that fits once calls in flight settle waits for them; one that never can is refused at once', async () => {
    const ledger = new BudgetLedger(1);
    const first = ledger.reserve(0.7);
    assert.ok(first);
    const waiting = ledger.reserveWhenFree(0.5);
    assert.equal(await ledger.reserveWhenFree(1.1), undefined);
    first.beforeSend(0.7);
    first.afterSend(0.7, 0.2);
    first.settle();
    const second = await waiting;
    assert.ok(second);
    assert.equal(ledger.heldUsd, 0.5);
    assert.equal(await ledger.reserveWhenFree(0.7, { deadline: Date.now() + 20 }), undefined, 'not before the deadline');
  });
});
