// Ask Takoss with Claude (issue #16), against the fake Messages API on loopback: the project's files
// go as cached system context (a follow-up re-sends the same prefix), the answer streams in order,
// the question is counted against the budget (and not sent when it cannot fit), and every failure
// (cancel, 401, 5xx, a cut stream) gives the offline answer with a note. Citations to files the
// project does not have are dropped.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { askProject } from '../../src/core/ask/askProject';
import { claudeAnswer, type ClaudeAskOptions } from '../../src/core/ask/claudeAnswer';
import { citedAnswer, citedLinks } from '../../src/core/ask/claudeCitations';
import { ASK_INSTRUCTIONS, AskSession, MAX_CONTEXT_BYTES, MAX_FILE_BYTES, numberedFile } from '../../src/core/ask/claudeContext';
import { createAskClient } from '../../src/core/ask/claudeStream';
import { readProjectTrace, type ProjectTrace } from '../../src/core/ask/trace';
import { generateProject } from '../../src/core/generator';
import { nodeFileSystemPort } from '../../src/core/output/sink/nodePort';
import { runWriter, Sink } from '../../src/core/output/sink/sink';
import { BudgetLedger } from '../../src/core/pipeline/budgetLedger';
import { costUsd } from '../../src/core/providers/models';
import { Answer } from '../../src/model/ask/answer';
import { errorResponse, FakeAnthropicServer, textMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

const MODEL = 'claude-sonnet-5-5';
const CAPACITY = 'Where is the capacity rule enforced?';

describe('claudeAnswer: questions answered by Claude from the project’s files', function () {
  this.timeout(60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-askclaude-'));
  let trace: ProjectTrace;
  let fake: FakeAnthropicServer;
  let rulesFile: string;

  before(async () => {
    const dir = path.join(work, 'events');
    const write = runWriter(new Sink(nodeFileSystemPort(dir)));
    for (const file of generateProject(loadFixtureSpec('events')).list()) await write(file);
    trace = await readProjectTrace(new Sink(nodeFileSystemPort(dir)));
    rulesFile = 'backend/src/rules/registrations.ts';
    assert.ok(trace.manifest.files.some((file) => file.path === rulesFile));
  });
  after(() => rmSync(work, { recursive: true, force: true }));
  beforeEach(async () => (fake = await FakeAnthropicServer.start()));
  afterEach(() => fake.close());

  const options = (extra: Partial<ClaudeAskOptions> = {}): ClaudeAskOptions => ({
    client: createAskClient({ apiKey: 'test-key', baseURL: fake.url }),
    model: MODEL,
    ledger: new BudgetLedger(1),
    ...extra,
  });
  const ask = async (question: string, extra: Partial<ClaudeAskOptions> = {}) => {
    const offline = await askProject(trace, question);
    return { offline, answer: Answer.parse(await claudeAnswer(trace, question, offline, options(extra))) };
  };
  const systemTexts = (index: number) => (fake.requests[index].body.system as { text: string }[]).map((block) => block.text);

  it('sends the overview and the question’s files as cached system blocks, with no tools, and cites only real files', async () => {
    fake.enqueue(textMessage(`It is enforced in \`${rulesFile}:3\`.\n\n- The route calls it: see ${rulesFile}:7 and backend/src/nowhere.ts:4.\n- Also src/made-up/file.ts.`, { input_tokens: 3000, output_tokens: 60, cache_creation_input_tokens: 12_000 }));
    const { offline, answer } = await ask(CAPACITY);
    const body = fake.requests[0].body;
    assert.equal(body.tools, undefined, 'Claude is given no tools');
    assert.equal(body.tool_choice, undefined);
    assert.equal(body.stream, true);
    assert.deepEqual(body.messages, [{ role: 'user', content: CAPACITY }]);
    assert.deepEqual(body.system[0].cache_control, { type: 'ephemeral' });
    assert.ok(body.system[0].text.startsWith(ASK_INSTRUCTIONS));
    assert.match(ASK_INSTRUCTIONS, /no tools and cannot change anything/);
    assert.match(body.system[0].text, /Attendees register for events; registration is refused once capacity is reached\./, 'the requirement list');
    assert.deepEqual(body.system.at(-1).cache_control, { type: 'ephemeral' });
    const sent = systemTexts(0).slice(1).map((text) => /^=== (\S+)/.exec(text)![1]);
    for (const link of offline.points.flatMap((point) => point.links)) assert.ok(sent.includes(link.path), `${link.path} sent`);
    const rules = systemTexts(0).find((text) => text.startsWith(`=== ${rulesFile} ===`))!;
    assert.match(rules.split('\n')[3], /^3\t/, 'lines are numbered for citations');
    assert.ok(systemTexts(0).slice(1).reduce((sum, text) => sum + Buffer.byteLength(text), 0) <= MAX_CONTEXT_BYTES);

    assert.equal(answer.source, 'claude');
    assert.equal(answer.summary, `It is enforced in \`${rulesFile}:3\`.`);
    assert.deepEqual(answer.points.map((point) => point.links), [[{ path: rulesFile, line: 7 }], [], [{ path: rulesFile, line: 3 }]], 'links to files the project does not have are dropped');
    assert.equal(answer.costUsd, costUsd(MODEL, { inputTokens: 3000, outputTokens: 60, cacheReadTokens: 0, cacheWriteTokens: 12_000 }));
  });

  it('a follow-up question in the same session re-sends the same cached prefix, then its own files', async () => {
    const session = new AskSession();
    fake.enqueue(textMessage('First.', { input_tokens: 100, cache_creation_input_tokens: 9000, cache_read_input_tokens: 0, output_tokens: 5 }));
    fake.enqueue(textMessage('Second.', { input_tokens: 100, cache_read_input_tokens: 9000, cache_creation_input_tokens: 2000, output_tokens: 5 }));
    await ask(CAPACITY, { session });
    const second = await ask('What does the attendees API accept?', { session });
    const [first, next] = [fake.requests[0].body.system, fake.requests[1].body.system];
    const sentPaths = (system: { text: string }[]) => system.slice(1).map((block) => /^=== (\S+)/.exec(block.text)![1]);
    const added = sentPaths(next).slice(first.length - 1);
    assert.ok(added.length > 0, 'the second question adds files');
    const linked = new Set(second.offline.points.flatMap((point) => point.links.map((link) => link.path)));
    const entityCount = (file: { serves: string[] }) => file.serves.filter((element) => element.startsWith('entity:')).length;
    const serving = trace.manifest.files.filter((file) => file.serves.includes('entity:Attendee') && !linked.has(file.path));
    const specific = added.filter((p) => serving.some((file) => file.path === p && entityCount(file) === 1));
    const shared = added.filter((p) => serving.some((file) => file.path === p && entityCount(file) > 1));
    assert.ok([...linked].every((p) => added.includes(p)), 'the offline answer’s links');
    assert.ok(specific.length >= 3, `the files serving the entity named: ${specific.join(', ')}`);
    assert.ok(!shared.length || added.indexOf(shared[0]) > added.indexOf(specific.at(-1)!), 'files serving only the entity before the ones all entities share');
    assert.deepEqual(next.slice(0, first.length).map((b: { text: string }) => b.text), first.map((b: { text: string }) => b.text), 'the same prefix, block for block');
    assert.deepEqual(next[first.length - 1].cache_control, { type: 'ephemeral' }, 'a cache breakpoint where the first question’s context ended');
    assert.deepEqual(next.at(-1).cache_control, { type: 'ephemeral' });
    assert.ok(next.filter((b: { cache_control?: unknown }) => b.cache_control).length <= 4, 'the API allows four breakpoints');
    assert.equal(second.answer.costUsd, costUsd(MODEL, { inputTokens: 100, outputTokens: 5, cacheReadTokens: 9000, cacheWriteTokens: 2000 }), 'the cached prefix is billed as a cache read');
  });

  it('the same question again in the session sends the identical context, which the API reads from its cache', async () => {
    const session = new AskSession();
    const first = await ask(CAPACITY, { session });
    const again = await ask(CAPACITY, { session });
    assert.deepEqual(fake.requests[1].body.system, fake.requests[0].body.system);
    // The fake bills a prefix up to the last breakpoint it has seen before as a cache read.
    assert.ok(again.answer.costUsd! < first.answer.costUsd! / 2, `${again.answer.costUsd} after ${first.answer.costUsd}`);
  });

  it('streams the answer’s pieces in order as they arrive', async () => {
    const text = 'The capacity rule is checked before a registration is saved, and the route answers 409 when the event is full.';
    fake.enqueue({ ...textMessage(text), eventDelayMs: 5 });
    const pieces: string[] = [];
    const { answer } = await ask(CAPACITY, { onText: (piece) => pieces.push(piece) });
    assert.ok(pieces.length > 3, `streamed in ${pieces.length} pieces`);
    assert.equal(pieces.join(''), text);
    assert.equal(answer.summary, text);
  });

  it('counts the question against the budget, and does not send one the budget cannot hold', async () => {
    fake.enqueue(textMessage('Answered.', { input_tokens: 5000, output_tokens: 100 }));
    const ledger = new BudgetLedger(1);
    const { answer } = await ask(CAPACITY, { ledger });
    assert.ok(answer.costUsd! > 0);
    assert.ok(Math.abs(ledger.spentUsd - answer.costUsd!) < 1e-9, `${ledger.spentUsd} spent, ${answer.costUsd} reported`);
    assert.equal(ledger.heldUsd, 0);

    const small = new BudgetLedger(0.001);
    const { offline, answer: refused } = await ask(CAPACITY, { ledger: small });
    assert.equal(fake.requests.length, 1, 'no call was made');
    assert.equal(refused.source, 'trace');
    assert.equal(refused.summary, offline.summary);
    assert.match(refused.note!, /^Claude did not answer: the question could cost up to \$\d+\.\d{4} and only \$0\.0010 of the budget is left, so it was not sent\./);
    assert.equal(small.spentUsd, 0);
  });

  it('cancelled mid-stream: stops reading, and gives the offline answer (the unknown cost counted at its worst case)', async () => {
    fake.enqueue({ ...textMessage('x'.repeat(2000)), eventDelayMs: 20 });
    const controller = new AbortController();
    const pieces: string[] = [];
    const ledger = new BudgetLedger(1);
    const { offline, answer } = await ask(CAPACITY, { ledger, signal: controller.signal, onText: (piece) => pieces.length === 2 ? controller.abort() : pieces.push(piece) });
    assert.equal(answer.source, 'trace');
    assert.equal(answer.summary, offline.summary);
    assert.match(answer.note!, /the question was cancelled/);
    assert.equal(pieces.length, 2, 'no piece after the cancel');
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.ok(fake.requests[0].aborted, 'the request was dropped');
    assert.ok(ledger.spentUsd > 0 && ledger.heldUsd === 0);
  });

  for (const [status, note] of [
    [401, /rejected the API key \(401 authentication_error\)/],
    [403, /rejected the API key \(403 permission_error\)/],
    [429, /rate limiting requests \(429\)/],
    [500, /the Anthropic API failed \(500\)/],
    [529, /the Anthropic API failed \(529\)/],
  ] as const) {
    it(`falls back to the offline answer on ${status}, saying why, and spends nothing`, async () => {
      fake.enqueue(errorResponse(status));
      const ledger = new BudgetLedger(1);
      const { offline, answer } = await ask(CAPACITY, { ledger });
      assert.deepEqual({ ...answer, note: undefined }, { ...offline, note: undefined });
      assert.match(answer.note!, note);
      assert.equal(fake.requests.length, 1, 'not retried');
      assert.equal(ledger.spentUsd, 0);
    });
  }

  it('falls back to the offline answer when the stream is cut off', async () => {
    fake.enqueue({ ...textMessage('This answer never ends because the connection drops.'), cutAfterEvents: 4 });
    const { offline, answer } = await ask(CAPACITY);
    assert.equal(answer.source, 'trace');
    assert.equal(answer.summary, offline.summary);
    assert.match(answer.note!, /^Claude did not answer: Claude's answer broke off \(/);
  });

  it('keeps the offer of a change: the chat never edits, the update path does', async () => {
    fake.enqueue(textMessage('Add a dueDate field to Event; Takoss makes it through Change This Project….'));
    const { offline, answer } = await ask('Add a due date to events');
    assert.equal(offline.kind, 'change');
    assert.equal(answer.source, 'claude');
    assert.deepEqual(answer.change, offline.change);
  });
});

describe('claudeAnswer parts: excerpts and citations', () => {
  it('a file past MAX_FILE_BYTES is sent as the numbered lines around the line asked about', () => {
    const text = Array.from({ length: 3000 }, (_, index) => `line ${index + 1} ${'x'.repeat(20)}`).join('\n');
    const block = numberedFile('backend/openapi.json', text, 1500);
    const lines = block.split('\n');
    assert.match(lines[0], /^=== backend\/openapi\.json \(lines 1460-\d+ of 3000\) ===$/);
    assert.equal(lines[1], `1460\tline 1460 ${'x'.repeat(20)}`);
    assert.ok(block.includes('\n1500\tline 1500 '));
    assert.ok(Buffer.byteLength(block) <= MAX_FILE_BYTES * 1.5);
    assert.equal(numberedFile('a.ts', 'one\ntwo'), '=== a.ts ===\n1\tone\n2\ttwo');
  });

  it('reads citations in the forms Claude writes them, once each, only to known files', () => {
    const known = new Set(['backend/src/app.ts', 'README.md']);
    const text = 'See `backend/src/app.ts:12`, ./backend/src/app.ts:12 again, backend/src/app.ts:30-34, README.md and other/app.ts:3, e.g. 1.5.';
    assert.deepEqual(citedLinks(text, known), [{ path: 'backend/src/app.ts', line: 12 }, { path: 'backend/src/app.ts', line: 30 }, { path: 'README.md' }]);
  });

  it('the first paragraph is the summary; each further paragraph or list item a point with its links', () => {
    const known = new Set(['a/b.ts']);
    const answer = citedAnswer('Short answer, see a/b.ts:4.\n\nA paragraph\nover two lines.\n- an item a/b.ts:9\n2. another', known);
    assert.equal(answer.summary, 'Short answer, see a/b.ts:4.');
    assert.deepEqual(answer.points, [
      { text: 'A paragraph\nover two lines.', links: [] },
      { text: 'an item a/b.ts:9', links: [{ path: 'a/b.ts', line: 9 }] },
      { text: 'another', links: [] },
      { text: 'Cited in the summary above.', links: [{ path: 'a/b.ts', line: 4 }] },
    ]);
  });
});
