// Where the extension writes a generated project: the project folder in the workspace, through the
// one sink's rules (src/core/output/sink). A `file:` folder is on the extension host's own disk and
// goes through the node:fs port, ~30x faster than a round trip per call through workspace.fs
// (bench/workspace-fs.mjs); remote and virtual folders go through the workspace.fs port.
import * as vscode from 'vscode';
import { assertSafeRelativePath, type GeneratedFile } from '../../core/generator/fileSet';
import { PARTIAL_MARKER, partialMarkerText } from '../../core/output/partialMarker';
import type { FileSystemPort } from '../../core/output/sink/fileSystemPort';
import { nodeFileSystemPort } from '../../core/output/sink/nodePort';
import { removeOwnFiles, type RemovedFiles } from '../../core/output/sink/removal';
import { runWriter, Sink } from '../../core/output/sink/sink';
import { workspaceFileSystemPort } from '../workspaceFsPort';

export { sha256 } from '../../core/output/sink/sink';
export type { RemovedFiles } from '../../core/output/sink/removal';
export { PARTIAL_MARKER } from '../../core/output/partialMarker';

export class FolderNotEmptyError extends Error {
  constructor(readonly folder: string) {
    super(`The folder "${folder}" already exists and is not empty. Choose another project name; Takoss never writes over existing files.`);
    this.name = 'FolderNotEmptyError';
  }
}

/** The file system under `folder`: node:fs for `file:` folders unless told otherwise, workspace.fs for the rest. */
export function workspacePort(folder: vscode.Uri, via: 'auto' | 'workspace.fs' = 'auto'): FileSystemPort {
  return folder.scheme === 'file' && via !== 'workspace.fs' ? nodeFileSystemPort(folder.fsPath) : workspaceFileSystemPort(folder);
}

/** Creates the project folder; refuses one that exists with content (nothing is overwritten). */
export async function prepareTarget(root: vscode.Uri, folder: string, options: { allowExisting?: boolean } = {}): Promise<vscode.Uri> {
  assertSafeRelativePath(folder);
  const sink = new Sink(workspacePort(root));
  // Merging (the user chose per file what to keep) is the only way into a folder with content.
  if (!options.allowExisting && (await sink.hasContent(folder))) throw new FolderNotEmptyError(folder);
  await sink.createFolder(folder);
  return vscode.Uri.joinPath(root, ...folder.split('/'));
}

/**
 * A run's writer into the project folder: a new file is created, never over one; a file it wrote
 * may be written again while unchanged; a replaceable path (the user's merge choice, a resumed
 * run's own untouched file) may replace what is there.
 */
export function workspaceWriter(
  target: vscode.Uri,
  options: { replaceable?: ReadonlySet<string>; via?: 'auto' | 'workspace.fs' } = {},
): (file: GeneratedFile) => Promise<void> {
  const write = runWriter(new Sink(workspacePort(target, options.via)), { replaceable: options.replaceable });
  return async (file) => {
    await write(file);
  };
}

/**
 * Writes a file again that this run wrote before (a repair round's fix): only while it is still
 * exactly what the run wrote (`writtenSha256`); a file someone changed since is theirs and stays.
 */
export async function replaceOwnFile(target: vscode.Uri, file: GeneratedFile, writtenSha256: string): Promise<void> {
  await new Sink(workspacePort(target)).write(file, { kind: 'replaceIfUnchanged', sha256: writtenSha256 });
}

const PARTIAL_ADVICE = 'Generate again into a new folder, or remove this one from the Takoss panel ("Remove the files").';

/** Marks a project whose run did not finish, so nobody mistakes it for a complete one. */
export async function markPartial(target: vscode.Uri, status: string, unfinished: string[]): Promise<void> {
  const marker = { path: PARTIAL_MARKER, content: partialMarkerText(status, unfinished, PARTIAL_ADVICE), layer: 'explanations' };
  // A resumed run that stops again updates its marker.
  await new Sink(workspacePort(target)).write(marker, { kind: 'force' });
}

/** A resumed run that completed is no longer partial. */
export async function clearPartialMark(target: vscode.Uri): Promise<void> {
  const sink = new Sink(workspacePort(target));
  if (await sink.isPlainFile(PARTIAL_MARKER).catch(() => false)) await sink.port.delete(PARTIAL_MARKER).catch(() => undefined);
}

/** Removes the files a run wrote that nobody changed since, the partial marker, then folders left empty. */
export async function removeRunFiles(target: vscode.Uri, files: readonly { path: string; sha256: string }[]): Promise<RemovedFiles> {
  return removeOwnFiles(new Sink(workspacePort(target)), files);
}
