import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Extracts the data model for the review step; answers specReview (or specRefused). */
export const handleExtract: Handler<'extract'> = async (message, context) => {
  try {
    await context.spec.extract(message.requestId, message.requirements, message.projectName, message.provider);
  } catch (error) {
    context.log.error(`Extraction failed: ${errorText(error)}`);
    await context.post({ type: 'specRefused', replyTo: message.requestId, reason: `Takoss could not read the requirements: ${errorText(error)}`.slice(0, 2000) });
  }
};
