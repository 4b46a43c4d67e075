// The sink's file system on this machine's disk (node:fs): the CLI, and the extension's `file:`
// folders (~30x faster there than a round trip per call through workspace.fs, bench/workspace-fs.mjs).
import { chmod, link, lstat, mkdir, readdir, readFile, rename, rmdir, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { type EntryKind, FileExistsError, type FileSystemPort } from './fileSystemPort';

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code;
const missing = (error: unknown) => codeOf(error) === 'ENOENT';
/** Where hard links are not supported (some network and FAT volumes), link() fails with one of these. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

async function orUndefined<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (error) {
    if (missing(error)) return undefined;
    throw error;
  }
}

export function nodeFileSystemPort(root: string): FileSystemPort {
  const at = (relative: string) => (relative ? path.join(root, ...relative.split('/')) : root);
  const port: FileSystemPort = {
    async kind(relative) {
      const stat = await orUndefined(lstat(at(relative)));
      if (!stat) return undefined;
      const kind: EntryKind = stat.isSymbolicLink() ? 'symlink' : stat.isDirectory() ? 'folder' : stat.isFile() ? 'file' : 'other';
      return kind;
    },
    list: (relative) => orUndefined(readdir(at(relative))),
    readFile: (relative) => orUndefined(readFile(at(relative))),
    async createFolder(relative) {
      await mkdir(at(relative), { recursive: true });
    },
    async writeFile(relative, data, options) {
      await writeFile(at(relative), data, { flag: 'wx' });
      if (options.executable) await chmod(at(relative), 0o755);
    },
    async move(from, to, overwrite) {
      if (overwrite) return rename(at(from), at(to));
      try {
        // link() fails when the name exists: an atomic "create, never replace".
        await link(at(from), at(to));
      } catch (error) {
        if (codeOf(error) === 'EEXIST') throw new FileExistsError(to);
        if (!NO_HARD_LINKS.has(codeOf(error) ?? '')) throw error;
        if ((await port.kind(to)) !== undefined) throw new FileExistsError(to);
        return rename(at(from), at(to));
      }
      await unlink(at(from));
    },
    async delete(relative) {
      const kind = await port.kind(relative);
      if (kind === 'folder') await rmdir(at(relative));
      else if (kind !== undefined) await orUndefined(unlink(at(relative)));
    },
    locate: at,
  };
  return port;
}
