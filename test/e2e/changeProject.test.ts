/// <reference lib="dom" />
// "Change This Project…" in the real window: a project is generated, the user edits a file, runs the
// command, types a change, sees the model's diff, presses Update project, gets the preview
// (screenshot), opens a file's diff editor (screenshot), applies, and the edit survives beside the
// new field; the schema change is a new migration.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame } from 'playwright-core';
import { findFrameWith, openTakossApp, reviewRequirements, runFromPalette, screenshot } from './workbenchPage';
import { takossWindow } from './takossWindow';

const REQUIREMENTS = 'A club keeps members with a name and an email, and events with a title and a date. Members sign up for events.';
const EDITED = 'backend/src/routes/members.ts';
const USER_LINE = '// The club secretary reviews this file every season.';

describe('Takoss: Change This Project… (code-server + Chromium)', function () {
  this.timeout(180_000);
  let app: Frame;
  let project: string;

  const session = takossWindow();

  it('the palette offers Change This Project… only once the workspace holds a project that remembers its model', async () => {
    app = await openTakossApp(session.workbench.page);
    const { page } = session.workbench;
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Takoss: Generate Project');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Generate Project' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill('>Takoss: Change This Project');
    await page.waitForTimeout(1000);
    assert.equal(await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Change This Project' }).count(), 0, 'not offered in an empty workspace');
    await page.keyboard.press('Escape');
  });

  it('generates a project, and the user edits one of its files', async () => {
    await reviewRequirements(app, REQUIREMENTS);
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForFunction(() => document.querySelector('[data-testid=run-panel]')?.getAttribute('data-status') === 'succeeded', undefined, { timeout: 90_000 });
    const folder = readdirSync(session.server.workspace).find((name) => existsSync(path.join(session.server.workspace, name, '.takoss', 'spec.json')));
    assert.ok(folder, 'the generated project remembers its model');
    project = path.join(session.server.workspace, folder);
    const file = path.join(project, EDITED);
    writeFileSync(file, `${USER_LINE}\n${readFileSync(file, 'utf8')}`);
  });

  it('Change This Project… opens the review on the project; a typed change shows as a diff of the model', async () => {
    const { page } = session.workbench;
    await runFromPalette(page, 'Takoss: Change This Project…');
    app = await findFrameWith(page, '[data-testid=change-banner]');
    assert.match((await app.textContent('[data-testid=change-banner]')) ?? '', new RegExp(`Changing .* in ${path.basename(project)}`));
    assert.equal((await app.textContent('[data-testid=generate-button]'))?.trim(), 'Update project');
    await app.locator('[data-testid=change-text] textarea').fill('add a phone number to members');
    await app.click('[data-testid=change-apply]');
    const added = await app.waitForSelector('[data-testid=change-diff-item-fieldsAdded]', { timeout: 30_000 });
    assert.match((await added.textContent()) ?? '', /Member\.phone/i);
    await screenshot(page, 'change-0-review');
  });

  it('Update project previews each file before writing anything (screenshot), with a diff editor per file (screenshot)', async () => {
    const { page } = session.workbench;
    await app.waitForFunction(() => !document.querySelector('[data-testid=generate-button]')?.hasAttribute('disabled'), undefined, { timeout: 15_000 });
    await app.click('[data-testid=generate-button]');
    await app.waitForSelector('[data-testid=update-preview]', { timeout: 90_000 });
    assert.equal(await app.getAttribute(`[data-testid="preview-file-${EDITED}"]`, 'data-action'), 'merged', 'the edited route merges');
    assert.ok(await app.locator('[data-testid=preview-added] li', { hasText: /migrations\/0002_.*\.sql/ }).count(), 'a new migration is added');
    assert.match((await app.textContent('[data-testid=preview-migration]')) ?? '', /0002_.*phone/i, 'the preview says what the migration does');
    assert.ok(readFileSync(path.join(project, EDITED), 'utf8').startsWith(USER_LINE) && !/phone/i.test(readFileSync(path.join(project, 'backend/src/db/schema.ts'), 'utf8')), 'nothing is written before Apply');
    await app.locator('[data-testid=update-preview]').scrollIntoViewIfNeeded();
    await screenshot(page, 'change-1-preview');
    await app.click(`[data-testid="preview-file-${EDITED}"] button`);
    const diff = page.locator('.monaco-diff-editor').first();
    await diff.waitFor({ state: 'visible', timeout: 30_000 });
    await page.locator('.tabs-container .tab', { hasText: 'members.ts' }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await page.waitForTimeout(500);
    await screenshot(page, 'change-2-diff');
  });

  it('Apply writes the update: the user edit survives and the new field is in the code', async () => {
    app = await findFrameWith(session.workbench.page, '[data-testid=update-apply]');
    await app.click('[data-testid=update-apply]');
    await app.waitForSelector('[data-testid=update-applied]', { timeout: 30_000 });
    const route = readFileSync(path.join(project, EDITED), 'utf8');
    assert.ok(route.startsWith(USER_LINE), 'the user’s edit survived');
    assert.match(route, /phone/i, 'the new field is in the route');
    assert.match(readFileSync(path.join(project, 'backend/src/db/schema.ts'), 'utf8'), /phone/i);
    const migrations = readdirSync(path.join(project, 'backend', 'migrations'));
    assert.ok(migrations.some((name) => /^0002_.*\.sql$/.test(name)), `a second migration (${migrations.join(', ')})`);
    await screenshot(session.workbench.page, 'change-3-applied');
  });
});
