import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** "Refine with Claude": only the domain-model call on the reviewed spec; the reply carries Claude's model or why not. */
export const handleRefineModel: Handler<'refineModel'> = async (message, context) => {
  try {
    await context.spec.refineModel(message.requestId, message.spec);
  } catch (error) {
    context.log.error(`Refining the data model failed: ${errorText(error)}`);
    await context.post({
      type: 'modelRefined',
      replyTo: message.requestId,
      summary: [],
      changed: false,
      failure: 'failed',
      error: `Takoss could not ask Claude: ${errorText(error)}`.slice(0, 2000),
    });
  }
};
