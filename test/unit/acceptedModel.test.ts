// Accepting Claude's model in the review step ("Refine with Claude") and then generating: the run
// uses that model as it is — the domain-model stage does not ask Claude again (no second payment, no
// different answer) — unless the user edited the model after accepting it.
import * as assert from 'node:assert/strict';
import { RunEventStream } from '../../src/model/run/events';
import { JournalHeader } from '../../src/core/pipeline/journal';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { refineModel } from '../../src/core/pipeline/refineModel';
import { replayRun } from '../../src/model/run/runState';
import { addEntity } from '../../src/model/project/edit';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { parseWebviewToHost } from '../../src/model/protocol';
import type { GenerateInput } from '../../src/vscode/runs/types';
import type { HandlerContext } from '../../src/vscode/panel/handlers/context';
import { handleGenerate } from '../../src/vscode/panel/handlers/generate';
import { type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { fakeClaudePerTest } from '../shared/fakeClaude';
import { loadFixtureSpec, withOrganizer } from '../shared/claudeModels';

const MODEL = 'claude-sonnet-5-5';
const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';

describe('a model accepted in the review is the run’s model (hybrid, fake API)', function () {
  this.timeout(30_000);
  const fake = fakeClaudePerTest({ sleep: async () => undefined });
  const specCalls = () => fake.server.requests.filter((r) => toolOf(r) === 'emit_spec').length;

  beforeEach(async () => {
    // The review's call answers with Organizer; a second call for the model would answer differently.
    let asked = 0;
    fake.server.otherwise((request: RecordedRequest) => {
      const tool = toolOf(request);
      if (tool === 'emit_spec') {
        asked += 1;
        const spec = withOrganizer();
        if (asked > 1) spec.entities.find((e) => e.name === 'Organizer')?.fields.push({ name: 'phone', label: 'Phone', type: 'string', required: false, unique: false, sources: [0] });
        return toolMessage('emit_spec', spec, { input_tokens: 900, output_tokens: 1200 });
      }
      if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
      if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
      throw new Error(`unexpected tool ${tool}`);
    });
  });

  /** "Refine with Claude" in the review step, then "Use Claude's model". */
  const acceptInReview = async () => {
    const refined = await refineModel({ spec: loadFixtureSpec('events'), provider: fake.provider, model: MODEL, budgetUsd: 5 });
    assert.equal(specCalls(), 1);
    return refined;
  };

  it('the domain-model stage reuses the accepted model: no second call, cost 0, the same entities', async () => {
    const refined = await acceptInReview();
    const stream = new RunEventStream('accepted');
    const { spec, stages, run } = await runGeneration({
      input: { kind: 'spec', spec: refined.spec },
      stream,
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      acceptedModel: { model: refined.model, costUsd: refined.usage.costUsd, changed: true },
    });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.equal(specCalls(), 1, 'Claude was not asked for the model again');
    assert.deepEqual(spec, refined.spec, 'the run generated from exactly the accepted model');
    assert.ok(stages.some((s) => s.id === 'api-routes:Organizer') && stages.some((s) => s.id === 'pages:Organizer'));
    const state = replayRun(stream.events);
    const stage = state.stages['domain-model'];
    assert.equal(stage.status, 'succeeded');
    assert.deepEqual(stage.reusedModel, { model: refined.model, reviewCostUsd: refined.usage.costUsd, changed: true });
    assert.equal(stage.usage.costUsd, 0);
    assert.equal(stage.variant, undefined, 'no prompt was chosen: nothing for learning to score');
    assert.match(stage.outputSummary ?? '', /Claude's model as accepted in the review \(claude-sonnet-5-5, \$\d+\.\d{4} in the review\): used as it is, Claude not asked again/);
    assert.ok(!stream.events.some((e) => e.type === 'specUpdated' && e.stageId === 'domain-model'), 'the model did not change in the run');
    assert.ok(!stream.events.some((e) => e.type === 'usage' && e.stageId === 'domain-model'));
  });

  it('a model Claude found nothing to change in is not asked about again either', async () => {
    const spec = loadFixtureSpec('events');
    const { stages, run, stream } = await runGeneration({
      input: { kind: 'spec', spec },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      acceptedModel: { model: MODEL, costUsd: 0.02, changed: false },
    });
    assert.equal(run.errors.size, 0);
    assert.equal(specCalls(), 0);
    assert.ok(!stages.some((s) => s.id.endsWith(':Organizer')));
    assert.match(replayRun(stream.events).stages['domain-model'].outputSummary ?? '', /the model Claude found nothing to change in, in the review .*not asked again/);
  });

  it('edited after accepting (so not accepted any more): the run asks Claude for the model again', async () => {
    const refined = await acceptInReview();
    const edited: ProjectSpec = addEntity(refined.spec, 'Sponsor');
    const stream = new RunEventStream('edited');
    await runGeneration({ input: { kind: 'spec', spec: edited }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(specCalls(), 2);
    const stage = replayRun(stream.events).stages['domain-model'];
    assert.equal(stage.reusedModel, undefined);
    assert.ok(stage.usage.costUsd > 0);
  });

  it('offline the accepted model is simply the spec (nothing to reuse, nothing said)', async () => {
    const refined = await acceptInReview();
    const { stream } = await runGeneration({ input: { kind: 'spec', spec: refined.spec }, acceptedModel: { model: MODEL, changed: true } });
    assert.equal(specCalls(), 1);
    assert.ok(!stream.events.some((e) => e.type === 'modelReused'));
  });

  it('the accepted model travels from the webview’s generate message to the runner, and into the journal header', async () => {
    const refined = await acceptInReview();
    const message = parseWebviewToHost({
      type: 'generate',
      requestId: 'gen-1',
      spec: refined.spec,
      provider: 'anthropic',
      acceptedModel: { model: refined.model, costUsd: refined.usage.costUsd, changed: true },
    });
    assert.ok(message.ok && message.message.type === 'generate', message.ok ? '' : message.error);
    let started: GenerateInput | undefined;
    const context = { viewer: { start: async (_requestId: string, input: GenerateInput) => void (started = input) } } as unknown as HandlerContext;
    await handleGenerate(message.message, context);
    assert.deepEqual(started?.acceptedModel, { model: refined.model, costUsd: refined.usage.costUsd, changed: true });
    // Without it (never accepted, or edited since) there is none.
    const plain = parseWebviewToHost({ type: 'generate', requestId: 'gen-2', spec: refined.spec, provider: 'anthropic' });
    assert.ok(plain.ok && plain.message.type === 'generate');
    await handleGenerate(plain.message, context);
    assert.equal(started?.acceptedModel, undefined);
    const header = JournalHeader.parse({
      journalVersion: 1,
      runId: 'r1',
      folder: 'events',
      projectName: 'events',
      provider: 'anthropic',
      startedAt: 1,
      entities: [],
      warnings: [],
      spec: refined.spec,
      acceptedModel: { model: MODEL, changed: true },
    });
    assert.deepEqual(header.acceptedModel, { model: MODEL, changed: true });
  });
});
