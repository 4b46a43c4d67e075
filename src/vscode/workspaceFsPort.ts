// The sink's file system through vscode.workspace.fs: remote and virtual folders (a `file:` folder
// uses the node:fs port, much faster, same rules). workspace.fs has no file modes, so the executable
// bit is not set here.
import * as vscode from 'vscode';
import { type EntryKind, FileExistsError, type FileSystemPort } from '../core/output/sink/fileSystemPort';

const isCode = (error: unknown, code: string) => error instanceof vscode.FileSystemError && error.code === code;

async function orUndefined<T>(read: Thenable<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (isCode(error, 'FileNotFound')) return undefined;
    throw error;
  }
}

function kindOf(type: vscode.FileType): EntryKind {
  // stat follows a link but says it was one: the SymbolicLink bit is set beside File or Directory.
  if (type & vscode.FileType.SymbolicLink) return 'symlink';
  if (type & vscode.FileType.Directory) return 'folder';
  return type & vscode.FileType.File ? 'file' : 'other';
}

export function workspaceFileSystemPort(root: vscode.Uri): FileSystemPort {
  const fs = vscode.workspace.fs;
  const at = (relative: string) => (relative ? vscode.Uri.joinPath(root, ...relative.split('/')) : root);
  return {
    kind: async (relative) => {
      const stat = await orUndefined(fs.stat(at(relative)));
      return stat && kindOf(stat.type);
    },
    list: async (relative) => (await orUndefined(fs.readDirectory(at(relative))))?.map(([name]) => name),
    readFile: (relative) => orUndefined(fs.readFile(at(relative))),
    createFolder: async (relative) => fs.createDirectory(at(relative)),
    writeFile: async (relative, data) => fs.writeFile(at(relative), data),
    async move(from, to, overwrite) {
      try {
        await fs.rename(at(from), at(to), { overwrite });
      } catch (error) {
        if (isCode(error, 'FileExists')) throw new FileExistsError(to);
        throw error;
      }
    },
    delete: async (relative) => {
      await orUndefined(fs.delete(at(relative), { recursive: false, useTrash: false }));
    },
    locate: (relative) => at(relative).toString(),
  };
}
