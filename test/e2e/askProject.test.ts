/// <reference lib="dom" />
// Asking Takoss about a generated project in the real window (#16): a project is generated, the
// result view's "Ask about this project…" opens the conversation, a question typed and sent with
// Enter is answered from the project's trace (screenshots, light and dark), a link opens the file
// in the editor at the check, and a change is offered for review, with nothing written.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { openTakossApp, reviewRequirements, screenshot, screenshotThemes } from './workbenchPage';
import { takossWindow } from './takossWindow';

const REQUIREMENTS = 'Yoga studio: classes with a title, a start time and a capacity. Members book classes; a class cannot take more bookings than its capacity.';

describe('Takoss: ask about a generated project (code-server + Chromium)', function () {
  this.timeout(180_000);
  const session = takossWindow();
  let app: Frame;

  /** Types a question into the conversation and sends it with Enter; resolves with the new answer's text. */
  async function ask(question: string): Promise<string> {
    const before = await app.locator('[data-testid=ask-answer]').count();
    const input = app.locator('[data-testid=ask-text] input');
    await input.fill(question);
    await input.press('Enter');
    const answer = app.locator('[data-testid=ask-answer]').nth(before);
    await answer.waitFor({ state: 'visible', timeout: 30_000 });
    return (await answer.textContent()) ?? '';
  }

  it('a finished generation offers "Ask about this project…", which opens the conversation', async () => {
    app = await openTakossApp(session.workbench.page);
    await reviewRequirements(app, REQUIREMENTS);
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForFunction(() => document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') === 'succeeded', undefined, { timeout: 90_000 });
    await app.click('[data-testid=ask-about-project]');
    await app.waitForSelector('[data-testid=ask-view]', { timeout: 15_000 });
  });

  it('answers where a rule is enforced, with path:line links (screenshots)', async () => {
    const text = await ask('Where is the capacity rule enforced?');
    assert.match(text, /capacity rule is enforced/);
    const links = await app.locator('[data-testid=ask-answer] [data-testid=ask-link]').allTextContents();
    assert.ok(links.some((link) => /^backend\/src\/rules\/bookings\.ts:\d+$/.test(link.trim())), links.join(' | '));
    await screenshotThemes(session.workbench.page, app, 'ask-1-answer');
  });

  it('a link opens the file in the editor at the check', async () => {
    const { page } = session.workbench;
    const link = app.locator('[data-testid=ask-link]', { hasText: /^backend\/src\/rules\/bookings\.ts:\d+$/ }).first();
    const line = Number((await link.textContent())?.split(':')[1]);
    await link.click();
    const tab = page.locator('.tab', { hasText: 'bookings.ts' }).first();
    await tab.waitFor({ state: 'visible', timeout: 30_000 });
    // The editor's status bar says where the cursor is: the link's line.
    await page.locator('.statusbar-item', { hasText: new RegExp(`^Ln ${line},`) }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'ask-2-link-opened');
  });

  it('says plainly what the trace does not know, and offers a change without writing it', async () => {
    const outside = await ask('What is the weather in town?');
    assert.match(outside, /outside what this project’s trace knows/);
    const workspace = session.server.workspace;
    const folder = readdirSync(workspace).find((name) => existsSync(path.join(workspace, name, '.takoss', 'spec.json')));
    assert.ok(folder, 'the generated project');
    const specFile = path.join(workspace, folder, '.takoss', 'spec.json');
    const before = readFileSync(specFile, 'utf8');
    const change = await ask('add a phone number to members');
    assert.match(change, /gains phone/i);
    assert.ok(await app.locator('[data-testid=ask-review-change]').last().isVisible(), 'offered for review');
    assert.equal(readFileSync(specFile, 'utf8'), before, 'asking wrote nothing');
    await screenshot(session.workbench.page, 'ask-3-change-offered');
  });
});
