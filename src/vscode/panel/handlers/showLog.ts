import * as vscode from 'vscode';
import { SHOW_LOG_COMMAND } from '../../commands/showLog';
import type { Handler } from './context';

/** "Show Log" in the panel (after a failed install): the Takoss output channel. */
export const handleShowLog: Handler<'showLog'> = async () => {
  await vscode.commands.executeCommand(SHOW_LOG_COMMAND);
};
