// Writes a generated file set into a folder on disk (the CLI's sink). Refuses a non-empty target
// unless forced, confines every path to the target (also through symlinks already there), and
// writes each file atomically (temp file + rename) so an interruption never leaves half a file.
import { randomBytes } from 'node:crypto';
import { lstat, mkdir, readdir, realpath, rename, writeFile, chmod, rm } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeRelativePath, type GeneratedFile } from '../generator/fileSet';
import { assertFileSize } from './fileSizeLimit';

export class TargetNotEmptyError extends Error {
  constructor(readonly target: string) {
    super(`${target} is not empty; choose another folder or pass --force to write into it`);
    this.name = 'TargetNotEmptyError';
  }
}

export async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
}

/** Resolves `relative` inside `root`, refusing anything (including existing symlinks) that leads out. */
export async function confinedPath(root: string, relative: string): Promise<string> {
  assertSafeRelativePath(relative);
  const realRoot = await realpath(root);
  const target = path.join(realRoot, ...relative.split('/'));
  // Walk existing ancestors: a symlinked folder inside the target must not point outside it.
  let current = realRoot;
  for (const segment of relative.split('/').slice(0, -1)) {
    current = path.join(current, segment);
    try {
      const resolved = await realpath(current);
      if (resolved !== realRoot && !resolved.startsWith(realRoot + path.sep)) {
        throw new Error(`Refusing to write ${relative}: ${segment} leads outside ${root}`);
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
      throw error;
    }
  }
  try {
    const stat = await lstat(target);
    if (stat.isSymbolicLink()) throw new Error(`Refusing to write ${relative}: it is a symbolic link`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return target;
}

export interface WriteOptions {
  force?: boolean;
  onFile?: (file: GeneratedFile, absolutePath: string) => void;
}

/** Prepares the target (refusing a non-empty one unless forced) and returns a writer for its files. */
export async function createDiskWriter(target: string, options: { force?: boolean } = {}): Promise<(file: GeneratedFile) => Promise<string>> {
  if (!options.force && !(await isEmptyOrMissing(target))) throw new TargetNotEmptyError(target);
  await mkdir(target, { recursive: true });
  return async (file) => {
    assertFileSize(file);
    const absolute = await confinedPath(target, file.path);
    await mkdir(path.dirname(absolute), { recursive: true });
    const temp = `${absolute}.takoss-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temp, file.content, 'utf8');
      if (file.executable) await chmod(temp, 0o755);
      await rename(temp, absolute);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    return absolute;
  };
}

export async function writeFilesToDisk(target: string, files: readonly GeneratedFile[], options: WriteOptions = {}): Promise<number> {
  const write = await createDiskWriter(target, options);
  let written = 0;
  for (const file of files) {
    const absolute = await write(file);
    written += 1;
    options.onFile?.(file, absolute);
  }
  return written;
}
