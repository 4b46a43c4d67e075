import * as vscode from 'vscode';
import { assertSafeRelativePath, type GeneratedFile } from '../../core/generator/fileSet';

export class FolderNotEmptyError extends Error {
  constructor(readonly folder: string) {
    super(`The folder "${folder}" already exists and is not empty. Choose another project name; Takoss never writes over existing files.`);
    this.name = 'FolderNotEmptyError';
  }
}

/** Creates the project folder; refuses one that exists with content (nothing is overwritten). */
export async function prepareTarget(root: vscode.Uri, folder: string): Promise<vscode.Uri> {
  assertSafeRelativePath(folder);
  const target = vscode.Uri.joinPath(root, ...folder.split('/'));
  try {
    const entries = await vscode.workspace.fs.readDirectory(target);
    if (entries.length > 0) throw new FolderNotEmptyError(folder);
  } catch (error) {
    if (error instanceof FolderNotEmptyError) throw error;
    if (!(error instanceof vscode.FileSystemError) || error.code !== 'FileNotFound') throw error;
  }
  await vscode.workspace.fs.createDirectory(target);
  return target;
}

/** Writes generated files through workspace.fs, every path confined to the target folder. */
export function workspaceWriter(target: vscode.Uri): (file: GeneratedFile) => Promise<void> {
  const encoder = new TextEncoder();
  return async (file) => {
    assertSafeRelativePath(file.path);
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(target, ...file.path.split('/')), encoder.encode(file.content));
  };
}
