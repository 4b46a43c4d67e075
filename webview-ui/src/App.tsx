import { VscodeDivider } from '@vscode-elements/react-elements';
import type { ProviderChoice } from '../../src/model/protocol';
import { AskView } from './ask/AskView';
import { useAsk } from './ask/useAsk';
import { useReadAhead } from './readAhead';
import type { Bridge } from './bridge';
import { ChangeModeHeader } from './change/ChangeBox';
import { type ChangeApi, useChange } from './change/useChange';
import { UpdatePreview } from './change/UpdatePreview';
import { type Draft, DescribeForm } from './DescribeForm';
import { ReadingProgress } from './ReadingProgress';
import { ExplanationCard, useExplanation } from './ExplanationCard';
import { ConnectionBadge, HostDetails, LastRejection, PingCheck } from './HostStatus';
import { ReviewStep } from './review/ReviewStep';
import { useReview } from './review/useReview';
import { usePersistentState } from './usePersistentState';
import { RunPanel } from './RunPanel';
import { useHost } from './useHost';
import { useRun } from './useRun';
import { useStartFrom } from './useStartFrom';

type ReviewApi = ReturnType<typeof useReview>;
type RunApi = ReturnType<typeof useRun>;

const STEPS: { title: string; text: string }[] = [
  { title: 'Describe', text: 'Write what the application should do, in plain language: one line or pages of user stories.' },
  { title: 'Review', text: 'Check the data model Takoss extracted — entities, fields, relations, auth, rules — and edit it.' },
  { title: 'Generate', text: 'Watch the pipeline run as a live graph of named stages while files appear in your workspace.' },
  { title: 'Use', text: 'Every file explains itself and traces back to the requirement sentences it serves.' },
];

function Tagline() {
  return (
    <p className="tagline">
      Describe an application in plain language; Takoss builds the whole project — database schema, API, frontend, tests, Docker and CI
      files — and explains every file it writes.
    </p>
  );
}

/** Step 1: the requirements form, why the last one could not be read, and the steps ahead. */
function DescribeScreen({
  review,
  formKey,
  onReviewReady,
  ...form
}: {
  review: ReviewApi;
  formKey: number;
  onReviewReady: () => void;
  onClear: () => void;
  disabled: boolean;
  draft?: Draft;
  onDraft: (draft: Draft) => void;
  hasApiKey: boolean;
  defaultProvider: ProviderChoice;
  onSetApiKey: () => void;
}) {
  return (
    <>
      <DescribeForm
        key={formKey}
        onSubmit={async (requirements, projectName, provider) => {
          if (await review.begin(requirements, projectName, provider)) onReviewReady();
        }}
        busy={review.busy}
        {...form}
      />
      {review.reading && <ReadingProgress progress={review.progress} onCancel={review.cancelReading} />}
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

/** Step 2: the extracted model to edit, then Generate (or, changing a project, Update); a refused run says why under it. */
function ReviewScreen(props: { review: ReviewApi; run: RunApi; change: ChangeApi; bridge: Bridge; onBack: () => void; disabled: boolean; trusted: boolean }) {
  const { review, run, change, bridge, disabled } = props;
  const current = review.review;
  const mode = change.mode;
  return (
    <>
      <ReviewStep
        api={review}
        bridge={bridge}
        onBack={() => {
          if (mode) change.leave();
          props.onBack();
        }}
        onGenerate={(options) => {
          if (!current) return;
          if (mode) run.track(change.update(current.spec, current.provider, options.acceptedModel));
          else run.start(current.spec, current.provider, options);
        }}
        disabled={disabled}
        trusted={props.trusted}
        change={
          mode &&
          current && (
            <ChangeModeHeader
              mode={mode}
              spec={current.spec}
              provider={current.provider}
              reading={change.reading}
              onDescribe={change.describe}
              onLeave={() => {
                change.leave();
                props.onBack();
              }}
              disabled={disabled}
            />
          )
        }
      />
      {run.view.refusal && (
        <p className="form-error" role="alert" data-testid="run-refused">
          {run.view.refusal}
        </p>
      )}
    </>
  );
}

/** An update's preview (of this run only) above the run it belongs to. */
function RunScreen({ bridge, run, change, onNew }: { bridge: Bridge; run: RunApi; change: ChangeApi; onNew: () => void }) {
  const preview = change.preview && change.preview.runId === run.view.runId ? change.preview : undefined;
  return (
    <>
      {preview && (
        <UpdatePreview preview={preview} applied={change.applied} onDiff={change.openDiff} onOpen={change.openFile} onApply={change.apply} onCancel={change.cancelUpdate} />
      )}
      <RunPanel bridge={bridge} view={run.view} onCancel={run.cancel} onResume={run.resume} onNew={onNew} />
    </>
  );
}

/** The panel's state after the host connection, in the same hook order as ever: run, review, step, draft, explanation, change, ask. */
function usePanel(bridge: Bridge) {
  const run = useRun(bridge);
  const review = useReview(bridge);
  const [step, setStep] = usePersistentState<'describe' | 'review'>(bridge, 'step', 'describe');
  const [draft, setDraft] = usePersistentState<Draft | undefined>(bridge, 'draft', undefined);
  const [explanation, closeExplanation] = useExplanation(bridge);
  const change = useChange(bridge, review, {
    showReview: () => {
      run.reset();
      setStep('review');
    },
  });
  // Whatever comes next is another project: no run, and no change of the last one, is carried into it.
  const forgetProject = () => {
    run.reset();
    change.leave();
  };
  const { formKey, startProvider } = useStartFrom(bridge, { resetRun: forgetProject, setDraft, setStep, reopen: review.reopen });
  const ask = useAsk(bridge);
  return { run, review, step, setStep, draft, setDraft, explanation, closeExplanation, change, forgetProject, formKey, startProvider, ask };
}

/** The panel: one step at a time (describe, review, run), with the host's status below. */
export function App({ bridge }: { bridge: Bridge }) {
  const state = useHost(bridge);
  const { run, review, step, setStep, draft, setDraft, explanation, closeExplanation, change, forgetProject, formKey, startProvider, ask } = usePanel(bridge);
  const connected = state.connection.status === 'connected';
  const host = state.connection.status === 'connected' ? state.connection.host : undefined;
  const running = run.view.phase !== 'idle' && run.view.phase !== 'refused';
  const showReview = step === 'review' && review.review !== undefined;
  // Only the form's text, and only while the form is shown and the host is there to read it.
  useReadAhead(bridge, connected && !running && !showReview && !ask.conversation ? draft?.requirements : undefined);

  let body;
  if (ask.conversation) {
    // On top of whatever the panel showed (Back returns to it).
    body = <AskView conversation={ask.conversation} api={ask} bridge={bridge} disabled={!connected} />;
  } else if (running) {
    const startOver = () => {
      forgetProject();
      setStep('describe');
    };
    body = <RunScreen bridge={bridge} run={run} change={change} onNew={startOver} />;
  } else if (showReview) {
    body = <ReviewScreen review={review} run={run} change={change} bridge={bridge} onBack={() => setStep('describe')} disabled={!connected} trusted={host?.workspaceTrusted ?? true} />;
  } else {
    body = (
      <DescribeScreen
        review={review}
        formKey={formKey}
        onReviewReady={() => {
          change.leave(); // a model read from the text is a new project, never a change of the last one
          setStep('review');
        }}
        onClear={() => {
          review.close();
          forgetProject();
        }}
        disabled={!connected}
        draft={draft}
        onDraft={setDraft}
        hasApiKey={host?.hasApiKey ?? false}
        defaultProvider={startProvider ?? host?.provider ?? 'offline'}
        onSetApiKey={() => bridge.setApiKey()}
      />
    );
  }

  return (
    <main className="app" data-testid="takoss-app" data-step={ask.conversation ? 'ask' : running ? 'run' : showReview ? 'review' : 'describe'}>
      <header className="header">
        <h1>Takoss</h1>
        <ConnectionBadge state={state} />
      </header>
      {!running && !showReview && !ask.conversation && <Tagline />}
      {explanation && <ExplanationCard explanation={explanation} onClose={closeExplanation} />}
      {body}
      <VscodeDivider />
      <HostDetails state={state} />
      <PingCheck bridge={bridge} />
      <LastRejection state={state} />
    </main>
  );
}
