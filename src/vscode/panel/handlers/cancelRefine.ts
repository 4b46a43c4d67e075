import type { Handler } from './context';

/** Stops a "Refine with Claude" request still waiting for Claude (its reply says it was cancelled). */
export const handleCancelRefine: Handler<'cancelRefine'> = (message, context) => {
  if (!context.spec.cancelRefine(message.requestId)) context.log.debug(`Cancel for refine request ${message.requestId} that is not pending`);
};
