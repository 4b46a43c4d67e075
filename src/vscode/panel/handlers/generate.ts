import type { Handler } from './context';

/** Starts a generation: a request whose reply is runAccepted (then the run's events) or runRefused. */
export const handleGenerate: Handler<'generate'> = async ({ requestId, spec, provider, folder, verify, merge, git, acceptedModel }, context) => {
  await context.viewer.start(requestId, { spec, provider, folder, verify, merge, git, acceptedModel });
};
