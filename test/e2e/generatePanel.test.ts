/// <reference lib="dom" />
// Browser callbacks below run inside the webview page, where the DOM exists.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { unzipProject } from '../../src/core/output/zip';
import { findFrameWith, openTakossApp, reloadWindow, runFromPalette, screenshot, screenshotThemes } from './workbenchPage';
import { takossWindowWithFakeApi } from './takossWindow';

function listFiles(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(root, path.posix.join(prefix, entry.name)) : [path.posix.join(prefix, entry.name)],
  );
}

async function waitUntil(check: () => boolean, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Takoss in the VS Code window (code-server + Chromium)', function () {
  this.timeout(120_000);
  let app: Frame;
  // The fake Claude never answers: a run waits on it until the user cancels.
  const session = takossWindowWithFakeApi(() => ({ kind: 'hang' }));

  it('opens the React app from the command palette', async () => {
    const { page } = session.workbench;
    app = await openTakossApp(page);
    const version = await app.textContent('[data-testid=host-vscode-version]');
    assert.match(version ?? '', /^1\.\d+\.\d+/);
    const provider = await app.textContent('[data-testid=host-provider]');
    assert.match(provider ?? '', /Offline/);
    const tab = page.locator('.tabs-container .tab', { hasText: 'Takoss' });
    assert.equal(await tab.count(), 1, 'one Takoss editor tab');
    await screenshot(page, 'generate-panel');
  });

  it('answers a round trip from the webview to the host', async () => {
    await app.click('[data-testid=ping-button]');
    await app.waitForFunction(
      () => /Host answered in \d+ ms/.test(document.querySelector('[data-testid=ping-result]')?.textContent ?? ''),
      undefined,
      { timeout: 15_000 },
    );
  });

  it('the host rejects a malformed message sent through the real webview channel and stays up', async () => {
    // acquireVsCodeApi().postMessage calls this function of the webview's host frame (VS Code then
    // hides window.parent from the app); calling it sends a message exactly as the app would.
    const hostFrame = app.parentFrame();
    assert.ok(hostFrame, 'the app frame sits inside the webview host frame');
    await hostFrame.evaluate(() => {
      const post = (window as unknown as Record<string, (channel: string, data: unknown) => void>).__vscode_post_message__;
      post('onmessage', { message: { type: 'ping', requestId: 42 } });
    });
    const rejection = await app.waitForSelector('[data-testid=last-rejection]', { timeout: 15_000 });
    assert.match((await rejection.textContent()) ?? '', /ping/);
    const checksBefore = Number(await app.getAttribute('[data-testid=ping-result]', 'data-checks'));
    await app.click('[data-testid=ping-button]');
    await app.waitForFunction(
      (before) => Number(document.querySelector('[data-testid=ping-result]')?.getAttribute('data-checks')) > before,
      checksBefore,
      { timeout: 15_000 },
    );
    await screenshot(session.workbench.page, 'generate-panel-after-rejection');
  });

  it('reviews the extracted data model: sources shown, a field renamed in place', async () => {
    const { page } = session.workbench;
    // Typed as a user types it (the examples are covered by the component tests).
    await app.locator('[data-testid=requirements] textarea').fill('Blog with auth and posts.');
    await screenshotThemes(page, app, '1-describe');
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
    assert.match((await app.textContent('[data-testid=entity-Post]')) ?? '', /Blog with auth and posts/, 'the entity shows the sentence it came from');
    assert.match((await app.textContent('[data-testid=forecast]')) ?? '', /\d+ stages, \d+ files/);
    const name = app.locator('[data-testid="field-name-Post-title"] input');
    await name.fill('headline');
    await name.press('Enter');
    await app.waitForSelector('[data-testid="field-Post-headline"]', { timeout: 10_000 });
    assert.equal(await app.locator('[data-testid="field-Post-title"]').count(), 0);
    // An invalid name is explained and not applied.
    const body = app.locator('[data-testid="field-name-Post-body"] input');
    await body.fill('Body Text');
    await body.press('Enter');
    assert.match((await app.textContent('[data-testid=edit-error]')) ?? '', /camelCase/);
    await body.press('Escape');
    assert.equal(await app.locator('[data-testid=edit-error]').count(), 0, 'Escape restores the name and clears the error');
    assert.equal(await body.inputValue(), 'body');
    await screenshotThemes(page, app, '2-review');
  });

  it('generates the reviewed model offline, live, every node turning done', async () => {
    const { page } = session.workbench;
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForSelector('[data-testid=run-panel]', { timeout: 15_000 });
    await app.waitForFunction(
      () => ['succeeded', 'partial'].includes(document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    // Verification was not asked for: it is left out, and the run succeeded (not "partial").
    assert.equal(await app.getAttribute('[data-testid=run-panel]', 'data-status'), 'succeeded');
    const headline = (await app.textContent('[data-testid=run-headline]')) ?? '';
    assert.equal(headline, 'Generated blog');
    const routes = await app.getAttribute('[data-stage="api-routes:Post"]', 'data-status');
    assert.equal(routes, 'succeeded');
    assert.equal(await app.getAttribute('[data-stage="verification"]', 'data-status'), 'skipped');
    const project = path.join(session.server.workspace, 'blog');
    for (const file of ['package.json', 'backend/src/routes/posts.ts', 'frontend/src/pages/posts.tsx', '.takoss/manifest.json']) {
      assert.ok(existsSync(path.join(project, file)), `${file} was written into the workspace`);
    }
    assert.match(readFileSync(path.join(project, 'backend/src/db/schema.ts'), 'utf8'), /headline/, 'the renamed field was generated');
    // The execution tree: a node per stage, coloured by status; a click shows the stage's details.
    const listed = await app.locator('[data-testid=stage-list] li').count();
    assert.equal(await app.locator('[data-testid=execution-tree] [data-testid=tree-node]').count(), listed);
    const statuses = await app.$$eval('[data-testid=tree-node]', (nodes) => nodes.map((n) => n.getAttribute('data-status')));
    assert.ok(statuses.every((status) => status === 'succeeded' || status === 'skipped'), `every node is done: ${statuses.join(',')}`);
    await app.click('[data-testid=tree-node][data-stage="api-routes:Post"]');
    const details = await app.waitForSelector('[data-testid=stage-details]', { timeout: 10_000 });
    assert.match((await details.textContent()) ?? '', /backend\/src\/routes\/posts\.ts/);
    await screenshotThemes(page, app, '3-generated');
  });

  it('shows a generated file in the result view with its explanation, and opens it in the editor', async () => {
    const { page } = session.workbench;
    const file = 'backend/src/routes/posts.ts';
    await app.locator(`[data-testid="tree-file-${file}"]`).scrollIntoViewIfNeeded();
    await app.click(`[data-testid="tree-file-${file}"]`);
    await app.waitForSelector(`[data-testid=code-viewer][data-path="${file}"]`, { timeout: 15_000 });
    assert.ok((await app.locator('[data-testid=code-viewer] .hljs-keyword').count()) > 5, 'the code is highlighted');
    assert.match((await app.textContent('[data-testid=file-explanation]')) ?? '', /API for posts/);
    assert.match((await app.textContent('[data-testid=file-requirements]')) ?? '', /Blog with auth and posts/);
    assert.match((await app.textContent('[data-testid=verification-result]')) ?? '', /Not verified/);
    await app.locator('[data-testid=result-view]').scrollIntoViewIfNeeded();
    await screenshotThemes(page, app, '4-result');
    await app.click('[data-testid=open-in-editor]');
    await page.locator('.tabs-container .tab', { hasText: 'posts.ts' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await app.click('[data-testid=open-readme]');
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).first().waitFor({ state: 'visible', timeout: 15_000 });
  });

  it('explains a generated file in the editor: a hover on its first line, and "Explain This File" in the panel', async () => {
    const { page } = session.workbench;
    await page.locator('.tabs-container .tab', { hasText: 'README.md' }).first().click();
    const firstLine = page.locator('.editor-instance .monaco-editor .view-line').first();
    await firstLine.waitFor({ state: 'visible', timeout: 15_000 });
    const hover = page.locator('.monaco-hover-content', { hasText: 'Takoss' });
    // The first hover reads the manifest; on a loaded machine it can take a few tries.
    for (let attempt = 0; attempt < 8 && !(await hover.isVisible()); attempt++) {
      await page.mouse.move(0, 0);
      await firstLine.hover({ position: { x: 20, y: 5 } });
      await hover.waitFor({ state: 'visible', timeout: 4000 }).catch(() => undefined);
    }
    assert.ok(await hover.isVisible(), 'the Takoss hover appears on the first line');
    assert.match((await hover.textContent()) ?? '', /Serves these requirements/);
    assert.match((await hover.textContent()) ?? '', /Show the stage in the execution tree/);
    await screenshot(page, '4b-hover');
    await page.mouse.move(0, 0);
    await firstLine.click(); // the README editor has focus: the command explains the active file
    await runFromPalette(page, 'Takoss: Explain This File', 3, { keepFocus: true });
    app = await findFrameWith(page, '[data-testid=explanation-card]');
    assert.match((await app.textContent('[data-testid=explanation-card]')) ?? '', /README\.md/);
    assert.match((await app.textContent('[data-testid=explanation-requirements]')) ?? '', /Blog with auth and posts/);
    assert.ok(await app.locator('[data-testid=explanation-card]').isVisible(), 'scrolled into view');
    const top = await app.evaluate(() => document.querySelector('[data-testid=explanation-card]')?.getBoundingClientRect().top ?? -1);
    assert.ok(top >= 0 && top < 200, `the card is at the top of the visible panel (top ${top})`);
    await screenshot(page, '4c-explain-file');
    await app.click('[data-testid=close-explanation]');
    assert.equal(await app.locator('[data-testid=explanation-card]').count(), 0);
  });

  it('exports the project as a zip where the user picks, and the zip holds exactly the files', async () => {
    const { page } = session.workbench;
    await app.click('[data-testid=export-zip]');
    // In the browser VS Code asks with its own file dialog (a quick input holding the path).
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    // The dialog fills its input in steps (folder first, then the proposed name): wait for the name.
    const deadline = Date.now() + 15_000;
    while (!/blog\.zip$/.test(await input.inputValue()) && Date.now() < deadline) await page.waitForTimeout(100);
    const proposed = await input.inputValue();
    assert.ok(proposed.endsWith(`/${path.basename(session.server.workspace)}/blog.zip`), `the dialog proposes blog.zip next to the project: ${proposed}`);
    await screenshot(page, '5-export-dialog');
    await input.press('Enter');
    const note = await app.waitForSelector('[data-testid=export-note]', { timeout: 30_000 });
    assert.match((await note.textContent()) ?? '', /Saved \d+ files/);
    const archive = unzipProject(readFileSync(path.join(session.server.workspace, 'blog.zip')));
    const project = path.join(session.server.workspace, 'blog');
    const onDisk = listFiles(project);
    assert.deepEqual([...archive.keys()].sort(), onDisk.map((f) => `blog/${f}`).sort());
    for (const file of onDisk) assert.ok(Buffer.from(archive.get(`blog/${file}`) ?? []).equals(readFileSync(path.join(project, file))), `${file} round-trips`);
  });

  it('redraws the run and keeps the draft when the panel is hidden and shown again', async () => {
    const { page } = session.workbench;
    await runFromPalette(page, 'File: New Untitled Text File');
    await page.locator('.tabs-container .tab', { hasText: 'Untitled' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.locator('.tabs-container .tab', { hasText: 'Takoss' }).first().click();
    app = await findFrameWith(page, '[data-testid=run-panel]');
    assert.equal(await app.getAttribute('[data-testid=run-panel]', 'data-status'), 'succeeded', 'verification not requested no longer makes the run partial (cf5bac9)');
    assert.match((await app.textContent('[data-testid=run-headline]')) ?? '', /Generated blog/);
    assert.ok((await app.locator('[data-testid=tree-node]').count()) > 20, 'the execution tree is redrawn from the events');
    await app.click('[data-testid=new-button]');
    const draft = await app.evaluate(() => (document.querySelector('[data-testid=requirements]') as unknown as { value: string }).value);
    assert.equal(draft, 'Blog with auth and posts.');
  });

  it('will not generate into an existing project folder, and says why before starting', async () => {
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
    assert.match((await app.textContent('#folder-note')) ?? '', /already exists and is not empty/);
    assert.equal(await app.getAttribute('[data-testid=generate-button]', 'disabled'), '', 'Generate is disabled');
    await app.click('[data-testid=back-button]');
    await app.waitForSelector('[data-testid=requirements]', { timeout: 10_000 });
  });

  it('offers Claude only with a key, takes one from the form, and really cancels a Claude run', async () => {
    const { page } = session.workbench;
    assert.equal(await app.getAttribute('[data-testid=provider-anthropic]', 'disabled'), '', 'Claude is disabled without a key');
    await app.click('[data-testid=set-api-key]');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('sk-ant-e2e-test-key-0123456789');
    await input.press('Enter');
    await app.waitForFunction(() => !document.querySelector('[data-testid=provider-anthropic]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=provider-anthropic]');
    const name = app.locator('[data-testid=project-name] input');
    await name.fill('cancel-me');
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
    assert.match((await app.textContent('[data-testid=forecast]')) ?? '', /Claude \(/);
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    // The fake Claude never answers: the run waits on it until the user cancels.
    await waitUntil(() => session.fake.requests.length > 0, 'a Claude request', 30_000);
    await app.waitForSelector('[data-testid=stage-list] li[data-status=running]', { timeout: 15_000 });
    await screenshot(page, '6-claude-running');
    await app.click('[data-testid=cancel-button]');
    await app.waitForFunction(() => document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') === 'cancelled', undefined, { timeout: 30_000 });
    assert.match((await app.textContent('[data-testid=run-headline]')) ?? '', /Cancelled/);
    assert.ok((await app.locator('[data-testid=stage-list] li[data-status=cancelled]').count()) > 0, 'stages show cancelled');
    assert.equal(session.fake.requests[0]?.headers.authorization, 'Bearer sk-ant-e2e-test-key-0123456789', 'the key from Secret Storage was used');
    await screenshotThemes(page, app, '6-cancelled');
  });

  it('after a window reload mid-run, the reopened panel shows where the run stopped', async () => {
    const { page } = session.workbench;
    await app.click('[data-testid=new-button]');
    await app.waitForFunction(() => !document.querySelector('[data-testid=provider-anthropic]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=provider-anthropic]');
    await app.locator('[data-testid=project-name] input').fill('reload-me');
    await app.click('[data-testid=review-button]');
    await app.waitForSelector('[data-testid=review-step]', { timeout: 30_000 });
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    const before = session.fake.requests.length;
    await app.click('[data-testid=generate-button]');
    await waitUntil(() => session.fake.requests.length > before, 'the run to reach Claude', 30_000);
    await reloadWindow(page);
    await runFromPalette(page, 'Takoss: Generate Project');
    app = await findFrameWith(page, '[data-testid=run-panel]');
    assert.equal(await app.getAttribute('[data-testid=run-panel]', 'data-interrupted'), 'true');
    assert.match((await app.textContent('[data-testid=run-headline]')) ?? '', /Interrupted/);
    assert.equal(await app.getAttribute('[data-stage="requirements-analysis"]', 'data-status'), 'succeeded', 'finished stages stay done');
    assert.equal(await app.getAttribute('[data-stage="domain-model"]', 'data-status'), 'cancelled', 'the stage that was running is shown as stopped');
    assert.match((await app.textContent('[data-testid=interrupted-note]')) ?? '', /reload-me/);
    await screenshot(page, '7-interrupted-after-reload');
  });

  it('lists past generations in the sidebar with their metrics; one opens in the panel, replayed, and takes a rating', async () => {
    const { page } = session.workbench;
    await page.locator('.activitybar .action-item a[aria-label^="Takoss"]').first().click();
    // Newest first: the run cut short by the reload, then the Claude run that was cancelled, then the blog.
    const blogRow = page.locator('.monaco-list-row[aria-label^="blog, succeeded"]');
    await blogRow.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.monaco-list-row[aria-label^="reload-me, interrupted"]').waitFor({ state: 'visible', timeout: 15_000 });
    const labels = await page.locator('.pane-body .monaco-list-row[aria-label*=", offline,"], .pane-body .monaco-list-row[aria-label*=", claude"]').evaluateAll((rows) =>
      rows.map((row) => row.getAttribute('aria-label') ?? ''),
    );
    assert.ok(labels.findIndex((l) => l.startsWith('reload-me')) < labels.findIndex((l) => l.startsWith('blog,')), `newest first: ${labels.join(' | ')}`);
    const metrics = await findFrameWith(page, '[data-testid=metrics-totals]', 30_000);
    assert.match((await metrics.textContent('[data-testid=metrics-totals]')) ?? '', /Runs\s*[3-9]/);
    assert.ok(await metrics.$('[data-testid=metrics-stages] tr[data-stage="api-routes"]'), 'per-stage numbers');
    await screenshotThemes(page, metrics, 'sidebar-history');
    // A click opens the generation in the panel: its run replayed from the history.
    await blogRow.click();
    app = await findFrameWith(page, '[data-testid=history-note]', 30_000);
    assert.match((await app.textContent('[data-testid=run-headline]')) ?? '', /Generated blog/);
    assert.equal(await app.getAttribute('[data-stage="api-routes:Post"]', 'data-status'), 'succeeded');
    await app.click('[data-testid=rate-up]');
    await app.waitForSelector('[data-testid=rating-status]', { timeout: 15_000 });
    assert.match((await app.textContent('[data-testid=rating-status]')) ?? '', /saved/);
    await page.locator('.monaco-list-row[aria-label^="blog, succeeded"]', { hasText: 'rated good' }).waitFor({ state: 'visible', timeout: 15_000 });
    await screenshot(page, 'history-replayed-rated');
  });
});
