// `takoss ask --provider anthropic`, against the fake Messages API: the answer printed line by line
// as it streams, then the files it cites and its cost; the offline answer after a note when Claude
// cannot answer (a refused key, a budget too small to send the question); usage problems exit 2.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { askCommand, type AskDeps } from '../../src/cli/askCommand';
import { generateProject } from '../../src/core/generator';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { runWriter, Sink } from '../../src/core/output/sink/sink';
import { Answer } from '../../src/model/ask/answer';
import { errorResponse, FakeAnthropicServer, textMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

const QUESTION = 'where is the capacity rule enforced?';
const RULES = 'backend/src/rules/registrations.ts';

describe('takoss ask --provider anthropic', function () {
  this.timeout(60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-askcli-'));
  const project = path.join(work, 'events');
  let fake: FakeAnthropicServer;

  before(async () => {
    const write = runWriter(new Sink(nodeFileSystemPort(project)));
    for (const file of generateProject(loadFixtureSpec('events')).list()) await write(file);
  });
  after(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(async () => (fake = await FakeAnthropicServer.start()));
  afterEach(() => fake.close());

  async function ask(args: string[], deps: AskDeps = { env: { ANTHROPIC_API_KEY: 'test-key', ANTHROPIC_BASE_URL: fake.url } }) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await askCommand(['--project', project, ...args], { out: (line) => out.push(line), err: (line) => err.push(line) }, deps);
    return { code, out, err: err.join('\n') };
  }

  it('prints Claude’s answer line by line as it streams, then the files it cites, and the cost on stderr', async () => {
    const text = `The capacity rule is checked in ${RULES}:12 before a registration is saved.\n\n- The route answers 409 when the event is full.\n- See also docs/nowhere.md:3.`;
    fake.enqueue({ ...textMessage(text, { input_tokens: 2000, output_tokens: 80, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }), eventDelayMs: 2 });
    const result = await ask(['--provider', 'anthropic', '--model', 'claude-haiku-4-5', '--budget', '0.3', QUESTION]);
    assert.equal(result.code, 0, result.err);
    assert.deepEqual(result.out.slice(0, 4), text.split('\n'), 'the streamed lines, each printed once, in order');
    assert.equal(result.out.slice(4).join('\n'), `\nFiles cited:\n  ${RULES}:12`, 'only files the project has');
    assert.equal(result.err, 'takoss ask: answered by Claude (claude-haiku-4-5, $0.0024 of the $0.3 budget)');
    const body = fake.requests[0].body;
    assert.equal(body.model, 'claude-haiku-4-5');
    assert.equal(body.tools, undefined);
    const { authorization, 'x-api-key': apiKey } = fake.requests[0].headers;
    assert.match(String(apiKey ?? authorization), /test-key/, 'the key from ANTHROPIC_API_KEY');
  });

  it('--json prints the answer with its source and cost', async () => {
    fake.enqueue(textMessage(`In ${RULES}:12.`, { input_tokens: 1000, output_tokens: 10, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 }));
    const result = await ask(['--provider', 'anthropic', '--json', QUESTION]);
    assert.equal(result.code, 0, result.err);
    const answer = Answer.parse(JSON.parse(result.out.join('\n')));
    assert.equal(answer.source, 'claude');
    assert.equal(answer.summary, `In ${RULES}:12.`);
    assert.ok(answer.costUsd! > 0);
  });

  it('a refused key: the note, then the offline answer', async () => {
    fake.enqueue(errorResponse(401));
    const result = await ask(['--provider', 'anthropic', QUESTION]);
    assert.equal(result.code, 0);
    assert.match(result.err, /^takoss ask: Claude did not answer: The Anthropic API rejected the API key \(401 authentication_error\)\./);
    assert.match(result.out.join('\n'), /^1 capacity rule is enforced/);
  });

  it('a budget too small for the question: nothing is sent, the offline answer is printed', async () => {
    const result = await ask(['--provider', 'anthropic', '--budget', '0', QUESTION]);
    assert.equal(fake.requests.length, 0);
    assert.match(result.err, /could cost up to \$\d+\.\d{4} and only \$0\.0000 of the budget is left, so it was not sent/);
    assert.match(result.out.join('\n'), /^1 capacity rule is enforced/);
  });

  it('usage problems: no key, an unknown provider, a bad budget, --budget without Claude', async () => {
    const noKey = await ask(['--provider', 'anthropic', QUESTION], { env: {} });
    assert.equal(noKey.code, 2);
    assert.match(noKey.err, /needs an API key in the ANTHROPIC_API_KEY environment variable/);
    assert.match((await ask(['--provider', 'openai', QUESTION])).err, /--provider must be offline or anthropic, not "openai"/);
    assert.match((await ask(['--provider', 'anthropic', '--budget=-1', QUESTION])).err, /--budget must be a number of US dollars/);
    assert.equal((await ask(['--budget', '1', QUESTION])).code, 2);
    assert.equal(fake.requests.length, 0);
  });
});
