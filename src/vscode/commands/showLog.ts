import * as vscode from 'vscode';
import type { TakossLog } from '../log';

export const SHOW_LOG_COMMAND = 'takoss.showLog';

export function registerShowLogCommand(log: TakossLog): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show());
}
