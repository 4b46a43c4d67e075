// The CLI's view of a run: the run's log lines (core/pipeline/runLog.ts, the same the extension's
// log channel shows), each stage's end numbered as it comes, read from the one event stream.
import type { RunEvent } from '../model/run/events';
import { runLogListener } from '../core/pipeline/runLog';
import type { StageStatus } from '../model/run/runState';

const ENDED = new Set<StageStatus>(['succeeded', 'failed', 'skipped', 'cancelled']);

export function cliProgress(write: (line: string) => void): (event: RunEvent) => void {
  return runLogListener((line, state) => {
    if (line.kind === 'run') return write(line.text);
    if (line.kind === 'detail') return write(`      ${line.text}`);
    // Cancelled stages count among those ended, though they say nothing.
    const ended = state.stageOrder.filter((id) => ENDED.has(state.stages[id].status)).length;
    const total = String(state.stageOrder.length);
    write(`[${String(ended).padStart(total.length)}/${total}] ${line.text}`);
  });
}
