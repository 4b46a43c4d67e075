import type { Handler } from './context';

/** The webview checks that the host is alive; answer at once. */
export const handlePing: Handler<'ping'> = async (message, context) => {
  await context.post({ type: 'pong', replyTo: message.requestId, receivedAt: Date.now() });
};
