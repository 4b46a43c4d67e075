import type { ProjectSpec } from '../../../src/model/project/projectSpec';

/** The requirement sentences an element came from; "added by you" when it has none. */
export function Sources({ spec, ids, compact = false }: { spec: ProjectSpec; ids: readonly number[]; compact?: boolean }) {
  const texts = ids.map((id) => spec.requirements.sentences.find((s) => s.id === id)?.text).filter((t): t is string => Boolean(t));
  if (!texts.length) {
    return (
      <span className="source none" data-testid="source">
        {compact ? '—' : 'Not from the text (added or inferred)'}
      </span>
    );
  }
  const full = texts.map((t) => `“${t}”`).join(' ');
  if (compact) {
    const first = texts[0];
    return (
      <span className="source" title={full} aria-label={`From the requirements: ${full}`} data-testid="source">
        “{first.length > 48 ? `${first.slice(0, 46)}…` : first}”{texts.length > 1 ? ` +${texts.length - 1}` : ''}
      </span>
    );
  }
  return (
    <span className="source" data-testid="source">
      From: {full}
    </span>
  );
}
