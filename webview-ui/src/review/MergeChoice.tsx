import { VscodeButton, VscodeCheckbox } from '@vscode-elements/react-elements';
import type { Review } from './useReview';

/**
 * The folder already has files: the user merges into it, choosing per file whether Takoss's version
 * replaces theirs (never by default), or picks another folder.
 */
export function MergeChoice({ review, onMerge }: { review: Review; onMerge: (merge: { replace: string[] } | undefined) => void }) {
  const conflicts = (review.conflicts ?? []).filter((file) => !file.same);
  const identical = (review.conflicts ?? []).length - conflicts.length;
  if (!review.merge) {
    return (
      <div className="merge" data-testid="merge-offer">
        <VscodeButton secondary onClick={() => onMerge({ replace: [] })} data-testid="merge-button">
          Merge into it…
        </VscodeButton>
        <span className="muted"> or type another folder above.</span>
      </div>
    );
  }
  const replace = new Set(review.merge.replace);
  const toggle = (path: string, on: boolean) => onMerge({ replace: on ? [...replace, path] : [...replace].filter((p) => p !== path) });
  return (
    <div className="merge" role="group" aria-label="Merge into the existing folder" data-testid="merge-choice">
      <p>
        Merging into <strong>{review.folder}</strong>: new files are added; files that are only yours are never touched
        {identical ? `; ${identical} file${identical > 1 ? 's are' : ' is'} already identical` : ''}.
        {conflicts.length ? ' These files exist with other content — tick the ones Takoss may replace:' : ' No existing file would change.'}
      </p>
      {conflicts.length > 0 && (
        <ul className="plain-list merge-list">
          {conflicts.map((file) => (
            <li key={file.path}>
              <VscodeCheckbox
                checked={replace.has(file.path)}
                data-testid={`replace-${file.path}`}
                onChange={(event) => toggle(file.path, (event.currentTarget as unknown as { checked: boolean }).checked)}
              >
                <code>{file.path}</code> — replace with Takoss's version
              </VscodeCheckbox>
            </li>
          ))}
        </ul>
      )}
      <VscodeButton secondary onClick={() => onMerge(undefined)} data-testid="merge-cancel">
        Don't merge
      </VscodeButton>
    </div>
  );
}
