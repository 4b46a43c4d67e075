// A CLI run that did not finish (cancelled, or failed) leaves what it wrote marked the way the
// extension marks it: `.takoss/PARTIAL.md` with the stages that did not finish, and — when the run
// did not get as far as writing it — `.takoss/manifest.json` listing exactly the files written;
// then the project's memory (.takoss/spec.json, base.json) of all of it.
// A run that wrote nothing leaves nothing: the folder it created goes again.
import { rmdir } from 'node:fs/promises';
import type { GeneratedFile } from '../core/generator/fileSet';
import { buildManifest, MANIFEST_PATH } from '../core/generator/project/manifest';
import { PARTIAL_MARKER, partialMarkerText, unfinishedStages } from '../core/output/partialMarker';
import type { RunEvent } from '../model/run/events';
import type { ProjectSpec } from '../model/project/projectSpec';
import { memoryManifestEntries, projectMemoryFiles } from '../core/update/memory';
import { countOf } from '../model/count';

export const CLI_PARTIAL_ADVICE = 'Generate again into a new folder (takoss generate … --out NEW_FOLDER), or delete this folder.';

export interface IncompleteRun {
  /** The project folder (absolute). */
  out: string;
  /** Whether the folder was there before the run (then it is never removed). */
  existedBefore: boolean;
  status: string;
  /** Every file the run wrote, as last written. */
  written: ReadonlyMap<string, GeneratedFile>;
  /** The spec the run generated from at the end (Claude may have changed it). */
  spec: ProjectSpec;
  events: readonly RunEvent[];
  /** The run's disk writer (confined to `out`, atomic). */
  write(file: GeneratedFile): Promise<unknown>;
}

export interface IncompleteOutcome {
  /** What was done, for the run's event stream. */
  message: string;
  /** For the JSON summary. */
  summary: { marker?: string; manifest?: string; filesWritten: number; unfinished: string[]; removedEmptyFolder?: boolean };
}

export async function leaveIncomplete(run: IncompleteRun): Promise<IncompleteOutcome> {
  const unfinished = unfinishedStages(run.events);
  const files = [...run.written.values()];
  if (!files.length) {
    const removed = !run.existedBefore && (await rmdir(run.out).then(() => true, () => false));
    return {
      message: `The run was ${run.status} before it wrote any file${removed ? `; the folder ${run.out} it had created is removed` : ''}.`,
      summary: { filesWritten: 0, unfinished, removedEmptyFolder: removed || undefined },
    };
  }
  let manifest: string | undefined;
  let manifestContent = '';
  if (!run.written.has(MANIFEST_PATH)) {
    // The explanations stage did not run: list what is there, with the stage that wrote each file.
    const stageOf = new Map<string, string>();
    for (const event of run.events) if (event.type === 'fileProduced') stageOf.set(event.path, event.stageId);
    manifestContent = buildManifest(run.spec, [...files, ...memoryManifestEntries(run.spec)], stageOf);
    await run.write(metaFile(MANIFEST_PATH, manifestContent, 'Takoss manifest of the files this incomplete run wrote (the run did not get to explain every file).'));
    manifest = MANIFEST_PATH;
  }
  const marker = metaFile(PARTIAL_MARKER, partialMarkerText(run.status, unfinished, CLI_PARTIAL_ADVICE), 'Marks this project as incomplete: its run did not finish.');
  await run.write(marker);
  // The memory records exactly what is on disk (the marker included): `takoss update` then finishes
  // the project, adding what is missing and removing the marker.
  const onDisk = new Map(files.map((file) => [file.path, file.content]));
  if (manifest) onDisk.set(MANIFEST_PATH, manifestContent);
  onDisk.set(marker.path, marker.content);
  for (const file of projectMemoryFiles(run.spec, [...onDisk].map(([path, content]) => ({ path, content })))) await run.write(file);
  const count = countOf(files.length, 'file');
  return {
    message:
      `The run was ${run.status} before every stage finished: the ${count} written to ${run.out} are an incomplete project, ` +
      `marked with ${PARTIAL_MARKER}${manifest ? ` and listed in ${manifest}` : ''}; ${countOf(unfinished.length, 'stage')} did not finish.`,
    summary: { marker: PARTIAL_MARKER, manifest, filesWritten: files.length, unfinished },
  };
}

function metaFile(path: string, content: string, explanation: string): GeneratedFile {
  return { path, content, layer: 'explanations', explanation, serves: ['project'], sources: [] };
}
