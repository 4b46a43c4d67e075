import * as assert from 'node:assert/strict';
import { App } from '../../webview-ui/src/App';
import { capturing, fakeBridge, hostInfo, hostSends, invalidPosts, postedTypes, renderUi, screen } from './helpers';

const badge = () => screen.getByTestId('connection-status');

/** Renders the app on a fake bridge; `errors` is what it logged meanwhile (the bridge logs what it refuses to send). */
async function renderApp() {
  const { bridge, api } = fakeBridge();
  const errors = await capturing('error', async () => {
    await renderUi(<App bridge={bridge} />);
  });
  return { bridge, api, errors };
}

describe('App', () => {
  it('announces itself to the host with valid messages only, and waits to be connected', async () => {
    const { api, errors } = await renderApp();
    assert.deepEqual(api.posted, [{ type: 'ready', protocolVersion: 1 }]);
    assert.deepEqual(invalidPosts(api), []);
    assert.deepEqual(errors, [], 'nothing refused, nothing logged');
    assert.equal(badge().dataset.status, 'connecting');
    assert.match(badge().textContent ?? '', /Connecting/);
    assert.equal(screen.queryByTestId('host-info'), null);
  });

  it('shows itself connected once the host sends init', async () => {
    const { api } = await renderApp();
    await hostSends({ type: 'init', host: hostInfo({ workspaceFolders: 2 }) });
    assert.equal(badge().dataset.status, 'connected');
    assert.match(badge().textContent ?? '', /Connected/);
    assert.equal(screen.getByTestId('host-provider').textContent, 'Offline (deterministic, no API key)');
    assert.equal(screen.getByTestId('host-vscode-version').textContent, '1.100.3 (desktop)');
    assert.match(screen.getByTestId('host-info').textContent ?? '', /2 folders · trusted/);
    assert.deepEqual(postedTypes(api), ['ready'], 'init needs no answer');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('follows host info changes', async () => {
    await renderApp();
    await hostSends({ type: 'init', host: hostInfo() });
    await hostSends({ type: 'hostInfo', host: hostInfo({ provider: 'anthropic', model: 'claude-sonnet-5-5' }) });
    assert.equal(screen.getByTestId('host-provider').textContent, 'Claude · claude-sonnet-5-5');
  });

  it('ignores a malformed init instead of trusting it', async () => {
    await renderApp();
    const warnings = await capturing('warn', () => hostSends({ type: 'init', host: { provider: 'offline' } }));
    assert.equal(badge().dataset.status, 'connecting');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /ignored malformed host message "init"/);
  });

  it('shows an error when the host refuses the handshake', async () => {
    await renderApp();
    await hostSends({ type: 'rejected', messageType: 'ready', reason: 'protocol version 1 is not supported' });
    assert.equal(badge().dataset.status, 'error');
    assert.equal(badge().textContent, 'Not connected: protocol version 1 is not supported');
    assert.equal(screen.getByTestId('last-rejection').textContent, 'The host refused a message — ready: protocol version 1 is not supported');
  });

  it('answers a host ping with a valid pong', async () => {
    const { api } = await renderApp();
    await hostSends({ type: 'ping', requestId: 'host-1', sentAt: Date.now() });
    assert.deepEqual(postedTypes(api), ['ready', 'pong']);
    assert.deepEqual(invalidPosts(api), []);
  });
});
