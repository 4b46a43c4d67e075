// The "Takoss" log channel as a reader of the run event stream: what went wrong or changed in a
// run, said once, from the same events the panel and the history read. No `vscode` import.
import type { Logger } from '../../core/log';
import type { RunEvent } from '../../model/run/events';
import { formatDuration } from '../../model/run/outcome';

interface RunNotes {
  titles: Map<string, string>;
  /** The entities the run generates (Claude's domain model may change them). */
  entities: string;
}

/** A subscriber for every run's events that writes the log lines worth keeping. */
export function runLogger(log: Logger): (event: RunEvent) => void {
  const runs = new Map<string, RunNotes>();
  const notesOf = (runId: string): RunNotes => {
    let notes = runs.get(runId);
    if (!notes) runs.set(runId, (notes = { titles: new Map(), entities: '' }));
    return notes;
  };
  return (event) => {
    const notes = notesOf(event.runId);
    const title = (stageId: string) => notes.titles.get(stageId) ?? stageId;
    switch (event.type) {
      case 'runStarted':
      case 'stagesAdded':
        for (const stage of event.stages) notes.titles.set(stage.id, stage.title);
        if (event.type === 'runStarted') log.debug(`Run ${event.runId}: ${event.stages.length} stages, up to ${event.concurrency} at a time`);
        break;
      case 'specUpdated': {
        const names = event.spec.entities.map((e) => e.name).join(', ');
        // The first update says so only when it changed the entities (as the CLI's progress does).
        const changed = notes.entities ? names !== notes.entities : event.changes.some((change) => change.startsWith('entities '));
        if (changed) log.info(`Run ${event.runId}: the data model changed in the run; generating ${event.spec.entities.length} entities: ${names}`);
        notes.entities = names;
        break;
      }
      case 'stageFailed':
        log.warn(`Run ${event.runId}: ${title(event.stageId)} failed: ${event.error}`);
        break;
      case 'stageDegraded':
        log.warn(`Run ${event.runId}: ${title(event.stageId)} kept its deterministic result: ${event.reason}`);
        break;
      case 'stageRetried':
        log.info(`Run ${event.runId}: ${title(event.stageId)} retried in ${Math.round(event.delayMs / 100) / 10} s (${event.reason})`);
        break;
      case 'warning':
        log.warn(`Run ${event.runId}: ${event.message}`);
        break;
      case 'verificationStep': {
        const how = event.ok ? 'passed' : event.cancelled ? 'was cancelled' : event.timedOut ? 'timed out' : 'failed';
        const errors = event.ok || !event.firstErrors.length ? '' : `: ${event.firstErrors.slice(0, 3).join(' | ')}`;
        (event.ok ? log.info : log.warn).call(log, `Run ${event.runId}: verification ${event.step} ${how} in ${formatDuration(event.durationMs)}${errors}`);
        break;
      }
      case 'gitResult':
        if (event.outcome === 'failed') log.warn(`Run ${event.runId}: git: not committed — ${event.detail}`);
        else log.info(`Run ${event.runId}: git: ${event.detail}`);
        break;
      case 'runFinished':
        log.info(`Run ${event.runId} ${event.summary.status}: ${event.summary.files} files${notes.entities ? `, entities ${notes.entities}` : ''}`);
        runs.delete(event.runId);
        break;
      default:
        break;
    }
  };
}
