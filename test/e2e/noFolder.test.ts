/// <reference lib="dom" />
// With no folder open, Takoss asks where to create the project instead of refusing, then offers to
// open it.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import { openTakossApp, reviewRequirements, screenshot } from './workbenchPage';
import { takossWindow } from './takossWindow';

describe('Takoss with no folder open', function () {
  this.timeout(240_000);
  let app: Frame;

  const session = takossWindow({ options: { openFolder: false } });

  it('asks where to generate, writes the project there, and offers to open it', async () => {
    const { page } = session.workbench;
    app = await openTakossApp(page);
    await reviewRequirements(app, 'Blog with auth and posts.');
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    // VS Code's own folder picker (in the browser: a quick input holding a path).
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The picker fills its input with a starting folder once it has loaded it: wait for that, then
    // type ours, and type again if the late fill replaced it.
    const wanted = `${session.server.workspace}/`;
    const deadline = Date.now() + 15_000;
    while (!(await input.inputValue()).endsWith('/') && Date.now() < deadline) await page.waitForTimeout(100);
    for (let attempt = 0; attempt < 5 && (await input.inputValue()) !== wanted; attempt++) {
      await input.fill(wanted);
      await page.waitForTimeout(500);
    }
    assert.equal(await input.inputValue(), wanted);
    await screenshot(page, 'no-folder-pick');
    await acceptFolder(page, input, wanted);
    // Any end, so a failed run fails here with what the panel said instead of a bare timeout.
    const status = await app
      .waitForFunction(
        () => {
          const value = document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? '';
          return ['succeeded', 'partial', 'failed', 'cancelled'].includes(value) ? value : undefined;
        },
        undefined,
        { timeout: 120_000 },
      )
      .then((handle) => handle.jsonValue() as Promise<string>)
      .catch(async (error: unknown) => {
        await screenshot(page, 'no-folder-timeout');
        throw error;
      });
    if (!['succeeded', 'partial'].includes(status)) {
      await screenshot(page, 'no-folder-failed');
      assert.fail(`the run ended ${status}: ${(await app.locator('[data-testid=run-panel]').innerText()).slice(0, 1500)}`);
    }
    assert.ok(existsSync(path.join(session.server.workspace, 'blog', 'backend', 'src', 'routes', 'posts.ts')), 'written into the chosen folder');
    const offer = page.locator('.notifications-toasts', { hasText: 'Takoss generated the project in' });
    await offer.waitFor({ state: 'visible', timeout: 15_000 });
    assert.ok(await offer.locator('.monaco-button', { hasText: 'Open Folder' }).count());
    await screenshot(page, 'no-folder-generated');
  });
});

/**
 * Clicks "Generate here" and waits for the picker to close. The picker may still re-fill its input
 * from a late folder listing as the click lands (it then opens that folder instead of accepting): type
 * the folder again and accept again, a few times, rather than wait for a run that never starts.
 */
async function acceptFolder(page: Page, input: Locator, wanted: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  for (let attempt = 0; attempt < 4; attempt++) {
    if ((await input.inputValue().catch(() => wanted)) !== wanted) await input.fill(wanted);
    await widget.locator('.monaco-button', { hasText: 'Generate here' }).first().click({ timeout: 5_000 }).catch(() => input.press('Enter'));
    if (await widget.waitFor({ state: 'hidden', timeout: 5_000 }).then(() => true, () => false)) return;
  }
  await screenshot(page, 'no-folder-picker-stuck');
  assert.fail(`the folder picker did not accept ${wanted} (it shows ${await input.inputValue()})`);
}
