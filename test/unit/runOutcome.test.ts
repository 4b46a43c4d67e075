import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cliProgress } from '../../src/cli/progress';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { runStages } from '../../src/core/pipeline/scheduler';
import type { StepResult, VerifyResult } from '../../src/core/verify/verifier';
import { RunEvent, type RunEventInput, RunEventStream } from '../../src/model/run/events';
import { countStages, formatDuration, runStatus, type StageEnd } from '../../src/model/run/outcome';
import { replayRun } from '../../src/model/run/runState';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

const statusOf = (stages: StageEnd[], cancelled = false) => runStatus(countStages(stages), cancelled);
const done = (id: string, degraded = false): StageEnd => ({ id, status: 'succeeded', degraded });

/** Events as RunEventStream stamps them, at the given times (ms after the start). */
function timed(inputs: [number, RunEventInput][], runId = 'r'): RunEvent[] {
  return inputs.map(([ms, input], seq) => RunEvent.parse({ ...input, runId, seq, at: 1_700_000_000_000 + ms }));
}

const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };
const summary = (status: 'succeeded' | 'partial' | 'cancelled', durationMs: number) => ({
  status,
  stages: { total: 2, succeeded: 2, failed: 0, skipped: 0, cancelled: 0, degraded: 0 },
  files: 1,
  durationMs,
  usage,
});

function step(name: 'install' | 'build' | 'test', ok: boolean, errors: string[] = []): StepResult {
  return { name, ok, exitCode: ok ? 0 : 1, signal: null, durationMs: 1500, timedOut: false, cancelled: false, firstErrors: errors, outputTail: '' };
}
const failingTest: VerifyResult = { ok: false, steps: [step('install', true), step('build', true), step('test', false, ['FAIL a.test.ts > lists'])], failedStep: 'test', durationMs: 4500 };

describe('run status: one rule', () => {
  it('succeeded: every stage finished; stages left out by choice (and what needs them) change nothing', () => {
    assert.equal(statusOf([done('a'), done('b')]), 'succeeded');
    const leftOut = [done('a'), { id: 'verify', status: 'skipped', leftOut: true }, { id: 'repair', status: 'skipped', becauseOf: 'verify' }];
    assert.equal(statusOf(leftOut), 'succeeded');
    assert.deepEqual({ ...countStages(leftOut) }, { total: 3, succeeded: 1, failed: 0, skipped: 2, cancelled: 0, degraded: 0, leftOut: 2, blocked: 0 });
  });

  it('partial: some stages failed, or were skipped because a stage failed or was refused for want of something', () => {
    assert.equal(statusOf([done('a'), { id: 'b', status: 'failed' }]), 'partial');
    assert.equal(statusOf([done('a'), { id: 'b', status: 'failed' }, { id: 'c', status: 'skipped', becauseOf: 'b' }]), 'partial');
    assert.equal(statusOf([done('a'), { id: 'pricey', status: 'skipped' }]), 'partial', 'refused (budget), not left out by choice');
    assert.equal(countStages([done('a'), { id: 'b', status: 'failed' }, { id: 'c', status: 'skipped', becauseOf: 'b' }]).blocked, 1);
  });

  it('degraded, failed and cancelled', () => {
    assert.equal(statusOf([done('a'), done('b', true)]), 'degraded');
    assert.equal(statusOf([done('a', true), { id: 'b', status: 'failed' }]), 'partial', 'a failure outweighs a fallback');
    assert.equal(statusOf([{ id: 'a', status: 'failed' }, { id: 'b', status: 'skipped', becauseOf: 'a' }]), 'failed');
    assert.equal(statusOf([done('a'), { id: 'b', status: 'cancelled' }]), 'cancelled');
    assert.equal(statusOf([done('a'), done('b')], true), 'cancelled');
  });

  it('the scheduler writes the same status the replayed state shows', async () => {
    const stream = new RunEventStream('r');
    const result = await runStages({
      stages: [{ id: 'gen', title: 'Gen', dependsOn: [] }, { id: 'verify', title: 'Verify', dependsOn: ['gen'] }, { id: 'repair', title: 'Repair', dependsOn: ['verify'] }],
      concurrency: 2,
      stream,
      admit: (stage) => (stage.id === 'verify' ? { reason: 'not requested', leftOut: true } : undefined),
      execute: async (stage) => stage.id,
    });
    assert.equal(result.status, 'succeeded');
    const state = replayRun(stream.events);
    assert.equal(state.status, 'succeeded');
    assert.equal(state.stages.verify.leftOut, true);
    assert.equal(state.stages.repair.skippedBecauseOf, 'verify');
  });

  it('a run recorded under the old rule (no verification = partial) replays as succeeded', () => {
    const events = timed([
      [0, { type: 'runStarted', concurrency: 1, stages: [{ id: 'gen', title: 'Gen', dependsOn: [] }, { id: 'verify', title: 'Verify', dependsOn: ['gen'] }] }],
      [10, { type: 'stageStarted', stageId: 'gen', attempt: 1 }],
      [150, { type: 'stageFinished', stageId: 'gen', durationMs: 140, attempts: 1 }],
      [160, { type: 'stageSkipped', stageId: 'verify', reason: 'Verification was not requested for this run', leftOut: true }],
      [200, { type: 'runFinished', summary: summary('partial', 200) }],
    ]);
    assert.equal(replayRun(events).status, 'succeeded');
  });
});

describe('run timings: wall-clock from the stream', () => {
  // A run whose stages took 0.2 s, whose result (git's commit) came 3.1 s later: it took 3.3 s.
  const gitRun = () =>
    timed([
      [0, { type: 'runStarted', concurrency: 1, stages: [{ id: 'gen', title: 'Gen', dependsOn: [] }, { id: 'docs', title: 'Docs', dependsOn: ['gen'] }] }],
      [5, { type: 'stageStarted', stageId: 'gen', attempt: 1 }],
      [105, { type: 'stageFinished', stageId: 'gen', durationMs: 100, attempts: 1 }],
      [110, { type: 'stageStarted', stageId: 'docs', attempt: 1 }],
      [195, { type: 'stageFinished', stageId: 'docs', durationMs: 85, attempts: 1 }],
      [200, { type: 'runFinished', summary: summary('succeeded', 200) }],
      [3300, { type: 'gitResult', outcome: 'committed', detail: 'committed abc1234: Generated by Takoss from: a blog', commit: 'abc1234' }],
    ]);

  it('a run ends with its last result, not with its last stage: 3.3 s, not 0.2 s', () => {
    const events = gitRun();
    const finished = replayRun(events.slice(0, -1));
    assert.equal(finished.durationMs, 200);
    const state = replayRun(events);
    assert.equal(state.durationMs, 3300, 'the summary said 0.2 s; the run took 3.3 s');
    assert.equal(formatDuration(state.durationMs ?? 0), '3.3 s');
    assert.deepEqual(state.git, { outcome: 'committed', detail: 'committed abc1234: Generated by Takoss from: a blog', commit: 'abc1234' });
    assert.equal(state.stages.gen.durationMs, 100);
  });

  it('the CLI says the status and time the run state computes, and git\'s result', () => {
    const lines: string[] = [];
    const progress = cliProgress((line) => lines.push(line));
    for (const event of gitRun()) progress(event);
    assert.match(lines.join('\n'), /run succeeded: 2 stages done, 0 failed, 0 skipped, 0 cancelled; 1 files in 200 ms/);
    assert.equal(lines.at(-1), '      git: committed abc1234: Generated by Takoss from: a blog');
  });

  it('writes durations one way', () => {
    assert.equal(formatDuration(850), '850 ms');
    assert.equal(formatDuration(999.6), '1.0 s');
    assert.equal(formatDuration(3300), '3.3 s');
    assert.equal(formatDuration(59_999), '1 min 00 s');
    assert.equal(formatDuration(125_000), '2 min 05 s');
  });
});

describe('verification steps on the stream', () => {
  it('a verifier that reports live: each step as it ends, once, in the stage that ran it', async () => {
    const stream = new RunEventStream('r');
    const seen: string[] = [];
    stream.subscribe((event) => {
      if (event.type === 'verificationStep') seen.push(`${event.stageId}:${event.step}:${event.ok}`);
      if (event.type === 'stageProgress' && event.stageId === 'verification') seen.push(event.message);
    });
    const { run } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      stream,
      verify: async (_signal, listener) => {
        for (const result of failingTest.steps) {
          listener?.onStepStart?.(result.name);
          listener?.onStepEnd?.(result);
        }
        return failingTest;
      },
    });
    assert.deepEqual(seen, ['Verification: install…', 'verification:install:true', 'Verification: build…', 'verification:build:true', 'Verification: test…', 'verification:test:false']);
    const state = replayRun(stream.events);
    assert.deepEqual(state.verification.at(-1), { stageId: 'verification', step: 'test', ok: false, durationMs: 1500, firstErrors: ['FAIL a.test.ts > lists'], timedOut: undefined, cancelled: undefined });
    assert.equal(run.status, 'partial', 'offline, the repair stage cannot fix it and fails');
  });

  it('a verifier that does not report: its steps are told from its result', async () => {
    const stream = new RunEventStream('r');
    await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, verify: async () => failingTest });
    const steps = stream.events.flatMap((e) => (e.type === 'verificationStep' ? [`${e.step}:${e.ok}`] : []));
    assert.deepEqual(steps, ['install:true', 'build:true', 'test:false']);
    const lines: string[] = [];
    const progress = cliProgress((line) => lines.push(line));
    for (const event of stream.events) progress(event);
    assert.ok(lines.includes('      verify: test FAILED in 1.5 s'), lines.join('\n'));
    assert.ok(lines.includes('        FAIL a.test.ts > lists'));
  });
});
