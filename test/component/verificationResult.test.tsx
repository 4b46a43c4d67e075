// The result view's verification line reads the run's one verification outcome (model/run/outcome.ts),
// the same the sidebar and the CLI say: not the verification stage's own status, which "succeeds"
// when it ran the steps, whether or not they passed.
import * as assert from 'node:assert/strict';
import type { RunEventInput } from '../../src/model/run/events';
import { replayRun } from '../../src/model/run/runState';
import { ResultView } from '../../webview-ui/src/result/ResultView';
import { fakeBridge, renderUi, runEvents, screen, stage } from './helpers';

const step = (stageId: string, name: string, ok: boolean, firstErrors: string[] = []): RunEventInput => ({ type: 'verificationStep', stageId, step: name, ok, durationMs: 1000, firstErrors });
const finished = (stageId: string, summary: string): RunEventInput[] => [
  { type: 'stageOutput', stageId, summary },
  { type: 'stageFinished', stageId, durationMs: 3000, attempts: 1 },
];

/** Verification ran its steps (so the stage "succeeded"), the tests failed, and repair started. */
const failedRound: RunEventInput[] = [
  { type: 'stageStarted', stageId: 'verification', attempt: 1 },
  step('verification', 'install', true),
  step('verification', 'test', false, ['FAIL posts.test.ts > lists posts']),
  ...finished('verification', 'install passed, test failed'),
  { type: 'stageStarted', stageId: 'repair', attempt: 1 },
];

/** A run whose one generating stage finished; then what became of verification (and repair). */
function runWith(verification: RunEventInput[]) {
  return replayRun(
    runEvents('run-1', [
      { type: 'runStarted', concurrency: 2, stages: [stage('gen', 'Generate'), stage('verification', 'Verification', 'gen'), stage('repair', 'Repair', 'verification')] },
      { type: 'stageStarted', stageId: 'gen', attempt: 1 },
      { type: 'stageFinished', stageId: 'gen', durationMs: 10, attempts: 1 },
      ...verification,
    ]),
  );
}

async function verificationLine(verification: RunEventInput[]) {
  const { bridge } = fakeBridge();
  await renderUi(<ResultView bridge={bridge} runId="run-1" state={runWith(verification)} />);
  const line = screen.getByTestId('verification-result');
  return { outcome: line.dataset.outcome, text: line.textContent };
}

describe('ResultView: what became of verification', () => {
  it('verified: every step of the last round passed', async () => {
    const line = await verificationLine([
      { type: 'stageStarted', stageId: 'verification', attempt: 1 },
      step('verification', 'install', true),
      step('verification', 'build', true),
      step('verification', 'test', true),
      ...finished('verification', 'install, build and tests passed (12 s)'),
      { type: 'stageSkipped', stageId: 'repair', reason: 'nothing to repair', leftOut: true },
    ]);
    assert.deepEqual(line, { outcome: 'verified', text: 'Verified: install, build, test passed' });
  });

  it('failed: the verification stage finished, but its tests did not pass (it said "Verified" before)', async () => {
    const line = await verificationLine([
      ...failedRound,
      { type: 'stageFailed', stageId: 'repair', error: 'the offline provider cannot repair code', attempt: 1, durationMs: 1 },
    ]);
    assert.deepEqual(line, { outcome: 'failed', text: 'Verification failed at test: FAIL posts.test.ts > lists posts' });
  });

  it('verified after a repair round: the last round decides', async () => {
    const line = await verificationLine([
      ...failedRound,
      step('repair', 'install', true),
      step('repair', 'test', true),
      ...finished('repair', 'fixed in 1 round (1 file changed)'),
    ]);
    assert.deepEqual(line, { outcome: 'verified', text: 'Verified: install, test passed after repair: fixed in 1 round (1 file changed)' });
  });

  it('skipped: asked for, but declined when the question came', async () => {
    const reason = 'You declined to run the install, build and tests of blog: nothing was run.';
    const line = await verificationLine([
      { type: 'stageStarted', stageId: 'verification', attempt: 1 },
      { type: 'stageSkipped', stageId: 'verification', reason, leftOut: true },
      { type: 'stageSkipped', stageId: 'repair', reason: '"Verification" was skipped', becauseOf: 'verification' },
    ]);
    assert.deepEqual(line, { outcome: 'skipped', text: `Not verified: ${reason}` });
  });

  it('not asked: the user did not ask for verification', async () => {
    const reason = 'Verification (npm install, build and tests) was not requested for this run';
    const line = await verificationLine([
      { type: 'stageSkipped', stageId: 'verification', reason, leftOut: true, notRequested: true },
      { type: 'stageSkipped', stageId: 'repair', reason: '"Verification" was skipped', becauseOf: 'verification' },
    ]);
    assert.deepEqual(line, { outcome: 'notAsked', text: `Not verified: ${reason}` });
  });
});
