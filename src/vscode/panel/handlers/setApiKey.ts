import * as vscode from 'vscode';
import type { Handler } from './context';

/** The form's "Set API key" action: the same command as the palette's. */
export const handleSetApiKey: Handler<'setApiKey'> = async () => {
  await vscode.commands.executeCommand('takoss.setApiKey');
};
