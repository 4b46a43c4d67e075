import { errorText } from '../../../core/log';
import type { Handler } from './context';

export const handleOpenFile: Handler<'openFile'> = async (message, context) => {
  try {
    await context.runs.openFile(message.runId, message.path);
  } catch (error) {
    context.log.warn(`Could not open ${message.path}: ${errorText(error)}`);
  }
};
