import { VscodeButton } from '@vscode-elements/react-elements';
import { useState } from 'react';
import type { Bridge } from './bridge';
import { useArrivalFocus } from './useArrivalFocus';
import { countOf } from '../../src/model/count';

/**
 * A run that did not finish left some files: Takoss marked the folder partial (.takoss/PARTIAL.md)
 * and asks whether to keep them or remove exactly those files.
 */
export function IncompleteNotice({ bridge, runId, folder, files }: { bridge: Bridge; runId: string; folder?: string; files: number }) {
  const [state, setState] = useState<{ busy?: boolean; done?: string; error?: string; kept?: boolean }>({});
  // The run just stopped: the choice is brought into view and focused (Tab reaches Keep / Remove next).
  const notice = useArrivalFocus<HTMLDivElement>();
  if (state.kept) return null;
  const remove = async () => {
    setState({ busy: true });
    try {
      const reply = await bridge.discardRun(runId);
      if (reply.error) setState({ error: reply.error });
      else if (reply.declined) setState({}); // the user said no in VS Code's confirmation: nothing changed
      else setState({ done: removedText(reply.removed, reply.kept, folder) });
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
    <div ref={notice} tabIndex={-1} className="incomplete" role="region" aria-label="Unfinished project" data-testid="incomplete-notice">
      <p>
        The run stopped before it finished: {files} files are in {folder ?? 'the folder'}, marked as incomplete in <code>.takoss/PARTIAL.md</code>.
        Keep them, or remove the files this run wrote (only those still as it wrote them; nothing else is touched)?
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

/** What "Remove the files" did, including the files kept because they changed since the run. */
export function removedText(removed: number, kept: readonly string[], folder?: string): string {
  const done = `Removed the ${countOf(removed, 'file')} this run wrote${folder ? ` to ${folder}` : ''}.`;
  if (!kept.length) return done;
  const named = kept.length > 5 ? `${kept.slice(0, 5).join(', ')} and ${kept.length - 5} more` : kept.join(', ');
  return `${done} Kept ${countOf(kept.length, 'file')} changed since the run: ${named}.`;
}
