import * as vscode from 'vscode';
import { linkForFolder, type ProjectLink } from '../../core/history/projects';
import { type GenerationRecord, RECORD_VERSION, verificationRecord, withFinalSpec } from '../../core/history/store';
import { verificationOutcome } from '../../model/run/outcome';
import { stageOutcomes } from '../../core/learning/stageOutcomes';
import type { RunEvent } from '../../model/run/events';
import { replayRun, type RunState } from '../../model/run/runState';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { VerifyResult } from '../../core/verify/verifier';
import type { GenerationHistory } from './GenerationHistory';

export interface RecordingStart {
  runId: string;
  spec: ProjectSpec;
  provider: 'offline' | 'anthropic';
  model?: string;
  /** The folder the project is written to (kept as an absolute path: history is shared by every window). */
  target: vscode.Uri;
  /** An update of an existing project (default: a generation). */
  kind?: GenerationRecord['kind'];
  /** The record this run changes (an update knows it); otherwise the latest record of a folder that already had files. */
  previousRecordId?: string;
  /** The run's journal, written live: the record's event log (none: the events are saved with the record at the end). */
  eventLog?: string;
}

/**
 * One generation's history record: saved as "running" when the run starts (so a crash or a closed
 * window leaves a trace) and completed when it ends, with its outcomes. Its event log is the run's
 * journal when it has one (the store keeps events given to it only for a record without one).
 */
export class RunRecording {
  private constructor(
    private readonly history: GenerationHistory,
    private record: GenerationRecord,
  ) {}

  static async begin(history: GenerationHistory, start: RecordingStart): Promise<RunRecording> {
    const folder = start.target.scheme === 'file' ? start.target.fsPath : start.target.toString();
    const record: GenerationRecord = {
      recordVersion: RECORD_VERSION,
      id: start.runId,
      createdAt: Date.now(),
      requirements: start.spec.requirements.text,
      spec: start.spec,
      ...(await projectLink(history, start, folder)),
      kind: start.kind ?? 'generate',
      provider: start.provider,
      model: start.provider === 'anthropic' ? start.model : undefined,
      status: 'running',
      folder,
      ...(start.eventLog ? { eventLog: start.eventLog } : {}),
      durationMs: 0,
      usage: { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0, costUsd: 0 },
      files: [],
      stageCount: 0,
      stages: [],
    };
    await history.save(record);
    return new RunRecording(history, record);
  }

  /**
   * Completes the record from the run's events (and its verification, when it ran), as an update:
   * a rating given meanwhile is kept. Saved whole when the record is not in the history.
   */
  async end(events: readonly RunEvent[], verification?: VerifyResult): Promise<GenerationRecord> {
    const outcome = outcomeOf(events, verification);
    const updated = await this.history.update(this.record.id, (current) => withOutcome(current, outcome), events).catch(() => undefined);
    this.record = updated ?? withOutcome(this.record, outcome);
    if (!updated) await this.history.save(this.record, events);
    return this.record;
  }
}

/**
 * A run the journal shows was cut short (window reload or crash): its record, left "running" by the
 * window that died, becomes "interrupted" with what the journal knows (events, files, stage outcomes).
 */
export async function recordInterruption(history: GenerationHistory, runId: string, events: readonly RunEvent[]): Promise<void> {
  // Only a record still running (another window may have finished or rated it meanwhile).
  await history.update(runId, (record) => (record.status === 'running' ? { ...withOutcome(record, outcomeOf(events)), status: 'interrupted' } : record), events);
}

/**
 * Which project the run belongs to: the one of the record it names, else the latest of its folder
 * when the folder had files before the run (a regeneration into it, a resume), else a new one.
 */
async function projectLink(history: GenerationHistory, start: RecordingStart, folder: string): Promise<ProjectLink> {
  const previous = start.previousRecordId ? await history.get(start.previousRecordId) : undefined;
  if (previous) return { projectId: previous.projectId, previousRecordId: previous.id };
  return linkForFolder(await history.list(), folder, await hasFiles(start.target), start.runId);
}

async function hasFiles(folder: vscode.Uri): Promise<boolean> {
  try {
    return (await vscode.workspace.fs.readDirectory(folder)).length > 0;
  } catch {
    return false; // not there yet
  }
}

type RunOutcome = Partial<GenerationRecord> & { finalSpec?: ProjectSpec };

/** The record with the run's outcome; the spec the run generated from in the end, with the reviewed one kept. */
function withOutcome(record: GenerationRecord, { finalSpec, ...outcome }: RunOutcome): GenerationRecord {
  return finalSpec ? withFinalSpec({ ...record, ...outcome }, finalSpec) : { ...record, ...outcome };
}

function outcomeOf(events: readonly RunEvent[], verification?: VerifyResult): RunOutcome {
  const finished = events.findLast((event) => event.type === 'runFinished');
  const summary = finished?.type === 'runFinished' ? finished.summary : undefined;
  const started = events.find((event) => event.type === 'runStarted');
  const files = new Map<string, { path: string; sha256: string; bytes: number }>();
  for (const event of events) if (event.type === 'fileProduced') files.set(event.path, { path: event.path, sha256: event.sha256, bytes: event.bytes });
  const last = events.at(-1);
  const state = replayRun(events);
  // The model the run generated from in the end (Claude may have added or renamed entities).
  const updated = events.findLast((event) => event.type === 'specUpdated');
  return {
    ...(updated?.type === 'specUpdated' ? { finalSpec: updated.spec } : {}),
    status: recordStatus(state),
    finishedAt: finished?.at ?? last?.at ?? Date.now(),
    // The run's wall-clock time as the panel shows it (model/run/runState.ts); an unfinished run's up to its last event.
    durationMs: state.durationMs ?? (started && last ? last.at - started.at : 0),
    usage: summary?.usage ?? state.usage,
    // As every view says it: from the run's events, after its repairs.
    verification: started ? verificationRecord(verificationOutcome(state)) : undefined,
    files: [...files.values()],
    // Every stage of the run, the ones added once the data model was final included.
    stageCount: started ? state.stageOrder.length : 0,
    stages: stageOutcomes(events, { verificationPassed: verification?.ok }),
  };
}

/** The run's status by the one rule (model/run/outcome.ts); a run that never finished failed. */
function recordStatus(state: RunState): GenerationRecord['status'] {
  return state.status === 'idle' || state.status === 'running' ? 'failed' : state.status;
}
