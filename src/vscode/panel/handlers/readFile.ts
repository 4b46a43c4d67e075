import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** A generated file's text and explanation for the result view's code viewer. */
export const handleReadFile: Handler<'readFile'> = async (message, context) => {
  try {
    const file = await context.runs.readFile(message.runId, message.path);
    await context.post({ type: 'fileContent', replyTo: message.requestId, ...file });
  } catch (error) {
    context.log.warn(`Could not read ${message.path}: ${errorText(error)}`);
    await context.post({
      type: 'fileContent',
      replyTo: message.requestId,
      path: message.path,
      content: null,
      truncated: false,
      bytes: 0,
      error: errorText(error).slice(0, 2000),
      serves: [],
      requirements: [],
    });
  }
};
