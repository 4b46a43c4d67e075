// Verification's outcome is computed once (model/run/outcome.ts) and said the same way by the result
// view (test/component/verificationResult), the sidebar (through the history record) and the log
// channel and CLI (runLog). Older history records, which kept only ok/failedStep, still read.
import * as assert from 'node:assert/strict';
import { GenerationRecord, recordedVerification, verificationRecord } from '../../src/core/history/store';
import { runLogListener } from '../../src/core/pipeline/runLog';
import { type RunEventInput, RunEventStream } from '../../src/model/run/events';
import { verificationOutcome, verificationText } from '../../src/model/run/outcome';
import { replayRun } from '../../src/model/run/runState';

const stage = (id: string, ...dependsOn: string[]) => ({ id, title: id, dependsOn });
const step = (stageId: string, name: string, ok: boolean, firstErrors: string[] = []): RunEventInput => ({ type: 'verificationStep', stageId, step: name, ok, durationMs: 5, firstErrors });
const usage = { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 };

/** A finished run: one generating stage, then `verification` (and repair), then runFinished; with the log lines it printed. */
function finishedRun(verification: RunEventInput[]) {
  const stream = new RunEventStream('r');
  const logged: string[] = [];
  stream.subscribe(runLogListener((line) => line.kind === 'run' && logged.push(line.text)));
  const inputs: RunEventInput[] = [
    { type: 'runStarted', concurrency: 1, stages: [stage('gen'), stage('verification', 'gen'), stage('repair', 'verification')] },
    { type: 'stageFinished', stageId: 'gen', durationMs: 1, attempts: 1 },
    ...verification,
    { type: 'runFinished', summary: { status: 'succeeded', stages: { total: 3, succeeded: 3, failed: 0, skipped: 0, cancelled: 0, degraded: 0 }, files: 0, durationMs: 9, usage } },
  ];
  for (const input of inputs) stream.emit(input);
  return { state: replayRun(stream.events), logged };
}

describe('verification: one outcome, said the same everywhere', () => {
  const runs: Record<string, RunEventInput[]> = {
    verified: [step('verification', 'install', true), step('verification', 'test', true), { type: 'stageFinished', stageId: 'verification', durationMs: 1, attempts: 1 }],
    failed: [step('verification', 'install', true), step('verification', 'build', false, ['error TS2304']), { type: 'stageFinished', stageId: 'verification', durationMs: 1, attempts: 1 }],
    skipped: [{ type: 'stageSkipped', stageId: 'verification', reason: 'Restricted Mode: not run', leftOut: true }],
    notAsked: [{ type: 'stageSkipped', stageId: 'verification', reason: 'not requested', leftOut: true, notRequested: true }],
  };

  for (const [kind, events] of Object.entries(runs)) {
    it(`${kind}: the history record (the sidebar) and the log say what the result view says`, () => {
      const { state, logged } = finishedRun(events);
      const outcome = verificationOutcome(state);
      assert.equal(outcome.kind, kind);
      const record = GenerationRecord.shape.verification.parse(verificationRecord(outcome));
      assert.deepEqual(recordedVerification({ verification: record }), outcome, 'the record keeps the outcome');
      assert.equal(record?.ok, kind === 'verified');
      // The log channel and the CLI say verification's end when it ran (a skip is said when it happens).
      const ran = kind === 'verified' || kind === 'failed';
      assert.deepEqual(logged.filter((line) => line === verificationText(outcome)), ran ? [verificationText(outcome)] : []);
    });
  }

  it('failed at a step: where, and its first error', () => {
    const outcome = verificationOutcome(finishedRun(runs.failed).state);
    assert.deepEqual(outcome, { kind: 'failed', step: 'build', detail: 'error TS2304' });
    assert.equal(verificationText(outcome), 'Verification failed at build: error TS2304');
  });

  it('a run that ended before verification ran was not verified (not "pending")', () => {
    const outcome = verificationOutcome(finishedRun([{ type: 'stageCancelled', stageId: 'verification' }]).state);
    assert.equal(outcome.kind, 'skipped');
    assert.equal(verificationRecord({ kind: 'pending', detail: 'not started yet' }).outcome?.kind, 'skipped', 'an interrupted run’s record');
  });

  it('reads records kept before the outcome was: ok / failedStep, or nothing', () => {
    assert.equal(verificationText(recordedVerification({ verification: { ok: true } })), 'Verified: install, build and tests passed');
    assert.equal(verificationText(recordedVerification({ verification: { ok: false, failedStep: 'test' } })), 'Verification failed at test: see the run');
    assert.equal(verificationText(recordedVerification({})), 'Not verified: not run');
  });
});
