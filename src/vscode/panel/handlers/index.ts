import { errorText } from '../../../core/log';
import type { WebviewToHost } from '../../../model/protocol';
import { handleAskAboutRun, handleAskQuestion, handleOpenAnswerLink, handleReviewAskedChange } from './ask';
import { handleCancelExtract } from './cancelExtract';
import { handleCancelRefine } from './cancelRefine';
import { handleCancelRun } from './cancelRun';
import { handleCheckDependencies } from './checkDependencies';
import type { HandlerContext, HandlerTable } from './context';
import { handleApplyUpdate, handleCancelUpdate, handleOpenChangedFile, handleOpenUpdateDiff, handleUpdateProject } from './changeProject';
import { handleDescribeChange } from './describeChange';
import { handleDiscardRun } from './discardRun';
import { handleExportZip } from './exportZip';
import { handleExtract } from './extract';
import { handleGenerate } from './generate';
import { handleInstallDependencies } from './installDependencies';
import { handleOpenFile } from './openFile';
import { handlePing } from './ping';
import { handlePong } from './pong';
import { handleRateRun } from './rateRun';
import { handleReadAhead } from './readAhead';
import { handleReadFile } from './readFile';
import { handleRefineModel } from './refineModel';
import { handleReady } from './ready';
import { handleResumeRun } from './resumeRun';
import { handleReviewSpec } from './reviewSpec';
import { handleSetApiKey } from './setApiKey';
import { handleShowLog } from './showLog';
import { handleWebviewError } from './webviewError';

/** One handler per webview message type; the type system insists every type has one. */
export const messageHandlers: HandlerTable = {
  ready: handleReady,
  ping: handlePing,
  pong: handlePong,
  webviewError: handleWebviewError,
  extract: handleExtract,
  cancelExtract: handleCancelExtract,
  readAhead: handleReadAhead,
  reviewSpec: handleReviewSpec,
  generate: handleGenerate,
  cancelRun: handleCancelRun,
  openFile: handleOpenFile,
  readFile: handleReadFile,
  exportZip: handleExportZip,
  discardRun: handleDiscardRun,
  resumeRun: handleResumeRun,
  setApiKey: handleSetApiKey,
  rateRun: handleRateRun,
  refineModel: handleRefineModel,
  cancelRefine: handleCancelRefine,
  describeChange: handleDescribeChange,
  updateProject: handleUpdateProject,
  openUpdateDiff: handleOpenUpdateDiff,
  applyUpdate: handleApplyUpdate,
  cancelUpdate: handleCancelUpdate,
  openChangedFile: handleOpenChangedFile,
  askAboutRun: handleAskAboutRun,
  askQuestion: handleAskQuestion,
  openAnswerLink: handleOpenAnswerLink,
  reviewAskedChange: handleReviewAskedChange,
  checkDependencies: handleCheckDependencies,
  installDependencies: handleInstallDependencies,
  showLog: handleShowLog,
};

/** The one place a validated webview message meets its handler; a failing handler is logged, never thrown. */
export async function dispatch(message: WebviewToHost, context: HandlerContext): Promise<void> {
  const handler = messageHandlers[message.type] as (m: WebviewToHost, c: HandlerContext) => void | Promise<void>;
  try {
    await handler(message, context);
  } catch (error) {
    // A failing handler must never take the extension host down with it.
    context.log.error(`Handling webview message "${message.type}" failed: ${errorText(error)}`);
  }
}
