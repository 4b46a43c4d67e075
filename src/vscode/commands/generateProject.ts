import * as vscode from 'vscode';
import type { PanelManager } from '../panel/PanelManager';
import type { TakossPanel } from '../panel/TakossPanel';
import type { CommandRegistry } from './commandTable';

export const GENERATE_PROJECT_COMMAND = 'takoss.generateProject';

/** "Takoss: Generate Project" opens (or reveals) the panel; returns it for callers such as tests. */
export function registerGenerateProjectCommand(panels: PanelManager, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(GENERATE_PROJECT_COMMAND, (): TakossPanel => panels.open());
}
