/// <reference lib="dom" />
// Browser callbacks below run inside the webview page, where the DOM exists.
// Issue #17 item 3: the panel in a narrow editor column (700 px, 500 px) and the metrics in the
// sidebar. Every check collects what is wrong, so one run reports all problems at once.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { findFrameWith, runFromPalette, screenshot, screenshotThemes } from './workbenchPage';
import { takossWindow } from './takossWindow';

/** Resizes the browser until the webview itself (the panel's column) is `width` CSS px wide. */
async function setPanelWidth(page: Page, app: Frame, width: number): Promise<number> {
  let current = await app.evaluate(() => window.innerWidth);
  for (let attempt = 0; attempt < 4 && Math.abs(current - width) > 2; attempt += 1) {
    const viewport = page.viewportSize() ?? { width: 1400, height: 900 };
    await page.setViewportSize({ width: viewport.width + width - current, height: viewport.height });
    await page.waitForTimeout(800); // the workbench relayouts, then the webview, then React Flow
    current = await app.evaluate(() => window.innerWidth);
  }
  return current;
}

/** Everything cut off, overflowing, unreadable or overlapping in the panel, as sentences. */
function panelLayoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the panel overflows sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
  const label = (element: Element) => (element.textContent ?? '').trim().slice(0, 40) || element.getAttribute('aria-label') || element.tagName;
  for (const button of Array.from(document.querySelectorAll('vscode-button, button'))) {
    if (!button.checkVisibility()) continue;
    const boxes = [button, ...Array.from(button.shadowRoot?.querySelectorAll('*') ?? [])];
    const clipped = boxes.find((box) => box.clientWidth > 0 && box.scrollWidth > box.clientWidth + 1);
    if (clipped) problems.push(`button "${label(button)}" is truncated: ${clipped.scrollWidth} > ${clipped.clientWidth} px`);
    if (button.getBoundingClientRect().right > root.clientWidth + 1) problems.push(`button "${label(button)}" sticks out of the panel`);
  }
  for (const title of Array.from(document.querySelectorAll<HTMLElement>('.tree-node-title, .tree-node-meta'))) {
    // The node's on-screen size over its layout size is the graph's zoom.
    const zoom = title.getBoundingClientRect().height / title.offsetHeight;
    const onScreen = parseFloat(getComputedStyle(title).fontSize) * zoom;
    if (onScreen < 11) problems.push(`graph text "${label(title)}" is ${onScreen.toFixed(1)} px on screen`);
    if (title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1) problems.push(`graph text "${label(title)}" is cut off`);
  }
  const tree = document.querySelector('[data-testid=execution-tree]')?.getBoundingClientRect();
  const canvas = document.querySelector('.tree-canvas')?.getBoundingClientRect();
  if (tree && canvas && (canvas.width < 300 || canvas.width < 0.6 * tree.width)) {
    problems.push(`the graph is squeezed to ${Math.round(canvas.width)} of ${Math.round(tree.width)} px`);
  }
  const minimap = document.querySelector('.react-flow__minimap')?.getBoundingClientRect();
  const attribution = document.querySelector('.react-flow__attribution')?.getBoundingClientRect();
  if (minimap && attribution && minimap.left < attribution.right && attribution.left < minimap.right && minimap.top < attribution.bottom && attribution.top < minimap.bottom) {
    problems.push('the minimap covers the React Flow attribution');
  }
  return problems;
}

/** The metrics sidebar: no sideways overflow of the view, and a scrolled table keeps its row names in sight. */
function metricsLayoutProblems(): string[] {
  const problems: string[] = [];
  const root = document.documentElement;
  if (root.scrollWidth > root.clientWidth + 1) problems.push(`the metrics view overflows sideways: ${root.scrollWidth} > ${root.clientWidth} px`);
  for (const scroller of Array.from(document.querySelectorAll<HTMLElement>('.scroll'))) {
    if (scroller.scrollWidth <= scroller.clientWidth) continue;
    scroller.scrollLeft = scroller.scrollWidth;
    const box = scroller.getBoundingClientRect();
    for (const name of Array.from(scroller.querySelectorAll('tbody th'))) {
      const rect = name.getBoundingClientRect();
      if (rect.left < box.left - 1 || rect.right > box.right + 1) problems.push(`row "${name.textContent}" scrolls out of sight with the table`);
    }
    scroller.scrollLeft = 0;
  }
  return problems;
}

describe('Narrow layouts: the panel in a narrow column, the metrics in the sidebar', function () {
  this.timeout(600_000); // a whole generation first, on a machine that may be busy
  let app: Frame;
  const session = takossWindow({ options: { userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } } });

  before(async () => {
    const { page } = session.workbench;
    // Like openTakossApp, with more patience for a busy machine: this suite needs a whole generation anyway.
    await runFromPalette(page, 'Takoss: Generate Project');
    app = await findFrameWith(page, '[data-testid=takoss-app]', 120_000);
    await app.waitForSelector('[data-testid=connection-status][data-status=connected]', { timeout: 60_000 });
    await app.locator('[data-testid=requirements] textarea').fill('Blog with auth and posts.');
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 90_000 });
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 60_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForSelector('[data-testid=run-panel]', { timeout: 30_000 });
    await app
      .waitForFunction(() => !['running', 'idle'].includes(document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? ''), undefined, {
        timeout: 400_000,
      })
      .catch(async (error: unknown) => {
        await screenshot(page, 'narrow-generation-timeout');
        throw error;
      });
    assert.match((await app.getAttribute('[data-testid=run-panel]', 'data-status')) ?? '', /^(succeeded|partial)$/);
    // A stage's details open (the graph must keep a usable size), and a file with a long path is shown.
    await app.click('[data-testid=tree-node][data-stage="requirements-analysis"]');
    await app.waitForSelector('[data-testid=stage-details]', { timeout: 10_000 });
    const file = 'backend/src/routes/posts.ts';
    await app.locator(`[data-testid="tree-file-${file}"]`).scrollIntoViewIfNeeded();
    await app.click(`[data-testid="tree-file-${file}"]`);
    await app.waitForSelector(`[data-testid=code-viewer][data-path="${file}"]`, { timeout: 15_000 });
  });

  const detailsTitle = () => app.locator('[data-testid=stage-details] h3').textContent();

  for (const [width, stage] of [[700, 'domain-model'], [500, 'requirements-analysis']] as const) {
    it(`at ${width} px nothing is cut off, overflows or overlaps, the graph is readable, and a node click shows that stage`, async () => {
      const { page } = session.workbench;
      const measured = await setPanelWidth(page, app, width);
      assert.ok(Math.abs(measured - width) <= 2, `the panel is ${measured} px wide`);
      const problems = await app.evaluate(panelLayoutProblems);
      await app.locator('[data-testid=execution-tree]').scrollIntoViewIfNeeded();
      const node = app.locator(`[data-testid=tree-node][data-stage="${stage}"]`);
      const title = await node.locator('.tree-node-title').textContent();
      await node.click();
      assert.equal(await detailsTitle(), title, 'the details show the clicked stage');
      // Switching themes goes through the palette: nothing on the way may click into the panel (a
      // click meant for the workbench once landed on another node and showed that stage instead).
      await app.evaluate(() => {
        document.documentElement.dataset.pointerDowns = '0';
        document.addEventListener('pointerdown', () => (document.documentElement.dataset.pointerDowns = String(Number(document.documentElement.dataset.pointerDowns) + 1)), true);
      });
      await screenshotThemes(page, app, `narrow-${width}-graph`);
      await app.locator('[data-testid=result-view]').scrollIntoViewIfNeeded();
      await screenshotThemes(page, app, `narrow-${width}-result`);
      assert.equal(await app.evaluate(() => document.documentElement.dataset.pointerDowns), '0', 'the theme switches clicked nothing in the panel');
      assert.equal(await detailsTitle(), title, 'the details still show the clicked stage after the theme switches');
      assert.deepEqual(problems, []);
    });
  }

  it('the metrics table fits the sidebar: the stage names stay in sight when it scrolls', async () => {
    const { page } = session.workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    const metrics = await findFrameWith(page, '[data-testid=metrics-stages]', 30_000);
    const problems = await metrics.evaluate(metricsLayoutProblems);
    await metrics.evaluate(() => document.querySelector('[data-testid=metrics-stages] .scroll')?.scrollBy(1000, 0));
    await screenshot(page, 'narrow-sidebar-metrics-scrolled');
    assert.deepEqual(problems, []);
  });
});
