import * as vscode from 'vscode';
import type { CommandRegistry } from './commandTable';

export const OPEN_WALKTHROUGH_COMMAND = 'takoss.openWalkthrough';
/** `<publisher>.<name>#<walkthrough id>` of package.json's contributes.walkthroughs. */
export const WALKTHROUGH_ID = 'takoss.takoss#firstProject';

/** "Takoss: Get Started": the first-use walkthrough (describe, review, generate, explore, ask/change). */
export function registerWalkthroughCommand(commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () => vscode.commands.executeCommand('workbench.action.openWalkthrough', WALKTHROUGH_ID, false));
}
