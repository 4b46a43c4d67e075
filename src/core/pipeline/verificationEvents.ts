// Verification's steps on the run's stream: each step says when it starts (stage progress) and how it
// ended (a verificationStep event), in the verification stage and in each repair round. A verify
// function that does not report its steps live still has them told, from its result.
import type { RunEventStream } from '../../model/run/events';
import type { StepResult, Verify, VerifyResult } from '../verify/verifier';
import type { StageContext } from './scheduler';

const MAX_ERRORS = 20;

export function verificationStepEvent(stageId: string, step: StepResult) {
  return {
    type: 'verificationStep' as const,
    stageId,
    step: step.name,
    ok: step.ok,
    durationMs: Math.max(0, step.durationMs),
    firstErrors: step.firstErrors.slice(0, MAX_ERRORS).map((line) => line.slice(0, 2000)),
    ...(step.timedOut ? { timedOut: true } : {}),
    ...(step.cancelled ? { cancelled: true } : {}),
  };
}

/** `verify` as run by one stage: its steps told on `stream` as that stage's. */
export function reportedVerify(verify: Verify, stream: RunEventStream, stageId: string, context: Pick<StageContext<unknown>, 'progress'>) {
  return async (signal: AbortSignal): Promise<VerifyResult> => {
    let told = 0;
    const result = await verify(signal, {
      onStepStart: (name) => context.progress(`Verification: ${name}…`),
      onStepEnd: (step) => {
        told += 1;
        stream.emit(verificationStepEvent(stageId, step));
      },
    });
    for (const step of result.steps.slice(told)) stream.emit(verificationStepEvent(stageId, step));
    return result;
  };
}
