// `.takoss/PARTIAL.md`: the mark of a project whose run did not finish (cancelled or failed), so
// nobody mistakes it for a complete one. The extension and the CLI write the same text; only the
// advice (where to remove it from) differs.
import type { RunEvent } from '../../model/run/events';
import { replayRun } from '../../model/run/runState';

export const PARTIAL_MARKER = '.takoss/PARTIAL.md';
export const PARTIAL_HEADING = '# This project is incomplete';

/** The marker's Markdown: why the project is incomplete, what to do, and the stages that did not finish. */
export function partialMarkerText(status: string, unfinished: readonly string[], advice: string): string {
  return [
    PARTIAL_HEADING,
    '',
    `The Takoss run that generated it was ${status} before every stage finished, so some files are missing.`,
    advice,
    '',
    'Stages that did not finish:',
    '',
    ...unfinished.map((stage) => `- ${stage}`),
    '',
  ].join('\n');
}

/** Titles of the run's stages that did not succeed, in the run's order (read from its events). */
export function unfinishedStages(events: readonly RunEvent[]): string[] {
  const state = replayRun(events);
  return state.stageOrder.filter((id) => state.stages[id].status !== 'succeeded').map((id) => state.stages[id].title);
}
