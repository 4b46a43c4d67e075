import { errorText, type Logger } from '../../core/log';
import type { UpdateApplication } from '../../core/history/store';
import type { GenerationHistory } from './GenerationHistory';

/**
 * Records in an update's history record whether it was applied (the run alone only says it
 * succeeded). Only the first decision counts: an update is applied or dropped once. Never throws:
 * the project's files matter more than the record of them.
 */
export async function recordUpdateApplication(history: GenerationHistory | undefined, runId: string, application: UpdateApplication, log: Logger): Promise<void> {
  if (!history?.available) return;
  try {
    await history.update(runId, (record) => (record.kind !== 'update' || record.application ? record : { ...record, application }));
  } catch (error) {
    log.warn(`The history could not record whether update ${runId} was applied: ${errorText(error)}`);
  }
}
