// The history as learning reads it: each stored generation as RunOutcomes (size, cost, stages).
import type { RunOutcomes } from '../learning/types';
import type { GenerationRecord } from './store';

export function toRunOutcomes(record: GenerationRecord): RunOutcomes {
  return {
    id: record.id,
    createdAt: record.createdAt,
    // Learning counts a degraded run (whole, but Claude failed some stages) like a partial one.
    status: record.status === 'degraded' ? 'partial' : record.status,
    provider: record.provider,
    model: record.model,
    durationMs: record.durationMs,
    costUsd: record.usage.costUsd,
    tokens: record.usage.inputTokens + record.usage.outputTokens,
    entities: record.spec.entities.length,
    stageCount: record.stageCount,
    stages: record.stages,
  };
}
