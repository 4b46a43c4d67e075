import { PROTOCOL_VERSION } from '../../../model/protocol';
import type { Handler } from './context';

/** The webview finished loading: tell it about the host, or explain a version mismatch. */
export const handleReady: Handler<'ready'> = async (message, context) => {
  if (message.protocolVersion !== PROTOCOL_VERSION) {
    context.log.error(
      `Webview speaks protocol ${message.protocolVersion}, host speaks ${PROTOCOL_VERSION}; reload the window after updating Takoss.`,
    );
    await context.post({
      type: 'rejected',
      reason: `Protocol version ${message.protocolVersion} is not supported (host: ${PROTOCOL_VERSION}). Reload the window.`,
      messageType: 'ready',
    });
    return;
  }
  context.markReady(message.protocolVersion);
  await context.post({ type: 'init', host: context.hostInfo() });
  // A webview that was hidden comes back empty: give it the run it was showing.
  await context.viewer.sendSnapshot();
  context.readyComplete();
};
