/// <reference lib="dom" />
// Restricted Mode in the real window: an untrusted workspace may generate files, but Takoss never
// runs them (no npm install, build or tests), and it says why and how to trust.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { findFrameWith, openTakossApp, reviewRequirements, screenshot } from './workbenchPage';
import { takossWindow } from './takossWindow';

describe('Takoss in Restricted Mode (an untrusted workspace)', function () {
  this.timeout(120_000);
  let app: Frame;

  const session = takossWindow({
    options: { workspaceTrust: true },
    // VS Code asks whether to trust the folder: the user says no.
    beforeTakoss: async ({ page }) => {
      const distrust = page.locator('.monaco-dialog-box .monaco-button', { hasText: /No, I don.t trust/ });
      await distrust.waitFor({ state: 'visible', timeout: 60_000 });
      await distrust.click();
    },
  });

  it('shows the sidebar welcome (with a Generate Project button) while there are no generations yet', async () => {
    const { page } = session.workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    const welcome = page.locator('.welcome-view-content', { hasText: 'No generations yet' });
    await welcome.waitFor({ state: 'visible', timeout: 15_000 });
    await welcome.locator('a, .monaco-button', { hasText: 'Generate Project' }).first().waitFor({ state: 'visible', timeout: 5_000 });
    const metrics = await findFrameWith(page, '[data-testid=metrics-empty]', 30_000);
    assert.match((await metrics.textContent('[data-testid=metrics-empty]')) ?? '', /No generations yet/);
    await screenshot(page, 'sidebar-welcome');
  });

  it('generates, but will not verify, and says why and how to trust', async () => {
    const { page } = session.workbench;
    app = await openTakossApp(page);
    await reviewRequirements(app, 'Blog with auth and posts.');
    assert.equal(await app.getAttribute('[data-testid=verify-option]', 'disabled'), '', 'verification is not offered');
    assert.match((await app.textContent('[data-testid=verify-restricted]')) ?? '', /Restricted Mode.*Manage Workspace Trust/);
    await screenshot(page, 'restricted-review');
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForFunction(
      () => ['succeeded', 'partial'].includes(document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    assert.equal(await app.getAttribute('[data-stage="verification"]', 'data-status'), 'skipped');
    assert.match((await app.textContent('[data-testid=verification-result]')) ?? '', /Restricted Mode: Takoss never runs generated code/);
    const project = path.join(session.server.workspace, 'blog');
    assert.ok(existsSync(path.join(project, 'package.json')), 'the files were generated');
    assert.ok(!existsSync(path.join(project, 'node_modules')) && !existsSync(path.join(project, 'backend', 'node_modules')), 'nothing was installed');
    await screenshot(page, 'restricted-result');
  });
});
