// "Takoss: Change This Project…": from the palette (pick a generated project of the workspace),
// the explorer's context menu on a folder, or a generation in the history. Opens the panel's review
// step on the project's current spec (as reviewed last time), in change mode.
import * as vscode from 'vscode';
import { errorText, type Logger } from '../../core/log';
import type { ProviderChoice } from '../../model/protocol';
import type { CommandRegistry } from '../commands/commandTable';
import { generationFolder } from '../history/generationFolder';
import type { PanelManager } from '../panel/PanelManager';
import type { TakossPanel } from '../panel/TakossPanel';
import { type ChangeableProject, folderLabel, notRememberedMessage, pickGeneratedProject, ProjectNotChangeableError, projectAt, readRememberedSpec } from './changeableProjects';

export const CHANGE_PROJECT_COMMAND = 'takoss.changeProject';

/** The project the command's argument names: an explorer folder, a history record (or its folder), none. */
async function projectOf(arg: unknown): Promise<ChangeableProject | undefined | 'pick'> {
  let root: vscode.Uri | undefined;
  if (arg instanceof vscode.Uri) root = arg;
  else if (arg && typeof arg === 'object' && typeof (arg as { folder?: unknown }).folder === 'string') root = generationFolder(arg as { folder: string });
  if (!root) return 'pick';
  const project = await projectAt(root);
  if (!project) throw new ProjectNotChangeableError(`${folderLabel(root)} is not a project Takoss generated (it has no .takoss/spec.json).`);
  return project;
}

/**
 * Registers the command; it resolves with the panel in change mode (for tests), or undefined when
 * nothing was chosen or the project cannot be changed (the user is told why).
 */
export function registerChangeProjectCommand(
  panels: Pick<PanelManager, 'open'>,
  provider: () => ProviderChoice,
  log: Logger,
  commands: CommandRegistry = vscode.commands,
): vscode.Disposable {
  return commands.registerCommand(CHANGE_PROJECT_COMMAND, async (arg?: unknown): Promise<TakossPanel | undefined> => {
    try {
      const named = await projectOf(arg);
      const project = named === 'pick' ? await pickGeneratedProject('Change This Project…', 'there is no generated project in this workspace to change. Generate one first (Takoss: Generate Project).') : named;
      if (!project) return undefined;
      if (!project.remembered) throw new ProjectNotChangeableError(notRememberedMessage(project));
      const spec = await readRememberedSpec(project);
      const panel = panels.open();
      await panel.whenReady();
      await panel.change.begin({ root: project.root, folder: project.folder, spec }, provider());
      return panel;
    } catch (error) {
      if (!(error instanceof ProjectNotChangeableError)) log.error(`Change This Project failed: ${errorText(error)}`);
      void vscode.window.showWarningMessage(`Takoss: ${errorText(error)}`);
      return undefined;
    }
  });
}
