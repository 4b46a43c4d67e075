import { VscodeButton } from '@vscode-elements/react-elements';
import { useState } from 'react';
import type { Bridge } from './bridge';

/**
 * A run that did not finish left some files: Takoss marked the folder partial (.takoss/PARTIAL.md)
 * and asks whether to keep them or remove exactly those files.
 */
export function IncompleteNotice({ bridge, runId, folder, files }: { bridge: Bridge; runId: string; folder?: string; files: number }) {
  const [state, setState] = useState<{ busy?: boolean; done?: string; error?: string; kept?: boolean }>({});
  if (state.kept) return null;
  const remove = async () => {
    setState({ busy: true });
    try {
      const reply = await bridge.discardRun(runId);
      setState(reply.error ? { error: reply.error } : { done: `Removed the ${reply.removed} files this run wrote${folder ? ` to ${folder}` : ''}.` });
    } catch (error) {
      setState({ error: error instanceof Error ? error.message : String(error) });
    }
  };
  if (state.done) {
    return (
      <p role="status" data-testid="incomplete-removed">
        {state.done}
      </p>
    );
  }
  return (
    <div className="incomplete" role="region" aria-label="Unfinished project" data-testid="incomplete-notice">
      <p>
        The run stopped before it finished: {files} files are in {folder ?? 'the folder'}, marked as incomplete in <code>.takoss/PARTIAL.md</code>.
        Keep them, or remove exactly the files this run wrote (nothing else is touched)?
      </p>
      <div className="buttons">
        <VscodeButton secondary onClick={() => setState({ kept: true })} disabled={state.busy} data-testid="keep-partial">
          Keep the partial project
        </VscodeButton>
        <VscodeButton onClick={remove} disabled={state.busy} data-testid="remove-partial">
          Remove the files
        </VscodeButton>
      </div>
      {state.error && (
        <p className="form-error" role="alert">
          {state.error}
        </p>
      )}
    </div>
  );
}
