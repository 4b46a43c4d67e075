// Helpers for driving the real VS Code workbench (code-server) in headless Chromium.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { artifactsDir } from '../harness/paths';

export const e2eArtifacts = path.join(artifactsDir, 'e2e');

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(e2eArtifacts, { recursive: true });
  const file = path.join(e2eArtifacts, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Resolves once the development extension's contributions are in the workbench (its activity-bar icon). */
export async function waitForTakossContributions(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().waitFor({ state: 'visible', timeout: timeoutMs });
}

/**
 * Reloads the window ("Developer: Reload Window") and resolves once the NEW workbench shows Takoss.
 * The command returns before the page navigates, so waiting for Takoss's contributions alone could
 * find them on the old page, and the next step then ran while the page navigated ("Execution context
 * was destroyed", CI once). The old document is marked first; the wait ends on a document without it.
 */
export async function reloadWindow(page: Page, timeoutMs = 60_000): Promise<void> {
  await page.evaluate(() => Object.assign(window, { takossBeforeReload: true }));
  await runFromPalette(page, 'Developer: Reload Window');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const reloaded = await page.evaluate(() => document.readyState === 'complete' && !('takossBeforeReload' in window)).catch(() => false);
    if (reloaded) break;
    if (Date.now() > deadline) throw new Error(`The window did not reload within ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await waitForTakossContributions(page, Math.max(1_000, deadline - Date.now()));
}

/**
 * Runs a command by its palette label, the way a user does: F1, type, Enter. On a loaded machine the
 * palette can open before its command list is filled, so it retries a few times before failing.
 */
export async function runFromPalette(page: Page, label: string, attempts = 3, options: { keepFocus?: boolean } = {}): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    // Clicking the workbench first makes sure the keys reach it, unless the caller focused something
    // on purpose (a command that acts on the active editor). The click goes to the status bar's empty
    // middle: a fixed point in the editor area lands inside the Takoss panel, and in a narrow window
    // it selected whichever graph node was there (the details then showed another stage).
    if (!options.keepFocus) await page.locator('.part.statusbar').click({ position: await statusBarMiddle(page).catch(() => ({ x: 0, y: 0 })) }).catch(() => undefined);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    // The row whose label is exactly this command: fuzzy matching may rank a similar command first.
    const row = page.locator('.quick-input-widget .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) }).first();
    try {
      // Inside the retry: a page still loading (a walkthrough step) can take focus and close the
      // palette between its opening and the typing, which then waits 30 s on a hidden input (CI, once).
      await input.waitFor({ state: 'visible', timeout: 15_000 });
      await input.fill(`>${label}`, { timeout: 10_000 });
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await row.click();
      return;
    } catch (error) {
      // Close the palette only if it is still open: an Escape that reaches a walkthrough instead
      // takes it back to the Welcome page, and the test's next click finds its step disabled.
      if (await input.isVisible()) await page.keyboard.press('Escape');
      if (attempt >= attempts) throw error;
    }
  }
}

/** A point in the status bar between its left and right items, where a click starts nothing. */
async function statusBarMiddle(page: Page): Promise<{ x: number; y: number }> {
  return page.evaluate(() => {
    const bar = document.querySelector('.part.statusbar')?.getBoundingClientRect();
    if (!bar) return { x: 0, y: 0 };
    // The left items' box stretches to the right ones, so measure the items themselves.
    const edges = (side: string) => Array.from(document.querySelectorAll(`.part.statusbar .${side}-items > .statusbar-item`)).map((item) => item.getBoundingClientRect()).filter((box) => box.width > 0);
    const from = Math.max(bar.left, ...edges('left').map((box) => box.right));
    const to = Math.min(bar.right, ...edges('right').map((box) => box.left));
    return { x: Math.round((from + to) / 2 - bar.left), y: Math.round(bar.height / 2) };
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Webviews are nested iframes; returns the frame whose document holds `selector`. */
export async function findFrameWith(page: Page, selector: string, timeoutMs = 30_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (await frame.$(selector)) return frame;
      } catch {
        // frame navigated or detached while we looked
      }
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`No frame contains ${selector} after ${timeoutMs} ms`);
}

/** Opens the Takoss panel from the palette and returns its frame once it is connected to the host. */
export async function openTakossApp(page: Page): Promise<Frame> {
  await runFromPalette(page, 'Takoss: Generate Project');
  const app = await findFrameWith(page, '[data-testid=takoss-app]');
  await app.waitForSelector('[data-testid=connection-status][data-status=connected]', { timeout: 30_000 });
  return app;
}

/** In the describe step: types the requirements and asks for the review, resolving once the review step shows. */
export async function reviewRequirements(app: Frame, requirements: string): Promise<void> {
  await app.locator('[data-testid=requirements] textarea').fill(requirements);
  await app.click('[data-testid=review-button]');
  await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
}

/**
 * Picks a colour theme by its label in "Preferences: Color Theme" (the picker lists the installed
 * themes first; typing the label and clicking its row picks it) and waits until the workbench shows
 * it (its class: vs, vs-dark, hc-black, hc-light).
 */
export async function pickColorTheme(page: Page, label: string, workbenchClass: string): Promise<void> {
  const shown = () => page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false, workbenchClass);
  if (!(await shown())) {
    await runFromPalette(page, 'Preferences: Color Theme');
    await page.locator('.quick-input-widget input').fill(label);
    // Rows read "<label> <id>" ("Dark High Contrast Default High Contrast"); not "…High Contrast Light".
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: new RegExp(`${escapeRegExp(label)}(?!\\s*Light)`) }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    await row.click();
  }
  await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), workbenchClass, { timeout: 20_000 });
}

export type ThemeKind = 'light' | 'dark';

const THEMES: Record<ThemeKind, { workbenchClass: string; webviewClass: string }> = {
  light: { workbenchClass: 'vs', webviewClass: 'vscode-light' },
  dark: { workbenchClass: 'vs-dark', webviewClass: 'vscode-dark' },
};

/**
 * Switches between the light and dark default themes with VS Code's own toggle command (the
 * theme picker also searches the marketplace, which fails offline) and waits until both the
 * workbench and the webview show the theme.
 */
export async function setTheme(page: Page, app: Frame, theme: ThemeKind): Promise<void> {
  const { workbenchClass, webviewClass } = THEMES[theme];
  const applied = () => page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false, workbenchClass);
  if (!(await applied())) {
    await runFromPalette(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.waitForFunction((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls), workbenchClass, { timeout: 15_000 });
  }
  await app.waitForFunction((cls) => document.body.classList.contains(cls), webviewClass, { timeout: 15_000 });
  // Web components re-read the theme variables on the next frame.
  await page.waitForTimeout(300);
}

/** One screenshot per theme of the current state (named `<step>-<theme>.png`), back to dark at the end. */
export async function screenshotThemes(
  page: Page,
  app: Frame,
  step: string,
  themes: ThemeKind[] = ['light', 'dark'],
): Promise<string[]> {
  const files: string[] = [];
  for (const theme of themes) {
    await setTheme(page, app, theme);
    files.push(await screenshot(page, `${step}-${theme}`));
  }
  if (themes[themes.length - 1] !== 'dark') await setTheme(page, app, 'dark');
  return files;
}
