// @takoss with Claude (the chat's Claude half, against the fake Messages API): asked only when
// Claude is the chosen provider and a key is stored; the answer streamed into the chat piece by
// piece, escaped; follow-ups on the same project reuse its cached files; each question has the
// per-run budget, and one that cannot fit is not sent.
import * as assert from 'node:assert/strict';
import { askProject } from '../../src/core/ask/askProject';
import type { ProjectTrace } from '../../src/core/ask/trace';
import { DEFAULT_SETTINGS, type TakossSettings } from '../../src/core/config';
import { generateProject } from '../../src/core/generator';
import { MANIFEST_PATH, TakossManifest } from '../../src/core/generator/project/manifest';
import { parseRememberedSpec, SPEC_PATH } from '../../src/core/update/memory';
import { createAskClient } from '../../src/core/ask/claudeStream';
import { chatClaude, chatMarkdown } from '../../src/vscode/ask/claudeInChat';
import { FakeAnthropicServer, textMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

const QUESTION = 'Where is the capacity rule enforced?';

describe('@takoss with Claude: the chat’s Claude answer', function () {
  this.timeout(30_000);
  let fake: FakeAnthropicServer;
  const files = new Map(generateProject(loadFixtureSpec('events')).list().map((file) => [file.path, file.content]));
  const trace: ProjectTrace = {
    manifest: TakossManifest.parse(JSON.parse(files.get(MANIFEST_PATH)!)),
    spec: parseRememberedSpec(files.get(SPEC_PATH)!),
    read: async (path) => files.get(path),
  };

  beforeEach(async () => (fake = await FakeAnthropicServer.start()));
  afterEach(() => fake.close());

  const storedKey = { get: async (): Promise<string | undefined> => 'chat-key' };
  const claude = (settings: Partial<TakossSettings>, apiKeys = storedKey) =>
    chatClaude(apiKeys, { settings: { ...DEFAULT_SETTINGS, ...settings } }, (apiKey) => createAskClient({ apiKey, baseURL: fake.url }));
  async function ask(chat: ReturnType<typeof claude>, project = 'file:///work/events', signal = new AbortController().signal) {
    const markdown: string[] = [];
    const offline = await askProject(trace, QUESTION);
    const answer = await chat.answer({ project, trace, prompt: QUESTION, offline }, (text) => void markdown.push(chatMarkdown(text)), signal);
    return { answer, markdown };
  }

  it('offline chosen, or no key stored: Claude is not asked', async () => {
    assert.equal((await ask(claude({ provider: 'offline' }))).answer, undefined);
    assert.equal((await ask(claude({ provider: 'anthropic' }, { get: async () => undefined }))).answer, undefined);
    assert.equal(fake.requests.length, 0);
  });

  it('streams the answer into the chat piece by piece, escaped, line breaks kept', async () => {
    const text = 'It is checked in backend/src/rules/registrations.ts:12 *before* saving.\n- [a link](http://example.com)';
    fake.enqueue(textMessage(text));
    const { answer, markdown } = await ask(claude({ provider: 'anthropic', model: 'claude-haiku-4-5' }));
    assert.equal(answer?.source, 'claude');
    assert.equal(answer?.kind, 'rule');
    assert.deepEqual(answer?.points.at(-1)?.links, [{ path: 'backend/src/rules/registrations.ts', line: 12 }]);
    assert.ok(markdown.length > 3, `${markdown.length} pieces`);
    assert.equal(markdown.join(''), 'It is checked in backend/src/rules/registrations\\.ts:12 \\*before\\* saving\\.  \n\\- \\[a link\\]\\(http://example\\.com\\)');
    assert.equal(fake.requests[0].body.model, 'claude-haiku-4-5');
    assert.match(String(fake.requests[0].headers.authorization ?? fake.requests[0].headers['x-api-key']), /chat-key/);
  });

  it('a follow-up on the same project re-sends its cached prefix; another project starts its own', async () => {
    const chat = claude({ provider: 'anthropic' });
    await ask(chat);
    await ask(chat);
    await ask(chat, 'file:///work/other');
    const system = fake.requests.map((request) => JSON.stringify(request.body.system));
    assert.equal(system[1], system[0]);
    assert.equal(system[2], system[0], 'the same files for the same question, from a fresh session');
    assert.ok(fake.requests[1].body.system.at(-1).cache_control);
  });

  it('each question gets takoss.budgetPerRunUsd: one that cannot fit is not sent, and says why', async () => {
    const { answer, markdown } = await ask(claude({ provider: 'anthropic', budgetPerRunUsd: 0.001 }));
    assert.equal(answer?.source, 'trace');
    assert.match(answer?.summary ?? '', /^1 capacity rule is enforced/);
    assert.match(answer?.note ?? '', /budget/);
    assert.deepEqual(markdown, []);
    assert.equal(fake.requests.length, 0);
  });
});
