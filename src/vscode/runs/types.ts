import type { AcceptedModel } from '../../model/run/events';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { ProviderChoice } from '../../model/protocol';
import type { VerifyStep } from '../../core/verify/verifier';
import type { Confirm } from '../prompts';
import type { RemovedFiles } from '../generation/workspaceSink';

export interface GenerateInput {
  spec: ProjectSpec;
  provider: ProviderChoice;
  /** Workspace-relative folder; default from takoss.outputFolderPattern. */
  folder?: string;
  /** The webview asks to run npm install, build and tests afterwards (trusted workspaces only; the host asks the user first). */
  verify?: boolean;
  /** Into a folder that has files: keep each existing file unless it is listed to be replaced. */
  merge?: { replace: string[] };
  /** Commit what the run wrote to git (initialising a repository when needed). */
  git?: boolean;
  /** `spec` is Claude's model as accepted in the review step: the run does not ask Claude for it again. */
  acceptedModel?: AcceptedModel;
}

/** What a started run tells the view that asked for it (the runAccepted reply without its id). */
export interface AcceptedRun {
  runId: string;
  /** Workspace-relative folder the project is written to. */
  folder: string;
  entities: string[];
  warnings: string[];
}

/**
 * Who asked for a run: told once whether it started (before its first event, so the asker can
 * follow it from the start) or why it was refused.
 */
export interface RunRequester {
  accepted(run: AcceptedRun): Promise<void> | void;
  refused(reason: string): Promise<void> | void;
}

/** How the service asks the user (modals by default) and, for tests, what verification runs. */
export interface RunHostOptions {
  /** Asks before running generated code, deleting a run's files, replacing existing files, or starting a second run. */
  confirm?: Confirm;
  /** For tests: other verification steps than npm install, build and test. */
  verifySteps?: (projectDir: string) => VerifyStep[];
  /** For tests: the notification offering to install a generated project's dependencies. */
  notify?: (message: string, ...actions: string[]) => Thenable<string | undefined>;
}

/** What "Remove the files" did: removed, kept because they changed since the run, or nothing (declined). */
export interface DiscardResult extends RemovedFiles {
  declined: boolean;
}

/** An update of a generated project: a run to memory over its folder ("Change This Project…"). */
export interface UpdateInput {
  spec: ProjectSpec;
  provider: ProviderChoice;
  /** The project's folder, and how the run names it. */
  root: import('vscode').Uri;
  folder: string;
  acceptedModel?: AcceptedModel;
  /** Every file the run generated (by path), once it ended, with its status. */
  ended(status: string, files: ReadonlyMap<string, import('../../core/generator/fileSet').GeneratedFile>, runId: string): Promise<void>;
}
