import { VscodeButton } from '@vscode-elements/react-elements';
import { useCallback, useEffect, useState } from 'react';
import type { HostToWebview } from '../../src/model/protocol';
import type { Bridge } from './bridge';
import { ServedRequirements } from './ServedRequirements';
import { useArrivalFocus } from './useArrivalFocus';

export type Explanation = Omit<Extract<HostToWebview, { type: 'showExplanation' }>, 'type'>;

/** "Takoss: Explain This File": why a generated file exists, on top of the panel; Escape closes it. */
export function ExplanationCard({ explanation, onClose }: { explanation: Explanation; onClose: () => void }) {
  // The panel may be scrolled down to the result view: bring the card into sight and focus it, so
  // it is seen (and read out) when it arrives, and again when another file's explanation replaces it.
  const card = useArrivalFocus<HTMLElement>('start', explanation);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);
  return (
    <section
      ref={card}
      tabIndex={-1}
      className="explanation-card"
      role="dialog"
      aria-label={`Explanation of ${explanation.path}`}
      data-testid="explanation-card"
    >
      <div className="run-head">
        <h2>
          <code>{explanation.path}</code>
        </h2>
        <VscodeButton secondary onClick={onClose} data-testid="close-explanation">
          Close
        </VscodeButton>
      </div>
      <p className="muted">
        {explanation.project} · {explanation.layer}
        {explanation.stage ? ` · written by the stage ${explanation.stage}` : ''}
      </p>
      <p data-testid="explanation-text">{explanation.explanation}</p>
      <ServedRequirements requirements={explanation.requirements} testId="explanation-requirements" />
    </section>
  );
}

/** The explanation the host last asked to show, until the card is closed. */
export function useExplanation(bridge: Bridge): [Explanation | undefined, () => void] {
  const [explanation, setExplanation] = useState<Explanation>();
  useEffect(() => bridge.onMessage((message) => message.type === 'showExplanation' && setExplanation(message)), [bridge]);
  const close = useCallback(() => setExplanation(undefined), []);
  return [explanation, close];
}
