// The fast way to write a generated project onto this machine's disk (the extension host's own file
// system, which is where a `file:` workspace lives, also in remote windows). Same guarantees as the
// workspace.fs writer: paths confined and checked, no symbolic link on the way, each file written
// to a temporary name and moved into place, an existing file never replaced unless allowed.
import { randomBytes } from 'node:crypto';
import { chmod, link, lstat, mkdir, rename, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { assertSafeRelativePath, type GeneratedFile } from '../generator/fileSet';
import { assertFileSize } from './fileSizeLimit';

export interface LocalWriterOptions {
  /** Paths that may replace an existing file (a resumed run's own files, the user's merge choices). */
  replaceable?: ReadonlySet<string>;
}

export function localFileWriter(root: string, options: LocalWriterOptions = {}): (file: GeneratedFile) => Promise<void> {
  const checkedFolders = new Set<string>();
  return async (file) => {
    assertSafeRelativePath(file.path);
    assertFileSize(file);
    const segments = file.path.split('/');
    let current = root;
    for (const segment of segments.slice(0, -1)) {
      current = path.join(current, segment);
      if (checkedFolders.has(current)) continue;
      try {
        if ((await lstat(current)).isSymbolicLink()) throw new Error(`Refusing to write ${JSON.stringify(file.path)}: ${segment} is a symbolic link`);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') break;
        throw error;
      }
      checkedFolders.add(current);
    }
    const final = path.join(root, ...segments);
    await mkdir(path.dirname(final), { recursive: true });
    const temporary = `${final}.takoss-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, file.content, 'utf8');
      if (file.executable) await chmod(temporary, 0o755);
      if (options.replaceable?.has(file.path)) {
        await rename(temporary, final);
      } else {
        // link() fails when the name exists: an atomic "create, never replace".
        try {
          await link(temporary, final);
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`${file.path} already exists; Takoss does not replace it`);
          throw error;
        }
      }
    } finally {
      await unlink(temporary).catch(() => undefined);
    }
  };
}
