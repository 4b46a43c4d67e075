// The one place generated files reach a disk. Every writer (the CLI, the extension on `file:`
// folders, the extension through workspace.fs) goes through these rules, over a FileSystemPort:
// - confinement: a path must be a plain relative POSIX path (assertSafeRelativePath: no `..`, no
//   absolute or drive-letter path, no backslash, no reserved device name, bounded length and depth);
// - no symbolic link on the way (any folder on the path) nor at the file itself when replacing;
// - one spelling per path: two paths differing only in case are one file on Windows and macOS;
// - a size cap per kind of file (assertFileSize);
// - atomic writes: a temporary name in the same folder, then one move into place, so an interrupted
//   run never leaves half a file;
// - the write policy: create (never replace), replaceIfUnchanged (only while the file holds exactly
//   what was written) or force (the user's consent to replace).
import { createHash, randomBytes } from 'node:crypto';
import { assertSafeRelativePath, type GeneratedFile } from '../../generator/fileSet';
import { assertFileSize } from '../fileSizeLimit';
import { FileExistsError, type FileSystemPort } from './fileSystemPort';

export type WritePolicy = { kind: 'create' } | { kind: 'replaceIfUnchanged'; sha256: string } | { kind: 'force' };

export type SinkFile = Pick<GeneratedFile, 'path' | 'content' | 'layer' | 'executable'>;

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

/** A replaceIfUnchanged write found the file changed (or removed) since it was written: it stays as it is. */
export class ChangedSinceError extends Error {
  constructor(
    readonly path: string,
    /** Nothing is there any more. */
    readonly removed: boolean,
  ) {
    super(`${path} changed since this run wrote it; Takoss does not replace it`);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export class Sink {
  /** Folders known to be real folders (checked or created): each is looked at once per sink. */
  private readonly folders = new Set<string>();
  /** Lower-cased path (and folder) -> the spelling written. */
  private readonly spellings = new Map<string, string>();

  constructor(readonly port: FileSystemPort) {}

  /** Writes one file under `policy`; resolves to where it is (the port's absolute path or URI). */
  async write(file: SinkFile, policy: WritePolicy): Promise<string> {
    assertSafeRelativePath(file.path);
    assertFileSize(file);
    this.assertOneSpelling(file.path);
    // Claimed before the first await, so two writes in flight cannot take two spellings.
    this.rememberSpelling(file.path);
    await this.createFolders(file.path.split('/').slice(0, -1), file.path);
    if (policy.kind !== 'create') await this.assertReplaceable(file.path, policy);
    const temporary = `${file.path}.takoss-${randomBytes(4).toString('hex')}.tmp`;
    try {
      await this.port.writeFile(temporary, encoder.encode(file.content), { executable: file.executable });
      await this.port.move(temporary, file.path, policy.kind !== 'create');
    } catch (error) {
      await this.port.delete(temporary).catch(() => undefined);
      if (error instanceof FileExistsError) throw new Error(`${file.path} already exists; Takoss does not replace it`);
      throw error;
    }
    return this.port.locate(file.path);
  }

  /**
   * A plain file's text (see isPlainFile); undefined when it is missing, not a plain file, or
   * larger than `maxBytes`.
   */
  async readText(path: string, maxBytes = Infinity): Promise<string | undefined> {
    if (!(await this.isPlainFile(path))) return undefined;
    const bytes = await this.port.readFile(path);
    return bytes && bytes.byteLength <= maxBytes ? decoder.decode(bytes) : undefined;
  }

  /** Whether a folder ('' is the root) has anything in it; a missing one has not. */
  async hasContent(folder = ''): Promise<boolean> {
    if (folder) assertSafeRelativePath(folder);
    return ((await this.port.list(folder)) ?? []).length > 0;
  }

  /** Creates a folder ('' is the root) and its parents, with no symbolic link on the way. */
  async createFolder(folder = ''): Promise<void> {
    if (!folder) return this.port.createFolder('');
    assertSafeRelativePath(folder);
    await this.createFolders(folder.split('/'), folder);
  }

  /**
   * Whether `path` is there as a plain file reached with no symbolic link on the way (what the sink
   * writes): a file behind a link, or a link itself, may be anyone's.
   */
  async isPlainFile(path: string): Promise<boolean> {
    assertSafeRelativePath(path);
    try {
      if (!(await this.checkFolders(path.split('/').slice(0, -1), path, false))) return false;
    } catch {
      return false;
    }
    return (await this.port.kind(path)) === 'file';
  }

  private async createFolders(segments: readonly string[], path: string): Promise<void> {
    await this.checkFolders(segments, path, true);
  }

  /**
   * Walks the folders of `path` from the root: a symbolic link could lead anywhere, so none is
   * passed through. The first missing folder is created with the rest when `create` (they are new);
   * otherwise the answer is false (the path is not there).
   */
  private async checkFolders(segments: readonly string[], path: string, create: boolean): Promise<boolean> {
    if (create && !this.folders.has('')) {
      // The root is the folder the user chose (it may be a link); it is created when missing.
      await this.port.createFolder('');
      this.folders.add('');
    }
    for (let depth = 1; depth <= segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      if (this.folders.has(folder)) continue;
      const kind = await this.port.kind(folder);
      if (kind === undefined && !create) return false;
      if (kind === undefined) {
        await this.port.createFolder(segments.join('/'));
        for (let rest = depth; rest <= segments.length; rest++) this.folders.add(segments.slice(0, rest).join('/'));
        return true;
      }
      if (kind === 'symlink') throw new Error(`Refusing to write ${JSON.stringify(path)}: ${segments[depth - 1]} is a symbolic link`);
      if (kind !== 'folder') throw new Error(`Refusing to write ${JSON.stringify(path)}: ${folder} is not a folder`);
      this.folders.add(folder);
    }
    return true;
  }

  private async assertReplaceable(path: string, policy: Exclude<WritePolicy, { kind: 'create' }>): Promise<void> {
    const kind = await this.port.kind(path);
    // Moving over a link replaces the link, but whoever put it there meant something else: leave it.
    if (kind === 'symlink') throw new Error(`Refusing to write ${JSON.stringify(path)}: it is a symbolic link`);
    if (policy.kind !== 'replaceIfUnchanged') return;
    const current = kind === 'file' ? await this.port.readFile(path) : undefined;
    if (!current || sha256(current) !== policy.sha256) throw new ChangedSinceError(path, kind === undefined);
  }

  private assertOneSpelling(path: string): void {
    for (const prefix of prefixes(path)) {
      const earlier = this.spellings.get(prefix.toLowerCase());
      if (earlier !== undefined && earlier !== prefix) {
        throw new Error(`Refusing to write ${JSON.stringify(path)}: ${JSON.stringify(prefix)} differs only in case from ${JSON.stringify(earlier)}, written before (one name on Windows and macOS)`);
      }
    }
  }

  private rememberSpelling(path: string): void {
    for (const prefix of prefixes(path)) this.spellings.set(prefix.toLowerCase(), prefix);
  }
}

/** `a/b/c.ts` -> `a`, `a/b`, `a/b/c.ts`. */
function prefixes(path: string): string[] {
  const segments = path.split('/');
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}

export interface RunWriterOptions {
  /** Paths the user agreed may replace what is there (merge choices, a resumed run's own files); 'all' for --force. */
  replaceable?: ReadonlySet<string> | 'all';
  /**
   * Paths an earlier run wrote (a resumed run's own files), with the hash written there: replaced
   * only while they still hold exactly that, never once someone changed them.
   */
  expected?: ReadonlyMap<string, string>;
}

/**
 * A run's writer: a new file is created, never over anything; a file this writer (or the earlier
 * run in `expected`) wrote may be written again while it still holds what was written; a
 * replaceable path is forced.
 */
export function runWriter(sink: Sink, options: RunWriterOptions = {}): (file: SinkFile) => Promise<string> {
  const written = new Map<string, string>();
  return async (file) => {
    const own = written.get(file.path) ?? options.expected?.get(file.path);
    const forced = options.replaceable === 'all' || options.replaceable?.has(file.path) === true;
    const policy: WritePolicy = forced ? { kind: 'force' } : own !== undefined ? { kind: 'replaceIfUnchanged', sha256: own } : { kind: 'create' };
    const where = await sink.write(file, policy);
    written.set(file.path, sha256(file.content));
    return where;
  };
}
