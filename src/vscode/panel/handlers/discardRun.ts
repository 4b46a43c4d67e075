import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Removes the files of an unfinished run, on the user's request. */
export const handleDiscardRun: Handler<'discardRun'> = async (message, context) => {
  try {
    const removed = await context.runs.discard(message.runId);
    await context.post({ type: 'runDiscarded', replyTo: message.requestId, removed });
  } catch (error) {
    context.log.error(`Removing the files of run ${message.runId} failed: ${errorText(error)}`);
    await context.post({ type: 'runDiscarded', replyTo: message.requestId, removed: 0, error: errorText(error).slice(0, 2000) });
  }
};
