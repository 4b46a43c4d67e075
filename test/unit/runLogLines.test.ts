import * as assert from 'node:assert/strict';
import { cliProgress } from '../../src/cli/progress';
import { runLogListener, type RunLogLine } from '../../src/core/pipeline/runLog';
import { RetryableError, runStages } from '../../src/core/pipeline/scheduler';
import { RunEventStream } from '../../src/model/run/events';

const stage = (id: string, ...dependsOn: string[]) => ({ id, title: id.toUpperCase(), dependsOn });

/** A run with a retry, a failure and what it blocks, a warning and a verification step. */
async function sampleRun(stream: RunEventStream) {
  let flaky = 0;
  await runStages({
    stages: [stage('spec'), stage('db', 'spec'), stage('api', 'db'), stage('docs', 'spec'), stage('site', 'docs')],
    concurrency: 1,
    stream,
    sleep: async () => undefined,
    random: () => 0,
    execute: async (s, context) => {
      if (s.id === 'db' && flaky++ === 0) throw new RetryableError('busy');
      if (s.id === 'docs') throw new Error('docs broke');
      if (s.id === 'api') {
        context.warn('Budget: API keeps the deterministic result');
        stream.emit({ type: 'verificationStep', stageId: 'api', step: 'test', ok: false, durationMs: 1200, firstErrors: ['FAIL api.test.ts'] });
      }
      context.output(`${s.id} made`);
      return s.id;
    },
  });
}

describe('run log: one wording for the log channel and the CLI', () => {
  it('says every event worth saying, at its level', async () => {
    const stream = new RunEventStream('r');
    const lines: RunLogLine[] = [];
    stream.subscribe(runLogListener((line) => lines.push(line)));
    await sampleRun(stream);
    assert.deepEqual(
      lines.map((l) => `${l.level} ${l.kind} ${l.text}`),
      [
        'info run run: 5 stages, up to 1 at a time',
        'info stage SPEC — spec made',
        'warn detail DB: retrying in 0.5 s (busy)',
        'info stage DB — db made',
        'error stage DOCS FAILED: docs broke',
        'info stage SITE skipped: "DOCS" failed',
        'warn detail warning: Budget: API keeps the deterministic result',
        'warn detail verify: test FAILED in 1.2 s',
        'warn detail   FAIL api.test.ts',
        'info stage API — api made',
        'warn run run partial: 3 stages done, 1 failed, 1 skipped, 0 cancelled; 0 files in ' + lines.at(-2)?.text.split(' files in ')[1],
        'warn run Verification failed at test: FAIL api.test.ts',
      ],
    );
  });

  it('the CLI prints the same lines, stage ends numbered', async () => {
    const stream = new RunEventStream('r');
    const printed: string[] = [];
    stream.subscribe(cliProgress((text) => printed.push(text)));
    await sampleRun(stream);
    assert.deepEqual(printed.slice(0, 10), [
      'run: 5 stages, up to 1 at a time',
      '[1/5] SPEC — spec made',
      '      DB: retrying in 0.5 s (busy)',
      '[2/5] DB — db made',
      '[3/5] DOCS FAILED: docs broke',
      '[4/5] SITE skipped: "DOCS" failed',
      '      warning: Budget: API keeps the deterministic result',
      '      verify: test FAILED in 1.2 s',
      '        FAIL api.test.ts',
      '[5/5] API — api made',
    ]);
    assert.match(printed[10], /^run partial: 3 stages done, 1 failed, 1 skipped, 0 cancelled; 0 files in \d+ ms$/);
    assert.equal(printed[11], 'Verification failed at test: FAIL api.test.ts', 'verification’s end, as the result view and the sidebar say it');
  });
});
