import * as vscode from 'vscode';
import { errorText, type Logger } from '../../core/log';
import { dependenciesMissing, installConsentPrompt, installStep } from '../../core/verify/dependencies';
import { describeStep, type StepResult, type VerifyStep, verifyProject } from '../../core/verify/verifier';
import type { DependencyFacts, InstallResult } from '../../model/protocol';
import { SHOW_LOG_COMMAND } from '../commands/showLog';
import type { Confirm } from '../prompts';
import type { RunRecord } from './runRegistry';

export const RESTRICTED_INSTALL =
  'Restricted Mode: Takoss never runs npm in an untrusted workspace, so it does not offer to install the dependencies. To install them, trust the workspace (Manage Workspace Trust), or run npm install yourself.';
const NOT_LOCAL = 'Installing the dependencies needs a folder on this machine; this workspace is remote or virtual.';

export interface InstallerHost {
  log: Logger;
  /** Asks before an install the webview requested (the notification's button is the user's own answer). */
  confirm: Confirm;
  /** For tests: other steps than verification's (only the install step is run). */
  steps?: (projectDir: string) => VerifyStep[];
  /** The offer after a generation (a notification; injectable for tests). */
  notify?: (message: string, ...actions: string[]) => Thenable<string | undefined>;
  /** For tests: whether the workspace is trusted (VS Code's answer otherwise). */
  trusted?: () => boolean;
}

const INSTALL = 'Install Dependencies';
const SHOW_LOG = 'Show Log';

/**
 * Installs a generated project's dependencies with verification's install step (`npm ci`/`npm
 * install` with --ignore-scripts, a scrubbed environment), on the user's word, in a trusted
 * workspace only: until it runs, the project's files show "Cannot find module" errors. One install
 * per folder at a time; its output goes to the Takoss log, its progress to a cancellable notification.
 */
export class DependencyInstaller {
  private readonly installing = new Set<string>();

  constructor(private readonly host: InstallerHost) {}

  private trusted(): boolean {
    return this.host.trusted?.() ?? vscode.workspace.isTrusted;
  }

  /** Whether the project needs its dependencies installed, and whether Takoss may do it here. */
  status(record: RunRecord): DependencyFacts {
    const local = record.target.scheme === 'file';
    const command = describeStep(installStep(local ? record.target.fsPath : '', this.host.steps));
    if (!local) return { state: 'unavailable', command, reason: NOT_LOCAL };
    // Before the folder check: npm creates node_modules long before it has finished.
    if (this.installing.has(record.target.toString())) return { state: 'installing', command };
    if (!dependenciesMissing(record.target.fsPath)) return { state: 'installed', command };
    if (!this.trusted()) return { state: 'restricted', command, reason: RESTRICTED_INSTALL };
    return { state: 'missing', command };
  }

  /** After a generation: a notification offering the install, when the project needs one and Takoss may run it. */
  async offer(record: RunRecord): Promise<void> {
    const status = this.status(record);
    if (status.state !== 'missing') return;
    const notify = this.host.notify ?? ((message, ...actions) => vscode.window.showInformationMessage(message, ...actions));
    const choice = await notify(
      `${record.folder}: its dependencies are not installed yet, so its files show errors such as "Cannot find module". Install them now? Takoss would run ${status.command} (no install scripts, no secrets in its environment).`,
      INSTALL,
    );
    if (choice === INSTALL) await this.install(record, { agreed: true });
  }

  /**
   * Runs the install; `agreed` when the user's own click in the host's notification asked for it,
   * otherwise (a request from the webview) the host asks first, naming the command.
   */
  async install(record: RunRecord, { agreed = false } = {}): Promise<InstallResult> {
    const before = this.status(record);
    // Trust is checked here too: status says "installed" whenever node_modules exists, trusted or not.
    if (before.state === 'unavailable') return this.refused(record, before, NOT_LOCAL);
    if (!this.trusted()) return this.refused(record, before, RESTRICTED_INSTALL);
    if (before.state === 'installing') return this.refused(record, before, `The dependencies of ${record.folder} are being installed already.`);
    const dir = record.target.fsPath;
    const step = installStep(dir, this.host.steps);
    if (!agreed && !(await this.host.confirm(installConsentPrompt(record.folder, step)))) {
      this.host.log.info(`Installing the dependencies of ${record.folder} was declined: nothing was run`);
      return { outcome: 'declined', message: 'You declined: nothing was installed.', status: this.status(record) };
    }
    const key = record.target.toString();
    this.installing.add(key);
    let result: StepResult;
    try {
      result = await this.runWithProgress(record, step);
    } finally {
      this.installing.delete(key);
    }
    return this.report(record, result);
  }

  private refused(record: RunRecord, status: DependencyFacts, message: string): InstallResult {
    this.host.log.warn(`Install of the dependencies of ${record.folder} refused: ${message}`);
    return { outcome: 'refused', message, status };
  }

  /** The install step, cancellable from its progress notification; npm's output goes to the log as it comes. */
  private runWithProgress(record: RunRecord, step: VerifyStep): Thenable<StepResult> {
    const command = describeStep(step);
    const title = `Installing the dependencies of ${record.folder}`;
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      const cancellation = token.onCancellationRequested(() => controller.abort());
      this.host.log.info(`${title}: ${command} (install scripts off, a minimal environment without secrets)`);
      progress.report({ message: command });
      const onOutput = (_step: string, chunk: string) => {
        const lines = chunk.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
        for (const line of lines) this.host.log.info(`npm: ${line}`);
        if (lines.length) progress.report({ message: lines[lines.length - 1].slice(0, 120) });
      };
      try {
        const verified = await verifyProject(record.target.fsPath, { signal: controller.signal, steps: [step], onOutput });
        // verifyProject runs nothing when cancelled before the step started.
        return verified.steps[0] ?? cancelledBeforeStart(step);
      } finally {
        cancellation.dispose();
      }
    });
  }

  /** Tells the user how it went (and the log); after a success, the TypeScript server sees the new modules. */
  private async report(record: RunRecord, step: StepResult): Promise<InstallResult> {
    const seconds = Math.max(1, Math.round(step.durationMs / 1000));
    const status = this.status(record);
    if (step.ok) {
      const message = `Installed the dependencies of ${record.folder} (${seconds} s): the "Cannot find module" errors go away.`;
      this.host.log.info(message);
      void vscode.window.showInformationMessage(message);
      await restartTypeScript(this.host.log);
      return { outcome: 'installed', message, status };
    }
    if (step.cancelled) {
      const message = `Cancelled: the install of ${record.folder} stopped after ${seconds} s, and its node_modules may be incomplete. Install again to finish it.`;
      this.host.log.warn(message);
      return { outcome: 'cancelled', message, status };
    }
    const why = step.firstErrors.slice(0, 3).join('; ') || `npm exited with ${step.exitCode ?? step.signal}`;
    const message = `Installing the dependencies of ${record.folder} failed: ${why}`.slice(0, 1900);
    this.host.log.error(`${message}\n${step.outputTail.slice(-2000)}`);
    void vscode.window.showErrorMessage(message, SHOW_LOG).then((choice) => choice === SHOW_LOG && vscode.commands.executeCommand(SHOW_LOG_COMMAND));
    return { outcome: 'failed', message, status };
  }
}

function cancelledBeforeStart(step: VerifyStep): StepResult {
  return { name: step.name, ok: false, exitCode: null, signal: null, durationMs: 0, timedOut: false, cancelled: true, firstErrors: [], outputTail: '' };
}

/** The TypeScript server may hold on to "Cannot find module" until it looks again; a restart makes it. */
async function restartTypeScript(log: Logger): Promise<void> {
  try {
    if ((await vscode.commands.getCommands(true)).includes('typescript.restartTsServer')) await vscode.commands.executeCommand('typescript.restartTsServer');
  } catch (error) {
    log.warn(`Could not restart the TypeScript server: ${errorText(error)}`);
  }
}
