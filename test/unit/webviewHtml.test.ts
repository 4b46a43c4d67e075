import * as assert from 'node:assert/strict';
import { contentSecurityPolicy, createNonce, renderWebviewHtml } from '../../src/vscode/panel/webviewHtml';

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
    const [name, ...values] = part.split(/\s+/);
    return [name, values.join(' ')];
  }));
}

describe('webview HTML', () => {
  const options = {
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.js',
    styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/main.css',
    title: 'Takoss',
  };

  it('creates a fresh 128-bit nonce every time', () => {
    const nonces = new Set(Array.from({ length: 50 }, createNonce));
    assert.equal(nonces.size, 50);
    for (const nonce of nonces) assert.equal(Buffer.from(nonce, 'base64').length, 16);
  });

  it('allows scripts only with the nonce, and nothing by default', () => {
    const csp = directives(contentSecurityPolicy(options.cspSource, 'abc'));
    assert.equal(csp.get('default-src'), "'none'");
    assert.equal(csp.get('script-src'), "'nonce-abc'");
    assert.equal(csp.get('connect-src'), "'none'");
    assert.ok(!csp.get('script-src')?.includes('unsafe'));
    assert.ok(csp.get('style-src')?.startsWith(options.cspSource));
  });

  it('renders the app script with the same nonce as the policy', () => {
    const html = renderWebviewHtml({ ...options, nonce: 'n0nce' });
    assert.ok(html.includes(`script-src 'nonce-n0nce'`));
    assert.ok(html.includes(`<script nonce="n0nce" src="${options.scriptUri}"></script>`));
    assert.equal((html.match(/<script/g) ?? []).length, 1, 'exactly one script');
    assert.ok(html.includes('<div id="root"></div>'));
  });

  it('escapes values placed in attributes', () => {
    const html = renderWebviewHtml({ ...options, title: '"><script>alert(1)</script>', nonce: 'n' });
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('&quot;&gt;&lt;script&gt;'));
  });
});
