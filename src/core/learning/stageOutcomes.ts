// Turns a run's event stream into the stage outcomes the history keeps: one per stage instance,
// with the prompt variant it used, what it cost and took, and how Claude's answer turned out.
import type { RunEvent } from '../../model/run/events';
import { replayRun, type StageState } from '../../model/run/runState';
import { DETERMINISTIC, type StageOutcome } from './outcome';

export interface RunVerdicts {
  /** The run's verification passed (undefined: it did not run). */
  verificationPassed?: boolean;
  rating?: 'up' | 'down';
}

export function stageOutcomes(events: readonly RunEvent[], verdicts: RunVerdicts = {}): StageOutcome[] {
  const state = replayRun(events);
  const promptVersions = new Map<string, number>();
  for (const event of events) if (event.type === 'promptChosen') promptVersions.set(event.stageId, event.promptVersion);
  return state.stageOrder.map((id) => {
    const stage = state.stages[id];
    return {
      stage: stage.kind ?? id.split(':')[0],
      instance: id,
      variant: stage.variant ?? DETERMINISTIC,
      promptVersion: promptVersions.get(id) ?? 0,
      model: stage.model,
      status: outcomeStatus(stage),
      durationMs: stage.durationMs ?? 0,
      inputTokens: stage.usage.inputTokens,
      outputTokens: stage.usage.outputTokens,
      costUsd: stage.usage.costUsd,
      valid: stage.prompt?.valid,
      repaired: stage.prompt?.repaired,
      verificationPassed: verdicts.verificationPassed,
      rating: verdicts.rating,
    };
  });
}

function outcomeStatus(stage: StageState): StageOutcome['status'] {
  switch (stage.status) {
    case 'succeeded':
    case 'failed':
    case 'skipped':
    case 'cancelled':
      return stage.status;
    default:
      return 'interrupted'; // never finished: the run stopped under it
  }
}

/** A rating given later reaches every stage outcome of that generation. */
export function withRating(outcomes: readonly StageOutcome[], rating: 'up' | 'down' | undefined): StageOutcome[] {
  return outcomes.map((outcome) => ({ ...outcome, rating }));
}
