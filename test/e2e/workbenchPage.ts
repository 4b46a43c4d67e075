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
 * Runs a command by its palette label, the way a user does: F1, type, Enter. On a loaded machine the
 * palette can open before its command list is filled, so it retries a few times before failing.
 */
export async function runFromPalette(page: Page, label: string, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    await page.locator('.monaco-workbench').click({ position: { x: 700, y: 400 } }).catch(() => undefined);
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(`>${label}`);
    const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    try {
      await row.waitFor({ state: 'visible', timeout: 15_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      await page.keyboard.press('Escape');
      if (attempt >= attempts) throw error;
    }
  }
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
