import { VscodeButton, VscodeProgressBar } from '@vscode-elements/react-elements';
import { formatDuration } from '../../src/model/run/outcome';
import { runProgress, type RunState, type StageStatus } from '../../src/model/run/runState';
import type { Bridge } from './bridge';
import { IncompleteNotice } from './IncompleteNotice';
import { ResultView } from './result/ResultView';
import { ExecutionTree } from './tree/ExecutionTree';
import { useArrivalFocus } from './useArrivalFocus';
import type { RunView } from './useRun';
import { countOf } from '../../src/model/count';

const STATUS_LABEL: Record<StageStatus, string> = {
  pending: 'waiting',
  queued: 'queued',
  running: 'running',
  retrying: 'retrying',
  succeeded: 'done',
  failed: 'failed',
  skipped: 'skipped',
  cancelled: 'cancelled',
};

function headline(view: RunView): string {
  const status = view.state.status;
  if (view.phase === 'starting') return 'Starting…';
  if (view.interrupted) return `Interrupted: the window was reloaded or closed while generating into ${view.folder}`;
  if (view.inMemory && (status === 'running' || status === 'idle')) return `Generating the update of ${view.folder} in memory…`;
  if (view.inMemory && status === 'succeeded') return `Generated the update of ${view.folder} in memory`;
  if (status === 'running') return `Generating into ${view.folder}…`;
  if (status === 'succeeded') return `Generated ${view.folder}`;
  if (status === 'degraded') return `Generated ${view.folder} (degraded: Claude failed, some stages kept their deterministic result)`;
  if (status === 'partial') return `Generated ${view.folder} with ${whatIsMissing(view.state)}`;
  if (status === 'cancelled') return 'Cancelled';
  if (status === 'failed') return 'Generation failed';
  return '';
}

const stages = (n: number) => countOf(n, 'stage');

/** A partial run: the stages that failed, and those skipped because of them (never the ones left out by choice). */
function whatIsMissing(state: RunState): string {
  const failed = state.counts?.failed ?? 0;
  const blocked = state.counts?.blocked ?? 0;
  const parts = [failed ? `${stages(failed)} failed` : '', blocked ? `${stages(blocked)} skipped because of ${failed === 1 ? 'it' : 'them'}` : ''];
  return parts.filter(Boolean).join(', ') || 'stages missing';
}

/** Verification's steps as they ended (repair rounds verify again), and git's result. */
function RunResults({ state }: { state: RunState }) {
  if (!state.verification.length && !state.git) return null;
  return (
    <ul className="plain-list run-results" data-testid="run-results">
      {state.verification.map((step, index) => (
        <li key={index} data-testid="verification-step" data-ok={step.ok ? 'true' : 'false'}>
          {state.stages[step.stageId]?.title ?? step.stageId}: {step.step} {step.ok ? 'passed' : step.cancelled ? 'cancelled' : step.timedOut ? 'timed out' : 'failed'} in{' '}
          {formatDuration(step.durationMs)}
          {!step.ok && step.firstErrors.length > 0 && <pre className="verification-errors">{step.firstErrors.slice(0, 5).join('\n')}</pre>}
        </li>
      ))}
      {state.git && (
        <li data-testid="git-result" data-outcome={state.git.outcome}>
          git: {state.git.outcome === 'committed' ? state.git.detail : `not committed — ${state.git.detail}`}
        </li>
      )}
    </ul>
  );
}

/**
 * The entities the run generates: the reviewed model's until a stage changes the model (with Claude
 * the domain model may add, rename or remove entities), then the changed model's, with what changed.
 */
function RunEntities({ view }: { view: RunView }) {
  const reviewed = view.entities;
  const current = view.state.entities ?? reviewed;
  if (!current?.length) return null;
  const added = reviewed ? current.filter((name) => !reviewed.includes(name)) : [];
  const removed = reviewed ? reviewed.filter((name) => !current.includes(name)) : [];
  const changed = added.length > 0 || removed.length > 0;
  return (
    <p className="run-meta" data-testid="run-entities" data-changed={changed ? 'true' : undefined}>
      {current.length} entit{current.length === 1 ? 'y' : 'ies'}: {current.join(', ')}
      {changed &&
        ` · the data model changed in the run${added.length ? `: added ${added.join(', ')}` : ''}${removed.length ? `${added.length ? ';' : ':'} removed ${removed.join(', ')}` : ''}`}
    </p>
  );
}

/** What the run itself said (budget decisions, repairs, git): the latest few, the rest folded. */
function RunNotes({ state }: { state: RunView['state'] }) {
  if (!state.warnings.length) return null;
  const line = (warning: RunView['state']['warnings'][number], index: number) => (
    <li key={index} data-testid="run-note">
      {warning.stageId && state.stages[warning.stageId] ? `${state.stages[warning.stageId].title}: ` : ''}
      {warning.message}
    </li>
  );
  const recent = state.warnings.slice(-3);
  const older = state.warnings.slice(0, -3);
  return (
    <div className="run-notes" aria-live="polite">
      <ul className="plain-list">{recent.map((w, i) => line(w, older.length + i))}</ul>
      {older.length > 0 && (
        <details>
          <summary>{older.length} earlier note{older.length > 1 ? 's' : ''}</summary>
          <ul className="plain-list">{older.map(line)}</ul>
        </details>
      )}
    </div>
  );
}

/** The headline, and what can be done now: cancel a running run; resume an interrupted one, or start anew. */
function RunHead({ view, onCancel, onNew, onResume }: { view: RunView; onCancel: () => void; onNew: () => void; onResume?: (runId: string) => void }) {
  const running = view.phase === 'starting' || view.phase === 'running';
  // The run arrives (Generate, Ctrl+Enter): keyboard users continue from its headline.
  const heading = useArrivalFocus<HTMLHeadingElement>('start');
  return (
    <div className="run-head">
      <h2 ref={heading} tabIndex={-1} data-testid="run-headline">
        {headline(view)}
      </h2>
      {running ? (
        <VscodeButton secondary onClick={onCancel} data-testid="cancel-button">
          Cancel
        </VscodeButton>
      ) : (
        <div className="buttons">
          {view.interrupted && view.runId && onResume && (
            <VscodeButton onClick={() => onResume(view.runId as string)} data-testid="resume-button">
              Resume
            </VscodeButton>
          )}
          <VscodeButton secondary onClick={onNew} data-testid="new-button">
            New project
          </VscodeButton>
        </div>
      )}
    </div>
  );
}

/** Stages, files, tokens, cost and time, each once known. */
function RunMeta({ state }: { state: RunState }) {
  return (
    <p className="run-meta" data-testid="run-meta">
      {state.stageOrder.length} stages · {state.files.length} files
      {state.usage.inputTokens + state.usage.outputTokens > 0
        ? ` · ${(state.usage.inputTokens + state.usage.outputTokens).toLocaleString('en-US')} tokens (${state.usage.cacheReadTokens.toLocaleString('en-US')} from cache)`
        : ''}
      {state.usage.costUsd > 0 ? ` · $${state.usage.costUsd.toFixed(4)}` : ''}
      {state.durationMs !== undefined ? ` · ${formatDuration(state.durationMs)}` : ''}
    </p>
  );
}

/** Where an interrupted run stopped, and what Resume would do. */
function InterruptedNote({ view }: { view: RunView }) {
  const { state } = view;
  return (
    <p className="warning" data-testid="interrupted-note">
      {Object.values(state.stages).filter((s) => s.status === 'succeeded').length} of {state.stageOrder.length} stages had finished and{' '}
      {state.files.length} files were written to {view.folder}. Resume to run only the stages that had not finished (files changed
      since are kept as you left them), or remove what this run wrote.
    </p>
  );
}

/** Notes about the run before the stages: where it came from, what it generates, progress, refusals, warnings. */
function RunNotices({ view }: { view: RunView }) {
  const { state } = view;
  return (
    <>
      {view.fromHistory && (
        <p className="run-history-note" data-testid="history-note">
          From the history: generated {state.startedAt ? new Date(state.startedAt).toLocaleString() : ''} into {view.folder}. Its run is replayed here from the recorded events.
        </p>
      )}
      <RunEntities view={view} />
      <VscodeProgressBar value={Math.round(runProgress(state) * 100)} max={100} aria-label="Overall progress" />
      <RunMeta state={state} />
      {view.refusal && view.phase === 'finished' && (
        <p className="form-error" role="alert" data-testid="resume-refused">
          {view.refusal}
        </p>
      )}
      {view.interrupted && <InterruptedNote view={view} />}
      {view.warnings.map((warning) => (
        <p key={warning} className="warning">
          {warning}
        </p>
      ))}
    </>
  );
}

/** Every stage as a line: its status and the latest word on it. */
function StageList({ state }: { state: RunState }) {
  return (
    <ol className="stages" data-testid="stage-list">
      {state.stageOrder.map((id) => {
        const stage = state.stages[id];
        return (
          <li key={id} className={`stage ${stage.status}`} data-stage={id} data-status={stage.status}>
            <span className="stage-dot" aria-hidden="true" />
            <span className="stage-title">{stage.title}</span>
            <span className="stage-status">{STATUS_LABEL[stage.status]}</span>
            <span className="stage-detail">{stage.error ?? stage.skipReason ?? stage.outputSummary ?? stage.lastProgress?.message ?? ''}</span>
          </li>
        );
      })}
    </ol>
  );
}

/** The run id once it finished having written files (what the incomplete notice and the result view need). */
const finishedWithFiles = (view: RunView): string | undefined => (view.phase === 'finished' && view.state.files.length > 0 ? view.runId : undefined);

/**
 * A cancelled or failed run left files: keep or remove them. Asked right under the headline, where
 * the user's eyes are when the run stops (not below the stages and the result view).
 */
function RunIncomplete({ bridge, view }: { bridge: Bridge; view: RunView }) {
  const runId = finishedWithFiles(view);
  const stopped = view.state.status === 'cancelled' || view.state.status === 'failed';
  if (!runId || !stopped) return null;
  return <IncompleteNotice bridge={bridge} runId={runId} folder={view.folder} files={view.state.files.length} />;
}

/** Once finished with files written: the generated project. */
function RunOutcome({ bridge, view }: { bridge: Bridge; view: RunView }) {
  const runId = finishedWithFiles(view);
  if (!runId) return null;
  return <ResultView bridge={bridge} runId={runId} state={view.state} rating={view.rating} />;
}

export function RunPanel({
  bridge,
  view,
  onCancel,
  onNew,
  onResume,
}: {
  bridge: Bridge;
  view: RunView;
  onCancel: () => void;
  onNew: () => void;
  onResume?: (runId: string) => void;
}) {
  const { state } = view;
  return (
    <section
      className="run"
      aria-label="Generation"
      data-testid="run-panel"
      data-status={state.status}
      data-interrupted={view.interrupted ? 'true' : undefined}
      data-from-history={view.fromHistory ? 'true' : undefined}
    >
      <RunHead view={view} onCancel={onCancel} onNew={onNew} onResume={onResume} />
      <RunIncomplete bridge={bridge} view={view} />
      <RunNotices view={view} />
      <RunNotes state={state} />
      <RunResults state={state} />
      {state.stageOrder.length > 0 && <ExecutionTree state={state} focus={view.focusStage} />}
      <StageList state={state} />
      <RunOutcome bridge={bridge} view={view} />
    </section>
  );
}
