import type { Handler } from './context';

/** Continues an interrupted run: a request whose reply is runAccepted (then the run's events) or runRefused. */
export const handleResumeRun: Handler<'resumeRun'> = async (message, context) => {
  await context.viewer.resume(message.requestId, message.runId);
};
