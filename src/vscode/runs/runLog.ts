// The "Takoss" log channel as a reader of the run event stream: every run's events become the same
// lines the CLI prints (core's runEventLines), prefixed with the run they belong to. No `vscode` import.
import type { Logger } from '../../core/log';
import { runLogListener } from '../../core/pipeline/runLog';
import type { RunEvent, RunEventListener } from '../../model/run/events';

/** Runs whose state the log keeps; the oldest is forgotten beyond this (events after runFinished, e.g. git, still log). */
const REMEMBERED_RUNS = 20;

/** A subscriber for every run's events (the run service's onDidEvent) that writes each run's lines. */
export function runLogger(log: Logger): (event: RunEvent) => void {
  const runs = new Map<string, RunEventListener>();
  const listenerFor = (runId: string): RunEventListener => {
    let listener = runs.get(runId);
    if (!listener) {
      listener = runLogListener((line) => log[line.level](`Run ${runId}: ${line.text}`));
      runs.set(runId, listener);
      if (runs.size > REMEMBERED_RUNS) runs.delete(runs.keys().next().value as string);
    }
    return listener;
  };
  return (event) => listenerFor(event.runId)(event);
}
