// Links to project files, as the answers give them: Takoss's own memory files are never the answer
// (they are where the answer comes from), and each file is named once per point.
import type { FileLink } from '../../../model/ask/answer';
import type { ManifestFile } from '../../generator/project/manifest';
import type { ProjectTrace } from '../trace';
import { lineOf, type LinePattern } from '../lines';

export const isTakossMemory = (path: string) => path.startsWith('.takoss/');

/** Generated files (not Takoss's memory) serving an element (`entity:Task`, `rule:capacity:Booking`) or a sentence. */
export function filesServing(trace: ProjectTrace, matches: (file: ManifestFile) => boolean): ManifestFile[] {
  return trace.manifest.files.filter((file) => !isTakossMemory(file.path) && matches(file));
}

/** A link to `path` at the first line matching `patterns` (the top of the file when none does, or it is unreadable). */
export async function linkTo(trace: ProjectTrace, path: string, patterns: readonly LinePattern[] = []): Promise<FileLink> {
  if (!patterns.length) return { path };
  const text = await trace.read(path);
  const line = text === undefined ? undefined : lineOf(text, patterns);
  return line === undefined ? { path } : { path, line };
}

/** "a", "b and c": a short list in words. */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

