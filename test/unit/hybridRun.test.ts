// Hybrid mode end to end: the real orchestrator and the real SDK against the fake Messages API.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { replayRun } from '../../src/model/run/runState';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { VerifyResult } from '../../src/core/verify/verifier';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { errorResponse, type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { fakeClaudePerTest } from '../shared/fakeClaude';
import { PASSING, scriptedVerifier } from '../shared/scriptedVerifier';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
const MODEL = 'claude-sonnet-5-5';

/** The spec Claude "returns": the fixture with one more field the deterministic extraction missed. */
function refined() {
  const spec = loadSpec('events');
  const event = spec.entities.find((e) => e.name === 'Event');
  event?.fields.push({ name: 'description', label: 'Description', type: 'text', required: false, unique: false, sources: [0] });
  return spec;
}

const explainFirstFile = (request: RecordedRequest) => {
  const text: string = request.body.messages[0].content;
  const firstPath = /^- (\S+) \(serves/m.exec(text)?.[1] ?? 'README.md';
  return toolMessage('emit_explanations', { files: [{ path: firstPath, explanation: 'Explained by Claude: what this file does for the app.' }] }, { input_tokens: 400, output_tokens: 80, cache_read_input_tokens: 3000 });
};

describe('hybrid run (orchestrator + Claude provider, fake API)', function () {
  this.timeout(20_000);
  const fake = fakeClaudePerTest({ sleep: async () => undefined });

  it('refines the spec and the explanations with Claude on top of the deterministic skeleton', async () => {
    fake.server.enqueue(toolMessage('emit_spec', refined(), { input_tokens: 1200, output_tokens: 900, cache_creation_input_tokens: 3000 }), explainFirstFile);
    const stream = new RunEventStream('hybrid');
    const { files, run, spec } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      stream,
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
    });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.ok(spec.entities.find((e) => e.name === 'Event')?.fields.some((f) => f.name === 'description'));
    assert.match(files.get('backend/src/db/schema.ts')?.content ?? '', /description/, 'generated from the refined spec');
    const manifest = JSON.parse(files.get('.takoss/manifest.json')?.content ?? '{}');
    assert.ok(manifest.files.some((f: { explanation: string }) => f.explanation.startsWith('Explained by Claude')));
    // Both calls share the cached prefix: conventions first, identical, marked ephemeral.
    assert.equal(fake.server.requests.length, 2);
    const [first, second] = fake.server.requests.map((r) => r.body.system);
    assert.equal(first[0].text, second[0].text);
    assert.deepEqual(first[0].cache_control, { type: 'ephemeral' });
    const state = replayRun(stream.events);
    assert.ok(state.usage.costUsd > 0);
    assert.equal(state.usage.cacheReadTokens, 3000);
    assert.match(state.stages['domain-model'].outputSummary ?? '', /refined by Claude/);
    assert.ok(stream.events.some((e) => e.type === 'stageProgress' && /characters received/.test(e.message)));
  });

  it('waits out a 429 with retry-after 2 s, then succeeds', async () => {
    fake.server.enqueue(errorResponse(429, 'slow down', { 'retry-after': '2' }), toolMessage('emit_spec', refined()), explainFirstFile);
    const stream = new RunEventStream('retry');
    const started = Date.now();
    const { run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0);
    const retried = stream.events.find((e) => e.type === 'stageRetried');
    assert.equal(retried?.type === 'stageRetried' && retried.delayMs, 2000);
    const [first, second] = fake.server.requests;
    assert.ok(second.receivedAt - first.receivedAt >= 1950, `second attempt ${second.receivedAt - first.receivedAt} ms after the 429`);
    assert.ok(Date.now() - started >= 2000);
  });

  it('keeps the deterministic result, and says so, when the budget does not allow a call', async () => {
    const stream = new RunEventStream('budget');
    const { run, files } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 0 } });
    assert.equal(fake.server.requests.length, 0, 'Claude was never called');
    assert.equal(run.errors.size, 0);
    assert.ok(files.has('backend/src/routes/events.ts'));
    const warnings = stream.events.filter((e) => e.type === 'warning').map((e) => (e.type === 'warning' ? e.message : ''));
    assert.ok(warnings.some((w) => /Budget: Domain model keeps the deterministic result/.test(w)), warnings.join('\n'));
  });

  it('repairs an inconsistent spec once, then keeps the deterministic spec (and says why) if still wrong', async () => {
    // Entities may change now (Claude owns the model); the requirement sentences may not.
    const renamed = refined();
    renamed.requirements.sentences = renamed.requirements.sentences.slice(1);
    fake.server.enqueue(toolMessage('emit_spec', renamed), toolMessage('emit_spec', renamed), explainFirstFile);
    const stream = new RunEventStream('still-wrong');
    const { run, files, spec } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0, 'no stage fails: the project is generated from the deterministic spec');
    assert.deepEqual(spec.entities.map((e) => e.name), loadSpec('events').entities.map((e) => e.name));
    assert.ok(files.has('backend/src/routes/events.ts'));
    const warnings = stream.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    assert.ok(warnings.some((w) => /Domain model keeps the deterministic result: .*still invalid after one repair.*requirements\.sentences must not change/.test(w)), warnings.join('\n'));
    const outcome = stream.events.find((e) => e.type === 'promptOutcome' && e.stageId === 'domain-model');
    assert.ok(outcome?.type === 'promptOutcome' && !outcome.valid && outcome.repaired, 'learning sees an invalid answer');
    assert.ok(replayRun(stream.events).stages['domain-model'].usage.costUsd > 0, 'the two unusable answers still cost');
    assert.equal(fake.server.requests.length, 3);
    assert.match(JSON.stringify(fake.server.requests[1].body.messages.at(-1)), /requirements\.sentences must not change/);
  });

  it('at a rejected API key: one clear message, no retries, Claude not asked again, the whole project written', async () => {
    // Before #12 the domain-model stage failed here and the run wrote nothing.
    const bad = new AnthropicProvider({ apiKey: 'bad-key', baseURL: fake.server.url, sleep: async () => undefined });
    const { run, files, stream } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, claude: { provider: bad, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0);
    assert.equal(run.status, 'degraded');
    assert.ok(files.has('backend/src/routes/events.ts'));
    const warnings = stream.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    assert.equal(warnings.filter((w) => /Check your API key/.test(w)).length, 1, warnings.join('\n'));
    assert.equal(fake.server.requests.length, 1);
  });
});

describe('Claude repair rounds after a failed verification (fake API)', function () {
  this.timeout(20_000);
  const fake = fakeClaudePerTest({ sleep: async () => undefined });
  // A rules module: repair may edit only files Claude may write (and failing tests the errors name).
  const RULES = 'backend/src/rules/events.ts';

  const failing = (errors: string[]): VerifyResult => ({
    ok: false,
    failedStep: 'build',
    durationMs: 10,
    steps: [
      { name: 'install', ok: true, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, firstErrors: [], outputTail: '' },
      { name: 'build', ok: false, exitCode: 2, signal: null, durationMs: 1, timedOut: false, cancelled: false, firstErrors: errors, outputTail: errors.join('\n') },
    ],
  });

  /** The spec and explanation stages answer first; the repair rounds come after. */
  const answerEarlierStages = (explanationOutputTokens = 50) =>
    fake.server.enqueue(toolMessage('emit_spec', loadSpec('events')), toolMessage('emit_explanations', { files: [] }, { output_tokens: explanationOutputTokens }));

  it('fixes the file the errors name, writes it, and verifies again', async () => {
    answerEarlierStages();
    fake.server.enqueue((request) => {
      assert.match(request.body.messages[0].content, /error TS2304/);
      assert.match(request.body.messages[0].content, new RegExp(`File ${RULES}`));
      return toolMessage('emit_fixes', { summary: 'declare the missing name', files: [{ path: RULES, content: '// fixed\nexport {};\n' }] });
    });
    const written: string[] = [];
    const { run, files, stream } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      verify: scriptedVerifier(failing([`${RULES}(3,1): error TS2304: Cannot find name 'x'.`]), PASSING),
      onFile: (file) => void written.push(file.path),
    });
    assert.equal(run.status, 'succeeded', [...run.errors.values()].join('; '));
    assert.equal(files.get(RULES)?.content, '// fixed\nexport {};\n');
    assert.match(files.get(RULES)?.explanation ?? '', /Repaired by/);
    assert.equal(written.filter((p) => p === RULES).length, 2, 'written once generated, once repaired');
    assert.match(replayRun(stream.events).stages.repair.outputSummary ?? '', /fixed in 1 round/);
  });

  it('stops when the same errors come back, and says what still fails', async () => {
    answerEarlierStages();
    fake.server.enqueue(toolMessage('emit_fixes', { summary: 'try', files: [{ path: RULES, content: 'export {};' }] }));
    const same = failing([`${RULES}(3,1): error TS2304: Cannot find name 'x'.`]);
    const { run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 }, verify: scriptedVerifier(same, same) });
    assert.match(run.errors.get('repair') ?? '', /same errors came back.*TS2304/);
  });

  it('gives up after the last round', async () => {
    answerEarlierStages();
    fake.server.enqueue(
      toolMessage('emit_fixes', { summary: 'one', files: [{ path: RULES, content: 'export {};' }] }),
      toolMessage('emit_fixes', { summary: 'two', files: [{ path: RULES, content: 'export {}; // 2' }] }),
    );
    const { run } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, maxRepairRounds: 2 },
      verify: scriptedVerifier(failing([`${RULES}: error A`]), failing([`${RULES}: error B`]), failing([`${RULES}: error C`])),
    });
    assert.match(run.errors.get('repair') ?? '', /gave up after 2 rounds.*error C/);
  });

  it('never lets a fix add or escape to a path Takoss did not generate', async () => {
    answerEarlierStages();
    const hostile = toolMessage('emit_fixes', { summary: 'x', files: [{ path: '../../etc/passwd', content: 'root::0:0' }] });
    fake.server.enqueue(hostile, hostile);
    const written: string[] = [];
    const { run } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      verify: scriptedVerifier(failing([`${RULES}: error`])),
      onFile: (file) => void written.push(file.path),
    });
    assert.match(run.errors.get('repair') ?? '', /not an existing generated file/);
    assert.ok(!written.some((p) => p.includes('..')));
  });

  it('stops before a round the budget cannot pay for', async () => {
    // The explanations call costs $0.40 (40k output tokens at $10/M), leaving too little for a repair round.
    answerEarlierStages(40_000);
    const { run } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 0.5 },
      verify: scriptedVerifier(failing([`${RULES}: error`])),
    });
    assert.match(run.errors.get('repair') ?? '', /Repair stopped before round 1.*budget/);
  });
});
