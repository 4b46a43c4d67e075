import * as assert from 'node:assert/strict';
import { RunEvent, RunEventStream } from '../../src/model/run/events';
import { GraphError, topologicalOrder } from '../../src/core/pipeline/graph';
import { backoffDelay, RetryableError, runStages, type StageContext } from '../../src/core/pipeline/scheduler';

interface Stage {
  id: string;
  title: string;
  dependsOn: string[];
}

const stage = (id: string, ...dependsOn: string[]): Stage => ({ id, title: id.toUpperCase(), dependsOn });
const delay = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new Error('aborted'));
    });
  });
const noSleep = async () => undefined;

function types(stream: RunEventStream, stageId?: string) {
  return stream.events.filter((e) => !stageId || ('stageId' in e && e.stageId === stageId)).map((e) => e.type);
}

describe('stage graph', () => {
  it('orders stages topologically, stable by declaration', () => {
    const order = topologicalOrder([stage('c', 'a'), stage('a'), stage('b'), stage('d', 'c', 'b')]).map((s) => s.id);
    assert.deepEqual(order, ['a', 'b', 'c', 'd']);
  });

  it('names unknown dependencies, duplicates and cycles', () => {
    assert.throws(() => topologicalOrder([stage('a', 'zzz')]), /unknown stage "zzz"/);
    assert.throws(() => topologicalOrder([stage('a'), stage('a')]), /declared twice/);
    assert.throws(() => topologicalOrder([stage('a', 'c'), stage('b', 'a'), stage('c', 'b')]), (error: unknown) => {
      return error instanceof GraphError && /cycle: (a|b|c) -> .* -> \1/.test(error.message);
    });
  });
});

describe('scheduler', () => {
  it('runs independent stages at the same time, up to the limit', async () => {
    let running = 0;
    let peak = 0;
    const stream = new RunEventStream('r1');
    const result = await runStages({
      stages: [stage('a'), stage('b'), stage('c'), stage('d'), stage('e', 'a', 'b', 'c', 'd')],
      concurrency: 2,
      stream,
      execute: async (s) => {
        running += 1;
        peak = Math.max(peak, running);
        await delay(20);
        running -= 1;
        return s.id;
      },
    });
    assert.equal(result.status, 'succeeded');
    assert.equal(peak, 2);
    assert.deepEqual([...result.outputs.keys()], ['a', 'b', 'c', 'd', 'e']);
  });

  it('gives each stage the outputs of its dependencies', async () => {
    const result = await runStages<Stage, number>({
      stages: [stage('one'), stage('two'), stage('sum', 'one', 'two')],
      concurrency: 4,
      stream: new RunEventStream('r'),
      execute: async (s, context: StageContext<number>) =>
        s.id === 'sum' ? [...context.inputs.values()].reduce((a, b) => a + b, 0) : s.id === 'one' ? 1 : 2,
    });
    assert.equal(result.outputs.get('sum'), 3);
  });

  it('returns outputs in the same order whatever the timing', async () => {
    const orders = [];
    for (const delays of [[30, 1, 15], [1, 30, 5]]) {
      const result = await runStages({
        stages: [stage('x'), stage('y'), stage('z')],
        concurrency: 3,
        stream: new RunEventStream('r'),
        execute: async (s) => {
          await delay(delays[['x', 'y', 'z'].indexOf(s.id)]);
          return s.id;
        },
      });
      orders.push([...result.outputs.keys()]);
    }
    assert.deepEqual(orders[0], orders[1]);
  });

  it('retries retryable failures with backoff, honouring retry-after', async () => {
    const stream = new RunEventStream('r');
    const waits: number[] = [];
    let calls = 0;
    const result = await runStages({
      stages: [stage('flaky')],
      concurrency: 1,
      stream,
      retry: { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 },
      sleep: async (ms) => {
        waits.push(ms);
      },
      execute: async () => {
        calls += 1;
        if (calls === 1) throw new RetryableError('overloaded');
        if (calls === 2) throw new RetryableError('rate limited', 2500);
        return 'ok';
      },
    });
    assert.equal(result.status, 'succeeded');
    assert.deepEqual(waits, [100, 2500]);
    assert.deepEqual(types(stream, 'flaky'), ['stageQueued', 'stageStarted', 'stageRetried', 'stageStarted', 'stageRetried', 'stageStarted', 'stageFinished']);
  });

  it('does not retry ordinary errors, and gives up after the last attempt', async () => {
    let plain = 0;
    let always = 0;
    const result = await runStages({
      stages: [stage('plain'), stage('always')],
      concurrency: 2,
      stream: new RunEventStream('r'),
      sleep: noSleep,
      retry: { maxAttempts: 3 },
      execute: async (s) => {
        if (s.id === 'plain') {
          plain += 1;
          throw new Error('bad input');
        }
        always += 1;
        throw new RetryableError('still down');
      },
    });
    assert.equal(plain, 1);
    assert.equal(always, 3);
    assert.equal(result.status, 'failed');
    assert.equal(result.errors.get('plain'), 'bad input');
  });

  it('isolates a failure: dependents are skipped, the rest finish', async () => {
    const stream = new RunEventStream('r');
    const result = await runStages({
      stages: [stage('spec'), stage('db', 'spec'), stage('api', 'db'), stage('docs', 'spec'), stage('readme', 'api', 'docs')],
      concurrency: 2,
      stream,
      execute: async (s) => {
        if (s.id === 'db') throw new Error('schema broke');
        return s.id;
      },
    });
    assert.equal(result.status, 'partial');
    assert.deepEqual([...result.outputs.keys()], ['spec', 'docs']);
    const skipped = stream.events.filter((e) => e.type === 'stageSkipped');
    assert.deepEqual(skipped.map((e) => e.type === 'stageSkipped' && [e.stageId, e.becauseOf]), [['api', 'db'], ['readme', 'db']]);
    assert.deepEqual(result.summary.stages, { total: 5, succeeded: 2, failed: 1, skipped: 2, cancelled: 0, degraded: 0 });
  });

  it('times out a stage that hangs, aborting its signal', async () => {
    let sawAbort = false;
    const result = await runStages({
      stages: [stage('slow')],
      concurrency: 1,
      stream: new RunEventStream('r'),
      stageTimeoutMs: 50,
      retry: { maxAttempts: 1 },
      execute: (_s, context) =>
        new Promise((_, reject) => {
          context.signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('aborted'));
          });
        }),
    });
    assert.equal(result.status, 'failed');
    assert.match(result.errors.get('slow') ?? '', /did not finish within/);
    assert.equal(sawAbort, true);
  });

  it('cancellation reaches every running stage and nothing new starts', async () => {
    const controller = new AbortController();
    const aborted: string[] = [];
    const started: string[] = [];
    const stream = new RunEventStream('r');
    const promise = runStages({
      stages: [stage('a'), stage('b'), stage('c', 'a'), stage('d')],
      concurrency: 2,
      stream,
      signal: controller.signal,
      execute: async (s, context) => {
        started.push(s.id);
        context.signal.addEventListener('abort', () => aborted.push(s.id));
        await delay(5_000, context.signal);
        return s.id;
      },
    });
    setTimeout(() => controller.abort(), 30);
    const begin = Date.now();
    const result = await promise;
    assert.ok(Date.now() - begin < 2000, 'returns promptly');
    assert.equal(result.status, 'cancelled');
    assert.deepEqual(started, ['a', 'b']);
    assert.deepEqual(aborted.sort(), ['a', 'b']);
    assert.equal(result.summary.stages.cancelled, 4);
    assert.equal(stream.events.at(-1)?.type, 'runFinished');
  });

  it('skips stages the admission check refuses (e.g. over budget), with their dependents', async () => {
    const stream = new RunEventStream('r');
    const result = await runStages({
      stages: [stage('cheap'), stage('pricey'), stage('after', 'pricey')],
      concurrency: 1,
      stream,
      admit: (s) => (s.id === 'pricey' ? 'the forecast would exceed the budget of $1.00' : undefined),
      execute: async (s) => s.id,
    });
    assert.equal(result.status, 'partial', 'refused for want of budget: the run is missing stages');
    const reasons = stream.events.flatMap((e) => (e.type === 'stageSkipped' ? [`${e.stageId}: ${e.reason}`] : []));
    assert.deepEqual(reasons, ['pricey: the forecast would exceed the budget of $1.00', 'after: "PRICEY" was skipped']);
  });

  it('emits a stream that validates, numbered without gaps, with usage and files summed', async () => {
    const stream = new RunEventStream('run-42');
    const result = await runStages({
      stages: [stage('gen')],
      concurrency: 1,
      stream,
      execute: async (_s, context) => {
        context.progress('halfway', 0.5);
        context.fileProduced('backend/app.ts', 'export {};\n');
        context.usage('claude-x', { inputTokens: 10, outputTokens: 5, cacheReadTokens: 100, cacheWriteTokens: 0, costUsd: 0.01 });
        context.output('1 file');
        return 1;
      },
    });
    stream.events.forEach((event, index) => {
      assert.equal(event.seq, index);
      assert.equal(event.runId, 'run-42');
      assert.ok(RunEvent.safeParse(JSON.parse(JSON.stringify(event))).success, event.type);
    });
    assert.equal(result.summary.files, 1);
    assert.equal(result.summary.usage.cacheReadTokens, 100);
    const file = stream.events.find((e) => e.type === 'fileProduced');
    assert.equal(file?.type === 'fileProduced' && file.sha256.length, 64);
  });

  it('keeps going when a stream consumer throws', async () => {
    const stream = new RunEventStream('r');
    stream.subscribe(() => {
      throw new Error('webview gone');
    });
    const result = await runStages({ stages: [stage('a')], concurrency: 1, stream, execute: async () => 1 });
    assert.equal(result.status, 'succeeded');
  });

  it('computes exponential backoff capped at the maximum', () => {
    const policy = { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 500 };
    assert.deepEqual([1, 2, 3, 4].map((attempt) => backoffDelay(policy, attempt, new Error())), [100, 200, 400, 500]);
    assert.equal(backoffDelay(policy, 1, new RetryableError('x', 50_000)), 500);
  });
});
