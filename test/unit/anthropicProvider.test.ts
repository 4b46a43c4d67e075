import * as assert from 'node:assert/strict';
import { z } from 'zod';
import { RunEventStream } from '../../src/model/run/events';
import { RetryableError, RunCancelledError, runStages } from '../../src/core/pipeline/scheduler';
import { AnthropicProvider, InvalidModelOutputError, ProviderAuthError, retryAfterMs, type StructuredRequest } from '../../src/core/providers/anthropic';
import { costUsd, priceFor } from '../../src/core/providers/models';
import { RateLimiter } from '../../src/core/providers/rateLimiter';
import { errorResponse, FakeAnthropicServer, textMessage, toolMessage } from '../fake-anthropic/server';

const EntityList = z.object({ entities: z.array(z.object({ name: z.string().regex(/^[A-Z]\w*$/), fields: z.array(z.string()) })).min(1) });
type EntityList = z.infer<typeof EntityList>;

const request = (extra: Partial<StructuredRequest<EntityList>> = {}): StructuredRequest<EntityList> => ({
  model: 'claude-sonnet-5-5',
  cachedContext: ['CONVENTIONS: TypeScript, Hono, Drizzle.', 'SPEC: {"entities":["Post"]}'],
  instructions: 'List the entities.',
  toolName: 'emit_entities',
  toolDescription: 'Return the entities of the application.',
  schema: EntityList,
  maxTokens: 1000,
  ...extra,
});

describe('Anthropic provider (real SDK, fake server)', () => {
  let fake: FakeAnthropicServer;
  let provider: AnthropicProvider;
  const waits: number[] = [];

  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
    waits.length = 0;
    provider = new AnthropicProvider({ apiKey: 'test-key', baseURL: fake.url, sleep: async (ms) => void waits.push(ms) });
  });
  afterEach(() => fake.close());

  it('returns validated tool output, streamed, with the shared context as cached blocks', async () => {
    fake.enqueue(toolMessage('emit_entities', { entities: [{ name: 'Post', fields: ['title'] }] }, { input_tokens: 50, output_tokens: 20, cache_creation_input_tokens: 1000 }));
    let progress = 0;
    const result = await provider.structured<EntityList>(request({ onProgress: (chars) => (progress = chars) }));
    assert.deepEqual(result.value, { entities: [{ name: 'Post', fields: ['title'] }] });
    assert.equal(result.repaired, false);
    assert.ok(progress > 0, 'progress reported while streaming');
    const body = fake.requests[0].body;
    assert.equal(body.stream, true);
    assert.deepEqual(body.tool_choice, { type: 'tool', name: 'emit_entities' });
    assert.equal(body.tools[0].input_schema.type, 'object');
    assert.deepEqual(body.system.map((b: { cache_control: unknown }) => b.cache_control), [{ type: 'ephemeral' }, { type: 'ephemeral' }]);
    assert.equal(result.usage.cacheWriteTokens, 1000);
    assert.equal(result.usage.costUsd, costUsd('claude-sonnet-5-5', { inputTokens: 50, outputTokens: 20, cacheWriteTokens: 1000, cacheReadTokens: 0 }));
    assert.deepEqual(result.requestIds, ['req_fake_1']);
  });

  it('repairs invalid output once, sending the validation errors back', async () => {
    fake.enqueue(
      toolMessage('emit_entities', { entities: [{ name: 'post', fields: 'title' }] }, { input_tokens: 10, output_tokens: 5 }),
      toolMessage('emit_entities', { entities: [{ name: 'Post', fields: ['title'] }] }, { input_tokens: 30, output_tokens: 5 }),
    );
    const result = await provider.structured<EntityList>(request());
    assert.equal(result.repaired, true);
    assert.equal(result.usage.inputTokens, 40, 'usage of both calls');
    const repair = fake.requests[1].body.messages;
    assert.equal(repair.length, 3);
    const toolResult = repair[2].content[0];
    assert.equal(toolResult.type, 'tool_result');
    assert.equal(toolResult.is_error, true);
    assert.match(toolResult.content, /entities\.0\.name/);
    assert.match(toolResult.content, /entities\.0\.fields/);
  });

  it('treats invalid JSON in a tool call as invalid output and repairs it', async () => {
    fake.enqueue({ ...toolMessage('emit_entities', { entities: [] }), invalidToolJson: true }, toolMessage('emit_entities', { entities: [{ name: 'Post', fields: [] }] }));
    const result = await provider.structured<EntityList>(request());
    assert.equal(result.repaired, true);
    assert.equal(fake.requests.length, 2);
  });

  it('fails cleanly when the repair is invalid too', async () => {
    fake.enqueue(toolMessage('emit_entities', { entities: [] }), textMessage('I would rather chat.'));
    await assert.rejects(provider.structured(request()), (error: unknown) => error instanceof InvalidModelOutputError && error.retryable === false);
    assert.equal(fake.requests.length, 2);
  });

  it('says to check the API key on 401, without retrying', async () => {
    provider = new AnthropicProvider({ apiKey: 'bad-key', baseURL: fake.url });
    await assert.rejects(provider.structured(request()), (error: unknown) => error instanceof ProviderAuthError && /Check your API key/.test(error.message));
    assert.equal(fake.requests.length, 1);
  });

  const retryable: [string, ReturnType<typeof errorResponse>, number | undefined][] = [
    ['429 with retry-after seconds', errorResponse(429, 'slow down', { 'retry-after': '3' }), 3000],
    ['429 with retry-after-ms', errorResponse(429, 'slow down', { 'retry-after-ms': '1500', 'retry-after': '9' }), 1500],
    ['529 overloaded', errorResponse(529, 'Overloaded'), undefined],
    ['500', errorResponse(500), undefined],
  ];
  for (const [label, response, expectedDelay] of retryable) {
    it(`marks ${label} retryable${expectedDelay ? `, asking to wait ${expectedDelay} ms` : ''}`, async () => {
      fake.enqueue(response);
      await assert.rejects(provider.structured(request()), (error: unknown) => {
        assert.ok(error instanceof RetryableError, String(error));
        assert.equal(error.retryAfterMs, expectedDelay);
        return true;
      });
    });
  }

  it('does not retry a 400', async () => {
    fake.enqueue(errorResponse(400, 'bad schema'));
    await assert.rejects(provider.structured(request()), (error: unknown) => !(error instanceof RetryableError) && /400/.test(String(error)));
  });

  it('treats a cut-off stream and an error event mid-stream as retryable', async () => {
    fake.enqueue({ ...toolMessage('emit_entities', { entities: [{ name: 'Post', fields: ['a'.repeat(300)] }] }), cutAfterEvents: 4 });
    await assert.rejects(provider.structured(request()), RetryableError);
    fake.enqueue({ ...toolMessage('emit_entities', { entities: [{ name: 'Post', fields: [] }] }), errorAfterEvents: 3 });
    await assert.rejects(provider.structured(request()), RetryableError);
  });

  it('cancels an in-flight request through its AbortSignal', async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    // Aborted once the server holds the request (a fixed delay lost the race on a busy machine).
    const abortWhenHeld = setInterval(() => fake.requests.length && controller.abort(), 10);
    try {
      await assert.rejects(provider.structured(request({ signal: controller.signal })), RunCancelledError);
    } finally {
      clearInterval(abortWhenHeld);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(fake.requests[0].aborted, true, 'the server saw the connection go away');
  });

  it('waits for the rate-limit reset when the headers say the budget is spent', async () => {
    fake.rateLimits = { ...fake.rateLimits, requestsRemaining: 0, resetSeconds: 20 };
    fake.enqueue(toolMessage('emit_entities', { entities: [{ name: 'A', fields: [] }] }), toolMessage('emit_entities', { entities: [{ name: 'B', fields: [] }] }));
    await provider.structured(request());
    assert.deepEqual(waits, []);
    await provider.structured(request());
    assert.equal(waits.length, 1);
    assert.ok(waits[0] > 15_000 && waits[0] <= 20_000, `waited ${waits[0]} ms`);
  });

  it('lets the scheduler retry a 429 after the requested delay, and the run succeeds', async () => {
    fake.enqueue(errorResponse(429, 'slow down', { 'retry-after': '2' }), toolMessage('emit_entities', { entities: [{ name: 'Post', fields: [] }] }));
    const stream = new RunEventStream('run');
    const slept: number[] = [];
    const result = await runStages({
      stages: [{ id: 'entities', title: 'Entities', dependsOn: [] }],
      concurrency: 1,
      stream,
      sleep: async (ms) => void slept.push(ms),
      execute: async (_stage, context) => (await provider.structured<EntityList>(request({ signal: context.signal }))).value,
    });
    assert.equal(result.status, 'succeeded');
    assert.deepEqual(slept, [2000]);
    assert.ok(stream.events.some((e) => e.type === 'stageRetried' && /429/.test(e.reason)));
  });
});

describe('model prices', () => {
  it('computes cost from usage including cache writes and reads', () => {
    // Sonnet 5.5: $2 in, $10 out, $2.50 cache write, $0.10 cache read per million tokens.
    assert.equal(costUsd('claude-sonnet-5-5', { inputTokens: 1_000_000, outputTokens: 0, cacheWriteTokens: 0, cacheReadTokens: 0 }), 2);
    assert.equal(costUsd('claude-sonnet-5-5', { inputTokens: 0, outputTokens: 1_000_000, cacheWriteTokens: 1_000_000, cacheReadTokens: 1_000_000 }), 10 + 2.5 + 0.1);
  });

  it('prices dated snapshots like their family and unknown models like the most expensive', () => {
    assert.equal(priceFor('claude-sonnet-4-5-20250929').known, true);
    const unknown = priceFor('claude-mystery-9');
    assert.equal(unknown.known, false);
    assert.equal(unknown.price.outputPerMTok, 75);
  });
});

describe('retry-after parsing and the rate limiter', () => {
  const headers = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

  it('reads retry-after-ms, retry-after seconds and dates', () => {
    assert.equal(retryAfterMs(headers({ 'retry-after-ms': '250' })), 250);
    assert.equal(retryAfterMs(headers({ 'retry-after': '4' })), 4000);
    assert.equal(retryAfterMs(headers({ 'retry-after': new Date(10_000).toUTCString() }), 4000), 6000);
    assert.equal(retryAfterMs(headers({})), undefined);
  });

  it('holds requests when tokens are short and lets them go after the reset', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    limiter.observe(headers({ 'anthropic-ratelimit-tokens-remaining': '100', 'anthropic-ratelimit-tokens-reset': new Date(5000).toISOString() }));
    assert.equal(limiter.delayFor(50), 0);
    assert.equal(limiter.delayFor(500), 5000);
    now = 6000;
    assert.equal(limiter.delayFor(500), 0);
  });
});
