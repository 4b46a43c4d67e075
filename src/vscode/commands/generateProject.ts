import * as vscode from 'vscode';
import type { PanelManager } from '../panel/PanelManager';
import type { TakossPanel } from '../panel/TakossPanel';

export const GENERATE_PROJECT_COMMAND = 'takoss.generateProject';

/** "Takoss: Generate Project" opens (or reveals) the panel; returns it for callers such as tests. */
export function registerGenerateProjectCommand(panels: PanelManager): vscode.Disposable {
  return vscode.commands.registerCommand(GENERATE_PROJECT_COMMAND, (): TakossPanel => panels.open());
}
