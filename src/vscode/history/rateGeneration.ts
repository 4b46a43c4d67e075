import { withRating } from '../../core/learning/stageOutcomes';
import type { Rating } from '../../model/protocol';
import type { GenerationHistory } from './GenerationHistory';

/** The user's thumbs up/down on a generation: kept in its record and passed to its stage outcomes for learning. */
export async function rateGeneration(history: GenerationHistory | undefined, runId: string, up: boolean, note?: string): Promise<Rating> {
  if (!history?.available) throw new Error('Ratings need the generation history, which is not available in this window.');
  const updated = await history.update(runId, (record) => ({
    ...record,
    rating: { up, note, at: Date.now() },
    stages: withRating(record.stages, up ? 'up' : 'down'),
  }));
  if (!updated?.rating) throw new Error('This generation is not in the history (it may have been deleted).');
  return { up: updated.rating.up, note: updated.rating.note };
}
