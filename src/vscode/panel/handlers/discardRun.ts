import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Removes the files of an unfinished run, on the user's request, once the host's modal confirms it. */
export const handleDiscardRun: Handler<'discardRun'> = async (message, context) => {
  try {
    const { removed, kept, declined } = await context.runs.discard(message.runId);
    await context.post({ type: 'runDiscarded', replyTo: message.requestId, removed, kept: kept.slice(0, 5000), declined });
  } catch (error) {
    context.log.error(`Removing the files of run ${message.runId} failed: ${errorText(error)}`);
    await context.post({ type: 'runDiscarded', replyTo: message.requestId, removed: 0, kept: [], declined: false, error: errorText(error).slice(0, 2000) });
  }
};
