import { VscodeButton, VscodeTextarea } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import type { Rating } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';
import { valueOf } from '../elementEvents';

/** One of the two ratings: pressed when it is the current one. */
function RateButton({ good, up, saving, onChoose }: { good: boolean; up?: boolean; saving: boolean; onChoose: (good: boolean) => void }) {
  return (
    <VscodeButton
      secondary={up !== good}
      aria-label={good ? 'Good result' : 'Poor result'}
      aria-pressed={up === good ? 'true' : 'false'}
      disabled={saving}
      onClick={() => onChoose(good)}
      data-testid={good ? 'rate-up' : 'rate-down'}
    >
      {good ? 'Good' : 'Poor'}
    </VscodeButton>
  );
}

/**
 * Thumbs up or down on this generation, with an optional note. Kept in its history record; the
 * prompt-variant learning counts a thumbs-down against the variants this run used.
 */
export function RatingBox({ bridge, runId, rating }: { bridge: Bridge; runId: string; rating?: Rating }) {
  const [up, setUp] = useState<boolean | undefined>(rating?.up);
  const [note, setNote] = useState(rating?.note ?? '');
  const [status, setStatus] = useState<string>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    setUp(rating?.up);
    setNote(rating?.note ?? '');
  }, [runId, rating?.up, rating?.note]);

  const save = async (choice: boolean, text: string) => {
    setSaving(true);
    setStatus(undefined);
    try {
      const reply = await bridge.rateRun(runId, choice, text.trim() || undefined);
      setStatus(reply.error ? `Not saved: ${reply.error}` : 'Thanks, saved with this generation.');
    } catch (error) {
      setStatus(`Not saved: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setSaving(false);
    }
  };
  const choose = (choice: boolean) => {
    setUp(choice);
    void save(choice, note);
  };

  return (
    <section className="rating" aria-label="Rate this generation" data-testid="rating" data-rating={up === undefined ? undefined : up ? 'up' : 'down'}>
      <span className="rating-label">How is this result?</span>
      <RateButton good up={up} saving={saving} onChoose={choose} />
      <RateButton good={false} up={up} saving={saving} onChoose={choose} />
      {up !== undefined && (
        <div className="rating-note">
          <VscodeTextarea
            label="Note (optional)"
            aria-label="Note about this generation (optional)"
            placeholder="What was good or wrong?"
            rows={2}
            maxlength={2000}
            value={note}
            onInput={(event) => setNote(valueOf(event))}
            data-testid="rating-note"
          />
          <VscodeButton secondary disabled={saving} onClick={() => void save(up, note)} data-testid="rating-save">
            Save note
          </VscodeButton>
        </div>
      )}
      {status && (
        <span role="status" className="rating-status" data-testid="rating-status">
          {status}
        </span>
      )}
    </section>
  );
}
