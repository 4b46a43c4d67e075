import type { Handler } from './context';

/** Stops reading the requirements for an extract request (the webview has gone back to the form). */
export const handleCancelExtract: Handler<'cancelExtract'> = (message, context) => {
  if (!context.spec.cancelExtract(message.requestId)) context.log.debug(`Cancel for extract request ${message.requestId} that is not running`);
};
