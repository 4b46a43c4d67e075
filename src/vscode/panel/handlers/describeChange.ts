import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** "Describe a change": read against the spec under review; a failure is a specRefused with why. */
export const handleDescribeChange: Handler<'describeChange'> = async (message, context) => {
  try {
    await context.change.describe(message.requestId, message.spec, message.text, message.provider);
  } catch (error) {
    context.log.error(`Reading the change failed: ${errorText(error)}`);
    await context.post({ type: 'specRefused', replyTo: message.requestId, reason: `Takoss could not read the change: ${errorText(error)}`.slice(0, 2000) });
  }
};
