// The CLI's view of a run: one line per stage as it ends, read from the same event stream the
// panel and the history use.
import type { RunEvent } from '../model/run/events';
import { formatDuration } from '../model/run/outcome';
import { applyRunEvent, initialRunState } from '../model/run/runState';

export function cliProgress(write: (line: string) => void): (event: RunEvent) => void {
  let total = 0;
  let ended = 0;
  const titles = new Map<string, string>();
  const summaries = new Map<string, string>();
  let entities: string | undefined;
  // The run as every view folds it: the status and time said at the end are the panel's.
  let state = initialRunState();
  const prefix = () => `[${String(ended).padStart(String(total).length)}/${total}]`;
  return (event) => {
    state = applyRunEvent(state, event);
    switch (event.type) {
      case 'runStarted':
        total = event.stages.length;
        for (const stage of event.stages) titles.set(stage.id, stage.title);
        write(`run: ${total} stages, up to ${event.concurrency} at a time`);
        break;
      case 'stagesAdded':
        // The graph grew (the per-entity stages, once the domain model is final).
        total += event.stages.length;
        for (const stage of event.stages) titles.set(stage.id, stage.title);
        write(`      ${event.stages.length} more stages now that ${titles.get(event.afterStageId) ?? event.afterStageId} is final`);
        break;
      case 'specUpdated': {
        for (const change of event.changes) write(`      ${titles.get(event.stageId) ?? event.stageId}: ${change}`);
        // The entities the run generates from now on (Claude's model may add, rename or remove some).
        const names = event.spec.entities.map((entity) => entity.name).join(', ');
        if (names !== entities && (entities !== undefined || event.changes.some((change) => change.startsWith('entities ')))) write(`      entities now: ${names}`);
        entities = names;
        break;
      }
      case 'stageOutput':
        summaries.set(event.stageId, event.summary);
        break;
      case 'stageFinished':
        ended += 1;
        write(`${prefix()} ${titles.get(event.stageId)} — ${summaries.get(event.stageId) ?? 'done'}`);
        break;
      case 'stageFailed':
        ended += 1;
        write(`${prefix()} ${titles.get(event.stageId)} FAILED: ${event.error}`);
        break;
      case 'stageSkipped':
        ended += 1;
        write(`${prefix()} ${titles.get(event.stageId)} skipped: ${event.reason}`);
        break;
      case 'stageCancelled':
        ended += 1;
        break;
      case 'stageRetried':
        write(`      ${titles.get(event.stageId)}: retrying in ${Math.round(event.delayMs / 100) / 10} s (${event.reason})`);
        break;
      case 'warning':
        write(`      warning: ${event.message}`);
        break;
      case 'verificationStep':
        write(`      verify: ${event.step} ${event.ok ? 'passed' : event.cancelled ? 'cancelled' : event.timedOut ? 'TIMED OUT' : 'FAILED'} in ${formatDuration(event.durationMs)}`);
        for (const line of event.firstErrors) write(`        ${line}`);
        break;
      case 'gitResult':
        write(`      git: ${event.outcome === 'committed' ? event.detail : `not committed — ${event.detail}`}`);
        break;
      case 'runFinished': {
        const { stages, files, usage } = event.summary;
        const { status } = state;
        const leftOut = state.counts?.leftOut ? ` (${state.counts.leftOut} not asked for)` : '';
        write(
          `run ${status}: ${stages.succeeded} stages done, ${stages.failed} failed, ${stages.skipped} skipped${leftOut}, ${stages.cancelled} cancelled; ${files} files in ${formatDuration(state.durationMs ?? event.summary.durationMs)}`,
        );
        if (status === 'degraded') write(`degraded: ${stages.degraded} stage(s) kept their deterministic result because Claude failed (see the warnings)`);
        const input = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
        if (input > 0) {
          const cached = Math.round((100 * usage.cacheReadTokens) / input);
          write(`tokens: ${input} in (${cached}% read from cache), ${usage.outputTokens} out; cost $${usage.costUsd.toFixed(4)}`);
        }
        break;
      }
      default:
        break;
    }
  };
}
