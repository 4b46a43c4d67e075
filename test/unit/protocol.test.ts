import * as assert from 'node:assert/strict';
import { MAX_MESSAGE_CHARS, parseHostToWebview, parseWebviewToHost, PROTOCOL_VERSION } from '../../src/model/protocol';

const host = {
  vscodeVersion: '1.100.3',
  extensionVersion: '0.1.0',
  uiKind: 'web',
  workspaceTrusted: true,
  workspaceFolders: 1,
  provider: 'offline',
  model: 'claude-sonnet-4-5',
};

describe('protocol', () => {
  describe('webview -> host', () => {
    it('accepts every well-formed message type', () => {
      const messages = [
        { type: 'ready', protocolVersion: PROTOCOL_VERSION },
        { type: 'ping', requestId: 'r1', sentAt: 1 },
        { type: 'pong', replyTo: 'r1', receivedAt: 2 },
        { type: 'webviewError', message: 'boom', stack: 'at x' },
      ];
      for (const message of messages) {
        const result = parseWebviewToHost(message);
        assert.ok(result.ok, `${message.type}: ${result.ok ? '' : result.error}`);
        assert.deepEqual(result.message, message);
      }
    });

    it('rejects non-objects, unknown types and wrong fields with a readable reason', () => {
      const cases: [unknown, RegExp][] = [
        ['hello', /expected object|Invalid input/i],
        [null, /expected object|Invalid input/i],
        [[1, 2], /expected object|Invalid input/i],
        [{ type: 'nope' }, /type/],
        [{ type: 'ping', requestId: 42, sentAt: 1 }, /requestId/],
        [{ type: 'ping', requestId: '', sentAt: 1 }, /requestId/],
        [{ type: 'ping', requestId: 'x'.repeat(65), sentAt: 1 }, /requestId/],
        [{ type: 'ping', requestId: 'a', sentAt: Number.POSITIVE_INFINITY }, /sentAt/],
        [{ type: 'ready', protocolVersion: 0 }, /protocolVersion/],
        [{ type: 'webviewError', message: 'x'.repeat(2001) }, /message/],
      ];
      for (const [raw, reason] of cases) {
        const result = parseWebviewToHost(raw);
        assert.equal(result.ok, false, JSON.stringify(raw)?.slice(0, 80));
        if (!result.ok) assert.match(result.error, reason, JSON.stringify(raw)?.slice(0, 80));
      }
    });

    it('reports the type of a rejected message when it has one', () => {
      const result = parseWebviewToHost({ type: 'ping' });
      assert.equal(result.ok, false);
      if (!result.ok) assert.equal(result.messageType, 'ping');
      const untyped = parseWebviewToHost({ kind: 'ping' });
      if (!untyped.ok) assert.equal(untyped.messageType, undefined);
    });

    it('refuses oversized and unserialisable messages before validating them', () => {
      const huge = parseWebviewToHost({ type: 'webviewError', message: 'x'.repeat(MAX_MESSAGE_CHARS + 1) });
      assert.equal(huge.ok, false);
      if (!huge.ok) assert.match(huge.error, /too large/);
      const circular: Record<string, unknown> = { type: 'ping' };
      circular.self = circular;
      const result = parseWebviewToHost(circular);
      assert.equal(result.ok, false);
      if (!result.ok) assert.match(result.error, /serialisable/);
    });

    it('strips unknown extra fields instead of passing them on', () => {
      const result = parseWebviewToHost({ type: 'ping', requestId: 'r', sentAt: 1, evil: '<script>' });
      assert.ok(result.ok);
      assert.equal('evil' in result.message, false);
    });
  });

  describe('host -> webview', () => {
    it('accepts init, hostInfo, ping, pong and rejected', () => {
      for (const message of [
        { type: 'init', host },
        { type: 'hostInfo', host },
        { type: 'ping', requestId: 'h1', sentAt: 1 },
        { type: 'pong', replyTo: 'w1', receivedAt: 1 },
        { type: 'rejected', reason: 'bad', messageType: 'ping' },
      ]) {
        assert.ok(parseHostToWebview(message).ok, message.type);
      }
    });

    it('rejects host info with an unknown provider', () => {
      assert.equal(parseHostToWebview({ type: 'init', host: { ...host, provider: 'gpt' } }).ok, false);
    });
  });
});
