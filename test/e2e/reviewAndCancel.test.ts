/// <reference lib="dom" />
// Issue #17 items 2 and 4 in the real window: a select near the bottom of the panel opens its list
// inside the webview (not cut off), "Add relation" works after a rename, and after cancelling a run
// the Keep / Remove choice is where the user's eyes are: under the headline, in view and focused.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { errorResponse } from '../fake-anthropic/server';
import { openTakossApp, reviewRequirements, screenshot } from './workbenchPage';
import { takossWindowWithFakeApi } from './takossWindow';

const REQUIREMENTS = 'Event booking: organizers create events (name, venue, start time, capacity). Attendees register for events.';

/** The box of an element in the webview, with the webview's viewport height. */
async function boxOf(app: Frame, selector: string) {
  return app.evaluate((sel) => {
    const r = document.querySelector(sel)?.getBoundingClientRect();
    return r ? { top: r.top, bottom: r.bottom, viewport: document.documentElement.clientHeight } : undefined;
  }, selector);
}

describe('Takoss review and cancel, where the eyes are (code-server + Chromium)', function () {
  this.timeout(180_000);
  let app: Frame;
  // Claude refuses every stage (each keeps its deterministic result, so files are written) except
  // the explanations, which never answer: the run waits there until the user cancels.
  const session = takossWindowWithFakeApi((request) =>
    (request.body?.tools ?? []).some((t: { name?: string }) => t.name === 'emit_explanations') ? { kind: 'hang' } : errorResponse(400, 'fake refusal'),
  );

  it('a select at the bottom of the panel opens its list above it, inside the webview; Add relation works after a rename', async () => {
    const { page } = session.workbench;
    app = await openTakossApp(page);
    await reviewRequirements(app, REQUIREMENTS);
    // Rename the entity the relation target shows (the extraction names them; the second one).
    const target = await app.evaluate(() => (document.querySelector('[data-testid=relation-to]') as unknown as { value: string }).value);
    const name = app.locator(`[data-testid="entity-name-${target}"] input`);
    await name.fill('Membership');
    await name.press('Enter');
    await app.waitForSelector('[data-testid="entity-Membership"]', { timeout: 10_000 });
    assert.equal(await app.evaluate(() => (document.querySelector('[data-testid=relation-to]') as unknown as { value: string }).value), 'Membership');
    // The relation target at the very bottom of the visible panel, as after scrolling down to it.
    await app.evaluate(() => document.querySelector('[data-testid=relation-to]')?.scrollIntoView({ block: 'end' }));
    const select = await boxOf(app, '[data-testid=relation-to]');
    assert.ok(select && select.viewport - select.bottom < 40, `the select sits at the bottom of the panel: ${JSON.stringify(select)}`);
    await app.click('[data-testid=relation-to]');
    await app.waitForFunction(() => document.querySelector('[data-testid=relation-to]')?.hasAttribute('open'), undefined, { timeout: 10_000 });
    const list = await app.evaluate(() => {
      const host = document.querySelector('[data-testid=relation-to]');
      const r = host?.shadowRoot?.querySelector('.dropdown')?.getBoundingClientRect();
      return r && { top: r.top, bottom: r.bottom, height: r.height, viewport: document.documentElement.clientHeight, position: host?.getAttribute('position') };
    });
    await screenshot(page, 'review-select-at-bottom-open');
    assert.ok(list && list.height > 40, `the list is open: ${JSON.stringify(list)}`);
    assert.ok(list.top >= 0 && list.bottom <= list.viewport, `the open list lies within the webview viewport: ${JSON.stringify(list)}`);
    await page.keyboard.press('Escape');
    await app.click('[data-testid=add-relation]');
    await app.waitForFunction(() => /belongs to Membership/.test(document.querySelector('[data-testid=relations]')?.textContent ?? ''), undefined, { timeout: 10_000 });
    assert.equal(await app.locator('[data-testid=edit-error]').count(), 0);
  });

  it('after Cancel, Keep / Remove is under the headline, in view and focused', async () => {
    const { page } = session.workbench;
    await app.click('[data-testid=back-button]');
    await app.click('[data-testid=set-api-key]');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('sk-ant-e2e-test-key-0123456789');
    await input.press('Enter');
    await app.waitForFunction(() => !document.querySelector('[data-testid=provider-anthropic]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=provider-anthropic]');
    await app.locator('[data-testid=project-name] input').fill('cancel-partial');
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    // Files written, and the run waiting on the explanations that never come.
    await app.waitForFunction(() => /· [1-9]\d* files/.test(document.querySelector('[data-testid=run-meta]')?.textContent ?? ''), undefined, { timeout: 60_000 });
    await app.waitForSelector('[data-testid=stage-list] li[data-status=running]', { timeout: 30_000 });
    await app.click('[data-testid=cancel-button]');
    await app.waitForSelector('[data-testid=incomplete-notice]', { timeout: 30_000 });
    await page.waitForTimeout(300);
    await screenshot(page, 'cancel-keep-remove');
    const notice = await boxOf(app, '[data-testid=incomplete-notice]');
    const headline = await boxOf(app, '[data-testid=run-headline]');
    assert.ok(notice && headline, 'the headline and the choice are shown');
    assert.ok(notice.top >= 0 && notice.bottom <= notice.viewport, `the choice is within the visible panel: ${JSON.stringify(notice)}`);
    assert.ok(notice.top - headline.bottom < 60, `right under the headline (${notice.top - headline.bottom} px below it)`);
    assert.equal(await app.evaluate(() => document.activeElement?.getAttribute('data-testid')), 'incomplete-notice', 'focused');
  });
});
