// The log channel reads the run event stream and says what the CLI says, each line marked with its run.
import * as assert from 'node:assert/strict';
import type { Logger } from '../../src/core/log';
import { runStages } from '../../src/core/pipeline/scheduler';
import { type RunEvent, RunEventStream } from '../../src/model/run/events';
import { runLogger } from '../../src/vscode/runs/runLog';

function recorder() {
  const lines: string[] = [];
  const at = (level: string) => (message: string | Error) => void lines.push(`${level} ${String(message)}`);
  const log = { trace: at('trace'), debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } as Logger;
  return { lines, onEvent: runLogger(log) };
}

const stage = (id: string, ...dependsOn: string[]) => ({ id, title: id.toUpperCase(), dependsOn });

/** A small run on its own stream: one stage Claude gave up on, one that fails. */
async function run(runId: string, onEvent: (event: RunEvent) => void) {
  const stream = new RunEventStream(runId);
  stream.subscribe(onEvent);
  await runStages({
    stages: [stage('schema'), stage('api', 'schema')],
    concurrency: 1,
    stream,
    sleep: async () => undefined,
    execute: async (s, context) => {
      if (s.id === 'schema') context.degrade('Claude timed out');
      if (s.id === 'api') throw new Error('boom');
      return s.id;
    },
  });
  return stream;
}

describe('the log channel as a run event subscriber', () => {
  it('writes the CLI lines of each run, at their level, with the run id', async () => {
    const { lines, onEvent } = recorder();
    await run('r1', onEvent);
    assert.deepEqual(lines.slice(0, 4), [
      'info Run r1: run: 2 stages, up to 1 at a time',
      'warn Run r1: SCHEMA kept its deterministic result: Claude timed out',
      'info Run r1: SCHEMA — done',
      'error Run r1: API FAILED: boom',
    ]);
    assert.match(lines[4], /^warn Run r1: run partial: 1 stages done, 1 failed, 0 skipped, 0 cancelled; 0 files in /);
  });

  it('keeps runs apart and still logs what comes after a run finished (its git result)', async () => {
    const { lines, onEvent } = recorder();
    const first = await run('r1', onEvent);
    await run('r2', onEvent);
    first.emit({ type: 'gitResult', outcome: 'failed', detail: 'git is not installed' });
    assert.equal(lines.filter((line) => line.includes('Run r1:')).length, 6);
    assert.equal(lines.filter((line) => line.includes('Run r2:')).length, 5);
    assert.equal(lines.at(-1), 'warn Run r1: git: not committed — git is not installed');
  });

  it('forgets the oldest runs beyond twenty, and a forgotten run still logs its late events', async () => {
    const { lines, onEvent } = recorder();
    const streams = [];
    for (let i = 0; i < 22; i++) streams.push(await run(`r${i}`, onEvent));
    streams[0].emit({ type: 'gitResult', outcome: 'skipped', detail: 'not a git repository' });
    assert.equal(lines.at(-1), 'info Run r0: git: not committed — not a git repository');
    // What the log remembers of a run is its stage titles: r21's are kept, r0's are not.
    for (const stream of [streams[21], streams[0]]) stream.emit({ type: 'stageDegraded', stageId: 'schema', reason: 'late' });
    assert.deepEqual(lines.slice(-2), ['warn Run r21: SCHEMA kept its deterministic result: late', 'warn Run r0: schema kept its deterministic result: late']);
  });
});
