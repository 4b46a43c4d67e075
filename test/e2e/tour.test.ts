/// <reference lib="dom" />
// The tour a new user takes (issue #17's "done when"): every screen of Takoss in the real VS Code, in
// the light, dark and high-contrast themes, at 1500x950 and with the panel in a 700 px column. Each
// combination is screenshotted into test-artifacts/e2e/tour/ and checked for what a user sees as
// broken: text cut off, sideways scrolling, controls outside the view or on top of each other,
// unreadable text (layoutCheck.ts). One window; the theme changes through the palette's theme picker (pickColorTheme), as a user changes it.
import * as assert from 'node:assert/strict';
import type { Frame, Page } from 'playwright-core';
import { type LayoutCheckOptions, layoutProblems } from './layoutCheck';
import { takossWindow } from './takossWindow';
import { findFrameWith, openTakossApp, pickColorTheme, screenshot } from './workbenchPage';

const THEMES = [
  { name: 'light', setting: 'Default Light Modern', workbenchClass: 'vs', webviewClass: 'vscode-light' },
  { name: 'dark', setting: 'Default Dark Modern', workbenchClass: 'vs-dark', webviewClass: 'vscode-dark' },
  { name: 'hc', setting: 'Default High Contrast', workbenchClass: 'hc-black', webviewClass: 'vscode-high-contrast' },
] as const;
type Theme = (typeof THEMES)[number];

const WIDE = { width: 1500, height: 950 };
const COLUMN_WIDTH = 700;

type Size = 'wide' | 'column';

interface Screen {
  name: string;
  frame: Frame;
  sizes?: Size[];
  check?: LayoutCheckOptions;
  /** Also screenshot the bottom of the page (long screens: the review). */
  bottomToo?: boolean;
  /** Checks of this screen's own, run with the layout checks. */
  more?: (frame: Frame) => Promise<string[]>;
}

/** The graph shows where the run starts at every size: the first stage's node lies inside the canvas. */
async function firstStageInView(frame: Frame): Promise<string[]> {
  return frame.evaluate(() => {
    const canvas = document.querySelector('[data-testid=execution-tree] .react-flow')?.getBoundingClientRect();
    const node = document.querySelector('[data-testid=tree-node]')?.getBoundingClientRect();
    if (!canvas || !node) return ['no execution graph or node'];
    const inside = node.left >= canvas.left - 1 && node.right <= canvas.right + 1 && node.top >= canvas.top - 1;
    return inside ? [] : [`the first stage's node (${Math.round(node.left)}..${Math.round(node.right)}) is outside the graph's view (${Math.round(canvas.left)}..${Math.round(canvas.right)})`];
  });
}

/** The sidebar's tables fit its width: a figure past the edge is as good as cut off (a scrollbar there goes unseen). */
async function tablesFit(frame: Frame): Promise<string[]> {
  return frame.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.scroll')).flatMap((box) => {
      const name = box.closest('section')?.getAttribute('aria-label') ?? 'a table';
      return box.scrollWidth > box.clientWidth + 1 ? [`${name}: the table is ${box.scrollWidth} px wide in ${box.clientWidth} px`] : [];
    }),
  );
}

describe('Tour: every screen in light, dark and high contrast, at 1500x950 and in a 700 px column', function () {
  this.timeout(300_000);
  const session = takossWindow({ options: { userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } } });
  let app: Frame;
  let theme: Theme = THEMES[1];

  before(async () => {
    await session.workbench.page.setViewportSize(WIDE);
  });

  async function applyTheme(page: Page, frame: Frame, next: Theme): Promise<void> {
    if (next !== theme) await pickColorTheme(page, next.setting, next.workbenchClass);
    theme = next;
    await frame.waitForFunction((cls) => document.body.classList.contains(cls), next.webviewClass, { timeout: 20_000 });
    await page.waitForTimeout(300); // web components re-read the theme variables on the next frame
  }

  /** Sizes the window so the panel's column is 700 px wide (the sidebar keeps its width). */
  async function applySize(page: Page, frame: Frame, size: Size): Promise<void> {
    await page.setViewportSize(WIDE);
    if (size === 'column') {
      const panelWidth = await frame.evaluate(() => document.documentElement.clientWidth);
      await page.setViewportSize({ width: WIDE.width - (panelWidth - COLUMN_WIDTH), height: WIDE.height });
    }
    await page.waitForTimeout(400);
  }

  /** Every theme x size: screenshot and layout check; fails with every problem found, each named by where it is. */
  async function tour(screen: Screen): Promise<void> {
    const { page } = session.workbench;
    const problems: string[] = [];
    for (const next of THEMES) {
      await applyTheme(page, screen.frame, next);
      for (const size of screen.sizes ?? ['wide', 'column']) {
        await applySize(page, screen.frame, size);
        const where = `${screen.name}-${next.name}-${size}`;
        const width = await screen.frame.evaluate(() => document.documentElement.clientWidth);
        await screen.frame.evaluate(() => window.scrollTo(0, 0));
        await screenshot(page, `tour/${where}`);
        if (screen.bottomToo) {
          await screen.frame.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
          await screenshot(page, `tour/${where}-bottom`);
          await screen.frame.evaluate(() => window.scrollTo(0, 0));
        }
        const found = [...(await layoutProblems(screen.frame, screen.check)), ...((await screen.more?.(screen.frame)) ?? [])];
        for (const problem of found) problems.push(`${where} (${width} px): ${problem}`);
      }
    }
    await applySize(page, screen.frame, 'wide');
    assert.deepEqual(problems, [], `layout problems:\n${problems.join('\n')}`);
  }

  it('the form, an example picked', async () => {
    app = await openTakossApp(session.workbench.page);
    await app.click('[data-testid=example-0]');
    const text = app.locator('[data-testid=requirements] textarea');
    for (let tries = 0; !(await text.inputValue()); tries += 1) {
      assert.ok(tries < 50, 'the example fills the requirements');
      await app.page().waitForTimeout(100);
    }
    await tour({ name: '1-form', frame: app });
  });

  it('the review of the data model, top to bottom', async () => {
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 60_000 });
    await tour({ name: '2-review', frame: app, bottomToo: true });
  });

  it('the run: stage list, execution graph and a stage opened', async () => {
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    // Verification (npm install) would need the network; the tour is about what the user sees.
    if ((await app.getAttribute('[data-testid=verify-option]', 'checked')) !== null) await app.click('[data-testid=verify-option]');
    await app.click('[data-testid=generate-button]');
    await app.waitForFunction(() => document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') === 'succeeded', undefined, { timeout: 120_000 });
    await app.locator('[data-testid=tree-node]').first().click();
    await app.waitForSelector('[data-testid=stage-details]', { timeout: 10_000 });
    await app.locator('[data-testid=execution-tree]').scrollIntoViewIfNeeded();
    await tour({ name: '3-run', frame: app, check: { pannable: ['.react-flow__viewport'] }, more: firstStageInView });
  });

  it('the result: a file open with its explanation', async () => {
    const file = await app.locator('[data-testid^="tree-file-"]').last().getAttribute('data-testid');
    await app.locator(`[data-testid="${file}"]`).scrollIntoViewIfNeeded();
    await app.click(`[data-testid="${file}"]`);
    await app.waitForSelector('[data-testid=code-viewer]', { timeout: 15_000 });
    await app.locator('[data-testid=result-view]').scrollIntoViewIfNeeded();
    await tour({ name: '4-result', frame: app, bottomToo: true });
  });

  it('the result beside the editor after "Open in editor"', async () => {
    const { page } = session.workbench;
    await app.click('[data-testid=open-in-editor]');
    await page.locator('.tabs-container .tab').nth(1).waitFor({ state: 'visible', timeout: 15_000 });
    await tour({ name: '5-result-split', frame: app, sizes: ['wide'], more: firstStageInView });
  });

  it('asking about the project', async () => {
    await app.click('[data-testid=ask-about-project]');
    await app.waitForSelector('[data-testid=ask-view]', { timeout: 15_000 });
    const input = app.locator('[data-testid=ask-text] input');
    await input.fill('What did you not implement?');
    await input.press('Enter');
    await app.locator('[data-testid=ask-answer]').first().waitFor({ state: 'visible', timeout: 30_000 });
    await tour({ name: '6-ask', frame: app });
  });

  it('the sidebar: history and metrics', async () => {
    const { page } = session.workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    const metrics = await findFrameWith(page, '[data-testid=metrics-totals]', 30_000);
    await tour({ name: '7-sidebar', frame: metrics, more: tablesFit });
  });
});
