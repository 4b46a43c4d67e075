// Planning the resume of an interrupted run: its journal read against the folder. A finished stage
// is kept when every file it wrote is on disk as journaled; the files of the stages that run again
// are replaced only while they still hold what the interrupted run wrote (the sink checks the
// journaled hash just before the move), so an edit made at any time after the interruption stays.
import type { RunEvent } from '../../model/run/events';
import type { FileSystemPort } from '../output/sink/fileSystemPort';
import { ChangedSinceError, runWriter, sha256, type Sink, type SinkFile } from '../output/sink/sink';
import { journaledSpecs } from './journal';
import type { ResumeState } from './resumeReplay';

export interface ResumePlan {
  /** What the orchestrator keeps. */
  state: ResumeState;
  /** Stages kept (finished, every file still on disk exactly as written). */
  finished: ReadonlySet<string>;
  /** Files the interrupted run wrote that someone changed since: never overwritten. */
  changed: string[];
  /**
   * Files the interrupted run wrote, untouched, whose stages run again: path -> the hash it wrote.
   * Replaced only while they still hold exactly that.
   */
  replaceable: ReadonlyMap<string, string>;
}

type DiskState = 'same' | 'changed' | 'missing';

/** Reads the journaled files back through `port` (the project folder) and plans what the resume keeps. */
export async function planResume(port: Pick<FileSystemPort, 'readFile'>, events: readonly RunEvent[]): Promise<ResumePlan> {
  const byStage = new Map<string, string[]>();
  const hashes = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'fileProduced') continue;
    byStage.set(event.stageId, [...(byStage.get(event.stageId) ?? []), event.path]);
    hashes.set(event.path, event.sha256);
  }
  const onDisk = new Map<string, DiskState>();
  const contents = new Map<string, string>();
  for (const [path, hash] of hashes) {
    const data = await port.readFile(path).catch(() => undefined);
    const state: DiskState = data === undefined ? 'missing' : sha256(data) === hash ? 'same' : 'changed';
    onDisk.set(path, state);
    if (data && state === 'same') contents.set(path, new TextDecoder().decode(data));
  }
  const stageFinished = events.flatMap((event) => (event.type === 'stageFinished' ? [event.stageId] : []));
  const finished = new Set(stageFinished.filter((id) => (byStage.get(id) ?? []).every((path) => onDisk.get(path) === 'same')));
  const rerun = [...byStage].filter(([stageId]) => !finished.has(stageId)).flatMap(([, paths]) => paths);
  const replaceable = new Map(rerun.filter((path) => onDisk.get(path) === 'same').map((path) => [path, hashes.get(path) as string]));
  // Claude's refined model (and the per-entity stages grown from it) carries over to the resumed run.
  const specs = journaledSpecs(events);
  return {
    finished,
    changed: [...onDisk].filter(([, state]) => state === 'changed').map(([path]) => path),
    replaceable,
    state: {
      finished,
      filesOf: (stageId) => byStage.get(stageId) ?? [],
      readBack: async (path) => {
        const text = contents.get(path);
        if (text === undefined) throw new Error(`${path} is not on disk as the interrupted run wrote it`);
        return text;
      },
      specOf: (stageId) => specs.get(stageId),
    },
  };
}

/** The words for a file the resumed run leaves as the user has it. */
export function keptFileWarning(path: string, removed = false): string {
  return removed ? `${path} was removed after the interruption: Takoss leaves it out.` : `${path} was changed after the interruption: Takoss keeps your version.`;
}

/**
 * The resumed run's writer: a file changed before the resume is not written; one the interrupted
 * run wrote is replaced only while it holds what that run wrote, so one edited since the plan is
 * kept too, and `warn` says so; any other file is created, never over anything.
 */
export function resumeWriter(plan: ResumePlan, sink: Sink): (file: SinkFile, warn: (message: string) => void) => Promise<void> {
  const changed = new Set(plan.changed);
  const write = runWriter(sink, { expected: plan.replaceable });
  return async (file, warn) => {
    if (changed.has(file.path)) return; // the user's version stays (said when the resume started)
    try {
      await write(file);
    } catch (error) {
      if (!(error instanceof ChangedSinceError) || !plan.replaceable.has(file.path)) throw error;
      warn(keptFileWarning(file.path, error.removed));
    }
  };
}
