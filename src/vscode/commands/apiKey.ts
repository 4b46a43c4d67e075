import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { validateApiKey } from '../../core/apiKey';
import type { ApiKeyStore } from '../secrets';
import type { CommandRegistry } from './commandTable';

export const SET_API_KEY_COMMAND = 'takoss.setApiKey';
export const CLEAR_API_KEY_COMMAND = 'takoss.clearApiKey';

/** "Takoss: Set API Key": asks for the key (masked), validates it, keeps it in SecretStorage. */
export function registerApiKeyCommands(store: ApiKeyStore, log: Logger, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return vscode.Disposable.from(
    commands.registerCommand(SET_API_KEY_COMMAND, async (provided?: string): Promise<boolean> => {
      // Tests and other extensions may pass the key; people get a masked input box.
      const key =
        typeof provided === 'string'
          ? provided
          : await vscode.window.showInputBox({
              title: 'Takoss: Anthropic API key',
              prompt: 'Stored in VS Code Secret Storage, used only for requests to the Anthropic API.',
              password: true,
              ignoreFocusOut: true,
              validateInput: validateApiKey,
            });
      if (key === undefined) return false;
      const problem = validateApiKey(key);
      if (problem) {
        void vscode.window.showErrorMessage(`Takoss: ${problem}.`);
        return false;
      }
      await store.set(key);
      log.info('Anthropic API key stored in Secret Storage');
      void vscode.window.showInformationMessage('Takoss: API key saved. Choose Claude in the Takoss panel, or set "takoss.provider" to "anthropic" to make it the default.');
      return true;
    }),
    // Resolves whether a key was removed; either way the user is told (an old "saved" toast may still be up).
    commands.registerCommand(CLEAR_API_KEY_COMMAND, async (): Promise<boolean> => {
      const had = Boolean(await store.get());
      await store.clear();
      if (!had) {
        void vscode.window.showInformationMessage('Takoss: no API key was stored. Takoss works offline; "Takoss: Set API Key" adds one.');
        return false;
      }
      log.info('Anthropic API key removed from Secret Storage');
      void vscode.window.showInformationMessage('Takoss: API key removed from Secret Storage. Takoss works offline until you set one again.');
      return true;
    }),
  );
}
