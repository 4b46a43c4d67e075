// Carrying out an update plan through the sink: a new file is created (never over anything), a
// replaced file is replaced only while it still holds what was read when planning (its SHA-256), so
// an edit made between the preview and applying is never lost, and a file no longer generated goes
// only under the removal rules (still exactly as planned). base.json is written last, recording
// for a file that could not be written its previous base, so the next update merges it again.
import { removeOwnFiles } from '../output/sink/removal';
import type { Sink, WritePolicy } from '../output/sink/sink';
import { BASE_PATH, baseFileContent } from './memory';
import type { PlannedFile, UpdatePlan } from './plan';

export interface AppliedUpdate {
  written: string[];
  removed: string[];
  /** Files left as they are because they changed after planning (or could not be written), with why. */
  refused: { path: string; reason: string }[];
}

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

async function writePlanned(sink: Sink, file: PlannedFile & { content: string }): Promise<void> {
  const policy: WritePolicy = file.diskSha256 === undefined ? { kind: 'create' } : { kind: 'replaceIfUnchanged', sha256: file.diskSha256 };
  await sink.write({ path: file.path, content: file.content, layer: file.layer, executable: file.executable }, policy);
}

/** The base after the update: the new generation's, except where a file was not written (its old base stays). */
function baseAfter(plan: UpdatePlan, refused: readonly string[]): Map<string, string> {
  const base = new Map(plan.nextBase);
  for (const path of refused) {
    const previous = plan.previousBase.get(path);
    if (previous === undefined) base.delete(path);
    else base.set(path, previous);
  }
  return base;
}

export async function applyUpdate(plan: UpdatePlan, sink: Sink): Promise<AppliedUpdate> {
  const result: AppliedUpdate = { written: [], removed: [], refused: [] };
  const writes = plan.files.filter((file): file is PlannedFile & { content: string } => file.content !== undefined && file.path !== BASE_PATH);
  for (const file of writes) {
    try {
      await writePlanned(sink, file);
      result.written.push(file.path);
    } catch (error) {
      result.refused.push({ path: file.path, reason: reasonOf(error) });
    }
  }
  const removals = plan.files.filter((file) => file.action === 'removed' && file.diskSha256 !== undefined);
  if (removals.length) {
    const removal = await removeOwnFiles(sink, removals.map((file) => ({ path: file.path, sha256: file.diskSha256 as string })));
    const left = new Set([...removal.kept, ...removal.missing]);
    for (const file of removals) if (!left.has(file.path)) result.removed.push(file.path);
    for (const path of removal.kept) result.refused.push({ path, reason: `${path} changed since the update was planned; Takoss does not remove it` });
  }
  const base = plan.files.find((file) => file.path === BASE_PATH);
  const content = baseFileContent(baseAfter(plan, result.refused.map((entry) => entry.path)));
  try {
    await writePlanned(sink, { path: BASE_PATH, action: 'memory', layer: 'explanations', diskSha256: base?.diskSha256, content });
    result.written.push(BASE_PATH);
  } catch (error) {
    result.refused.push({ path: BASE_PATH, reason: reasonOf(error) });
  }
  return result;
}
