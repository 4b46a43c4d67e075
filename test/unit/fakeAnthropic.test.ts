// The fake server must fool the real SDK: these tests run @anthropic-ai/sdk against it.
import * as assert from 'node:assert/strict';
import Anthropic from '@anthropic-ai/sdk';
import { errorResponse, FakeAnthropicServer, textMessage, toolMessage } from '../fake-anthropic/server';

describe('fake Anthropic server (real SDK against it)', () => {
  let fake: FakeAnthropicServer;
  let client: Anthropic;

  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
    client = new Anthropic({ apiKey: 'test-key', baseURL: fake.url, maxRetries: 0, timeout: 5000 });
  });
  afterEach(async () => {
    await fake.close();
  });

  it('answers a JSON request with a message and usage including cache fields', async () => {
    fake.enqueue(textMessage('hello', { input_tokens: 12, output_tokens: 3, cache_read_input_tokens: 900 }));
    const message = await client.messages.create({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }] });
    assert.equal(message.content[0].type === 'text' && message.content[0].text, 'hello');
    assert.equal(message.usage.cache_read_input_tokens, 900);
    assert.equal(fake.requests[0].headers.authorization, 'Bearer test-key');
    assert.equal(fake.requests[0].body.model, 'claude-x');
  });

  it('streams text and tool input that the SDK assembles', async () => {
    fake.enqueue(toolMessage('emit_spec', { entities: ['Post', 'Comment'], nested: { deep: true } }));
    const stream = client.messages.stream({ model: 'claude-x', max_tokens: 100, messages: [{ role: 'user', content: 'go' }] });
    const message = await stream.finalMessage();
    const tool = message.content.find((block) => block.type === 'tool_use');
    assert.deepEqual(tool?.type === 'tool_use' && tool.input, { entities: ['Post', 'Comment'], nested: { deep: true } });
    assert.equal(message.stop_reason, 'tool_use');
  });

  it('sends rate-limit headers and a request id', async () => {
    fake.enqueue(textMessage('x'));
    const { response } = await client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }).withResponse();
    assert.equal(response.headers.get('anthropic-ratelimit-requests-limit'), '50');
    assert.match(response.headers.get('request-id') ?? '', /^req_fake_/);
  });

  for (const status of [401, 429, 500, 529]) {
    it(`injects ${status} as the SDK's typed error`, async () => {
      if (status === 401) client = new Anthropic({ apiKey: 'bad-key', baseURL: fake.url, maxRetries: 0 });
      else fake.enqueue(errorResponse(status, undefined, status === 429 ? { 'retry-after': '3' } : undefined));
      await assert.rejects(client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }), (error: unknown) => {
        assert.ok(error instanceof Anthropic.APIError);
        assert.equal(error.status, status);
        if (status === 429) assert.equal(error.headers?.get('retry-after'), '3');
        return true;
      });
    });
  }

  it('cuts a stream off mid-way, which the SDK reports as an error', async () => {
    fake.enqueue({ ...textMessage('a long answer that will never arrive whole'), cutAfterEvents: 3 });
    const stream = client.messages.stream({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] });
    await assert.rejects(stream.finalMessage());
  });

  it('sends an overloaded error event inside a stream', async () => {
    fake.enqueue({ ...textMessage('partial'), errorAfterEvents: 2 });
    const stream = client.messages.stream({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] });
    await assert.rejects(stream.finalMessage(), /Overloaded|overloaded/);
  });

  it('lets a client abort a request that never answers', async () => {
    fake.enqueue({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(client.messages.create({ model: 'm', max_tokens: 5, messages: [{ role: 'user', content: 'x' }] }, { signal: controller.signal }));
  });
});
