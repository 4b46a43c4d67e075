import * as assert from 'node:assert/strict';
import { RunEventStream } from '../../src/model/run/events';
import { applyRunEvent, initialRunState, replayRun, runProgress } from '../../src/model/run/runState';
import { RetryableError, runStages } from '../../src/core/pipeline/scheduler';

const stage = (id: string, ...dependsOn: string[]) => ({ id, title: id, dependsOn });

async function sampleRun() {
  const stream = new RunEventStream('run-1');
  let flaky = 0;
  await runStages({
    stages: [stage('spec'), stage('db', 'spec'), stage('api', 'db'), stage('docs', 'spec')],
    concurrency: 2,
    stream,
    sleep: async () => undefined,
    execute: async (s, context) => {
      if (s.id === 'db' && flaky++ === 0) throw new RetryableError('busy');
      if (s.id === 'docs') throw new Error('docs broke');
      context.fileProduced(`${s.id}.txt`, s.id);
      context.usage('m', { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0.5 });
      return s.id;
    },
  });
  return stream.events;
}

describe('run state from events', () => {
  it('replays a run into per-stage status, files, retries and totals', async () => {
    const state = replayRun(await sampleRun());
    assert.equal(state.status, 'partial');
    assert.deepEqual(state.stageOrder, ['spec', 'db', 'docs', 'api']);
    assert.equal(state.stages.spec.status, 'succeeded');
    assert.equal(state.stages.db.status, 'succeeded');
    assert.equal(state.stages.db.retries.length, 1);
    assert.equal(state.stages.db.attempts, 2);
    assert.equal(state.stages.docs.status, 'failed');
    assert.equal(state.stages.docs.error, 'docs broke');
    assert.deepEqual(state.files.map((f) => f.path), ['spec.txt', 'db.txt', 'api.txt']);
    assert.deepEqual(state.stages.api.files, ['api.txt']);
    assert.equal(state.usage.costUsd, 1.5);
    assert.equal(runProgress(state), 1);
  });

  it('gives the same state when events arrive twice (reload + live stream)', async () => {
    const events = await sampleRun();
    const once = replayRun(events);
    const twice = replayRun([...events, ...events.slice(3)]);
    assert.deepEqual(twice, once);
  });

  it('shows a run in progress from a prefix of its events', async () => {
    const events = await sampleRun();
    const cut = events.findIndex((e) => e.type === 'stageStarted' && e.stageId === 'api');
    const state = replayRun(events.slice(0, cut + 1));
    assert.equal(state.status, 'running');
    assert.equal(state.stages.api.status, 'running');
    assert.ok(runProgress(state) > 0 && runProgress(state) < 1);
  });

  it('ignores events of another run or for unknown stages', async () => {
    const state = replayRun(await sampleRun());
    const foreign = applyRunEvent(state, { type: 'stageFailed', runId: 'other', seq: 999, at: 0, stageId: 'spec', error: 'x', attempt: 1, durationMs: 0 });
    assert.equal(foreign, state);
    const unknown = applyRunEvent(initialRunState(), { type: 'stageQueued', runId: 'x', seq: 0, at: 0, stageId: 'nope' });
    assert.equal(unknown.stageOrder.length, 0);
  });
});
