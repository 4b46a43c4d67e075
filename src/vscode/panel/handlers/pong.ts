import type { Handler } from './context';

/** A reply to a host ping; an unknown id is late or forged, and only worth a debug line. */
export const handlePong: Handler<'pong'> = (message, context) => {
  if (!context.settlePong(message.replyTo, message.receivedAt)) {
    context.log.debug(`Ignored pong for unknown or expired request ${message.replyTo}`);
  }
};
