/// <reference lib="dom" />
// Browser callbacks below run inside the webview page, where the DOM exists.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { CodeServer, openWorkbench, type Workbench } from '../harness/codeServerSession';
import { repoRoot } from '../harness/paths';
import { findFrameWith, runFromPalette, screenshot, waitForTakossContributions } from './workbenchPage';

describe('Takoss in the VS Code window (code-server + Chromium)', function () {
  this.timeout(120_000);
  let server: CodeServer;
  let workbench: Workbench;
  let app: Frame;

  before(async () => {
    server = await CodeServer.start();
    workbench = await openWorkbench(server.workbenchUrl({ extensionDevelopmentPath: repoRoot }));
    await waitForTakossContributions(workbench.page);
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
  });

  it('opens the React app from the command palette', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'Takoss: Generate Project');
    app = await findFrameWith(page, '[data-testid=takoss-app]');
    await app.waitForSelector('[data-testid=connection-status][data-status=connected]', { timeout: 30_000 });
    const version = await app.textContent('[data-testid=host-vscode-version]');
    assert.match(version ?? '', /^1\.\d+\.\d+/);
    const provider = await app.textContent('[data-testid=host-provider]');
    assert.match(provider ?? '', /Offline/);
    const tab = page.locator('.tabs-container .tab', { hasText: 'Takoss' });
    assert.equal(await tab.count(), 1, 'one Takoss editor tab');
    await screenshot(page, 'generate-panel');
  });

  it('answers a round trip from the webview to the host', async () => {
    await app.click('[data-testid=ping-button]');
    await app.waitForFunction(
      () => /Host answered in \d+ ms/.test(document.querySelector('[data-testid=ping-result]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
  });

  it('the host rejects a malformed message sent through the real webview channel and stays up', async () => {
    // acquireVsCodeApi().postMessage calls this function of the webview's host frame (VS Code then
    // hides window.parent from the app); calling it sends a message exactly as the app would.
    const hostFrame = app.parentFrame();
    assert.ok(hostFrame, 'the app frame sits inside the webview host frame');
    await hostFrame.evaluate(() => {
      const post = (window as unknown as Record<string, (channel: string, data: unknown) => void>).__vscode_post_message__;
      post('onmessage', { message: { type: 'ping', requestId: 42 } });
    });
    const rejection = await app.waitForSelector('[data-testid=last-rejection]', { timeout: 15_000 });
    assert.match((await rejection.textContent()) ?? '', /ping/);
    await app.evaluate(() => {
      const result = document.querySelector('[data-testid=ping-result]');
      if (result) result.textContent = '';
    });
    await app.click('[data-testid=ping-button]');
    await app.waitForFunction(
      () => /Host answered in \d+ ms/.test(document.querySelector('[data-testid=ping-result]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
    await screenshot(workbench.page, 'generate-panel-after-rejection');
  });

  it('shows the Takoss sidebar with its welcome view', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    const welcome = page.locator('.welcome-view-content', { hasText: 'No generations yet' });
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'sidebar');
  });
});
