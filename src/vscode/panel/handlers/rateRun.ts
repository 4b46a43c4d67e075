import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Keeps the user's thumbs up/down (and note) on the generation's history record. */
export const handleRateRun: Handler<'rateRun'> = async (message, context) => {
  try {
    const rating = await context.runs.rate(message.runId, message.up, message.note?.trim() || undefined);
    context.log.info(`Generation ${message.runId} rated ${message.up ? 'up' : 'down'}`);
    await context.post({ type: 'runRated', replyTo: message.requestId, runId: message.runId, rating });
  } catch (error) {
    context.log.error(`Rating failed: ${errorText(error)}`);
    await context.post({ type: 'runRated', replyTo: message.requestId, runId: message.runId, error: errorText(error).slice(0, 2000) });
  }
};
