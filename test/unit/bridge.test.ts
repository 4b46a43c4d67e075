import * as assert from 'node:assert/strict';
import { Bridge } from '../../webview-ui/src/bridge';
import type { HostToWebview } from '../../src/model/protocol';
import { extractSpec } from '../../src/core/extract';

/** A stand-in for acquireVsCodeApi() and the window's message events. */
function harness() {
  const posted: unknown[] = [];
  let listener: ((event: { data: unknown }) => void) | undefined;
  const api = {
    postMessage: (message: unknown) => posted.push(message),
    getState: () => undefined,
    setState: <T>(state: T) => state,
  };
  const target = {
    addEventListener: (_type: string, handler: (event: { data: unknown }) => void) => {
      listener = handler;
    },
  } as unknown as Pick<Window, 'addEventListener'>;
  const bridge = new Bridge(api, target);
  return { bridge, posted, deliver: (data: unknown) => listener?.({ data }) };
}

describe('webview bridge', () => {
  it('announces readiness with the protocol version', () => {
    const { bridge, posted } = harness();
    bridge.announceReady();
    assert.deepEqual(posted, [{ type: 'ready', protocolVersion: 1 }]);
  });

  it('answers a host ping with a pong', () => {
    const { posted, deliver } = harness();
    deliver({ type: 'ping', requestId: 'h-1', sentAt: 1 });
    assert.equal(posted.length, 1);
    assert.deepEqual({ ...(posted[0] as object), receivedAt: 0 }, { type: 'pong', replyTo: 'h-1', receivedAt: 0 });
  });

  it('resolves its own ping when the host replies', async () => {
    const { bridge, posted, deliver } = harness();
    const reply = bridge.ping(1000);
    const request = posted[0] as { requestId: string };
    deliver({ type: 'pong', replyTo: request.requestId, receivedAt: Date.now() });
    assert.ok((await reply) >= 0);
  });

  it('drops malformed host messages instead of passing them to the app', () => {
    const { bridge, deliver } = harness();
    const seen: HostToWebview[] = [];
    bridge.onMessage((message) => seen.push(message));
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      deliver({ type: 'init' });
      deliver('noise from another frame');
      deliver({ type: 'rejected', reason: 'x', messageType: 'ping' });
    } finally {
      console.warn = warn;
    }
    assert.deepEqual(seen.map((message) => message.type), ['rejected']);
  });

  it('refuses to post a message that breaks the protocol', () => {
    const { bridge, posted } = harness();
    const error = console.error;
    console.error = () => undefined;
    try {
      assert.equal(bridge.post({ type: 'ping', requestId: '', sentAt: 1 }), false);
    } finally {
      console.error = error;
    }
    assert.equal(posted.length, 0);
  });

  it('reports errors to the host, truncated', () => {
    const { bridge, posted } = harness();
    bridge.reportError(new Error('x'.repeat(3000)));
    const report = posted[0] as { type: string; message: string };
    assert.equal(report.type, 'webviewError');
    assert.equal(report.message.length, 2000);
  });

  it('generate is a request: resolves with the runAccepted that answers it, ignoring replies to others', async () => {
    const { bridge, posted, deliver } = harness();
    const spec = extractSpec('Blog with posts.', { projectName: 'blog' });
    const reply = bridge.generate(spec, 'offline', { folder: 'blog' });
    const request = posted[0] as { type: string; requestId: string };
    assert.equal(request.type, 'generate');
    const accepted = { type: 'runAccepted', runId: 'run-1', folder: 'blog', entities: ['Post'], warnings: [] };
    deliver({ ...accepted, replyTo: 'someone-else' });
    deliver({ ...accepted, replyTo: request.requestId });
    assert.deepEqual(await reply, { ...accepted, replyTo: request.requestId });
  });

  it('resumeRun is a request: a runRefused answer rejects with its reason', async () => {
    const { bridge, posted, deliver } = harness();
    const reply = bridge.resumeRun('run-1');
    const request = posted[0] as { type: string; requestId: string; runId: string };
    assert.deepEqual({ type: request.type, runId: request.runId }, { type: 'resumeRun', runId: 'run-1' });
    deliver({ type: 'runRefused', replyTo: request.requestId, reason: 'Only a run that was interrupted can be resumed.' });
    await assert.rejects(reply, /Only a run that was interrupted can be resumed\./);
  });
});
