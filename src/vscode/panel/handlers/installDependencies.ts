import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** "Install dependencies" from the result view: the host asks the user, runs npm's install step, and answers how it went. */
export const handleInstallDependencies: Handler<'installDependencies'> = async (message, context) => {
  const reply = { type: 'dependenciesInstalled', replyTo: message.requestId, runId: message.runId } as const;
  try {
    await context.post({ ...reply, ...(await context.runs.installDependencies(message.runId)) });
  } catch (error) {
    context.log.error(`Installing the dependencies of run ${message.runId} failed: ${errorText(error)}`);
    const text = errorText(error).slice(0, 1900);
    await context.post({ ...reply, outcome: 'failed', message: `Installing the dependencies failed: ${text}`, status: { state: 'unavailable', command: 'npm install', reason: text } });
  }
};
