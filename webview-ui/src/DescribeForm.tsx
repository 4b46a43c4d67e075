import { VscodeButton, VscodeTextarea, VscodeTextfield } from '@vscode-elements/react-elements';
import { type FormEvent, useState } from 'react';

const EXAMPLES = [
  'Blog with auth and posts.',
  'A team task manager. Users sign up and log in. A user can create projects; each project has many tasks. A task has a title, a due date, a priority (low, medium, high) and a status (todo, in progress, done).',
  'Event booking: organizers create events (name, venue, start time, capacity, ticket price). Attendees register for events; registration is refused once capacity is reached.',
];

const NAME = /^[a-z][a-z0-9-]{0,49}$/;

/** Requirements text and an optional project name; Enter in the name field or the button submits. */
interface Draft {
  requirements: string;
  name: string;
}

/** The draft survives the panel being hidden (VS Code keeps webview state across reloads). */
export function DescribeForm({
  onGenerate,
  disabled,
  draft,
  onDraft,
}: {
  onGenerate: (requirements: string, projectName?: string) => void;
  disabled: boolean;
  draft?: Draft;
  onDraft: (draft: Draft) => void;
}) {
  const [requirements, setRequirementsState] = useState(draft?.requirements ?? '');
  const [name, setNameState] = useState(draft?.name ?? '');
  const setRequirements = (value: string) => {
    setRequirementsState(value);
    onDraft({ requirements: value, name });
  };
  const setName = (value: string) => {
    setNameState(value);
    onDraft({ requirements, name: value });
  };
  const [error, setError] = useState<string>();

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!requirements.trim()) return setError('Describe the application first.');
    if (name && !NAME.test(name)) return setError('Project name: lower-case letters, digits and dashes, starting with a letter.');
    setError(undefined);
    onGenerate(requirements.trim(), name || undefined);
  };

  return (
    <form className="describe" onSubmit={submit} aria-label="Describe the application">
      <label htmlFor="requirements">What should the application do?</label>
      <VscodeTextarea
        id="requirements"
        data-testid="requirements"
        rows={7}
        value={requirements}
        placeholder="e.g. Blog with auth and posts — or paste your user stories"
        onInput={(event) => setRequirements((event.currentTarget as unknown as { value: string }).value)}
        aria-label="Requirements"
      />
      <div className="examples">
        Start from an example:{' '}
        {EXAMPLES.map((example, index) => (
          <button key={example} type="button" className="link" onClick={() => setRequirements(example)} data-testid={`example-${index}`}>
            {['blog', 'task manager', 'event booking'][index]}
          </button>
        ))}
      </div>
      <label htmlFor="project-name">Project name (optional)</label>
      <VscodeTextfield
        id="project-name"
        data-testid="project-name"
        value={name}
        placeholder="derived from the description"
        onInput={(event) => setName((event.currentTarget as unknown as { value: string }).value)}
        onKeyDown={(event) => event.key === 'Enter' && submit()}
        aria-label="Project name"
      />
      {error && (
        <p className="form-error" role="alert" data-testid="form-error">
          {error}
        </p>
      )}
      <VscodeButton onClick={() => submit()} disabled={disabled} data-testid="generate-button">
        Generate project
      </VscodeButton>
    </form>
  );
}
