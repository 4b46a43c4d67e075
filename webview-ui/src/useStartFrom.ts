import { useEffect, useRef, useState } from 'react';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { ProviderChoice } from '../../src/model/protocol';
import type { Bridge } from './bridge';
import type { Draft } from './DescribeForm';

export interface StartFromActions {
  /** Forgets the run (and anything else of the project) the panel showed. */
  resetRun: () => void;
  setDraft: (draft: Draft) => void;
  setStep: (step: 'describe' | 'review') => void;
  /** Reviews a spec again as it was (resolves false when the host refused it; the form says why). */
  reopen: (spec: ProjectSpec, provider: ProviderChoice) => Promise<boolean>;
}

/**
 * "Regenerate…" from the history: the review step on that generation's reviewed spec, with the
 * form behind it holding its requirements. The project name is the spec's, not the form's: the
 * form's name field stays for a name the user types, so the next project never inherits this one.
 * A new formKey remounts the form so it starts from the new draft.
 */
export function useStartFrom(bridge: Bridge, actions: StartFromActions) {
  const [formKey, setFormKey] = useState(0);
  const [startProvider, setStartProvider] = useState<ProviderChoice>();
  // The latest actions, so the one listener never calls a stale review.
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(
    () =>
      bridge.onMessage((message) => {
        if (message.type !== 'startFrom') return;
        const { resetRun, setDraft, setStep, reopen } = latest.current;
        setDraft({ requirements: message.requirements, name: '' });
        setStartProvider(message.provider);
        resetRun();
        setStep('describe');
        setFormKey((key) => key + 1);
        if (message.spec) void reopen(message.spec, message.provider ?? 'offline').then((reviewed) => reviewed && latest.current.setStep('review'));
      }),
    [bridge],
  );
  return { formKey, startProvider };
}
