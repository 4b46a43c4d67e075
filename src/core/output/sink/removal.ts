// Taking a run's files away again ("Remove the files" of a cancelled or failed run): only what the
// run wrote and nobody changed since goes, then the folders left empty. Over the same port and
// path rules as writing.
import { PARTIAL_HEADING, PARTIAL_MARKER } from '../partialMarker';
import { sha256, type Sink } from './sink';

export interface RemovedFiles {
  removed: number;
  /** Files the run wrote that changed since (their hash differs, or a link now stands on the way): left in place. */
  kept: string[];
  /** Files the run wrote that are gone already. */
  missing: string[];
}

/**
 * Removes the files a run wrote that are still exactly as it wrote them (same SHA-256) and the
 * partial marker, then folders left empty, bottom up, and the project folder if it is empty.
 * A file changed since the run is the user's now and stays; nothing the run did not write is touched.
 */
export async function removeOwnFiles(sink: Sink, files: readonly { path: string; sha256: string }[]): Promise<RemovedFiles> {
  const result: RemovedFiles = { removed: 0, kept: [], missing: [] };
  for (const file of files) {
    if (!(await sink.isPlainFile(file.path))) {
      // Gone, or behind a symbolic link the run would never have written through.
      ((await sink.port.kind(file.path).catch(() => undefined)) === undefined ? result.missing : result.kept).push(file.path);
      continue;
    }
    const content = await sink.port.readFile(file.path);
    if (!content) result.missing.push(file.path);
    else if (sha256(content) !== file.sha256) result.kept.push(file.path);
    else {
      await sink.port.delete(file.path);
      result.removed++;
    }
  }
  await removePartialMark(sink);
  const folders = [...new Set([...files.map((file) => file.path), PARTIAL_MARKER].flatMap((path) => path.split('/').slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join('/'))))];
  folders.sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of [...folders, '']) await removeIfEmpty(sink, folder);
  return result;
}

/** The marker is Takoss's own note (a file there that is not one, the user's, stays). */
async function removePartialMark(sink: Sink): Promise<void> {
  if (!(await sink.isPlainFile(PARTIAL_MARKER))) return;
  const bytes = await sink.port.readFile(PARTIAL_MARKER);
  if (bytes && new TextDecoder().decode(bytes).startsWith(PARTIAL_HEADING)) await sink.port.delete(PARTIAL_MARKER);
}

async function removeIfEmpty(sink: Sink, folder: string): Promise<void> {
  try {
    // A link to an empty folder is not a folder the run made.
    if ((await sink.port.kind(folder)) === 'folder' && (await sink.port.list(folder))?.length === 0) await sink.port.delete(folder);
  } catch {
    // not a folder, or not empty any more: leave it
  }
}
