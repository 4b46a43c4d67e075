// "Install dependencies" on a generated project (its imports show "Cannot find module" until npm
// has installed them): the webview asks whether it is needed and may request it; the host asks the
// user (naming the command) and runs it only in a trusted workspace.
import * as z from 'zod';
import { RequestId, ShortText } from './common';

const RunId = z.string().min(1).max(100);

/**
 * installed: node_modules is there (or there is nothing to install); missing: it is not, and Takoss
 * may install it; installing: an install is going on; restricted: not in an untrusted workspace;
 * unavailable: the folder is not on this machine's disk.
 */
export const DependencyState = z.enum(['installed', 'missing', 'installing', 'restricted', 'unavailable']);
export type DependencyState = z.infer<typeof DependencyState>;

export const DependencyFacts = z.object({
  state: DependencyState,
  /** The command an install runs, as a person reads it ("npm install --ignore-scripts"). */
  command: z.string().max(500),
  /** Why it cannot be offered, and how to change that (restricted, unavailable). */
  reason: ShortText.optional(),
});
export type DependencyFacts = z.infer<typeof DependencyFacts>;

/** Does the run's project still need its dependencies installed? Answered by dependencyStatus. */
export const CheckDependenciesRequest = z.object({ type: z.literal('checkDependencies'), requestId: RequestId, runId: RunId });

/** "Install dependencies": a request, not consent; answered by dependenciesInstalled once it ended. */
export const InstallDependenciesRequest = z.object({ type: z.literal('installDependencies'), requestId: RequestId, runId: RunId });

/** "Show Log": the Takoss output channel, where an install's npm output went. */
export const ShowLogRequest = z.object({ type: z.literal('showLog') });

export const DependencyStatus = z.object({ type: z.literal('dependencyStatus'), replyTo: RequestId, runId: RunId, status: DependencyFacts });

/** installed, failed, cancelled (by the user, while it ran), declined (in the host's question), refused (not allowed here). */
export const InstallOutcome = z.enum(['installed', 'failed', 'cancelled', 'declined', 'refused']);
export type InstallOutcome = z.infer<typeof InstallOutcome>;

export const InstallResult = z.object({
  outcome: InstallOutcome,
  /** What happened, in words (a failure's first error lines). */
  message: ShortText,
  /** The project's dependencies after it. */
  status: DependencyFacts,
});
export type InstallResult = z.infer<typeof InstallResult>;

export const DependenciesInstalled = InstallResult.extend({ type: z.literal('dependenciesInstalled'), replyTo: RequestId, runId: RunId });
