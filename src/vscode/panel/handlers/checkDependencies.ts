import { errorText } from '../../../core/log';
import type { Handler } from './context';

/** Whether the result view offers "Install dependencies": the project's node_modules, the workspace's trust. */
export const handleCheckDependencies: Handler<'checkDependencies'> = async (message, context) => {
  try {
    await context.post({ type: 'dependencyStatus', replyTo: message.requestId, runId: message.runId, status: context.runs.dependencyStatus(message.runId) });
  } catch (error) {
    context.log.warn(`Could not tell whether the dependencies of run ${message.runId} are installed: ${errorText(error)}`);
    const reason = errorText(error).slice(0, 2000);
    await context.post({ type: 'dependencyStatus', replyTo: message.requestId, runId: message.runId, status: { state: 'unavailable', command: 'npm install', reason } });
  }
};
