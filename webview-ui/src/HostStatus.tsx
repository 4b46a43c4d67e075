import { VscodeButton, VscodeProgressRing } from '@vscode-elements/react-elements';
import { useState } from 'react';
import type { Bridge } from './bridge';
import type { HostState } from './useHost';

// The panel's link to the extension host: whether it is connected, what it runs, a round-trip check.

export function ConnectionBadge({ state }: { state: HostState }) {
  const { connection } = state;
  if (connection.status === 'connecting') {
    return (
      <span className="status" data-testid="connection-status" data-status="connecting">
        <VscodeProgressRing aria-label="Connecting to the Takoss host" className="ring" />
        Connecting…
      </span>
    );
  }
  if (connection.status === 'error') {
    return (
      <span className="status error" data-testid="connection-status" data-status="error" role="alert">
        Not connected: {connection.reason}
      </span>
    );
  }
  return (
    <span className="status ok" data-testid="connection-status" data-status="connected">
      <span className="dot" aria-hidden="true" /> Connected
    </span>
  );
}

export function HostDetails({ state }: { state: HostState }) {
  if (state.connection.status !== 'connected') return null;
  const { host } = state.connection;
  return (
    <dl className="host" data-testid="host-info">
      <dt>Provider</dt>
      <dd data-testid="host-provider">
        {host.provider === 'offline' ? 'Offline (deterministic, no API key)' : `Claude · ${host.model}`}
      </dd>
      <dt>VS Code</dt>
      <dd data-testid="host-vscode-version">
        {host.vscodeVersion} ({host.uiKind})
      </dd>
      <dt>Takoss</dt>
      <dd>{host.extensionVersion}</dd>
      <dt>Workspace</dt>
      <dd>
        {host.workspaceFolders === 0 ? 'No folder open' : `${host.workspaceFolders} folder${host.workspaceFolders > 1 ? 's' : ''}`}
        {' · '}
        {host.workspaceTrusted ? 'trusted' : 'Restricted Mode: Takoss can generate files but will not run them'}
      </dd>
    </dl>
  );
}

export function PingCheck({ bridge }: { bridge: Bridge }) {
  const [result, setResult] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [checks, setChecks] = useState(0);
  const check = async () => {
    setBusy(true);
    try {
      const ms = await bridge.ping();
      setChecks((n) => n + 1);
      setResult(`Host answered in ${ms} ms`);
    } catch (error) {
      setResult(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="ping">
      <VscodeButton secondary onClick={check} disabled={busy} data-testid="ping-button">
        Check connection
      </VscodeButton>
      <span aria-live="polite" data-testid="ping-result" data-checks={checks}>
        {result}
      </span>
    </div>
  );
}

export function LastRejection({ state }: { state: HostState }) {
  if (!state.lastRejection) return null;
  return (
    <p className="rejection" role="status" data-testid="last-rejection">
      The host refused a message — {state.lastRejection}
    </p>
  );
}
