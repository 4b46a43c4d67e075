// The update's preview, before anything is written: what happens to each file (added, updated,
// merged with the user's edits, conflicting, kept, deleted by the user ...), each opening VS Code's
// diff editor; Apply writes it, Cancel writes nothing. After applying: what was written, the
// conflicts to resolve (each opens the file) and what was left because it changed meanwhile.
import { VscodeButton } from '@vscode-elements/react-elements';
import { useState } from 'react';
import type { PreviewFile, UpdateAction } from '../../../src/model/protocol';
import type { UpdateApplied, UpdatePreview as Preview } from './useChange';

const GROUPS: { action: UpdateAction; label: string }[] = [
  { action: 'conflict', label: 'Conflicting: written with conflict markers for you to resolve' },
  { action: 'added', label: 'Added' },
  { action: 'updated', label: 'Updated (you had not changed them)' },
  { action: 'merged', label: 'Merged with your edits' },
  { action: 'kept', label: 'Kept as you changed them' },
  { action: 'userDeleted', label: 'Deleted by you: stay deleted' },
  { action: 'removed', label: 'No longer generated: removed' },
  { action: 'keptNoLongerGenerated', label: 'No longer generated, kept because you changed them' },
];

function FileRow({ file, onDiff }: { file: PreviewFile; onDiff: (path: string) => void }) {
  const detail = [file.conflicts ? `${file.conflicts} conflict${file.conflicts > 1 ? 's' : ''}` : '', file.note ?? ''].filter(Boolean).join('; ');
  return (
    <li data-testid={`preview-file-${file.path}`} data-action={file.action}>
      {file.diff ? (
        <button type="button" className="link" onClick={() => onDiff(file.path)} title="Open the diff: your file against the update">
          {file.path}
        </button>
      ) : (
        <code>{file.path}</code>
      )}
      {detail && <span className="muted"> ({detail})</span>}
    </li>
  );
}

function AppliedResult({ applied, onOpen }: { applied: UpdateApplied; onOpen: (path: string) => void }) {
  return (
    <div data-testid="update-applied">
      <p>
        Written: {applied.written.length} file{applied.written.length === 1 ? '' : 's'}
        {applied.removed.length ? `, removed: ${applied.removed.length}` : ''}.
      </p>
      {applied.conflicts.length > 0 && (
        <div className="problems" data-testid="update-conflicts">
          <strong>Resolve the conflicts in these files (VS Code's conflict actions or merge editor):</strong>
          <ul>
            {applied.conflicts.map((path) => (
              <li key={path}>
                <button type="button" className="link" onClick={() => onOpen(path)} data-testid={`conflict-file-${path}`}>
                  {path}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      {applied.refused.length > 0 && (
        <div className="problems" data-testid="update-refused">
          <strong>Not written (changed after the preview, or could not be written):</strong>
          <ul>
            {applied.refused.map((entry) => (
              <li key={entry.path}>
                <code>{entry.path}</code> — {entry.reason}
              </li>
            ))}
          </ul>
        </div>
      )}
      {applied.error && (
        <p className="form-error" role="alert">
          {applied.error}
        </p>
      )}
    </div>
  );
}

/** The preview's files, one list per action in GROUPS' order; actions with no file show nothing. */
function FileGroups({ files: all, onDiff }: { files: PreviewFile[]; onDiff: (path: string) => void }) {
  return GROUPS.map(({ action, label }) => {
    const files = all.filter((file) => file.action === action);
    if (!files.length) return null;
    return (
      <div key={action} data-testid={`preview-${action}`}>
        <strong>
          {label} ({files.length})
        </strong>
        <ul>
          {files.map((file) => (
            <FileRow key={file.path} file={file} onDiff={onDiff} />
          ))}
        </ul>
      </div>
    );
  });
}

function MigrationNote({ migration }: { migration: NonNullable<Preview['migration']> }) {
  return (
    <p data-testid="preview-migration">
      The database changes through a new migration, <code>{migration.path}</code>: {migration.summary.map((line) => line.replace(/\.$/, '')).join('; ')}. The migrations the project
      already has stay as they are.
    </p>
  );
}

/** Runs onApply, saying it is under way (buttons disabled) and keeping its failure's message to show. */
function useApplying(onApply: () => Promise<unknown>) {
  const [applying, setApplying] = useState(false);
  const [error, setError] = useState<string>();
  const apply = async () => {
    setApplying(true);
    setError(undefined);
    try {
      await onApply();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setApplying(false);
    }
  };
  return { applying, error, apply };
}

export function UpdatePreview(props: {
  preview: Preview;
  applied?: UpdateApplied;
  onDiff: (path: string) => void;
  onOpen: (path: string) => void;
  onApply: () => Promise<unknown>;
  onCancel: () => void;
}) {
  const { preview, applied } = props;
  const { applying, error, apply } = useApplying(props.onApply);
  const unchanged = preview.files.filter((file) => file.action === 'unchanged').length;
  return (
    <section className="forecast update-preview" aria-label="What the update will do" data-testid="update-preview">
      <h3>{applied ? 'The update was applied' : `Preview of the update to ${preview.folder}: nothing is written until you apply it`}</h3>
      {preview.refusal && (
        <p className="form-error" role="alert" data-testid="update-refusal">
          {preview.refusal}
        </p>
      )}
      {preview.migration && <MigrationNote migration={preview.migration} />}
      <FileGroups files={preview.files} onDiff={props.onDiff} />
      <p className="muted">{unchanged} file{unchanged === 1 ? '' : 's'} unchanged.</p>
      {applied ? (
        <AppliedResult applied={applied} onOpen={props.onOpen} />
      ) : (
        !preview.refusal && (
          <div className="buttons">
            <VscodeButton onClick={() => void apply()} disabled={applying} data-testid="update-apply">
              {applying ? 'Applying…' : 'Apply'}
            </VscodeButton>
            <VscodeButton secondary onClick={props.onCancel} disabled={applying} data-testid="update-cancel">
              Cancel
            </VscodeButton>
          </div>
        )
      )}
      {error && (
        <p className="form-error" role="alert" data-testid="update-error">
          {error}
        </p>
      )}
    </section>
  );
}
