import type { Handler } from './context';

/** Extracts a long draft ahead while the user is still on the form; answers nothing (a failure is only logged, by dispatch). */
export const handleReadAhead: Handler<'readAhead'> = async (message, context) => {
  const startedAt = Date.now();
  if (await context.spec.readAhead(message.requirements)) context.log.debug(`Extracted the draft ahead (${message.requirements.length} characters) in ${Date.now() - startedAt} ms`);
};
