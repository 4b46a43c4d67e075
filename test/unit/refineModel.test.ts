// "Refine with Claude" in the review step: the host runs only the domain-model Claude call on the
// reviewed spec and answers with Claude's model and what changed (or why not), against the fake API.
import * as assert from 'node:assert/strict';
import type { Logger } from '../../src/core/log';
import { forecastRun } from '../../src/core/pipeline/forecast';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { type HostToWebview, parseHostToWebview, parseWebviewToHost } from '../../src/model/protocol';
import { ModelRefiner } from '../../src/vscode/generation/modelRefiner';
import type { HandlerContext } from '../../src/vscode/panel/handlers/context';
import { handleCancelRefine } from '../../src/vscode/panel/handlers/cancelRefine';
import { handleRefineModel } from '../../src/vscode/panel/handlers/refineModel';
import { errorResponse, FakeAnthropicServer, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec, withOrganizer } from '../shared/claudeModels';

const loadSpec = loadFixtureSpec;
const quiet: Logger = { trace: () => undefined, debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined } as unknown as Logger;

describe('Refine with Claude (review step, host side, fake API)', function () {
  this.timeout(20_000);
  let fake: FakeAnthropicServer;
  let posted: HostToWebview[];
  let apiKey: string | undefined;
  let budget: number;
  let refiner: ModelRefiner;
  let context: HandlerContext;

  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
    posted = [];
    apiKey = 'test-key';
    budget = 2;
    refiner = new ModelRefiner({
      log: quiet,
      apiKey: async () => apiKey,
      settings: () => ({ model: 'claude-sonnet-5-5', budgetPerRunUsd: budget }),
      createProvider: (key) => new AnthropicProvider({ apiKey: key, baseURL: fake.url, sleep: async () => undefined }),
    });
    // The handlers with a context whose runner is the real refiner; every reply goes through the protocol's check.
    context = {
      post: async (message: HostToWebview) => {
        const checked = parseHostToWebview(JSON.parse(JSON.stringify(message)));
        assert.ok(checked.ok, checked.ok ? '' : checked.error);
        posted.push(checked.message);
        return true;
      },
      log: quiet,
      spec: {
        refineModel: async (requestId: string, spec: ProjectSpec) => void (await context.post(await refiner.refine(requestId, spec))),
        cancelRefine: (requestId: string) => refiner.cancel(requestId),
      },
    } as unknown as HandlerContext;
  });
  afterEach(() => {
    refiner.dispose();
    fake.close();
  });

  const ask = async (spec: ProjectSpec, requestId = 'refine-1') => {
    const message = parseWebviewToHost({ type: 'refineModel', requestId, spec });
    assert.ok(message.ok && message.message.type === 'refineModel');
    await handleRefineModel(message.message, context);
    const reply = posted.find((m) => m.type === 'modelRefined' && m.replyTo === requestId);
    assert.ok(reply?.type === 'modelRefined', 'a modelRefined reply');
    return reply;
  };

  it('answers with Claude’s model and what changed; the user’s spec is untouched', async () => {
    fake.enqueue(toolMessage('emit_spec', withOrganizer(), { input_tokens: 900, output_tokens: 1200 }));
    const spec = loadSpec('events');
    const before = JSON.stringify(spec);
    const reply = await ask(spec);
    assert.equal(reply.error, undefined);
    assert.equal(reply.changed, true);
    assert.deepEqual(reply.spec?.entities.map((e) => e.name), ['Event', 'Attendee', 'Registration', 'Organizer']);
    assert.deepEqual(reply.changes?.entitiesAdded, ['Organizer']);
    assert.deepEqual(reply.changes?.relationsAdded, ['Event.organizer → Organizer']);
    assert.ok(reply.summary.some((line) => /entities added: Organizer/.test(line)), reply.summary.join('\n'));
    assert.ok((reply.costUsd ?? 0) > 0);
    assert.ok(reply.spec?.pages.some((p) => p.entity === 'Organizer'), 'pages rebuilt for the new entity');
    assert.equal(JSON.stringify(spec), before);
    // Only the domain-model call, with its tool and the stored key.
    assert.equal(fake.requests.length, 1);
    assert.equal(fake.requests[0].body.tool_choice.name, 'emit_spec');
    assert.equal(fake.requests[0].headers.authorization, 'Bearer test-key');
  });

  it('says so when Claude finds nothing to change', async () => {
    fake.enqueue(toolMessage('emit_spec', loadSpec('events')));
    const reply = await ask(loadSpec('events'));
    assert.equal(reply.changed, false);
    assert.deepEqual(reply.summary, []);
    assert.equal(reply.failure, undefined);
  });

  it('without a stored key: explains how to add one, asks nothing', async () => {
    apiKey = undefined;
    const reply = await ask(loadSpec('events'));
    assert.equal(reply.failure, 'noApiKey');
    assert.match(reply.error ?? '', /Takoss: Set API Key/);
    assert.equal(fake.requests.length, 0);
  });

  it('respects the budget: a call that could cost more is not made', async () => {
    budget = 0.01;
    const reply = await ask(loadSpec('events'));
    assert.equal(reply.failure, 'failed');
    assert.match(reply.error ?? '', /could cost up to \$\d+\.\d+, more than the \$0\.01 budget/);
    assert.equal(fake.requests.length, 0);
  });

  it('an answer still invalid after its repair is a clear error, and no model', async () => {
    const broken = withOrganizer();
    broken.rules.push({ kind: 'unique', entity: 'Organizer', fields: ['nickname'], sources: [0] });
    fake.enqueue(toolMessage('emit_spec', broken), toolMessage('emit_spec', broken));
    const reply = await ask(loadSpec('events'));
    assert.equal(reply.failure, 'failed');
    assert.equal(reply.spec, undefined);
    assert.match(reply.error ?? '', /still invalid after one repair, so your model is unchanged: .*Organizer has no field or relation nickname/);
    assert.equal(fake.requests.length, 2);
  });

  it('retries a 429 (honouring retry-after) and a rejected key is said plainly', async () => {
    fake.enqueue(errorResponse(429, 'slow down', { 'retry-after': '0' }), toolMessage('emit_spec', withOrganizer()));
    assert.deepEqual((await ask(loadSpec('events'), 'r-429')).changes?.entitiesAdded, ['Organizer']);
    apiKey = 'bad-key';
    const reply = await ask(loadSpec('events'), 'r-401');
    assert.equal(reply.failure, 'failed');
    assert.match(reply.error ?? '', /Check your API key/);
  });

  it('cancels: the request to Claude is aborted and the reply says the model is unchanged', async () => {
    fake.enqueue({ kind: 'hang' });
    const pending = ask(loadSpec('events'), 'slow');
    while (fake.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const cancel = parseWebviewToHost({ type: 'cancelRefine', requestId: 'slow' });
    assert.ok(cancel.ok && cancel.message.type === 'cancelRefine');
    const started = Date.now();
    await handleCancelRefine(cancel.message, context);
    const reply = await pending;
    assert.ok(Date.now() - started < 2000);
    assert.equal(reply.failure, 'cancelled');
    assert.match(reply.error ?? '', /unchanged/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(fake.requests[0].aborted, 'the HTTP request was aborted');
  });

  it('refuses malformed requests at the protocol (validated on receipt)', () => {
    assert.equal(parseWebviewToHost({ type: 'refineModel', requestId: 'x', spec: { entities: 'none' } }).ok, false);
    assert.equal(parseWebviewToHost({ type: 'cancelRefine' }).ok, false);
    assert.equal(parseHostToWebview({ type: 'modelRefined', replyTo: 'x', failure: 'exploded' }).ok, false);
  });

  it('the review forecast says the model (and the graph) may still grow with Claude', () => {
    const forecast = forecastRun(loadSpec('events'), { claude: { model: 'claude-sonnet-5-5', budgetUsd: 2 } });
    assert.match(forecast.claude?.mayGrow ?? '', /For these 3 entities\. Claude may add, rename or remove entities.*2 more stages/);
    assert.equal(forecastRun(loadSpec('events')).claude, undefined);
  });
});
