// The generator's output: an ordered, in-memory set of files that a sink (disk, VS Code
// workspace) writes. Paths are POSIX, relative, and checked here so a template bug cannot escape.

export interface GeneratedFile {
  /** POSIX path relative to the project root, e.g. `backend/src/app.ts`. */
  path: string;
  content: string;
  /** The generator layer (and later the pipeline stage) that produced it, e.g. `backend/routes`. */
  layer: string;
  /** Plain-language explanation shown on hover and in the panel. */
  explanation: string;
  /** Spec elements this file serves, e.g. `entity:Post`, `rule:capacity:Registration`, `auth`. */
  serves: string[];
  /** Requirement sentence indices it serves (derived from the spec elements). */
  sources: number[];
  /** Mark scripts executable when written to disk. */
  executable?: boolean;
}

const SAFE_SEGMENT = /^[A-Za-z0-9._@-][A-Za-z0-9._@ -]*$/;
/** Names Windows reserves for devices (with any extension); a file called so cannot be written there. */
const RESERVED_NAME = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;
/** No generated project needs deeper folders; a deeper path is a sign of a runaway model answer. */
export const MAX_PATH_DEPTH = 12;
/** The largest file a model may write (no answer needs more; this stops runaway model output). */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;
/**
 * The largest file the deterministic generator may write. Some grow with the spec: at the schema's
 * limits (500 entities of 200 fields, longest names and labels) openapi.json is about 70 MB, seed.ts
 * 36 MB. This only stops a runaway generator.
 */
export const MAX_GENERATED_FILE_BYTES = 128 * 1024 * 1024;

/** Throws when a file's content is over `limit` (default: the cap for model-written files). */
export function assertSafeSize(path: string, content: string | Uint8Array, limit = MAX_FILE_BYTES): void {
  const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
  if (bytes > limit) throw new Error(`Refusing to write ${JSON.stringify(path)}: ${bytes} bytes is over the ${limit}-byte limit`);
}

/** Throws on any path that is not a plain relative POSIX path. */
export function assertSafeRelativePath(path: string): void {
  if (!path || path.length > 240) throw new Error(`Unsafe generated path (length): ${JSON.stringify(path)}`);
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path)) {
    throw new Error(`Unsafe generated path (absolute): ${JSON.stringify(path)}`);
  }
  const segments = path.split('/');
  if (segments.length > MAX_PATH_DEPTH) throw new Error(`Unsafe generated path (deeper than ${MAX_PATH_DEPTH} folders): ${JSON.stringify(path)}`);
  for (const segment of segments) {
    if (segment === '' || segment === '.' || segment === '..' || !SAFE_SEGMENT.test(segment)) {
      throw new Error(`Unsafe generated path (segment ${JSON.stringify(segment)}): ${JSON.stringify(path)}`);
    }
    // Reserved device names, and names Windows silently changes (trailing dot or space).
    if (RESERVED_NAME.test(segment) || /[. ]$/.test(segment)) {
      throw new Error(`Unsafe generated path (reserved name ${JSON.stringify(segment)}): ${JSON.stringify(path)}`);
    }
  }
}

export class FileSet {
  private readonly files = new Map<string, GeneratedFile>();

  add(file: Omit<GeneratedFile, 'sources'> & { sources?: number[] }): void {
    assertSafeRelativePath(file.path);
    if (this.files.has(file.path)) throw new Error(`Two generator layers produced ${file.path}`);
    const content = file.content.endsWith('\n') ? file.content : file.content + '\n';
    this.files.set(file.path, { ...file, content, sources: [...new Set(file.sources ?? [])].sort((a, b) => a - b) });
  }

  /** Replaces a file that exists (a repair round); refuses new paths so a fix cannot add files. */
  replace(path: string, content: string, note: string): GeneratedFile {
    const existing = this.files.get(path);
    if (!existing) throw new Error(`Cannot replace ${path}: it is not a generated file`);
    const updated = { ...existing, content: content.endsWith('\n') ? content : content + '\n', explanation: `${existing.explanation} ${note}`.trim() };
    this.files.set(path, updated);
    return updated;
  }

  get(path: string): GeneratedFile | undefined {
    return this.files.get(path);
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  /** Files sorted by path: the order never depends on which layer ran first. */
  list(): GeneratedFile[] {
    return [...this.files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get size(): number {
    return this.files.size;
  }
}
