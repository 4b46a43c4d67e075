// "Refine with Claude" in the review step: the host asks Claude (only the domain-model call) to
// review the data model against the requirements; the user sees what Claude would change — entities
// added, removed or renamed, fields, relations, rules — and accepts it or keeps their own. Without
// Claude as the provider (or without a key) it says how to get there instead.
import { VscodeButton, VscodeProgressRing } from '@vscode-elements/react-elements';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { Bridge } from '../bridge';
import { ModelChangeList } from './ModelChangeList';
import { type Refined, type RefineStep, useRefine } from './useRefine';
import type { useReview } from './useReview';

type ReviewApi = ReturnType<typeof useReview>;
type Proposal = Extract<RefineStep, { step: 'proposal' }>;

/** What Claude would change, grouped, before the user accepts it. */
function ChangeList({ reply }: { reply: Refined }) {
  if (!reply.changes) return null;
  return <ModelChangeList changes={reply.changes} extra={reply.summary.filter((line) => line.startsWith('removed with them'))} testId="refine-changes" />;
}

/** Without Claude as the provider: what refining does and how to get there. */
function NeedsClaude({ setKey }: { setKey: () => void }) {
  return (
    <div className="refine" data-testid="refine-with-claude" data-state="needs-claude">
      <p className="muted" data-testid="refine-needs-key">
        <strong>Refine with Claude</strong> lets Claude review this model against your requirements — adding entities, relations and rules the
        extraction missed — and shows you what it would change before you generate. It needs a Claude API key: run{' '}
        <strong>Takoss: Set API Key</strong>, then choose Claude in the first step.
      </p>
      <VscodeButton secondary onClick={setKey} data-testid="refine-set-key">
        Set API key
      </VscodeButton>
    </div>
  );
}

function RefineError({ step, setKey, dismiss }: { step: Extract<RefineStep, { step: 'error' }>; setKey: () => void; dismiss: () => void }) {
  return (
    <div>
      <p className="form-error" role="alert" data-testid="refine-error">
        {step.message}
      </p>
      <div className="add-row">
        {step.needsKey && (
          <VscodeButton onClick={setKey} data-testid="refine-set-key">
            Set API key
          </VscodeButton>
        )}
        <VscodeButton secondary onClick={dismiss} data-testid="refine-dismiss">
          {step.needsKey ? 'Later' : 'Dismiss'}
        </VscodeButton>
      </div>
    </div>
  );
}

/** What Claude would change, with a warning when the model was edited since asking. */
function RefineProposal({ proposal, current, accept, discard }: { proposal: Proposal; current: ProjectSpec; accept: () => void; discard: () => void }) {
  const { reply } = proposal;
  return (
    <section className="forecast refine-proposal" aria-label="What Claude would change" data-testid="refine-proposal">
      <strong>
        Claude would change the model
        {reply.model ? ` (${reply.model}` : ''}
        {reply.costUsd !== undefined ? `, $${reply.costUsd.toFixed(4)}` : ''}
        {reply.model ? ')' : ''}:
      </strong>
      <ChangeList reply={reply} />
      {current !== proposal.base && (
        <p className="form-error" data-testid="refine-stale">
          You edited the model after asking Claude: using Claude's model replaces those edits.
        </p>
      )}
      <div className="add-row">
        <VscodeButton onClick={accept} data-testid="refine-accept">
          Use Claude's model
        </VscodeButton>
        <VscodeButton secondary onClick={discard} data-testid="refine-discard">
          Keep mine
        </VscodeButton>
      </div>
    </section>
  );
}

export function RefineWithClaude({ api, bridge }: { api: ReviewApi; bridge?: Bridge }) {
  const refine = useRefine(api, bridge);
  const { state, setState, setKey } = refine;
  const review = api.review;
  if (!review) return null;
  if (review.provider !== 'anthropic') return <NeedsClaude setKey={setKey} />;

  return (
    <div className="refine" data-testid="refine-with-claude" data-state={state.step}>
      {state.step === 'idle' && (
        <div className="add-row">
          <VscodeButton secondary onClick={() => void refine.ask(review.spec)} data-testid="refine-button">
            Refine with Claude
          </VscodeButton>
          <span className="muted" data-testid="refine-note" aria-live="polite">
            {state.note ?? 'Claude reviews the model against the requirements (one call, within the budget); you see its changes before accepting them.'}
          </span>
        </div>
      )}
      {state.step === 'asking' && (
        <div className="add-row" aria-busy="true">
          <VscodeProgressRing aria-label="Asking Claude" className="ring" />
          <span data-testid="refine-asking">Claude is reviewing the data model…</span>
          <VscodeButton secondary onClick={refine.cancel} data-testid="refine-cancel">
            Cancel
          </VscodeButton>
        </div>
      )}
      {state.step === 'error' && <RefineError step={state} setKey={setKey} dismiss={() => setState({ step: 'idle' })} />}
      {state.step === 'proposal' && (
        <RefineProposal
          proposal={state}
          current={review.spec}
          accept={() => refine.accept(state)}
          discard={() => setState({ step: 'idle', note: 'Kept your model; Claude’s changes were discarded.' })}
        />
      )}
    </div>
  );
}
