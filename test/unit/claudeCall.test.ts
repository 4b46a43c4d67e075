// One way to prepare a stage's Claude call (prompt variant, model, cached context, instructions,
// limits, budget check, the provider.structured request), used by the run and by the review step's
// "Refine with Claude": both send Claude the same request for the same model.
import * as assert from 'node:assert/strict';
import { prepareClaudeCall, sharedCachedContext, worstCaseCallUsd } from '../../src/core/pipeline/claudeCall';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { refineModel } from '../../src/core/pipeline/refineModel';
import { domainModel } from '../../src/core/pipeline/stages/domainModel';
import type { ClaudeStageContext, StageInstance } from '../../src/core/pipeline/stages/types';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { FakeAnthropicServer, type RecordedRequest } from '../fake-anthropic/server';
import { answerWithOrganizer, loadFixtureSpec, withOrganizer } from '../shared/claudeModels';

const MODEL = 'claude-sonnet-5-5';
const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';

const stage: StageInstance = { id: 'domain-model', title: domainModel.title, kind: domainModel.kind, dependsOn: [], description: domainModel.description, definition: domainModel };
const contextOf = (spec = loadFixtureSpec('events')): ClaudeStageContext =>
  ({ spec, requirementsText: spec.requirements.text, signal: new AbortController().signal, inputs: new Map(), offline: { files: [], spec, summary: '' } }) as unknown as ClaudeStageContext;

describe('prepareClaudeCall: one stage call, prepared the same way everywhere', () => {
  const claude = domainModel.claude;
  assert.ok(claude);

  it('uses the first variant and the given model by default, with the shared cached context and the stage’s limits', () => {
    const context = contextOf();
    const call = prepareClaudeCall(stage, claude, context, { model: MODEL });
    assert.equal(call.variant.id, domainModel.prompt.variants[0].id);
    assert.equal(call.model, MODEL);
    assert.deepEqual(call.cachedContext, sharedCachedContext(context.spec));
    assert.equal(call.instructions, claude.instructions(context, domainModel.prompt.variants[0]));
    assert.match(call.instructions, /The extraction found these entities: Event, Attendee, Registration\./);
    // The tool's schema is part of what is sent, so it counts in the worst case too.
    assert.equal(call.worstCaseUsd, worstCaseCallUsd(MODEL, call.cachedContext, call.instructions, claude.maxOutputTokens, claude));
    assert.match(call.reason, /the default variant|the only variant/);
    const signal = new AbortController().signal;
    const onProgress = () => undefined;
    const request = call.request({ signal, onProgress });
    assert.equal(request.model, MODEL);
    assert.equal(request.toolName, 'emit_spec');
    assert.equal(request.maxTokens, claude.maxOutputTokens);
    assert.equal(request.schema, claude.schema);
    assert.equal(request.signal, signal);
    assert.equal(request.onProgress, onProgress);
    // The stage's own checks run on Claude's answer.
    const broken = { ...withOrganizer(), modelImplemented: [{ sentence: 0, how: 'x' }] };
    assert.ok(request.validate?.(broken as never).some((problem) => /modelImplemented must stay empty/.test(problem)));
  });

  it('takes learning’s variant, model and reason; an unknown variant falls back to the first', () => {
    const variants = domainModel.prompt.variants;
    const last = variants[variants.length - 1];
    const chosen = prepareClaudeCall(stage, claude, contextOf(), { model: MODEL, chooseVariant: () => ({ variant: last.id, model: 'claude-haiku-5-5', reason: 'learned' }) });
    assert.equal(chosen.variant.id, last.id);
    assert.equal(chosen.model, 'claude-haiku-5-5');
    assert.equal(chosen.reason, 'learned');
    const unknown = prepareClaudeCall(stage, claude, contextOf(), { model: MODEL, chooseVariant: () => ({ variant: 'nope', reason: 'learned' }) });
    assert.equal(unknown.variant.id, variants[0].id);
    assert.notEqual(unknown.reason, 'learned', 'the reason is learning’s only when its variant is used');
  });

  it('fits the budget only when what is spent plus its worst case stays within it', () => {
    const call = prepareClaudeCall(stage, claude, contextOf(), { model: MODEL });
    assert.ok(call.fits(call.worstCaseUsd));
    assert.ok(!call.fits(call.worstCaseUsd - 0.0001));
    assert.ok(call.fits(1 + call.worstCaseUsd, 1));
    assert.ok(!call.fits(1 + call.worstCaseUsd, 1.001));
  });

  it('the review’s Refine with Claude and the run’s domain-model stage send Claude the same request', async function () {
    this.timeout(30_000);
    const fake = await FakeAnthropicServer.start();
    try {
      fake.otherwise(answerWithOrganizer);
      const provider = new AnthropicProvider({ apiKey: 'test-key', baseURL: fake.url, sleep: async () => undefined });
      await refineModel({ spec: loadFixtureSpec('events'), provider, model: MODEL, budgetUsd: 5 });
      await runGeneration({ input: { kind: 'spec', spec: loadFixtureSpec('events') }, claude: { provider, model: MODEL, budgetUsd: 5 } });
      const asked = fake.requests.filter((r) => toolOf(r) === 'emit_spec');
      assert.equal(asked.length, 2);
      assert.deepEqual(asked[1].body, asked[0].body);
    } finally {
      fake.close();
    }
  });
});
