import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/model/run/events';
import type { Logger } from '../../src/core/log';
import type { HostToWebview } from '../../src/model/protocol';
import type { TakossApi } from '../../src/vscode/api';
import { RunViewer } from '../../src/vscode/panel/runViewer';
import { RunService } from '../../src/vscode/runs/RunService';
import type { GenerateInput } from '../../src/vscode/runs/types';
import type { ApiKeyStore } from '../../src/vscode/secrets';
import { SettingsWatcher } from '../../src/vscode/settings';
import type { GenerationHistory } from '../../src/vscode/history/GenerationHistory';
import type { ConsentPrompt } from '../../src/core/verify/consent';
import type { VerifyStep } from '../../src/core/verify/verifier';
import type { Confirm } from '../../src/vscode/prompts';

export const EXTENSION_ID = 'takoss.takoss';

export async function activateTakoss(): Promise<TakossApi> {
  const extension = vscode.extensions.getExtension<TakossApi>(EXTENSION_ID);
  assert.ok(extension, `extension ${EXTENSION_ID} is not installed in this host`);
  return extension.activate();
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export async function waitFor<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const quietLog: Logger = { trace() {}, debug() {}, info() {}, warn() {}, error() {} };
const noKeys = { get: async () => undefined } as unknown as ApiKeyStore;

/**
 * The window's run service as a (freshly reloaded) window creates it, with one view posting into
 * an array instead of a webview: tests drive runs and read every message the webview would get.
 * `runner` starts and resumes runs through the view (replies included) and acts on them through
 * the service. The host's confirmations (modals in VS Code) are answered from `answers`, in order
 * (a promise: an answer that comes later), and kept in `prompts`; a question no answer was given
 * for fails the action that asked it (no test may meet a modal by surprise).
 */
export function standaloneRunner(
  journalDir: string,
  history?: GenerationHistory,
  options: {
    apiKey?: string;
    answers?: (boolean | Promise<boolean>)[];
    verifySteps?: (projectDir: string) => VerifyStep[];
    notify?: (message: string, ...actions: string[]) => Thenable<string | undefined>;
  } = {},
) {
  const posted: HostToWebview[] = [];
  const prompts: ConsentPrompt[] = [];
  const answers = [...(options.answers ?? [])];
  const confirm: Confirm = async (prompt) => {
    prompts.push(prompt);
    const answer = answers.shift();
    if (answer === undefined) throw new Error(`The test did not expect to be asked: ${prompt.message}`);
    return answer;
  };
  const settings = new SettingsWatcher(quietLog);
  const keys = options.apiKey ? ({ get: async () => options.apiKey } as unknown as ApiKeyStore) : noKeys;
  const service = new RunService(quietLog, settings, keys, journalDir, history, { confirm, verifySteps: options.verifySteps, notify: options.notify });
  const viewer = new RunViewer(service, async (message) => (posted.push(message), true));
  const runner = {
    service,
    viewer,
    start: ({ requestId, ...input }: GenerateInput & { requestId: string }) => viewer.start(requestId, input),
    resume: (requestId: string, runId: string) => viewer.resume(requestId, runId),
    sendSnapshot: () => viewer.sendSnapshot(),
    discard: (runId: string) => service.discard(runId),
    cancel: (runId: string) => service.cancel(runId),
    get runningCount() {
      return service.runningCount;
    },
  };
  // Every event of the run as the service has it (the view follows only the run it last started).
  const eventsOf = (runId: string): RunEvent[] => [...(service.registry.find(runId)?.events() ?? [])];
  const dispose = () => (viewer.dispose(), service.dispose(), settings.dispose());
  return { runner, posted, eventsOf, prompts, answersLeft: () => answers.length, dispose };
}
