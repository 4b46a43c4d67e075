import { handleCancelRun } from './cancelRun';
import type { HandlerTable } from './context';
import { handleGenerate } from './generate';
import { handleOpenFile } from './openFile';
import { handlePing } from './ping';
import { handlePong } from './pong';
import { handleReady } from './ready';
import { handleWebviewError } from './webviewError';

/** One handler per webview message type; the type system insists every type has one. */
export const messageHandlers: HandlerTable = {
  ready: handleReady,
  ping: handlePing,
  pong: handlePong,
  webviewError: handleWebviewError,
  generate: handleGenerate,
  cancelRun: handleCancelRun,
  openFile: handleOpenFile,
};
