// A run's events as lines of text, said the same way wherever a run is logged: the CLI's progress on
// stderr and the extension's log channel both subscribe to the stream and print these.
import type { LogLevel } from '../log';
import type { RunEvent, RunEventListener } from '../../model/run/events';
import { formatDuration, verificationOutcome, verificationText } from '../../model/run/outcome';
import { applyRunEvent, initialRunState, type RunState } from '../../model/run/runState';

export interface RunLogLine {
  level: LogLevel;
  /**
   * `run`: about the whole run (its start and end); `stage`: a stage ended (the CLI numbers these);
   * `detail`: anything else the run said.
   */
  kind: 'run' | 'stage' | 'detail';
  text: string;
}

const line = (level: LogLevel, kind: RunLogLine['kind'], text: string): RunLogLine => ({ level, kind, text });

/** What the run says with `event`; `before` and `after` are the run's state around it. */
export function runEventLines(event: RunEvent, before: RunState, after: RunState): RunLogLine[] {
  const title = (stageId: string) => after.stages[stageId]?.title ?? stageId;
  switch (event.type) {
    case 'runStarted':
      return [line('info', 'run', `run: ${event.stages.length} stages, up to ${event.concurrency} at a time`)];
    case 'stagesAdded':
      // The graph grew (the per-entity stages, once the domain model is final).
      return [line('info', 'detail', `${event.stages.length} more stages now that ${title(event.afterStageId)} is final`)];
    case 'specUpdated':
      return specLines(event, before, title(event.stageId));
    case 'stageFinished':
      return [line('info', 'stage', `${title(event.stageId)} — ${after.stages[event.stageId]?.outputSummary ?? 'done'}`)];
    case 'stageFailed':
      return [line('error', 'stage', `${title(event.stageId)} FAILED: ${event.error}`)];
    case 'stageSkipped':
      return [line('info', 'stage', `${title(event.stageId)} skipped: ${event.reason}`)];
    case 'stageDegraded':
      return [line('warn', 'detail', `${title(event.stageId)} kept its deterministic result: ${event.reason}`)];
    case 'stageRetried':
      return [line('warn', 'detail', `${title(event.stageId)}: retrying in ${Math.round(event.delayMs / 100) / 10} s (${event.reason})`)];
    case 'warning':
      return [line('warn', 'detail', `warning: ${event.message}`)];
    case 'verificationStep': {
      const how = event.ok ? 'passed' : event.cancelled ? 'cancelled' : event.timedOut ? 'TIMED OUT' : 'FAILED';
      return [line(event.ok ? 'info' : 'warn', 'detail', `verify: ${event.step} ${how} in ${formatDuration(event.durationMs)}`), ...event.firstErrors.map((error) => line('warn', 'detail', `  ${error}`))];
    }
    case 'gitResult':
      return [line(event.outcome === 'failed' ? 'warn' : 'info', 'detail', `git: ${event.outcome === 'committed' ? event.detail : `not committed — ${event.detail}`}`)];
    case 'runFinished':
      return finishedLines(event, after);
    default:
      return [];
  }
}

function specLines(event: Extract<RunEvent, { type: 'specUpdated' }>, before: RunState, title: string): RunLogLine[] {
  const lines = event.changes.map((change) => line('info', 'detail', `${title}: ${change}`));
  // The entities the run generates from now on (Claude's model may add, rename or remove some).
  const names = event.spec.entities.map((entity) => entity.name).join(', ');
  const previous = before.entities?.join(', ');
  if (names !== previous && (previous !== undefined || event.changes.some((change) => change.startsWith('entities ')))) lines.push(line('info', 'detail', `entities now: ${names}`));
  return lines;
}

function finishedLines(event: Extract<RunEvent, { type: 'runFinished' }>, after: RunState): RunLogLine[] {
  const { stages, files, usage } = event.summary;
  const leftOut = after.counts?.leftOut ? ` (${after.counts.leftOut} not asked for)` : '';
  const time = formatDuration(after.durationMs ?? event.summary.durationMs);
  const lines = [
    line(
      after.status === 'succeeded' || after.status === 'degraded' ? 'info' : 'warn',
      'run',
      `run ${after.status}: ${stages.succeeded} stages done, ${stages.failed} failed, ${stages.skipped} skipped${leftOut}, ${stages.cancelled} cancelled; ${files} files in ${time}`,
    ),
  ];
  if (after.status === 'degraded') lines.push(line('warn', 'run', `degraded: ${stages.degraded} stage(s) kept their deterministic result because Claude failed (see the warnings)`));
  // Verification's end, after repairs, as every view says it (a skip was said when it happened).
  const verification = verificationOutcome(after);
  if (verification.kind === 'verified' || verification.kind === 'failed') lines.push(line(verification.kind === 'failed' ? 'warn' : 'info', 'run', verificationText(verification)));
  const input = usage.inputTokens + usage.cacheReadTokens + usage.cacheWriteTokens;
  if (input > 0) {
    const cached = Math.round((100 * usage.cacheReadTokens) / input);
    lines.push(line('info', 'run', `tokens: ${input} in (${cached}% read from cache), ${usage.outputTokens} out; cost $${usage.costUsd.toFixed(4)}`));
  }
  return lines;
}

/**
 * A stream listener that folds the run's state and hands each line to `write`: what the extension's
 * log channel subscribes (write: (line) => log[line.level](`Run ${runId}: ${line.text}`)).
 */
export function runLogListener(write: (line: RunLogLine, state: RunState) => void): RunEventListener {
  let state = initialRunState();
  return (event) => {
    const before = state;
    state = applyRunEvent(state, event);
    for (const entry of runEventLines(event, before, state)) write(entry, state);
  };
}
