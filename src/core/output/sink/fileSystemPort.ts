// The few file operations the sink needs, over one folder (the port's root). Paths are relative
// POSIX paths the sink has already checked ('' is the root). Two ports implement it: node:fs (the
// CLI, and the extension's `file:` folders) and vscode.workspace.fs (remote and virtual folders).

/** What is at a path, without following a symbolic link there. */
export type EntryKind = 'file' | 'folder' | 'symlink' | 'other';

export interface FileSystemPort {
  /** What is at `path`; undefined when nothing is. */
  kind(path: string): Promise<EntryKind | undefined>;
  /** The names in a folder; undefined when there is no such folder. */
  list(path: string): Promise<string[] | undefined>;
  /** The file's bytes; undefined when there is no such file. */
  readFile(path: string): Promise<Uint8Array | undefined>;
  /** Creates the folder and its missing parents; a folder already there is fine. */
  createFolder(path: string): Promise<void>;
  /** Writes a new file (the sink's temporary name), executable when asked and the file system can. */
  writeFile(path: string, data: Uint8Array, options: { executable?: boolean }): Promise<void>;
  /**
   * Moves a file to `to`. When something is there it is replaced only with `overwrite`; otherwise
   * the move throws FileExistsError and changes nothing (atomically, where the file system can).
   */
  move(from: string, to: string, overwrite: boolean): Promise<void>;
  /** Deletes a file or an empty folder; nothing there is fine. */
  delete(path: string): Promise<void>;
  /** Where `path` is, for messages and callers (an absolute path or a URI). */
  locate(path: string): string;
}

/** The port's answer when a move would replace something it was not allowed to. */
export class FileExistsError extends Error {
  constructor(readonly path: string) {
    super(`${path} already exists`);
    this.name = 'FileExistsError';
  }
}
