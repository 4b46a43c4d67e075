import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Saves the run's project as a zip; answers where it went (or why not). */
export const handleExportZip: Handler<'exportZip'> = async (message, context) => {
  try {
    const result = await context.runs.exportZip(message.runId);
    if (result.saved) context.log.info(`Exported ${result.files} files (${result.bytes} bytes) to ${result.saved.fsPath}`);
    await context.post({ type: 'zipExported', replyTo: message.requestId, path: result.saved?.fsPath, files: result.files, bytes: result.bytes });
  } catch (error) {
    context.log.error(`Export as zip failed: ${errorText(error)}`);
    await context.post({ type: 'zipExported', replyTo: message.requestId, files: 0, bytes: 0, error: errorText(error).slice(0, 2000) });
  }
};
