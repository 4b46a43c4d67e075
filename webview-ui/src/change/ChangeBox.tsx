// Change mode's part of the review step: which project is being changed, a box to describe a change
// in plain words (read by the host against the model under review), what it applied and what it
// did not understand, and the change so far as a diff of the model against the last generation.
import { VscodeButton, VscodeTextarea } from '@vscode-elements/react-elements';
import { useState } from 'react';
import { hasModelChanges, modelChanges } from '../../../src/model/run/modelChanges';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { ProviderChoice } from '../../../src/model/protocol';
import { isSubmitKey, valueOf } from '../elementEvents';
import { ModelChangeList } from '../review/ModelChangeList';
import type { ChangeMode, ChangeReading } from './useChange';

/** Names the project and its folder: everything below changes that project. */
export function ChangeBanner({ mode, onLeave }: { mode: ChangeMode; onLeave: () => void }) {
  return (
    <div className="change-banner" role="status" data-testid="change-banner">
      <span>
        Changing <strong data-testid="change-project">{mode.project.title}</strong> in <code data-testid="change-folder">{mode.project.folder}</code>: edit the
        model or describe a change; Update project previews what happens to each file before anything is written.
      </span>
      <VscodeButton secondary onClick={onLeave} data-testid="change-leave">
        New project instead
      </VscodeButton>
    </div>
  );
}

/** What the last change did: applied lines and the sentences it could not read, with why. */
function ReadingResult({ reading }: { reading: ChangeReading }) {
  return (
    <div className="change-reading" data-testid="change-reading" data-by={reading.by}>
      {reading.note && (
        <p className="muted" data-testid="change-note">
          {reading.note}
        </p>
      )}
      {reading.applied.length > 0 && (
        <ul data-testid="change-applied">
          {reading.applied.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {reading.notUnderstood.length > 0 && (
        <div className="problems" data-testid="change-not-understood">
          <strong>Not understood (nothing changed for these):</strong>
          <ul>
            {reading.notUnderstood.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

/** "Describe a change": one or more sentences, read against the model under review. */
export function DescribeChange({
  provider,
  reading,
  onDescribe,
  disabled,
  offered,
}: {
  provider: ProviderChoice;
  reading?: ChangeReading;
  onDescribe: (text: string, provider: ProviderChoice) => Promise<ChangeReading>;
  disabled: boolean;
  /** The text the box starts with (a change offered in the conversation). */
  offered?: string;
}) {
  const [text, setText] = useState(offered ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async () => {
    if (!text.trim() || busy || disabled) return;
    setBusy(true);
    setError(undefined);
    try {
      const reply = await onDescribe(text, provider);
      if (reply.applied.length) setText('');
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="change-box" data-testid="change-box">
      <label htmlFor="change-text">Describe a change</label>
      <VscodeTextarea
        id="change-text"
        data-testid="change-text"
        rows={3}
        value={text}
        placeholder='e.g. "add a phone number to members", "bookings need a status: pending, confirmed or cancelled"'
        onInput={(event) => setText(valueOf(event))}
        onKeyDown={(event) => isSubmitKey(event) && void submit()}
      />
      <div className="add-row">
        <VscodeButton secondary onClick={() => void submit()} disabled={disabled || busy || !text.trim()} data-testid="change-apply">
          {busy ? 'Reading…' : 'Apply to the model'}
        </VscodeButton>
        <span className="muted">{provider === 'anthropic' ? 'Claude edits the model.' : 'Read offline, against the entities of this project.'}</span>
      </div>
      {error && (
        <p className="form-error" role="alert" data-testid="change-error">
          {error}
        </p>
      )}
      {reading && <ReadingResult reading={reading} />}
    </div>
  );
}

/** The model under review against the project's last generation. */
export function ModelDiff({ before, after }: { before: ProjectSpec; after: ProjectSpec }) {
  const changes = modelChanges(before, after);
  return (
    <section className="forecast" aria-label="What changes in the model" data-testid="change-diff">
      <strong>Changes to the model since the last generation</strong>
      {hasModelChanges(changes) ? <ModelChangeList changes={changes} testId="change-diff-items" /> : <p className="muted" data-testid="change-diff-none">None yet.</p>}
    </section>
  );
}

/** Everything change mode adds to the review step, above the model. */
export function ChangeModeHeader({ mode, spec, provider, reading, onDescribe, onLeave, disabled }: {
  mode: ChangeMode;
  spec: ProjectSpec;
  provider: ProviderChoice;
  reading?: ChangeReading;
  onDescribe: (text: string, provider: ProviderChoice) => Promise<ChangeReading>;
  onLeave: () => void;
  disabled: boolean;
}) {
  return (
    <>
      <ChangeBanner mode={mode} onLeave={onLeave} />
      <DescribeChange key={mode.offered} provider={provider} reading={reading} onDescribe={onDescribe} disabled={disabled} offered={mode.offered} />
      <ModelDiff before={mode.before} after={spec} />
    </>
  );
}
