/// <reference lib="dom" />
// Browser callbacks below run inside the webview page, where the DOM exists.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
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
    const checksBefore = Number(await app.getAttribute('[data-testid=ping-result]', 'data-checks'));
    await app.click('[data-testid=ping-button]');
    await app.waitForFunction(
      (before) => Number(document.querySelector('[data-testid=ping-result]')?.getAttribute('data-checks')) > before,
      checksBefore,
      { timeout: 15_000 },
    );
    await screenshot(workbench.page, 'generate-panel-after-rejection');
  });

  it('generates a project from a description into the workspace, live, and opens its README', async () => {
    const { page } = workbench;
    await app.click('[data-testid=example-0]');
    await app.click('[data-testid=generate-button]');
    await app.waitForSelector('[data-testid=run-panel]', { timeout: 15_000 });
    await app.waitForFunction(
      () => ['succeeded', 'partial'].includes(document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    const headline = (await app.textContent('[data-testid=run-headline]')) ?? '';
    assert.match(headline, /Generated blog/);
    const routes = await app.getAttribute('[data-stage="api-routes:Post"]', 'data-status');
    assert.equal(routes, 'succeeded');
    assert.equal(await app.getAttribute('[data-stage="verification"]', 'data-status'), 'skipped');
    const project = path.join(server.workspace, 'blog');
    for (const file of ['package.json', 'backend/src/routes/posts.ts', 'frontend/src/pages/posts.tsx', '.takoss/manifest.json']) {
      assert.ok(existsSync(path.join(project, file)), `${file} was written into the workspace`);
    }
    // The execution tree: a node per stage, coloured by status; a click shows the stage's details.
    await screenshot(page, 'generated-tree');
    const listed = await app.locator('[data-testid=stage-list] li').count();
    assert.equal(await app.locator('[data-testid=execution-tree] [data-testid=tree-node]').count(), listed);
    assert.equal(await app.getAttribute('[data-testid=tree-node][data-stage="api-routes:Post"]', 'data-status'), 'succeeded');
    await app.click('[data-testid=tree-node][data-stage="api-routes:Post"]');
    const details = await app.waitForSelector('[data-testid=stage-details]', { timeout: 10_000 });
    assert.match((await details.textContent()) ?? '', /backend\/src\/routes\/posts\.ts/);
    await screenshot(page, 'generated-run');
    await app.click('[data-testid=open-readme]');
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('refuses to write into an existing project folder, and says why', async () => {
    await app.click('[data-testid=new-button]');
    await app.click('[data-testid=example-0]');
    await app.click('[data-testid=generate-button]');
    const refusal = await app.waitForSelector('[data-testid=run-refused]', { timeout: 15_000 });
    assert.match((await refusal.textContent()) ?? '', /already exists and is not empty/);
  });

  it('redraws the run and keeps the draft when the panel is hidden and shown again', async () => {
    const { page } = workbench;
    await runFromPalette(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Takoss' }).first().click();
    app = await findFrameWith(page, '[data-testid=run-panel]');
    assert.equal(await app.getAttribute('[data-testid=run-panel]', 'data-status'), 'partial');
    assert.match((await app.textContent('[data-testid=run-headline]')) ?? '', /Generated blog/);
    assert.ok((await app.locator('[data-testid=tree-node]').count()) > 20, 'the execution tree is redrawn from the events');
    await app.click('[data-testid=new-button]');
    const draft = await app.evaluate(() => (document.querySelector('[data-testid=requirements]') as unknown as { value: string }).value);
    assert.equal(draft, 'Blog with auth and posts.');
  });

  it('shows the Takoss sidebar with its welcome view', async () => {
    const { page } = workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    const welcome = page.locator('.welcome-view-content', { hasText: 'No generations yet' });
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'sidebar');
  });
});
