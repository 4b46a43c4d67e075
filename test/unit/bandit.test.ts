// The prompt-variant bandit: unit behaviour, and learning through the real orchestrator from a
// scripted Claude whose "direct" domain-model answers are invalid half the time and "stepwise" ones
// a tenth of the time.
import * as assert from 'node:assert/strict';
import { chooseVariant, sampleBeta, seededRandom, variantChooser } from '../../src/core/learning/bandit';
import { DETERMINISTIC, type StageOutcome } from '../../src/core/learning/outcome';
import { stageOutcomes } from '../../src/core/learning/stageOutcomes';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { InvalidModelOutputError, type StructuredRequest, type StructuredResult } from '../../src/core/providers/anthropic';
import { extractSpec } from '../../src/core/extract';

const outcome = (variant: string, clean: boolean, extra: Partial<StageOutcome> = {}): StageOutcome => ({
  stage: 'domain-model',
  instance: 'domain-model',
  variant,
  promptVersion: 1,
  model: 'claude-sonnet-4-5',
  status: 'succeeded',
  durationMs: 1000,
  inputTokens: 1000,
  outputTokens: 500,
  costUsd: 0.01,
  valid: clean,
  repaired: false,
  ...extra,
});
const many = (count: number, make: (i: number) => StageOutcome) => Array.from({ length: count }, (_, i) => make(i));

describe('prompt variant bandit', () => {
  it('with no outcomes yet it says so and still picks one of the variants', () => {
    const choice = chooseVariant('domain-model', 1, ['direct', 'stepwise'], [], { explore: true, random: seededRandom(1) });
    assert.ok(['direct', 'stepwise'].includes(choice.variant));
    assert.match(choice.reason, /no recorded outcomes/);
    assert.equal(chooseVariant('x', 1, ['only'], [], { explore: true }).reason, 'the only variant');
  });

  it('exploration off: always the best mean so far, with the numbers in the reason', () => {
    const outcomes = [...many(10, (i) => outcome('direct', i < 4)), ...many(10, (i) => outcome('stepwise', i < 8))];
    for (let i = 0; i < 20; i++) {
      const choice = chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: false, random: seededRandom(i) });
      assert.equal(choice.variant, 'stepwise');
      assert.match(choice.reason, /stepwise: 8 of 10 clean \(best mean, exploration off\) vs direct 4 of 10 clean/);
    }
  });

  it('counts a repair, a failed verification or a thumbs-down as not clean, and ignores other prompt versions and stages', () => {
    const outcomes = [
      ...many(6, () => outcome('direct', true, { repaired: true })),
      ...many(6, () => outcome('direct', true, { verificationPassed: false })),
      ...many(6, () => outcome('direct', true, { rating: 'down' })),
      ...many(20, () => outcome('direct', true, { promptVersion: 0 })),
      ...many(20, () => outcome('direct', true, { stage: 'explanations' })),
      ...many(20, () => outcome(DETERMINISTIC, true, { valid: undefined })),
      ...many(4, () => outcome('stepwise', true)),
    ];
    const choice = chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: false });
    assert.equal(choice.variant, 'stepwise');
    assert.match(choice.reason, /direct 0 of 18 clean/);
  });

  it('breaks a near tie with cost: the cheaper variant wins', () => {
    const outcomes = [...many(20, (i) => outcome('direct', i < 18, { costUsd: 0.05 })), ...many(20, (i) => outcome('stepwise', i < 18, { costUsd: 0.02 }))];
    const choice = chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: false });
    assert.equal(choice.variant, 'stepwise');
    assert.match(choice.reason, /cheaper at \$0\.0200/);
  });

  it('chooses the model too when asked: the one that works, and the cheaper of two that work equally well', () => {
    const sonnet = 'claude-sonnet-5-5';
    const haiku = 'claude-haiku-5-5';
    const outcomes = [
      ...many(10, (i) => outcome('direct', i < 8, { model: sonnet, costUsd: 0.05 })),
      ...many(10, (i) => outcome('direct', i < 8, { model: haiku, costUsd: 0.01 })),
      ...many(10, (i) => outcome('stepwise', i < 2, { model: sonnet, costUsd: 0.05 })),
      ...many(10, (i) => outcome('stepwise', i < 2, { model: haiku, costUsd: 0.01 })),
    ];
    const choice = chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: false, models: [sonnet, haiku] });
    assert.deepEqual([choice.variant, choice.model], ['direct', haiku]);
    assert.match(choice.reason, /^direct on claude-haiku-5-5: 8 of 10 clean .* vs direct on claude-sonnet-5-5 8 of 10 clean, .*cheaper at \$0\.0100/);
    const better = [...outcomes, ...many(10, () => outcome('direct', true, { model: sonnet, costUsd: 0.05 }))];
    assert.equal(chooseVariant('domain-model', 1, ['direct', 'stepwise'], better, { explore: false, models: [sonnet, haiku] }).model, sonnet, 'a clearly better model wins despite its price');
    assert.equal(chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: false, models: [sonnet] }).model, undefined, 'one model: the run decides');
  });

  it('samples Beta distributions with the right mean', () => {
    const random = seededRandom(7);
    const samples = many(4000, () => outcome('x', true)).map(() => sampleBeta(9, 3, random));
    const mean = samples.reduce((a, b) => a + b, 0) / samples.length;
    assert.ok(Math.abs(mean - 0.75) < 0.01, `mean ${mean}`);
    assert.ok(samples.every((s) => s > 0 && s < 1));
  });

  it('learns over simulated runs for many seeds: B (10% invalid) beats A (50% invalid)', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const random = seededRandom(seed);
      const outcomes: StageOutcome[] = [];
      const invalidRate: Record<string, number> = { direct: 0.5, stepwise: 0.1 };
      let chosenB = 0;
      for (let run = 0; run < 100; run++) {
        const { variant } = chooseVariant('domain-model', 1, ['direct', 'stepwise'], outcomes, { explore: true, random });
        if (run >= 50 && variant === 'stepwise') chosenB++;
        outcomes.push(outcome(variant, random() >= invalidRate[variant]));
      }
      assert.ok(chosenB > 40, `seed ${seed}: B chosen in ${chosenB} of the 50 runs after the first 50`);
    }
  });

  it('through the orchestrator: after 50 runs with a scripted Claude, B is chosen in more than 80% of runs', async function () {
    this.timeout(60_000);
    const spec = extractSpec('A notes app. A note has a title and a body.', { projectName: 'notes' });
    const random = seededRandom(42);
    const invalidRate: Record<string, number> = { direct: 0.5, stepwise: 0.1 };
    const history: StageOutcome[] = [];
    const chosen: string[] = [];
    let stepwiseInvalid = 0;
    let directInvalid = 0;
    for (let run = 0; run < 100; run++) {
      const stream = new RunEventStream(`sim-${run}`);
      let variant = '';
      stream.subscribe((event) => {
        if (event.type === 'promptChosen' && event.stageId === 'domain-model') variant = event.variant;
      });
      const usage = { inputTokens: 2000, outputTokens: 800, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.02 };
      const provider = {
        async structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
          if (request.toolName === 'emit_spec') {
            if (random() < invalidRate[variant]) {
              if (variant === 'stepwise') stepwiseInvalid++;
              else directInvalid++;
              throw new InvalidModelOutputError('emit_spec', ['entities[0].fields: expected an array'], usage);
            }
            return { value: spec as T, usage, model: request.model, repaired: false, requestIds: [] };
          }
          return { value: { files: [] } as T, usage, model: request.model, repaired: false, requestIds: [] };
        },
      };
      const { run: result } = await runGeneration({
        input: { kind: 'spec', spec },
        stream,
        claude: { provider, model: 'claude-sonnet-4-5', budgetUsd: 5, chooseVariant: variantChooser(history, { explore: true, random }) },
      });
      assert.equal(result.errors.size, 0, 'an invalid answer keeps the deterministic result: no stage fails');
      chosen.push(variant);
      history.push(...stageOutcomes(stream.events));
    }
    const afterFifty = chosen.slice(50).filter((v) => v === 'stepwise').length;
    assert.ok(afterFifty > 40, `B chosen in ${afterFifty} of the 50 runs after the first 50 (${chosen.join(' ')})`);
    assert.ok(directInvalid > 0 && stepwiseInvalid >= 0, 'the scripted failures happened');
    const recorded = history.filter((o) => o.stage === 'domain-model');
    assert.equal(recorded.length, 100);
    assert.ok(recorded.some((o) => o.valid === false), 'invalid answers are recorded as such');
    assert.ok(recorded.every((o) => o.costUsd === 0.02), 'the cost of invalid answers counts too');
  });

  it('through the orchestrator with two models: the model with fewer invalid answers wins, and is the one called', async function () {
    this.timeout(60_000);
    const spec = extractSpec('A notes app. A note has a title and a body.', { projectName: 'notes' });
    const random = seededRandom(7);
    const invalidRate: Record<string, number> = { 'claude-haiku-5-5': 0.6, 'claude-sonnet-5-5': 0.1 };
    const history: StageOutcome[] = [];
    const chosen: string[] = [];
    for (let run = 0; run < 100; run++) {
      const stream = new RunEventStream(`models-${run}`);
      const usage = { inputTokens: 2000, outputTokens: 800, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.02 };
      const provider = {
        async structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> {
          if (request.toolName === 'emit_spec') {
            chosen.push(request.model);
            if (random() < invalidRate[request.model]) throw new InvalidModelOutputError('emit_spec', ['broken'], usage);
            return { value: spec as T, usage, model: request.model, repaired: false, requestIds: [] };
          }
          return { value: { files: [] } as T, usage, model: request.model, repaired: false, requestIds: [] };
        },
      };
      await runGeneration({
        input: { kind: 'spec', spec },
        stream,
        claude: {
          provider,
          model: 'claude-sonnet-5-5',
          budgetUsd: 5,
          chooseVariant: variantChooser(history, { explore: true, random, models: ['claude-sonnet-5-5', 'claude-haiku-5-5'] }),
        },
      });
      const picked = stream.events.find((e) => e.type === 'promptChosen' && e.stageId === 'domain-model');
      assert.ok(picked?.type === 'promptChosen' && picked.model === chosen.at(-1), 'the model in the event is the model called');
      history.push(...stageOutcomes(stream.events));
    }
    const sonnetAfterFifty = chosen.slice(50).filter((m) => m === 'claude-sonnet-5-5').length;
    assert.ok(sonnetAfterFifty > 40, `the better model in ${sonnetAfterFifty} of the 50 runs after the first 50`);
    assert.ok(chosen.slice(0, 50).includes('claude-haiku-5-5'), 'the other model was tried');
  });
});
