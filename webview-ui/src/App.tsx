import { VscodeButton, VscodeDivider, VscodeProgressRing } from '@vscode-elements/react-elements';
import { useCallback, useEffect, useState } from 'react';
import type { Bridge } from './bridge';
import { type Draft, DescribeForm } from './DescribeForm';
import { type Explanation, ExplanationCard } from './ExplanationCard';
import { ReviewStep } from './review/ReviewStep';
import { useReview } from './review/useReview';
import { usePersistentState } from './usePersistentState';
import { RunPanel } from './RunPanel';
import { type HostState, useHost } from './useHost';
import { useRun } from './useRun';

const STEPS: { title: string; text: string }[] = [
  { title: 'Describe', text: 'Write what the application should do, in plain language: one line or pages of user stories.' },
  { title: 'Review', text: 'Check the data model Takoss extracted — entities, fields, relations, auth, rules — and edit it.' },
  { title: 'Generate', text: 'Watch the pipeline run as a live graph of named stages while files appear in your workspace.' },
  { title: 'Use', text: 'Every file explains itself and traces back to the requirement sentences it serves.' },
];

function ConnectionBadge({ state }: { state: HostState }) {
  const { connection } = state;
  if (connection.status === 'connecting') {
    return (
      <span className="status" data-testid="connection-status" data-status="connecting">
        <VscodeProgressRing aria-label="Connecting to the Takoss host" className="ring" />
        Connecting…
      </span>
    );
  }
  if (connection.status === 'error') {
    return (
      <span className="status error" data-testid="connection-status" data-status="error" role="alert">
        Not connected: {connection.reason}
      </span>
    );
  }
  return (
    <span className="status ok" data-testid="connection-status" data-status="connected">
      <span className="dot" aria-hidden="true" /> Connected
    </span>
  );
}

function HostDetails({ state }: { state: HostState }) {
  if (state.connection.status !== 'connected') return null;
  const { host } = state.connection;
  return (
    <dl className="host" data-testid="host-info">
      <dt>Provider</dt>
      <dd data-testid="host-provider">
        {host.provider === 'offline' ? 'Offline (deterministic, no API key)' : `Claude · ${host.model}`}
      </dd>
      <dt>VS Code</dt>
      <dd data-testid="host-vscode-version">
        {host.vscodeVersion} ({host.uiKind})
      </dd>
      <dt>Takoss</dt>
      <dd>{host.extensionVersion}</dd>
      <dt>Workspace</dt>
      <dd>
        {host.workspaceFolders === 0 ? 'No folder open' : `${host.workspaceFolders} folder${host.workspaceFolders > 1 ? 's' : ''}`}
        {' · '}
        {host.workspaceTrusted ? 'trusted' : 'Restricted Mode: Takoss can generate files but will not run them'}
      </dd>
    </dl>
  );
}

function PingCheck({ bridge }: { bridge: Bridge }) {
  const [result, setResult] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState(0);
  const check = async () => {
    setBusy(true);
    try {
      const ms = await bridge.ping();
      setChecks((n) => n + 1);
      setResult(`Host answered in ${ms} ms`);
    } catch (error) {
      setResult(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ping">
      <VscodeButton secondary onClick={check} disabled={busy} data-testid="ping-button">
        Check connection
      </VscodeButton>
      <span aria-live="polite" data-testid="ping-result" data-checks={checks}>
        {result}
      </span>
    </div>
  );
}

export function App({ bridge }: { bridge: Bridge }) {
  const state = useHost(bridge);
  const run = useRun(bridge);
  const review = useReview(bridge);
  const [step, setStep] = usePersistentState<'describe' | 'review'>(bridge, 'step', 'describe');
  const [draft, setDraft] = usePersistentState<Draft | undefined>(bridge, 'draft', undefined);
  const connected = state.connection.status === 'connected';
  const host = state.connection.status === 'connected' ? state.connection.host : undefined;
  const running = run.view.phase !== 'idle' && run.view.phase !== 'refused';
  const showReview = step === 'review' && review.review !== undefined;
  const [explanation, setExplanation] = useState<Explanation>();
  useEffect(() => bridge.onMessage((message) => message.type === 'showExplanation' && setExplanation(message)), [bridge]);
  // "Regenerate" from the history: the form again, filled in, to run as it is or edited first.
  const [formKey, setFormKey] = useState(0);
  const [startProvider, setStartProvider] = useState<'offline' | 'anthropic'>();
  const { reset: resetRun } = run;
  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type !== 'startFrom') return;
        setDraft({ requirements: message.requirements, name: message.projectName ?? '' });
        setStartProvider(message.provider);
        resetRun();
        setStep('describe');
        setFormKey((key) => key + 1);
      }),
    [bridge, resetRun, setDraft, setStep],
  );
  const closeExplanation = useCallback(() => setExplanation(undefined), []);

  let body;
  if (running) {
    body = (
      <RunPanel
        bridge={bridge}
        view={run.view}
        onCancel={run.cancel}
        onResume={run.resume}
        onNew={() => {
          run.reset();
          setStep('describe');
        }}
      />
    );
  } else if (showReview) {
    body = (
      <>
        <ReviewStep
          api={review}
          bridge={bridge}
          onBack={() => setStep('describe')}
          onGenerate={(options) => review.review && run.start(review.review.spec, review.review.provider, options)}
          disabled={!connected}
          trusted={host?.workspaceTrusted ?? true}
        />
        {run.view.refusal && (
          <p className="form-error" role="alert" data-testid="run-refused">
            {run.view.refusal}
          </p>
        )}
      </>
    );
  } else {
    body = (
      <>
        <DescribeForm
          key={formKey}
          onSubmit={async (requirements, projectName, provider) => {
            if (await review.begin(requirements, projectName, provider)) setStep('review');
          }}
          disabled={!connected}
          busy={review.busy}
          draft={draft}
          onDraft={setDraft}
          hasApiKey={host?.hasApiKey ?? false}
          defaultProvider={startProvider ?? host?.provider ?? 'offline'}
          onSetApiKey={() => bridge.setApiKey()}
        />
        {review.error && (
          <p className="form-error" role="alert" data-testid="review-error">
            {review.error}
          </p>
        )}
        <ol className="steps">
          {STEPS.map((item) => (
            <li key={item.title}>
              <strong>{item.title}</strong>
              <span>{item.text}</span>
            </li>
          ))}
        </ol>
      </>
    );
  }

  return (
    <main className="app" data-testid="takoss-app" data-step={running ? 'run' : showReview ? 'review' : 'describe'}>
      <header className="header">
        <h1>Takoss</h1>
        <ConnectionBadge state={state} />
      </header>
      {!running && !showReview && (
        <p className="tagline">
          Describe an application in plain language; Takoss builds the whole project — database schema, API, frontend, tests, Docker and CI
          files — and explains every file it writes.
        </p>
      )}
      {explanation && <ExplanationCard explanation={explanation} onClose={closeExplanation} />}
      {body}
      <VscodeDivider />
      <HostDetails state={state} />
      <PingCheck bridge={bridge} />
      {state.lastRejection && (
        <p className="rejection" role="status" data-testid="last-rejection">
          The host refused a message — {state.lastRejection}
        </p>
      )}
    </main>
  );
}
