import * as vscode from 'vscode';
import type { ConsentPrompt } from '../core/verify/consent';

/**
 * Asks the user to agree to something the host is about to do (run generated code, delete or
 * overwrite files): true only when they pressed the agreeing button. The webview may request such
 * an action, but only the host asks and decides. Injectable so tests can answer.
 */
export type Confirm = (prompt: ConsentPrompt) => Promise<boolean>;

/** A modal warning: nothing else in the window can be used until it is answered; Escape declines. */
export const modalConfirm: Confirm = async ({ message, detail, confirm }) =>
  (await vscode.window.showWarningMessage(message, { modal: true, detail }, confirm)) === confirm;

/** Waits for an answer unless `signal` aborts first (the run was cancelled while the question was up). */
export function confirmUnlessAborted(confirm: Confirm, prompt: ConsentPrompt, signal: AbortSignal): Promise<boolean> {
  signal.throwIfAborted();
  return new Promise<boolean>((resolve, reject) => {
    const onAbort = () => reject(signal.reason ?? new Error('The run was cancelled'));
    signal.addEventListener('abort', onAbort, { once: true });
    confirm(prompt).then(
      (answer) => {
        signal.removeEventListener('abort', onAbort);
        resolve(answer);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}
