// "Refine with Claude" in the review step: the host asks Claude (only the domain-model call) to
// review the data model against the requirements; the user sees what Claude would change — entities
// added, removed or renamed, fields, relations, rules — and accepts it or keeps their own. Without
// Claude as the provider (or without a key) it says how to get there instead.
import { VscodeButton, VscodeProgressRing } from '@vscode-elements/react-elements';
import { useEffect, useRef, useState } from 'react';
import type { ModelChanges } from '../../../src/model/run/modelChanges';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { HostToWebview } from '../../../src/model/protocol';
import { type Bridge, bridge as sharedBridge } from '../bridge';
import type { useReview } from './useReview';

type ReviewApi = ReturnType<typeof useReview>;
type Refined = Extract<HostToWebview, { type: 'modelRefined' }>;

type Step =
  | { step: 'idle'; note?: string }
  | { step: 'asking'; base: ProjectSpec }
  | { step: 'proposal'; base: ProjectSpec; spec: ProjectSpec; reply: Refined }
  | { step: 'error'; message: string; needsKey: boolean };

/** Claude can take minutes for a large model; the host's budget and cancel bound it, not this. */
const REFINE_TIMEOUT_MS = 15 * 60_000;

const GROUPS: { key: Exclude<keyof ModelChanges, 'auth' | 'entitiesRenamed'>; label: string }[] = [
  { key: 'entitiesAdded', label: 'Entities added' },
  { key: 'entitiesRemoved', label: 'Entities removed' },
  { key: 'fieldsAdded', label: 'Fields added' },
  { key: 'fieldsRemoved', label: 'Fields removed' },
  { key: 'fieldsChanged', label: 'Fields changed' },
  { key: 'relationsAdded', label: 'Relations added' },
  { key: 'relationsRemoved', label: 'Relations removed' },
  { key: 'rulesAdded', label: 'Rules added' },
  { key: 'rulesRemoved', label: 'Rules removed' },
];

/** What Claude would change, grouped, before the user accepts it. */
function ChangeList({ reply }: { reply: Refined }) {
  const changes = reply.changes;
  if (!changes) return null;
  const extra = reply.summary.filter((line) => line.startsWith('removed with them'));
  return (
    <ul className="refine-changes" data-testid="refine-changes">
      {changes.entitiesRenamed.length > 0 && (
        <li data-testid="refine-change-entitiesRenamed">
          <strong>Entities renamed:</strong> {changes.entitiesRenamed.map((r) => `${r.from} → ${r.to}`).join(', ')}
        </li>
      )}
      {GROUPS.filter(({ key }) => changes[key].length > 0).map(({ key, label }) => (
        <li key={key} data-testid={`refine-change-${key}`}>
          <strong>{label}:</strong> {changes[key].join('; ')}
        </li>
      ))}
      {changes.auth && (
        <li data-testid="refine-change-auth">
          <strong>Sign-in:</strong> {changes.auth}
        </li>
      )}
      {extra.map((line) => (
        <li key={line} className="muted">
          {line}
        </li>
      ))}
    </ul>
  );
}

export function RefineWithClaude({ api, bridge }: { api: ReviewApi; bridge?: Bridge }) {
  const [state, setState] = useState<Step>({ step: 'idle' });
  const pending = useRef<string | undefined>(undefined);
  // The app's bridge is created on first use only (the review step renders this in every test too).
  const channel = () => bridge ?? sharedBridge();
  // Leaving the review step while Claude is asked stops the request.
  useEffect(
    () => () => {
      if (pending.current) channel().post({ type: 'cancelRefine', requestId: pending.current });
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [],
  );
  const review = api.review;
  if (!review) return null;

  const ask = async () => {
    const base = review.spec;
    setState({ step: 'asking', base });
    try {
      const reply = await channel().request(
        (requestId) => {
          pending.current = requestId;
          return { type: 'refineModel', requestId, spec: base };
        },
        'modelRefined',
        REFINE_TIMEOUT_MS,
      );
      if (reply.failure === 'cancelled') setState({ step: 'idle', note: 'Cancelled: your model is unchanged.' });
      else if (reply.error || !reply.spec) setState({ step: 'error', message: reply.error ?? 'Claude did not answer with a model.', needsKey: reply.failure === 'noApiKey' });
      else if (!reply.changed) {
        // Claude agrees with the model as reviewed: a run uses it without asking again (unless edited).
        api.confirmModel(base, { model: reply.model, costUsd: reply.costUsd, changed: false });
        setState({
          step: 'idle',
          note: `Claude (${reply.model ?? 'Claude'}) found nothing to change in this model${reply.costUsd ? ` ($${reply.costUsd.toFixed(4)})` : ''}; generating will not ask again unless you edit it.`,
        });
      }
      else setState({ step: 'proposal', base, spec: reply.spec, reply });
    } catch (failure) {
      setState({ step: 'error', message: failure instanceof Error ? failure.message : String(failure), needsKey: false });
    } finally {
      pending.current = undefined;
    }
  };
  const cancel = () => {
    if (pending.current) channel().post({ type: 'cancelRefine', requestId: pending.current });
  };
  const accept = (proposal: Extract<Step, { step: 'proposal' }>) => {
    api.acceptModel(proposal.spec, { model: proposal.reply.model, costUsd: proposal.reply.costUsd, changed: true });
    setState({
      step: 'idle',
      note: "Claude's model is in the review now: generating uses it as it is, without asking Claude again (if you edit it, the run asks Claude once more).",
    });
  };
  const setKey = () => channel().setApiKey();

  if (review.provider !== 'anthropic') {
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

  return (
    <div className="refine" data-testid="refine-with-claude" data-state={state.step}>
      {state.step === 'idle' && (
        <div className="add-row">
          <VscodeButton secondary onClick={() => void ask()} data-testid="refine-button">
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
          <VscodeButton secondary onClick={cancel} data-testid="refine-cancel">
            Cancel
          </VscodeButton>
        </div>
      )}
      {state.step === 'error' && (
        <div>
          <p className="form-error" role="alert" data-testid="refine-error">
            {state.message}
          </p>
          <div className="add-row">
            {state.needsKey && (
              <VscodeButton onClick={setKey} data-testid="refine-set-key">
                Set API key
              </VscodeButton>
            )}
            <VscodeButton secondary onClick={() => setState({ step: 'idle' })} data-testid="refine-dismiss">
              {state.needsKey ? 'Later' : 'Dismiss'}
            </VscodeButton>
          </div>
        </div>
      )}
      {state.step === 'proposal' && (
        <section className="forecast refine-proposal" aria-label="What Claude would change" data-testid="refine-proposal">
          <strong>
            Claude would change the model
            {state.reply.model ? ` (${state.reply.model}` : ''}
            {state.reply.costUsd !== undefined ? `, $${state.reply.costUsd.toFixed(4)}` : ''}
            {state.reply.model ? ')' : ''}:
          </strong>
          <ChangeList reply={state.reply} />
          {review.spec !== state.base && (
            <p className="form-error" data-testid="refine-stale">
              You edited the model after asking Claude: using Claude's model replaces those edits.
            </p>
          )}
          <div className="add-row">
            <VscodeButton onClick={() => accept(state)} data-testid="refine-accept">
              Use Claude's model
            </VscodeButton>
            <VscodeButton secondary onClick={() => setState({ step: 'idle', note: 'Kept your model; Claude’s changes were discarded.' })} data-testid="refine-discard">
              Keep mine
            </VscodeButton>
          </div>
        </section>
      )}
    </div>
  );
}
