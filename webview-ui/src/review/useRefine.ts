import { useEffect, useRef, useState } from 'react';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';
import type { HostToWebview } from '../../../src/model/protocol';
import { type Bridge, bridge as sharedBridge } from '../bridge';
import type { useReview } from './useReview';

type ReviewApi = ReturnType<typeof useReview>;
export type Refined = Extract<HostToWebview, { type: 'modelRefined' }>;

export type RefineStep =
  | { step: 'idle'; note?: string }
  | { step: 'asking'; base: ProjectSpec }
  | { step: 'proposal'; base: ProjectSpec; spec: ProjectSpec; reply: Refined }
  | { step: 'error'; message: string; needsKey: boolean };

/** Claude can take minutes for a large model; the host's budget and cancel bound it, not this. */
const REFINE_TIMEOUT_MS = 15 * 60_000;

/** What Claude's answer makes of the step: a note, an error, or a proposal to accept. */
function answered(api: ReviewApi, base: ProjectSpec, reply: Refined): RefineStep {
  if (reply.failure === 'cancelled') return { step: 'idle', note: 'Cancelled: your model is unchanged.' };
  if (reply.error || !reply.spec) return { step: 'error', message: reply.error ?? 'Claude did not answer with a model.', needsKey: reply.failure === 'noApiKey' };
  if (reply.changed) return { step: 'proposal', base, spec: reply.spec, reply };
  // Claude agrees with the model as reviewed: a run uses it without asking again (unless edited).
  api.confirmModel(base, { model: reply.model, costUsd: reply.costUsd, changed: false });
  return {
    step: 'idle',
    note: `Claude (${reply.model ?? 'Claude'}) found nothing to change in this model${reply.costUsd ? ` ($${reply.costUsd.toFixed(4)})` : ''}; generating will not ask again unless you edit it.`,
  };
}

/**
 * "Refine with Claude": asks the host to have Claude review the model, tracks the request so it
 * can be cancelled (also when the review step goes away), and accepts a proposal into the review.
 */
export function useRefine(api: ReviewApi, bridge?: Bridge) {
  const [state, setState] = useState<RefineStep>({ step: 'idle' });
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

  const ask = async (base: ProjectSpec) => {
    setState({ step: 'asking', base });
    try {
      const request = (requestId: string) => {
        pending.current = requestId;
        return { type: 'refineModel' as const, requestId, spec: base };
      };
      const reply = await channel().request(request, 'modelRefined', REFINE_TIMEOUT_MS);
      setState(answered(api, base, reply));
    } catch (failure) {
      setState({ step: 'error', message: failure instanceof Error ? failure.message : String(failure), needsKey: false });
    } finally {
      pending.current = undefined;
    }
  };
  const cancel = () => {
    if (pending.current) channel().post({ type: 'cancelRefine', requestId: pending.current });
  };
  const accept = (proposal: Extract<RefineStep, { step: 'proposal' }>) => {
    api.acceptModel(proposal.spec, { model: proposal.reply.model, costUsd: proposal.reply.costUsd, changed: true });
    setState({
      step: 'idle',
      note: "Claude's model is in the review now: generating uses it as it is, without asking Claude again (if you edit it, the run asks Claude once more).",
    });
  };
  const setKey = () => channel().setApiKey();
  return { state, setState, ask, cancel, accept, setKey };
}
