// Which files of a run hold what Claude wrote, read from the run's events: what a person must know
// before agreeing to run the project (verification runs that code).
import type { RunEvent } from '../../model/run/events';
import { BASE_PATH, SPEC_PATH } from '../update/memory';

/** Takoss's record of the project (its model, what it generated): written beside Claude's files, never run. */
const MEMORY = new Set([SPEC_PATH, BASE_PATH]);

export interface ClaudeFile {
  path: string;
  /** Of the content as last written in the run (a repair may rewrite a file Claude wrote before). */
  sha256: string;
  /** The stage that wrote it last. */
  stageId: string;
}

/**
 * The files written by a stage whose Claude answer was accepted (a valid promptOutcome) or by a
 * repair stage (every repair is Claude's), each once, in the order they were written. Errs towards
 * naming more: a stage's files all count, even one its answer left as the generator made it —
 * except the project's memory (.takoss/spec.json, base.json), which Takoss writes and nothing runs.
 */
export function filesClaudeWrote(events: readonly RunEvent[]): ClaudeFile[] {
  const repairStages = new Set<string>();
  const answered = new Set<string>();
  const files = new Map<string, ClaudeFile>();
  for (const event of events) {
    if (event.type === 'runStarted' || event.type === 'stagesAdded') {
      for (const stage of event.stages) if (stage.kind === 'repair') repairStages.add(stage.id);
    } else if (event.type === 'promptOutcome' && event.valid) {
      answered.add(event.stageId);
    } else if (event.type === 'fileProduced' && !MEMORY.has(event.path)) {
      // A stage announces its Claude outcome before it writes its files.
      if (answered.has(event.stageId) || repairStages.has(event.stageId)) {
        files.delete(event.path); // re-inserted: the order is of the last write
        files.set(event.path, { path: event.path, sha256: event.sha256, stageId: event.stageId });
      } else if (files.has(event.path)) {
        // Written again by a stage without Claude's answer: it is the generator's file now.
        files.delete(event.path);
      }
    }
  }
  return [...files.values()];
}
