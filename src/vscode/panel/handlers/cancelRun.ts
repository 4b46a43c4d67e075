import type { Handler } from './context';

/** Cancel reaches every running stage and request of the run (AbortSignal). */
export const handleCancelRun: Handler<'cancelRun'> = (message, context) => {
  if (!context.runs.cancel(message.runId)) context.log.debug(`Cancel for run ${message.runId} that is not running`);
};
