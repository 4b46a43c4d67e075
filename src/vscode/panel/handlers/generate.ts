import type { Handler } from './context';

/** Starts a generation; the runner answers with runAccepted or runRefused, then streams events. */
export const handleGenerate: Handler<'generate'> = async (message, context) => {
  await context.runs.start({ requestId: message.requestId, spec: message.spec, provider: message.provider, folder: message.folder, verify: message.verify, merge: message.merge, git: message.git, acceptedModel: message.acceptedModel });
};
