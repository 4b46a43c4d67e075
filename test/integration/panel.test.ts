import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { extractSpec } from '../../src/core/extract';
import type { RejectedMessage, TakossPanel } from '../../src/vscode/panel/TakossPanel';
import { activateTakoss, closeAllEditors, waitFor } from './helpers';

async function openPanel(): Promise<TakossPanel> {
  const panel = await vscode.commands.executeCommand<TakossPanel>('takoss.generateProject');
  assert.ok(panel, 'the command returns the panel');
  return panel;
}

function takossTab(): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((group) => group.tabs)
    .find((tab) => tab.input instanceof vscode.TabInputWebview && tab.label === 'Takoss');
}

describe('Takoss panel', () => {
  before(async () => {
    await activateTakoss();
  });

  afterEach(async () => {
    await closeAllEditors();
  });

  it('opens a webview panel when "Takoss: Generate Project" runs', async () => {
    const panel = await openPanel();
    assert.equal(panel.panel.viewType, 'takoss.generate');
    assert.equal(panel.panel.title, 'Takoss');
    await waitFor(() => takossTab(), 'the Takoss tab');
    assert.equal(panel.panel.webview.options.enableScripts, true);
    const roots = panel.panel.webview.options.localResourceRoots?.map((uri) => uri.path) ?? [];
    assert.equal(roots.length, 1, 'exactly one resource root');
    assert.ok(roots[0].endsWith('/dist/webview'), `resource root is the webview build output: ${roots[0]}`);
  });

  it('serves HTML with a nonce-only script policy', async () => {
    const panel = await openPanel();
    const html = panel.panel.webview.html;
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    const nonce = /script-src 'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce && nonce.length >= 16, 'a long nonce');
    assert.ok(html.includes(`<script nonce="${nonce}"`), 'the app script carries the nonce');
    assert.doesNotMatch(csp, /unsafe-eval/);
  });

  it('completes the ready/init handshake and answers a ping round trip', async () => {
    const panel = await openPanel();
    await panel.whenReady(30_000);
    const ms = await panel.ping(10_000);
    assert.ok(ms >= 0 && ms < 10_000, `round trip took ${ms} ms`);
  });

  it('reveals the same panel when the command runs again', async () => {
    const first = await openPanel();
    const second = await openPanel();
    assert.equal(first, second);
    const api = await activateTakoss();
    assert.equal(api.currentPanel(), first);
  });

  it('rejects malformed messages with a logged error and keeps working', async () => {
    const api = await activateTakoss();
    const panel = await openPanel();
    await panel.whenReady(30_000);
    const rejected: RejectedMessage[] = [];
    const subscription = panel.onDidRejectMessage((event) => rejected.push(event));
    const hostile: unknown[] = [
      'just a string',
      null,
      42,
      { type: 'ping' },
      { type: 'ping', requestId: '', sentAt: 1 },
      { type: 'noSuchMessage', payload: 1 },
      { type: 'ready', protocolVersion: 'one' },
      { type: 'webviewError', message: 'x'.repeat(5_000_000) },
      ['type', 'ping'],
    ];
    for (const message of hostile) await panel.receive(message);
    subscription.dispose();
    assert.equal(rejected.length, hostile.length, 'every malformed message is rejected');
    assert.ok(rejected.some((event) => event.messageType === 'noSuchMessage'));
    assert.ok(rejected.some((event) => /too large/.test(event.reason)));
    const logged = api.recentLog().filter((entry) => entry.level === 'error' && entry.message.includes('Rejected malformed webview message'));
    assert.ok(logged.length >= hostile.length, `logged ${logged.length} rejections`);
    // The host is alive and the bridge still works.
    assert.ok((await panel.ping(10_000)) >= 0);
  });

  it('ignores a pong that answers no request it made', async () => {
    const api = await activateTakoss();
    const panel = await openPanel();
    await panel.whenReady(30_000);
    await panel.receive({ type: 'pong', replyTo: 'never-sent', receivedAt: Date.now() });
    assert.ok(api.recentLog().some((entry) => entry.message.includes('never-sent')));
    assert.ok((await panel.ping(10_000)) >= 0);
  });

  it('forgets the panel when it is closed and opens a fresh one next time', async () => {
    const api = await activateTakoss();
    const panel = await openPanel();
    await panel.whenReady(30_000);
    panel.panel.dispose();
    await waitFor(() => api.currentPanel() === undefined || undefined, 'the panel to be forgotten');
    assert.equal(panel.isDisposed, true);
    await assert.rejects(panel.ping(1000));
    const next = await openPanel();
    assert.notEqual(next, panel);
    await next.whenReady(30_000);
  });

  it('generates into a new workspace folder through workspace.fs and refuses an existing one', async () => {
    const panel = await openPanel();
    await panel.whenReady(30_000);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(root, 'the test host has a workspace folder');
    const spec = extractSpec('Blog with auth and posts.', { projectName: 'integration-blog' });
    const runId = await panel.viewer.start('int-1', { spec, provider: 'offline' });
    assert.ok(runId, 'the run started');
    const manifest = vscode.Uri.joinPath(root, 'integration-blog', '.takoss', 'manifest.json');
    await waitFor(async () => (await vscode.workspace.fs.stat(manifest).then(() => true, () => undefined)), 'the manifest on disk', 30_000);
    const routes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, 'integration-blog', 'backend', 'src', 'routes', 'posts.ts'));
    assert.ok(new TextDecoder().decode(routes).includes('posts'));
    // Once it has ended: a start while it runs would ask whether to run both.
    await waitFor(() => panel.runs.runningCount === 0 || undefined, 'the run to finish', 30_000);
    assert.equal(await panel.viewer.start('int-2', { spec, provider: 'offline' }), undefined, 'refused: the folder is not empty');
    const empty = extractSpec('   ', { projectName: 'nothing' });
    assert.equal(await panel.viewer.start('int-3', { spec: empty, provider: 'offline' }), undefined, 'refused: no entities');
    const broken = { ...spec, name: 'integration-broken', relations: [...spec.relations, { ...spec.relations[0], to: 'Ghost' }] };
    assert.equal(await panel.viewer.start('int-4', { spec: broken, provider: 'offline' }), undefined, 'refused: invalid spec');
    assert.equal(await vscode.workspace.fs.stat(vscode.Uri.joinPath(root, 'integration-broken')).then(() => true, () => false), false, 'nothing written for a refused spec');

    // The result view reads the run's files with their explanations, and nothing else.
    const view = await panel.runs.readFile(runId, 'backend/src/routes/posts.ts');
    assert.ok(view.content?.includes('posts'));
    assert.ok(view.explanation && view.explanation.length > 10, 'the file is explained');
    assert.ok(view.requirements.some((text) => /post/i.test(text)), 'traced to a requirement sentence');
    await assert.rejects(panel.runs.readFile(runId, '../outside.txt'), /Unsafe|not a file of this run/);
    await assert.rejects(panel.runs.readFile(runId, 'not-generated.txt'), /not a file of this run/);
  });

  it('falls back to the default, with a warning, when a setting is invalid', async () => {
    const api = await activateTakoss();
    const panel = await openPanel();
    await panel.whenReady(30_000);
    const config = vscode.workspace.getConfiguration('takoss');
    try {
      await config.update('maxConcurrentStages', 99, vscode.ConfigurationTarget.Global);
      await waitFor(
        () => api.recentLog().some((entry) => entry.level === 'warn' && entry.message.includes('takoss.maxConcurrentStages')),
        'a warning about the invalid setting',
      );
    } finally {
      await config.update('maxConcurrentStages', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
