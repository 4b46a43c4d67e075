import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/model/run/events';
import type { Logger } from '../../src/core/log';
import type { HostToWebview } from '../../src/model/protocol';
import type { TakossApi } from '../../src/vscode/api';
import { GenerationRunner } from '../../src/vscode/generation/GenerationRunner';
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
 * A GenerationRunner as a (freshly reloaded) panel creates it, posting into an array instead of a
 * webview: tests drive runs and read every message the webview would get. The host's confirmations
 * (modals in VS Code) are answered from `answers`, in order (a promise: an answer that comes later),
 * and kept in `prompts`; a question no answer was given for fails the action that asked it (no test
 * may meet a modal by surprise).
 */
export function standaloneRunner(
  journalDir: string,
  history?: GenerationHistory,
  options: { apiKey?: string; answers?: (boolean | Promise<boolean>)[]; verifySteps?: (projectDir: string) => VerifyStep[] } = {},
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
  const runner = new GenerationRunner(quietLog, settings, keys, async (message) => (posted.push(message), true), journalDir, history, {
    confirm,
    verifySteps: options.verifySteps,
  });
  const eventsOf = (runId: string): RunEvent[] => posted.flatMap((m) => (m.type === 'runEvent' && m.event.runId === runId ? [m.event] : []));
  return { runner, posted, eventsOf, prompts, answersLeft: () => answers.length, dispose: () => (runner.dispose(), settings.dispose()) };
}
