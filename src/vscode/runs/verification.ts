import * as vscode from 'vscode';
import type { RunEvent } from '../../model/run/events';
import type { GenerationRequest } from '../../core/pipeline/orchestrator';
import { StageSkippedError } from '../../core/pipeline/scheduler';
import { type ClaudeFile, filesClaudeWrote } from '../../core/verify/claudeFiles';
import { countFiles, listSome, verifyConsentPrompt } from '../../core/verify/consent';
import { defaultSteps, describeStep, type VerifyStep, verifyProject } from '../../core/verify/verifier';
import { type Confirm, confirmUnlessAborted } from '../prompts';

export interface VerificationContext {
  /** The webview asked for verification (a request: the host still asks the user). */
  requested: boolean;
  target: vscode.Uri;
  /** The project folder as the user knows it (workspace-relative). */
  folder: string;
  /** Claude takes part in the run. */
  claude: boolean;
  /** The run's events so far (for resumed runs, the interrupted run's too): who wrote which file. */
  events: () => readonly RunEvent[];
  confirm: Confirm;
  /** Says something in the run (a warning event). */
  say: (message: string) => void;
  /** For tests: other steps than npm install, build and test. */
  steps?: (projectDir: string) => VerifyStep[];
}

/**
 * Whether a run may run the generated project's npm install, build and tests, and how: only when
 * the webview asked for it, the workspace is trusted, the folder is on this machine's disk, and the
 * user agreed in a modal right before anything runs. Otherwise the verification stage is skipped
 * with the reason (and how to change it).
 *
 * The question comes when verification is about to start, not when the run starts: only then are
 * the files Claude wrote known, so the user agrees to code that exists and is named, not to
 * whatever Claude might write. A run that fails earlier never asks. After a repair round, Claude's
 * rewritten files are new code: the user is asked again before they run.
 */
export function verificationFor(context: VerificationContext): Pick<GenerationRequest, 'verify' | 'verificationSkippedBecause' | 'verificationRequested'> {
  if (!vscode.workspace.isTrusted) {
    return {
      verificationSkippedBecause:
        'Restricted Mode: Takoss never runs generated code (npm install, builds, tests) in an untrusted workspace. To verify, trust the workspace (Manage Workspace Trust) and generate again.',
    };
  }
  if (!context.requested) return { verificationSkippedBecause: 'Verification (npm install, build and tests) was not requested for this run', verificationRequested: false };
  if (context.target.scheme !== 'file') return { verificationSkippedBecause: 'Verification needs a folder on this machine; this workspace is remote or virtual.' };
  const dir = context.target.fsPath;
  const keyOf = (file: ClaudeFile) => `${file.path}\n${file.sha256}`;
  /** The Claude files (as they were) the user last agreed to run; undefined until asked. */
  let agreed: Set<string> | undefined;
  return {
    verify: async (signal, listener) => {
      // Chosen now: `npm ci` when the project has a lockfile by then.
      const steps = context.steps?.(dir) ?? defaultSteps(dir);
      const commands = steps.map(describeStep);
      const claudeFiles = filesClaudeWrote(context.events());
      const repaired = agreed && claudeFiles.filter((file) => !(agreed as Set<string>).has(keyOf(file)));
      if (!agreed || repaired?.length) {
        const prompt = verifyConsentPrompt({ folder: context.folder, commands, claude: context.claude, claudeFiles, repaired });
        if (!(await confirmUnlessAborted(context.confirm, prompt, signal))) {
          throw new StageSkippedError(
            repaired
              ? `You declined to run the install, build and tests again with Claude's repairs of ${listSome(repaired.map((f) => f.path))}: those files are written but not verified.`
              : `You declined to run the install, build and tests of ${context.folder}: nothing was run. The project is written; verify it yourself with ${commands.join(', ')}.`,
          );
        }
        agreed = new Set(claudeFiles.map(keyOf));
        const withClaude = claudeFiles.length ? `, including ${countFiles(claudeFiles.length)} Claude wrote (${listSome(claudeFiles.map((f) => f.path), 3)})` : '';
        context.say(`You agreed to run ${commands.join(', ')} in ${context.folder}${repaired ? ' again' : ''}: this runs the generated code${withClaude}.`);
      }
      // Each step is told as it starts and ends (verificationStep events on the run's stream).
      return verifyProject(dir, { signal, steps, onStepStart: listener?.onStepStart, onStepEnd: listener?.onStepEnd });
    },
  };
}
