import type { Handler } from './context';

/** An uncaught error inside the webview: keep it in the log where users and we can find it. */
export const handleWebviewError: Handler<'webviewError'> = (message, context) => {
  context.log.error(`Webview error: ${message.message}${message.stack ? `\n${message.stack}` : ''}`);
};
