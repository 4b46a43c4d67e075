import * as vscode from 'vscode';
import type { TakossLog } from '../log';
import type { CommandRegistry } from './commandTable';

export const SHOW_LOG_COMMAND = 'takoss.showLog';

export function registerShowLogCommand(log: TakossLog, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(SHOW_LOG_COMMAND, () => log.show());
}
