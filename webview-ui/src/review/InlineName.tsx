import { VscodeTextfield } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';

/**
 * A name that edits in place: Enter or leaving the field commits, Escape restores. A rejected
 * commit (the caller returns false) keeps the typed text so the user can fix it.
 */
export function InlineName({
  value,
  onCommit,
  onCancel,
  label,
  testId,
}: {
  value: string;
  onCommit: (next: string) => boolean;
  onCancel?: () => void;
  label: string;
  testId: string;
}) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    const next = text.trim();
    if (next === value) return;
    if (!next) return setText(value);
    onCommit(next);
  };
  return (
    <VscodeTextfield
      className="inline-name"
      value={text}
      aria-label={label}
      data-testid={testId}
      onInput={(event) => setText((event.currentTarget as unknown as { value: string }).value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') commit();
        if (event.key === 'Escape') {
          event.stopPropagation();
          setText(value);
          onCancel?.();
        }
      }}
      onBlur={commit}
    />
  );
}
