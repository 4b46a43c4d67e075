/// <reference lib="dom" />
// The host's own questions in the real window: the webview may only request verification or a
// merge that replaces files; VS Code's modal asks the user, and "Cancel" means nothing happens.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { openTakossApp, screenshot } from './workbenchPage';
import { takossWindow } from './takossWindow';

/** The workbench's modal dialog with this message; resolves with its whole text once it shows. */
async function modal(page: Page, message: RegExp): Promise<{ text: string; press: (button: string) => Promise<void> }> {
  const box = page.locator('.monaco-dialog-box', { hasText: message });
  await box.waitFor({ state: 'visible', timeout: 60_000 });
  return {
    text: (await box.textContent()) ?? '',
    press: async (button) => {
      await box.locator('.monaco-button', { hasText: new RegExp(`^${button}$`) }).click();
      await box.waitFor({ state: 'hidden', timeout: 15_000 });
    },
  };
}

async function toReview(app: Frame, name: string): Promise<void> {
  await app.locator('[data-testid=requirements] textarea').fill('Blog with auth and posts.');
  await app.locator('[data-testid=project-name] input').fill(name);
  await app.click('[data-testid=review-button]');
  await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
}

describe('The host asks before running or overwriting anything (code-server + Chromium)', function () {
  this.timeout(180_000);
  let app: Frame;

  const session = takossWindow();

  before(async () => {
    app = await openTakossApp(session.workbench.page);
  });

  it('verification requested in the panel: a modal names what would run; Cancel runs nothing and the run says so', async () => {
    const { page } = session.workbench;
    await toReview(app, 'consent-e2e');
    await app.click('[data-testid=verify-option]');
    await app.waitForFunction(() => (document.querySelector('[data-testid=verify-option]') as unknown as { checked?: boolean } | null)?.checked === true, undefined, { timeout: 10_000 });
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    const question = await modal(page, /Run the install, build and tests of consent-e2e\?/);
    assert.match(question.text, /npm install --ignore-scripts/);
    assert.match(question.text, /npm test --ignore-scripts/);
    assert.match(question.text, /Claude took no part in this run/);
    await screenshot(page, 'consent-verify-modal');
    await question.press('Cancel');
    await app.waitForFunction(
      () => ['succeeded', 'partial'].includes(document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    assert.equal(await app.getAttribute('[data-stage="verification"]', 'data-status'), 'skipped');
    assert.match((await app.textContent('[data-testid=verification-result]')) ?? '', /You declined to run the install, build and tests of consent-e2e: nothing was run/);
    const project = path.join(session.server.workspace, 'consent-e2e');
    assert.ok(existsSync(path.join(project, 'package.json')), 'the project was written');
    assert.ok(!existsSync(path.join(project, 'node_modules')) && !existsSync(path.join(project, 'package-lock.json')), 'nothing was installed');
    await screenshot(page, 'consent-verify-declined');
  });

  it('a merge that would replace a file of yours: a modal asks; Cancel refuses the run and the file stays', async () => {
    const { page } = session.workbench;
    const mine = path.join(session.server.workspace, 'consent-e2e', 'README.md');
    writeFileSync(mine, '# My own notes\n');
    await app.click('[data-testid=new-button]');
    await toReview(app, 'consent-e2e');
    await app.click('[data-testid=merge-button]');
    await app.waitForSelector('[data-testid="replace-README.md"]', { timeout: 15_000 });
    await app.click('[data-testid="replace-README.md"]');
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    const question = await modal(page, /Replace 1 file in consent-e2e with Takoss's version\?/);
    assert.match(question.text, /Your version of README\.md will be overwritten/);
    await screenshot(page, 'consent-merge-modal');
    await question.press('Cancel');
    await app.waitForSelector('[data-testid=run-refused]', { timeout: 15_000 });
    assert.match((await app.textContent('[data-testid=run-refused]')) ?? '', /did not confirm replacing 1 file in consent-e2e: nothing was written/);
    assert.equal(readFileSync(mine, 'utf8'), '# My own notes\n', 'your file is untouched');
  });
});
