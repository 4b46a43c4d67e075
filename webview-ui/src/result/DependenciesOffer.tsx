import { VscodeButton, VscodeProgressRing } from '@vscode-elements/react-elements';
import { useEffect, useState } from 'react';
import type { DependencyFacts, InstallResult } from '../../../src/model/protocol';
import type { Bridge } from '../bridge';

/**
 * Whether the project's dependencies are installed, asked again whenever it may have changed: the
 * workspace was trusted (hostInfo), or the user comes back to the panel (an install from the
 * notification, or npm run in a terminal).
 */
function useDependencies(bridge: Bridge, runId: string) {
  const [status, setStatus] = useState<DependencyFacts>();
  const [installing, setInstalling] = useState(false);
  const [result, setResult] = useState<InstallResult>();
  useEffect(() => {
    let current = true;
    setStatus(undefined);
    setResult(undefined);
    const check = () =>
      void bridge.checkDependencies(runId).then(
        (reply) => current && setStatus(reply.status),
        () => undefined, // no answer: nothing is offered
      );
    check();
    const unsubscribe = bridge.onMessage((message) => message.type === 'hostInfo' && check());
    window.addEventListener('focus', check);
    return () => {
      current = false;
      unsubscribe();
      window.removeEventListener('focus', check);
    };
  }, [bridge, runId]);
  const install = async () => {
    setInstalling(true);
    setResult(undefined);
    try {
      const reply = await bridge.installDependencies(runId);
      setResult(reply);
      setStatus(reply.status);
    } catch (error) {
      setResult({ outcome: 'failed', message: `Installing the dependencies failed: ${error instanceof Error ? error.message : String(error)}`, status: status ?? { state: 'missing', command: 'npm install' } });
    } finally {
      setInstalling(false);
    }
  };
  return { status, installing, result, install };
}

/** The line after an install: how it went; a failure in the error colour, with the log one click away. */
function InstallResultLine({ bridge, result }: { bridge: Bridge; result: InstallResult }) {
  const failed = result.outcome === 'failed';
  return (
    <div className="buttons">
      <p className={failed ? 'form-error' : undefined} role={failed ? 'alert' : 'status'} data-testid="install-result" data-outcome={result.outcome}>
        {result.message}
      </p>
      {failed && (
        <VscodeButton secondary onClick={() => bridge.showLog()} data-testid="install-show-log">
          Show Log
        </VscodeButton>
      )}
    </div>
  );
}

/**
 * "Install dependencies", shown only while the generated project has no node_modules (its files
 * show "Cannot find module" errors until then): it says what it runs, the host asks before running
 * it, and in Restricted Mode it says why it is not offered and how to trust the workspace.
 */
export function DependenciesOffer({ bridge, runId }: { bridge: Bridge; runId: string }) {
  const { status, installing, result, install } = useDependencies(bridge, runId);
  if (!status) return null;
  const busy = installing || status.state === 'installing';
  // After a failed or cancelled install node_modules may be there, but incomplete: offered again.
  const retry = result?.outcome === 'failed' || result?.outcome === 'cancelled';
  const offered = status.state === 'missing' || (status.state === 'installed' && retry);
  if (!busy && !offered && status.state !== 'restricted' && !result) return null;
  return (
    <section className="dependencies" aria-label="Dependencies" data-testid="dependencies" data-state={busy ? 'installing' : status.state}>
      {(offered || busy || status.state === 'restricted') && (
        <p>Dependencies are not installed: until they are, the editor shows errors such as “Cannot find module” in the project’s files.</p>
      )}
      {status.state === 'restricted' && !busy && <p data-testid="dependencies-restricted">{status.reason}</p>}
      {(offered || busy) && (
        <div className="buttons">
          <VscodeButton onClick={install} disabled={busy} data-testid="install-dependencies">
            {busy ? 'Installing…' : retry ? 'Install again' : 'Install dependencies'}
          </VscodeButton>
          {busy && <VscodeProgressRing aria-label="Installing the dependencies" className="ring" />}
        </div>
      )}
      {(offered || busy) && (
        <p className="muted" data-testid="install-command">
          {busy ? 'Running' : 'Runs'} <code>{status.command}</code> in the project’s folder{busy ? ': npm’s output goes to the Takoss log; cancel from the progress notification.' : ', after you confirm. Install scripts do not run, and npm gets no API keys or other secrets.'}
        </p>
      )}
      {result && !busy && <InstallResultLine bridge={bridge} result={result} />}
    </section>
  );
}
