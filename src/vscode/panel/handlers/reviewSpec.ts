import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Re-checks the edited data model: problems, forecast, target folder. */
export const handleReviewSpec: Handler<'reviewSpec'> = async (message, context) => {
  try {
    await context.spec.review(message.requestId, message.spec, message.provider);
  } catch (error) {
    context.log.error(`Reviewing the data model failed: ${errorText(error)}`);
    await context.post({ type: 'specRefused', replyTo: message.requestId, reason: `Takoss could not check the data model: ${errorText(error)}`.slice(0, 2000) });
  }
};
