// Nothing of one project carries into the next (issue #15, #17 item 1): the project name follows
// the text until the user types one, "Regenerate…" reopens the review on the generation's reviewed
// spec without planting its name in the form, and another example or Clear starts from nothing.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { renameEntity } from '../../src/model/project/edit';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { WebviewToHost } from '../../src/model/protocol';
import { App } from '../../webview-ui/src/App';
import { type FakeVsCodeApi, fakeBridge, fireEvent, hostInfo, hostSends, invalidPosts, type LitElementLike, litSettled, renderUi, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const clinicSpec = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'clinic.json'), 'utf8')));

type ExtractRequest = Extract<WebviewToHost, { type: 'extract' }>;
type ReviewSpec = Extract<WebviewToHost, { type: 'reviewSpec' }>;

const posted = <T extends WebviewToHost['type']>(api: FakeVsCodeApi, type: T) => api.posted.filter((m): m is Extract<WebviewToHost, { type: T }> => (m as WebviewToHost).type === type);

/** The whole panel, connected to a fake host. */
async function renderPanel() {
  const { bridge, api } = fakeBridge();
  await renderUi(<App bridge={bridge} />);
  await hostSends({ type: 'init', host: hostInfo() });
  const field = (id: string) => screen.getByTestId(id) as LitElementLike;
  return {
    api,
    requirements: () => field('requirements'),
    name: () => field('project-name'),
    click: async (testId: string) => {
      fireEvent.click(screen.getByTestId(testId));
      await litSettled();
    },
    /** What the last press of "Review the data model" asked the host for. */
    lastExtract: (): ExtractRequest | undefined => posted(api, 'extract').at(-1),
    /** The host's answer to the last request, as a specReview of `spec`. */
    answer: async (request: ExtractRequest | ReviewSpec, spec: ProjectSpec, folderExists = false) => {
      await hostSends({ type: 'specReview', replyTo: request.requestId, spec, problems: [], folder: spec.name, folderExists });
    },
  };
}

/** The saved draft, as the webview state keeps it across reloads. */
const savedDraft = (api: FakeVsCodeApi) => (api.getState() as { draft?: unknown } | undefined)?.draft;

describe('A new project starts from nothing of the last one', () => {
  it('the project name follows the text until the user types one, and a typed name stays while the text changes', async () => {
    const panel = await renderPanel();
    /** Reviews the form as it is (the host answers), then goes back to it; the name the form asked for. */
    const reviewAndBack = async () => {
      await panel.click('review-button');
      const extract = panel.lastExtract();
      assert.ok(extract);
      await panel.answer(extract, clinicSpec());
      await panel.click('back-button');
      return extract.projectName;
    };
    await typeInto(panel.requirements(), 'A recipe book. A recipe has a title.');
    assert.equal(await reviewAndBack(), undefined, 'no name of its own: the host derives it from the text');
    await typeInto(panel.requirements(), 'A garden planner. A bed has a size.');
    assert.equal(await reviewAndBack(), undefined, 'still following the (new) text');
    assert.equal(panel.name().value, '', 'the reviewed name is not written into the form');

    await typeInto(panel.name(), 'my-garden');
    await typeInto(panel.requirements(), 'A garden planner. A bed has a size and a soil type.');
    assert.equal(await reviewAndBack(), 'my-garden', 'typed by the user: kept through text edits');
    assert.equal(posted(panel.api, 'extract').length, 3);
    assert.deepEqual(invalidPosts(panel.api), []);
  });

  it('"Regenerate…" opens the review on the reviewed spec, and another example afterwards is a new project under its own name', async () => {
    const panel = await renderPanel();
    const reviewed = renameEntity(clinicSpec(), 'Doctor', 'Physician');
    await hostSends({ type: 'startFrom', requirements: reviewed.requirements.text, spec: reviewed, provider: 'offline' });
    const [recheck] = posted(panel.api, 'reviewSpec');
    assert.deepEqual(recheck?.spec, reviewed, 'the spec with the review edit, not the text extracted again');
    assert.deepEqual(posted(panel.api, 'extract'), []);
    await panel.answer(recheck, reviewed, true);
    assert.equal(screen.getByTestId('takoss-app').dataset.step, 'review');
    assert.ok(screen.getByTestId('entity-Physician'), 'the renamed entity is back');
    assert.equal(screen.queryByTestId('entity-Doctor'), null);

    await panel.click('back-button');
    assert.equal(panel.requirements().value, reviewed.requirements.text, 'the form behind it holds the requirements');
    assert.equal(panel.name().value, '', "the old project's name is not planted in the form");
    await panel.click('example-2');
    await panel.click('review-button');
    const extract = panel.lastExtract();
    assert.match(extract?.requirements ?? '', /^Event booking/);
    assert.equal(extract?.projectName, undefined, 'reviewed under a name of its own, not clinic-booking');
  });

  it('a regenerated review answered for the new example replaces every review edit of the old project', async () => {
    const panel = await renderPanel();
    const reviewed = renameEntity(clinicSpec(), 'Doctor', 'Physician');
    await hostSends({ type: 'startFrom', requirements: reviewed.requirements.text, spec: reviewed, provider: 'offline' });
    await panel.answer(posted(panel.api, 'reviewSpec')[0], reviewed);
    await panel.click('back-button');
    await panel.click('example-0');
    await panel.click('review-button');
    const blog = { ...clinicSpec(), name: 'blog', title: 'Blog', entities: [], relations: [], rules: [] };
    await panel.answer(panel.lastExtract() as ExtractRequest, ProjectSpec.parse(blog));
    assert.equal(screen.getByTestId('review-title').textContent, 'Blog');
    assert.equal(screen.queryByTestId('entity-Physician'), null, 'nothing of the clinic is left in the review');
  });

  it('"Regenerate…" while another project is being changed leaves change mode: the regenerated model is generated, not an update of that project', async () => {
    const panel = await renderPanel();
    const studio = { ...clinicSpec(), name: 'fitness-studio', title: 'Fitness studio' };
    await hostSends({ type: 'startChange', project: { name: 'fitness-studio', title: 'Fitness studio', folder: 'fitness-studio' }, spec: studio, provider: 'offline' });
    await panel.answer(posted(panel.api, 'reviewSpec')[0], studio, true);
    assert.ok(screen.getByTestId('change-banner'), 'changing the studio');

    const reviewed = renameEntity(clinicSpec(), 'Doctor', 'Physician');
    await hostSends({ type: 'startFrom', requirements: reviewed.requirements.text, spec: reviewed, provider: 'offline' });
    await panel.answer(posted(panel.api, 'reviewSpec')[1], reviewed);
    assert.ok(screen.getByTestId('entity-Physician'));
    assert.equal(screen.queryByTestId('change-banner'), null);
    assert.equal((panel.api.getState() as { change?: unknown }).change, undefined, 'change mode is not kept for a reload either');
    assert.equal(screen.getByTestId('generate-button').textContent?.trim(), 'Generate project');
  });

  it('an example replaces a name typed for the text before it, but keeps one typed into an empty form', async () => {
    const panel = await renderPanel();
    await typeInto(panel.name(), 'bookings');
    await panel.click('example-2');
    assert.equal(panel.name().value, 'bookings', 'typed for the project the example starts');
    await panel.click('example-1');
    assert.equal(panel.name().value, '', 'a name for the event booking is not the task manager\'s');
    assert.deepEqual(savedDraft(panel.api), { requirements: panel.requirements().value, name: '' });
  });

  it('Clear empties the form and its saved draft, and forgets the review behind it', async () => {
    const panel = await renderPanel();
    const reviewed = clinicSpec();
    await hostSends({ type: 'startFrom', requirements: reviewed.requirements.text, spec: reviewed, provider: 'offline' });
    await panel.answer(posted(panel.api, 'reviewSpec')[0], reviewed);
    await panel.click('back-button');
    await typeInto(panel.name(), 'clinic-two');
    await panel.click('clear-button');
    assert.equal(panel.requirements().value, '');
    assert.equal(panel.name().value, '');
    assert.deepEqual(savedDraft(panel.api), { requirements: '', name: '' });
    assert.equal((panel.api.getState() as { review?: unknown }).review, undefined, 'no review of the old project is kept');
    assert.equal((screen.getByTestId('clear-button') as LitElementLike).disabled, true, 'nothing left to clear');
    await panel.click('review-button');
    assert.equal(screen.getByTestId('form-error').textContent, 'Describe the application first.');
  });

  it('a regenerate whose spec could not be sent opens the form with the requirements and no name', async () => {
    const panel = await renderPanel();
    await typeInto(panel.name(), 'left-over');
    await hostSends({ type: 'startFrom', requirements: 'A recipe book. A recipe has a title.', provider: 'offline' });
    assert.equal(screen.getByTestId('takoss-app').dataset.step, 'describe');
    assert.equal(panel.requirements().value, 'A recipe book. A recipe has a title.');
    assert.equal(panel.name().value, '');
    assert.deepEqual(posted(panel.api, 'reviewSpec'), []);
  });
});
