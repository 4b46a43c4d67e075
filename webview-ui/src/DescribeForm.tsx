import { VscodeButton, VscodeRadio, VscodeRadioGroup, VscodeTextarea, VscodeTextfield } from '@vscode-elements/react-elements';
import { type FormEvent, useState } from 'react';
import { EXAMPLES } from '../../src/model/examples';
import { ExtractRequest, type ProviderChoice } from '../../src/model/protocol';
import { isSubmitKey, valueOf } from './elementEvents';

/**
 * What the form holds between visits. `name` is only ever what the user typed: empty, the host
 * derives the project name from the text, so the name follows the text until the user edits it.
 */
export interface Draft {
  requirements: string;
  name: string;
}

export interface DescribeFormProps {
  onSubmit: (requirements: string, projectName: string | undefined, provider: ProviderChoice) => void;
  disabled: boolean;
  busy?: boolean;
  draft?: Draft;
  onDraft: (draft: Draft) => void;
  /** Clear was pressed: the form is empty again (the app forgets the review behind it). */
  onClear?: () => void;
  /** Claude is offered only with a stored key; otherwise the form offers to set one. */
  hasApiKey: boolean;
  defaultProvider: ProviderChoice;
  onSetApiKey: () => void;
}

type FormErrors = { requirements?: string; name?: string };

/** The request the form would send, checked with the host's schema: its data, or the errors in the form's words. */
function checkRequest(requirements: string, name: string, provider: ProviderChoice): { data: { requirements: string; projectName?: string } } | { errors: FormErrors } {
  const checked = ExtractRequest.safeParse({ type: 'extract', requestId: 'form', requirements, projectName: name.trim() || undefined, provider });
  if (checked.success) return { data: checked.data };
  const errors: FormErrors = {};
  for (const issue of checked.error.issues) {
    if (issue.path[0] === 'requirements') errors.requirements ??= `${issue.message}.`;
    if (issue.path[0] === 'projectName') errors.name ??= `Project name: ${issue.message}.`;
  }
  return { errors };
}

function FieldError({ id, testId, message }: { id: string; testId: string; message?: string }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert" id={id} data-testid={testId}>
      {message}
    </p>
  );
}

/** Offline, or Claude when a key is stored (else an offer to set one). */
function ProviderChoiceField({ provider, hasApiKey, onChoose, onSetApiKey }: { provider: ProviderChoice; hasApiKey: boolean; onChoose: (provider: ProviderChoice) => void; onSetApiKey: () => void }) {
  return (
    <fieldset className="provider">
      <legend>Generator</legend>
      <VscodeRadioGroup aria-label="Generator" onChange={(event) => onChoose((event.target as unknown as { value: string }).value as ProviderChoice)} data-testid="provider">
        <VscodeRadio name="provider" value="offline" checked={provider === 'offline'} data-testid="provider-offline">
          Offline (deterministic, no API key, free)
        </VscodeRadio>
        <VscodeRadio name="provider" value="anthropic" checked={provider === 'anthropic'} disabled={!hasApiKey} data-testid="provider-anthropic">
          Claude for the stages that need judgement
        </VscodeRadio>
      </VscodeRadioGroup>
      {!hasApiKey && (
        <span className="muted">
          Claude needs an API key.{' '}
          <button type="button" className="link" onClick={onSetApiKey} data-testid="set-api-key">
            Set API key
          </button>
        </span>
      )}
    </fieldset>
  );
}

/** The requirements and project name as typed, each change also kept as the draft. */
function useDraft(draft: Draft | undefined, onDraft: (draft: Draft) => void) {
  const [requirements, setRequirementsState] = useState(draft?.requirements ?? '');
  const [name, setNameState] = useState(draft?.name ?? '');
  const replace = (next: Draft) => {
    setRequirementsState(next.requirements);
    setNameState(next.name);
    onDraft(next);
  };
  return {
    requirements,
    name,
    setRequirements: (value: string) => replace({ requirements: value, name }),
    setName: (value: string) => replace({ requirements, name: value }),
    /**
     * An example is a new project: it replaces the text, and a name typed for the text it replaces
     * goes with it (one typed into an empty form was meant for this project and stays).
     */
    startFromExample: (text: string) => replace({ requirements: text, name: requirements.trim() ? '' : name }),
    clear: () => replace({ requirements: '', name: '' }),
  };
}

/** The optional project name; empty, the host derives it from the text. */
function ProjectNameField({ name, error, onName }: { name: string; error?: string; onName: (name: string) => void }) {
  return (
    <>
      <label htmlFor="project-name">Project name (optional)</label>
      <VscodeTextfield
        id="project-name"
        data-testid="project-name"
        value={name}
        placeholder="derived from the description"
        onInput={(event) => onName(valueOf(event))}
        aria-label="Project name"
        aria-invalid={Boolean(error)}
        aria-describedby={error ? 'name-error' : undefined}
      />
      <FieldError id="name-error" testId="name-error" message={error} />
    </>
  );
}

/** Review (blocked while disconnected or reading) and Clear (only when there is something to clear). */
function FormButtons({ busy, disabled, empty, onSubmit, onClear }: { busy: boolean; disabled: boolean; empty: boolean; onSubmit: () => void; onClear: () => void }) {
  return (
    <div className="buttons">
      <VscodeButton onClick={onSubmit} disabled={disabled || busy} data-testid="review-button">
        {busy ? 'Reading the requirements…' : 'Review the data model'}
      </VscodeButton>
      <VscodeButton secondary onClick={onClear} disabled={busy || empty} data-testid="clear-button">
        Clear
      </VscodeButton>
    </div>
  );
}

/**
 * Step 1: requirements text, an optional project name and the provider. Validated with the same
 * zod schema the host uses; errors are shown inline. Ctrl/Cmd+Enter in the text submits.
 */
export function DescribeForm({ onSubmit, disabled, busy = false, draft, onDraft, onClear, hasApiKey, defaultProvider, onSetApiKey }: DescribeFormProps) {
  const { requirements, name, setRequirements, setName, startFromExample, clear } = useDraft(draft, onDraft);
  const [chosen, setProvider] = useState<ProviderChoice>(defaultProvider);
  const provider: ProviderChoice = hasApiKey ? chosen : 'offline';
  const [errors, setErrors] = useState<FormErrors>({});

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (disabled || busy) return;
    const checked = checkRequest(requirements, name, provider);
    if ('errors' in checked) return setErrors(checked.errors);
    setErrors({});
    onSubmit(checked.data.requirements, checked.data.projectName, provider);
  };

  return (
    <form className="describe" onSubmit={submit} aria-label="Describe the application" noValidate>
      <label htmlFor="requirements">What should the application do?</label>
      <VscodeTextarea
        id="requirements"
        data-testid="requirements"
        rows={7}
        value={requirements}
        placeholder="e.g. Blog with auth and posts — or paste your user stories"
        onInput={(event) => setRequirements(valueOf(event))}
        onKeyDown={(event) => isSubmitKey(event) && submit()}
        aria-label="Requirements"
        aria-invalid={Boolean(errors.requirements)}
        aria-describedby={errors.requirements ? 'requirements-error' : undefined}
      />
      <FieldError id="requirements-error" testId="form-error" message={errors.requirements} />
      <div className="examples">
        Start from an example:{' '}
        {EXAMPLES.map((example, index) => (
          <button key={example.id} type="button" className="link" onClick={() => startFromExample(example.text)} data-testid={`example-${index}`}>
            {example.name}
          </button>
        ))}
      </div>
      <ProjectNameField name={name} error={errors.name} onName={setName} />
      <ProviderChoiceField provider={provider} hasApiKey={hasApiKey} onChoose={setProvider} onSetApiKey={onSetApiKey} />
      <FormButtons
        busy={busy}
        disabled={disabled}
        empty={!requirements && !name}
        onSubmit={() => submit()}
        onClear={() => {
          clear();
          setErrors({});
          onClear?.();
        }}
      />
    </form>
  );
}
