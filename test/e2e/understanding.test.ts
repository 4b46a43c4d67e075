/// <reference lib="dom" />
// What the user sees of "every sentence accounted for" in the real window: the review step lists
// what Takoss did not understand at the top, with why, and a click adds the suggested record or
// ignores the sentence; the generated project then says exactly what was left out.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { openTakossApp, reviewRequirements, screenshot, screenshotThemes } from './workbenchPage';
import { takossWindow } from './takossWindow';

const REQUIREMENTS = [
  'Garage service log',
  '',
  '- Vehicles: plate number (unique), make, model',
  'Mechanics sign in and log service records for a vehicle with a date and the mileage.',
  'The mileage must be positive.',
  'Our customers often talk about the weather in town.',
  'A monthly report of hours per mechanic would help with payroll.',
].join('\n');

describe('Takoss review: what was not understood (code-server + Chromium)', function () {
  this.timeout(120_000);
  let app: Frame;

  const session = takossWindow();

  it('lists what it did not understand at the top of the review, each with why and one-click fixes', async () => {
    const { page } = session.workbench;
    app = await openTakossApp(page);
    await reviewRequirements(app, REQUIREMENTS);
    // The list of what was left out comes before the data model.
    const order = await app.evaluate(() => {
      const left = document.querySelector('[data-testid=left-out]');
      const entity = document.querySelector('[data-testid^=entity-]');
      return !!left && !!entity && !!(left.compareDocumentPosition(entity) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(order, 'the not-understood list is above the entities');
    const listed = (await app.textContent('[data-testid=not-understood]')) ?? '';
    assert.match(listed, /weather/);
    assert.match((await app.textContent('[data-testid=left-out-counts]')) ?? '', /not understood/);
    // The records it understood are there, with their fields.
    await app.waitForSelector('[data-testid=entity-Vehicle]', { timeout: 10_000 });
    await app.waitForSelector('[data-testid=entity-ServiceRecord]', { timeout: 10_000 });
    await screenshotThemes(page, app, '2b-not-understood');
    // One click adds the suggested record; the item leaves the list.
    const weatherItem = app.locator('[data-testid^=not-understood-]', { hasText: 'weather' });
    const suggestion = weatherItem.locator('[data-testid^=suggestion-]').first();
    const label = (await suggestion.textContent()) ?? '';
    const added = /Add (\w+)/.exec(label)?.[1];
    assert.ok(added, `a suggestion names a record: "${label}"`);
    await suggestion.click();
    await app.waitForSelector(`[data-testid=entity-${added}]`, { timeout: 10_000 });
    assert.equal(await app.locator('[data-testid^=not-understood-]', { hasText: 'weather' }).count(), 0, 'the fixed sentence is no longer listed');
    // Ignoring a sentence moves it to the ignored list, from where it can be restored.
    const remaining = app.locator('[data-testid^=not-understood-]').first();
    if ((await remaining.count()) > 0) {
      await remaining.locator('[data-testid^=ignore-]').click();
      await app.waitForSelector('[data-testid=ignored]', { timeout: 10_000 });
    }
    await screenshot(page, '2c-not-understood-fixed');
  });
});
