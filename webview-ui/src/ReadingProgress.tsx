import { VscodeButton, VscodeProgressBar } from '@vscode-elements/react-elements';
import type { ExtractProgress } from '../../src/model/protocol';

const count = (n: number) => n.toLocaleString('en-US');

/** What the host is doing, in the user's words. */
export function readingText(progress: ExtractProgress | undefined): string {
  if (!progress) return 'Sending the requirements to Takoss…';
  if (progress.step === 'reading') return progress.done < progress.total ? `Reading sentence ${count(progress.done + 1)} of ${count(progress.total)}` : `Read all ${count(progress.total)} sentences`;
  if (progress.step === 'model') return 'Building the data model: entities, fields, relations, rules…';
  return 'Forecasting the run and checking the target folder…';
}

/**
 * Shown while the host reads the requirements: the step and sentence count the host reports (a
 * long paste takes seconds), a bar that fills while sentences are read, and Cancel.
 */
export function ReadingProgress({ progress, onCancel }: { progress?: ExtractProgress; onCancel: () => void }) {
  const reading = progress?.step === 'reading' && progress.total > 0;
  return (
    <div className="reading-progress" data-testid="reading-progress">
      <p role="status" aria-live="polite" data-testid="reading-progress-text" data-step={progress?.step ?? 'sending'}>
        {readingText(progress)}
      </p>
      <VscodeProgressBar
        aria-label="Reading the requirements"
        indeterminate={!reading}
        value={reading ? progress.done : undefined}
        max={reading ? progress.total : 100}
      />
      <VscodeButton secondary onClick={onCancel} data-testid="reading-cancel">
        Cancel
      </VscodeButton>
    </div>
  );
}
