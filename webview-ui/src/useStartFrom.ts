import { useEffect, useState } from 'react';
import type { ProviderChoice } from '../../src/model/protocol';
import type { Bridge } from './bridge';
import type { Draft } from './DescribeForm';

/**
 * "Regenerate" from the history: the form again, filled in, to run as it is or edited first.
 * A new formKey remounts the form so it starts from the new draft.
 */
export function useStartFrom(bridge: Bridge, resetRun: () => void, setDraft: (draft: Draft) => void, setStep: (step: 'describe') => void) {
  const [formKey, setFormKey] = useState(0);
  const [startProvider, setStartProvider] = useState<ProviderChoice>();
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
  return { formKey, startProvider };
}
