// "Change This Project…" in the panel: the host's startChange opens the review step in change mode
// (banner, change box, model diff, "Update project"); a typed change is sent with the model under
// review and its answer becomes an edit the diff shows, with what was not understood; the update's
// preview lists each file's action, opens diffs, applies, and lists the conflicts to resolve.
import * as assert from 'node:assert/strict';
import { addField } from '../../src/model/project/edit';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { WebviewToHost } from '../../src/model/protocol';
import { App } from '../../webview-ui/src/App';
import { loadFixtureSpec } from '../shared/claudeModels';
import { act, fakeBridge, type FakeVsCodeApi, fireEvent, hostInfo, hostSends, invalidPosts, pressKey, renderUi, runEvents, screen, typeInto, usage } from './helpers';

const project = { name: 'fitness-studio', title: 'Fitness studio', folder: 'apps/fitness-studio' };

function lastPosted<T extends WebviewToHost['type']>(api: FakeVsCodeApi, type: T): Extract<WebviewToHost, { type: T }> {
  const found = [...api.posted].reverse().find((m) => (m as WebviewToHost).type === type);
  assert.ok(found, `the webview posted ${type}`);
  return found as Extract<WebviewToHost, { type: T }>;
}

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
}

/** The app in change mode on the studio spec: the host said startChange and answered the review request. */
async function startChange(): Promise<{ api: FakeVsCodeApi; spec: ProjectSpec }> {
  const spec = loadFixtureSpec('studio');
  const { bridge, api } = fakeBridge();
  await renderUi(<App bridge={bridge} />);
  await hostSends({ type: 'init', host: hostInfo() });
  await hostSends({ type: 'startChange', project, spec, provider: 'offline' });
  const review = lastPosted(api, 'reviewSpec');
  assert.deepEqual(review.spec, spec, 'the review opens on the project’s remembered spec');
  await hostSends({ type: 'specReview', replyTo: review.requestId, spec, problems: [], folder: 'fitness-studio', folderExists: true, conflicts: [] });
  return { api, spec };
}

describe('Change This Project… (panel)', () => {
  it('opens the review in change mode: the project and its folder named, Update project, no folder or merge choice', async () => {
    const { api } = await startChange();
    assert.match(screen.getByTestId('change-banner').textContent ?? '', /Changing Fitness studio in apps\/fitness-studio/);
    assert.equal(screen.getByTestId('generate-button').textContent?.trim(), 'Update project');
    assert.equal(screen.queryByTestId('target-folder'), null, 'the target is the project: no folder field');
    assert.equal(screen.queryByTestId('merge-offer'), null, 'the folder exists: it is the project, no merge offer');
    assert.equal(screen.getByTestId('change-diff-none').textContent, 'None yet.');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('never shows an earlier review while the project’s model loads (an edit there would be lost)', async () => {
    const spec = loadFixtureSpec('studio');
    const earlier = { spec: loadFixtureSpec('events'), provider: 'offline', problems: [], folder: 'events', folderExists: false };
    const { bridge, api } = fakeBridge({ review: earlier, step: 'review' });
    await renderUi(<App bridge={bridge} />);
    await hostSends({ type: 'init', host: hostInfo() });
    assert.ok(screen.getByTestId('review-step'), 'the earlier review is on screen');
    await hostSends({ type: 'startChange', project, spec, provider: 'offline' });
    assert.equal(screen.queryByTestId('review-step'), null, 'the earlier review is gone at once');
    const review = lastPosted(api, 'reviewSpec');
    await hostSends({ type: 'specReview', replyTo: review.requestId, spec, problems: [], folder: 'fitness-studio', folderExists: true, conflicts: [] });
    assert.equal(screen.getByTestId('review-title').textContent, spec.title);
    assert.ok(screen.getByTestId('change-banner'));
  });

  it('sends a typed change with the model under review; the answer is an edit the model diff shows, with what was not understood', async () => {
    const { api, spec } = await startChange();
    await typeInto(screen.getByTestId('change-text'), 'add a phone number to members. make it purple');
    await click('change-apply');
    const request = lastPosted(api, 'describeChange');
    assert.equal(request.text, 'add a phone number to members. make it purple');
    assert.deepEqual(request.spec, spec);
    const changed = addField(spec, 'Member', 'phoneNumber');
    await hostSends({
      type: 'changeRead',
      replyTo: request.requestId,
      spec: changed,
      applied: ['Member gains phoneNumber (string, optional)'],
      notUnderstood: ['"make it purple": no entity or field is named'],
      by: 'offline',
      note: 'Claude has no API key: the change was read offline.',
    });
    assert.match(screen.getByTestId('change-note').textContent ?? '', /read offline/);
    assert.match(screen.getByTestId('change-applied').textContent ?? '', /Member gains phoneNumber/);
    assert.match(screen.getByTestId('change-not-understood').textContent ?? '', /make it purple/);
    assert.match(screen.getByTestId('change-diff-item-fieldsAdded').textContent ?? '', /Member\.phoneNumber/);
    // The review re-checks an edit once the user pauses (250 ms).
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    assert.deepEqual(lastPosted(api, 'reviewSpec').spec, changed, 'the changed model is checked again like any edit');
    const recheck = lastPosted(api, 'reviewSpec');
    await hostSends({ type: 'specReview', replyTo: recheck.requestId, spec: changed, problems: [], folder: 'fitness-studio', folderExists: true, conflicts: [] });
    await click('generate-button');
    assert.deepEqual(lastPosted(api, 'updateProject').spec, changed, 'the update is of the changed model');
  });

  it('Update project runs the update, previews each file’s action with diffs, applies, and lists the conflicts to resolve', async () => {
    const { api, spec } = await startChange();
    await click('generate-button');
    const update = lastPosted(api, 'updateProject');
    assert.deepEqual(update.spec, spec);
    await hostSends({ type: 'runAccepted', replyTo: update.requestId, runId: 'run-1', folder: project.folder, entities: ['Member'], warnings: [] });
    await hostSends({
      type: 'updatePreview',
      runId: 'run-1',
      folder: project.folder,
      lines: [],
      migration: { path: 'backend/migrations/0002_add_phone.sql', summary: ['members gains the column phone.'] },
      files: [
        { path: 'backend/src/db/schema.ts', action: 'conflict', conflicts: 1, diff: true },
        { path: 'backend/migrations/0002_add_phone.sql', action: 'added', diff: true },
        { path: 'README.md', action: 'merged', diff: true },
        { path: 'frontend/src/styles.css', action: 'kept', diff: false },
        { path: 'backend/src/app.ts', action: 'unchanged', diff: false },
      ],
    });
    assert.match(screen.getByTestId('run-headline').textContent ?? '', /update of apps\/fitness-studio in memory/);
    assert.match(screen.getByTestId('preview-conflict').textContent ?? '', /schema\.ts.*1 conflict/);
    assert.match(screen.getByTestId('preview-added').textContent ?? '', /0002_add_phone\.sql/);
    assert.match(screen.getByTestId('preview-migration').textContent ?? '', /0002_add_phone\.sql: members gains the column phone\. The migrations/);
    assert.match(screen.getByTestId('preview-merged').textContent ?? '', /README\.md/);
    assert.match(screen.getByTestId('preview-kept').textContent ?? '', /styles\.css/);
    assert.match(screen.getByTestId('update-preview').textContent ?? '', /1 file unchanged/);
    await act(async () => {
      fireEvent.click(screen.getByText('README.md'));
    });
    assert.equal(lastPosted(api, 'openUpdateDiff').path, 'README.md');
    await click('update-apply');
    const apply = lastPosted(api, 'applyUpdate');
    await hostSends({ type: 'updateApplied', replyTo: apply.requestId, written: ['backend/src/db/schema.ts', 'README.md'], removed: [], conflicts: ['backend/src/db/schema.ts'], refused: [] });
    assert.match(screen.getByTestId('update-conflicts').textContent ?? '', /schema\.ts/);
    await click('conflict-file-backend/src/db/schema.ts');
    assert.equal(lastPosted(api, 'openChangedFile').path, 'backend/src/db/schema.ts');
    assert.equal(screen.queryByTestId('update-apply'), null, 'applied once');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('a new project after an update leaves change mode: nothing of the changed project carries over', async () => {
    const { api } = await startChange();
    await click('generate-button');
    const update = lastPosted(api, 'updateProject');
    await hostSends({ type: 'runAccepted', replyTo: update.requestId, runId: 'run-3', folder: project.folder, entities: [], warnings: [] });
    const summary = { status: 'succeeded' as const, stages: { total: 0, succeeded: 0, failed: 0, skipped: 0, cancelled: 0, degraded: 0 }, files: 0, durationMs: 5, usage: usage(0, 0) };
    for (const event of runEvents('run-3', [{ type: 'runStarted', concurrency: 1, stages: [] }, { type: 'runFinished', summary }])) await hostSends({ type: 'runEvent', event });
    await click('new-button');
    await typeInto(screen.getByTestId('requirements'), 'Blog with posts.');
    await click('review-button');
    const extract = lastPosted(api, 'extract');
    const blog = loadFixtureSpec('tasks');
    await hostSends({ type: 'specReview', replyTo: extract.requestId, spec: blog, problems: [], folder: 'tasks', folderExists: false, conflicts: [] });
    assert.equal(screen.queryByTestId('change-banner'), null);
    assert.equal(screen.getByTestId('generate-button').textContent?.trim(), 'Generate project');
    assert.ok(screen.getByTestId('target-folder'));
  });

  it('a field renamed in the review goes to the update as a rename (the migration renames the column, keeping its values)', async () => {
    const { api, spec } = await startChange();
    const field = spec.entities.find((e) => e.name === 'Member')!.fields[0].name;
    const input = screen.getByTestId(`field-name-Member-${field}`);
    await typeInto(input, 'fullName');
    await pressKey(input, 'Enter');
    assert.ok(screen.getByTestId('field-Member-fullName'));
    await act(() => new Promise((resolve) => setTimeout(resolve, 400)));
    const recheck = lastPosted(api, 'reviewSpec');
    await hostSends({ type: 'specReview', replyTo: recheck.requestId, spec: recheck.spec, problems: [], folder: 'fitness-studio', folderExists: true, conflicts: [] });
    await click('generate-button');
    assert.deepEqual(lastPosted(api, 'updateProject').renames, [{ fields: [{ entity: 'Member', from: field, to: 'fullName' }] }]);
  });

  it('Cancel drops the preview and tells the host, which writes nothing', async () => {
    const { api } = await startChange();
    await click('generate-button');
    const update = lastPosted(api, 'updateProject');
    await hostSends({ type: 'runAccepted', replyTo: update.requestId, runId: 'run-2', folder: project.folder, entities: [], warnings: [] });
    await hostSends({ type: 'updatePreview', runId: 'run-2', folder: project.folder, lines: [], files: [{ path: 'README.md', action: 'updated', diff: true }] });
    await click('update-cancel');
    assert.ok(api.posted.some((m) => (m as WebviewToHost).type === 'cancelUpdate'));
    assert.equal(api.posted.some((m) => (m as WebviewToHost).type === 'applyUpdate'), false);
    assert.equal(screen.queryByTestId('update-preview'), null);
  });
});
