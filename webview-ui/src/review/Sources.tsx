import { useState } from 'react';
import type { ProjectSpec } from '../../../src/model/project/projectSpec';

/** Quotes shown before "and N more": a long text can give one entity hundreds of sentences. */
const SHOWN_QUOTES = 3;

/** The requirement sentences an element came from; "added by you" when it has none. */
export function Sources({ spec, ids, compact = false }: { spec: ProjectSpec; ids: readonly number[]; compact?: boolean }) {
  const [expanded, setExpanded] = useState(false);
  // The same sentence pasted twice is one quote.
  const texts = [...new Set(ids.map((id) => spec.requirements.sentences.find((s) => s.id === id)?.text).filter((t): t is string => Boolean(t)))];
  if (!texts.length) {
    return (
      <span className="source none" data-testid="source">
        {compact ? '—' : 'Not from the text (added or inferred)'}
      </span>
    );
  }
  const quote = (list: string[]) => list.map((t) => `“${t}”`).join(' ');
  if (compact) {
    const first = texts[0];
    return (
      <span className="source" title={quote(texts.slice(0, 20))} aria-label={`From the requirements: ${quote(texts.slice(0, 20))}`} data-testid="source">
        “{first.length > 48 ? `${first.slice(0, 46)}…` : first}”{texts.length > 1 ? ` +${texts.length - 1}` : ''}
      </span>
    );
  }
  const hidden = expanded ? 0 : Math.max(0, texts.length - SHOWN_QUOTES);
  return (
    <span className="source" data-testid="source">
      From: {quote(hidden ? texts.slice(0, SHOWN_QUOTES) : texts)}
      {hidden > 0 && (
        <>
          {' '}
          <button type="button" className="link" onClick={() => setExpanded(true)} data-testid="source-more">
            and {hidden} more
          </button>
        </>
      )}
    </span>
  );
}
