import * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import type { RunEvent } from '../../model/run/events';
import { journaledSpecs } from '../../core/pipeline/journal';
import type { ResumeState } from '../../core/pipeline/orchestrator';
import { fileUri } from './runFiles';
import { sha256 } from '../generation/workspaceSink';

export interface ResumePlan {
  /** What the orchestrator keeps. */
  state: ResumeState;
  /** Stages kept (finished, every file still on disk exactly as written). */
  finished: ReadonlySet<string>;
  /** Files the interrupted run wrote that someone changed since: never overwritten. */
  changed: string[];
  /** Files the interrupted run wrote, untouched, whose stages run again: these may be replaced. */
  replaceable: ReadonlySet<string>;
  /** Wraps a writer so changed files are left alone. */
  writer(inner: (file: GeneratedFile) => Promise<void>): (file: GeneratedFile) => Promise<void>;
}

/**
 * Reads the interrupted run's journal against the folder: which finished stages can be kept (their
 * files are on disk with the journaled hashes) and which files were changed by someone since.
 */
export async function planResume(target: vscode.Uri, events: readonly RunEvent[]): Promise<ResumePlan> {
  const byStage = new Map<string, string[]>();
  const hashes = new Map<string, string>();
  for (const event of events) {
    if (event.type !== 'fileProduced') continue;
    byStage.set(event.stageId, [...(byStage.get(event.stageId) ?? []), event.path]);
    hashes.set(event.path, event.sha256);
  }
  const onDisk = new Map<string, 'same' | 'changed' | 'missing'>();
  const contents = new Map<string, string>();
  for (const [path, hash] of hashes) {
    try {
      const data = await vscode.workspace.fs.readFile(fileUri(target, path));
      const same = sha256(data) === hash;
      onDisk.set(path, same ? 'same' : 'changed');
      if (same) contents.set(path, new TextDecoder().decode(data));
    } catch {
      onDisk.set(path, 'missing');
    }
  }
  const finished = new Set(
    events.flatMap((event) => (event.type === 'stageFinished' ? [event.stageId] : [])).filter((id) => (byStage.get(id) ?? []).every((path) => onDisk.get(path) === 'same')),
  );
  const changed = [...onDisk].filter(([, state]) => state === 'changed').map(([path]) => path);
  const replaceable = new Set(
    [...byStage].filter(([stageId]) => !finished.has(stageId)).flatMap(([, paths]) => paths.filter((path) => onDisk.get(path) === 'same')),
  );
  const changedSet = new Set(changed);
  // Claude's refined model (and the per-entity stages grown from it) carries over to the resumed run.
  const specs = journaledSpecs(events);
  return {
    finished,
    changed,
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
    writer: (inner) => async (file) => {
      if (changedSet.has(file.path)) return; // the user's version stays
      await inner(file);
    },
  };
}
