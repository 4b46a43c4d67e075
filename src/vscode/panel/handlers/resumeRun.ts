import type { Handler } from './context';

/** Continues an interrupted run; the runner answers with runAccepted or runRefused. */
export const handleResumeRun: Handler<'resumeRun'> = async (message, context) => {
  await context.runs.resume(message.requestId, message.runId);
};
