import * as vscode from 'vscode';
import { MANIFEST_PATH } from '../../core/generator/project/manifest';
import { errorText, type Logger } from '../../core/log';
import type { ManifestIndex } from '../editor/manifestIndex';
import { exportProjectZip } from '../export/zipExport';
import type { CommandRegistry } from './commandTable';
import { chooseProject } from './explain';

export const EXPORT_ZIP_COMMAND = 'takoss.exportZip';

/**
 * "Takoss: Export Project as Zip": the files the project's manifest lists (what Takoss
 * generated, not whatever else the folder holds) zipped where the user picks. Scripts may pass the
 * project (a file or folder in it) and the zip's location as arguments.
 */
export function registerExportZipCommand(index: ManifestIndex, log: Logger, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  return commands.registerCommand(EXPORT_ZIP_COMMAND, async (project?: unknown, saveTo?: unknown) => {
    const info = await chooseProject(index, project, 'Takoss: Export Project as Zip');
    if (!info) return undefined;
    const paths = [...info.manifest.files.map((file) => file.path), MANIFEST_PATH].filter((p, i, all) => all.indexOf(p) === i);
    try {
      const result = await exportProjectZip(info.root, info.manifest.project.name, paths, saveTo instanceof vscode.Uri ? saveTo : undefined);
      if (result.saved) {
        log.info(`Exported ${result.files} files (${result.bytes} bytes) to ${result.saved.fsPath}`);
        void vscode.window.showInformationMessage(`Takoss: saved ${result.files} files to ${result.saved.fsPath}`);
      }
      return result.saved;
    } catch (error) {
      log.error(`Export as zip failed: ${errorText(error)}`);
      void vscode.window.showErrorMessage(`Takoss: export failed — ${errorText(error)}`);
      return undefined;
    }
  });
}
