// A generated project as a zip archive (fflate: pure JS, no native code). Entries are sorted and
// dated to a fixed time, so the same files always give the same bytes; paths are checked like
// every other write, so an archive never holds `..` or absolute entries.
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { assertSafeRelativePath } from '../generator/fileSet';

export interface ZipEntry {
  path: string;
  content: Uint8Array;
}

/** 1 January 2000: a fixed, DOS-representable timestamp for reproducible archives. */
const FIXED_TIME = new Date(Date.UTC(2000, 0, 1));

/** Zips the files under `root/` inside the archive (unzipping gives one folder, as users expect). */
export function zipProject(root: string, entries: readonly ZipEntry[]): Uint8Array {
  assertSafeRelativePath(root);
  const tree: Zippable = {};
  const seen = new Set<string>();
  for (const entry of [...entries].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))) {
    assertSafeRelativePath(entry.path);
    if (seen.has(entry.path)) throw new Error(`${entry.path} appears twice in the archive`);
    seen.add(entry.path);
    tree[`${root}/${entry.path}`] = [entry.content, { mtime: FIXED_TIME }];
  }
  return zipSync(tree, { level: 6 });
}

/** Reads an archive back (tests and the round-trip check). */
export function unzipProject(data: Uint8Array): Map<string, Uint8Array> {
  const files = unzipSync(data);
  return new Map(Object.entries(files).filter(([name]) => !name.endsWith('/')));
}
