import path from 'node:path';
import * as vscode from 'vscode';
import { zipProject, type ZipEntry } from '../../core/output/zip';
import { fileUri } from '../runs/runFiles';

export interface ZipExportResult {
  /** Undefined when the user closed the save dialog. */
  saved?: vscode.Uri;
  files: number;
  bytes: number;
}

/**
 * Zips the listed files of a generated project (read through workspace.fs, so it works in remote
 * and virtual workspaces) and saves the archive where the user picks.
 */
export async function exportProjectZip(target: vscode.Uri, projectName: string, paths: readonly string[], saveTo?: vscode.Uri): Promise<ZipExportResult> {
  // Next to the project folder, named after it.
  const parent = target.with({ path: path.posix.dirname(target.path) });
  const saved = saveTo ?? await vscode.window.showSaveDialog({
    title: `Export ${projectName} as zip`,
    defaultUri: vscode.Uri.joinPath(parent, `${projectName}.zip`),
    filters: { 'Zip archive': ['zip'] },
    saveLabel: 'Export',
  });
  if (!saved) return { files: 0, bytes: 0 };
  const entries: ZipEntry[] = [];
  for (const path of paths) entries.push({ path, content: await vscode.workspace.fs.readFile(fileUri(target, path)) });
  const archive = zipProject(projectName, entries);
  await vscode.workspace.fs.writeFile(saved, archive);
  return { saved, files: entries.length, bytes: archive.byteLength };
}
