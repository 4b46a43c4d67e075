import { VscodeButton, VscodeTextarea } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import type { Rating } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';

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
      <VscodeButton
        secondary={up !== true}
        aria-label="Good result"
        aria-pressed={up === true ? 'true' : 'false'}
        disabled={saving}
        onClick={() => choose(true)}
        data-testid="rate-up"
      >
        Good
      </VscodeButton>
      <VscodeButton
        secondary={up !== false}
        aria-label="Poor result"
        aria-pressed={up === false ? 'true' : 'false'}
        disabled={saving}
        onClick={() => choose(false)}
        data-testid="rate-down"
      >
        Poor
      </VscodeButton>
      {up !== undefined && (
        <div className="rating-note">
          <VscodeTextarea
            label="Note (optional)"
            aria-label="Note about this generation (optional)"
            placeholder="What was good or wrong?"
            rows={2}
            maxlength={2000}
            value={note}
            onInput={(event) => setNote((event.currentTarget as unknown as { value: string }).value)}
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
