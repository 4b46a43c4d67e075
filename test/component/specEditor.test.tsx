import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { Review } from '../../webview-ui/src/review/useReview';
import { cleanupAfterTest, fakeBridge, fireEvent, hostSends, invalidPosts, litSettled, nextReviewRequest, pressKey, renderUi, ReviewHarness, reviewRequests, screen, typeInto } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const eventsSpec = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')));

/** The review step over a persisted review (as after "Review the data model"), with a fake host. */
async function renderReview(overrides: Partial<Review> = {}, trusted = true) {
  const review: Review = { spec: eventsSpec(), provider: 'offline', problems: [], folder: 'event-booking', folderExists: false, ...overrides };
  const { bridge, api } = fakeBridge({ review });
  const generated: string[] = [];
  const verified: boolean[] = [];
  const merges: ({ replace: string[] } | undefined)[] = [];
  await renderUi(
    <ReviewHarness
      bridge={bridge}
      trusted={trusted}
      onGenerate={({ folder, verify, merge }) => (generated.push(folder ?? ''), verified.push(verify ?? false), merges.push(merge))}
    />,
  );
  return { api, generated, verified, merges };
}

describe('Spec editor (review step)', () => {
  it('shows every entity with its fields and the sentence it came from', async () => {
    await renderReview();
    for (const name of ['Event', 'Attendee', 'Registration']) assert.ok(screen.getByTestId(`entity-${name}`));
    assert.match(screen.getByTestId('entity-Event').textContent ?? '', /From: “/);
    assert.ok(screen.getByTestId('field-Event-capacity'));
    assert.match(screen.getByTestId('rules').textContent ?? '', /At most capacity Registration rows per event/);
  });

  it('renames a field in place, follows it into the rules, and asks the host to re-check', async () => {
    const { api } = await renderReview();
    const name = screen.getByTestId('field-name-Event-capacity');
    await typeInto(name, 'seats');
    await pressKey(name, 'Enter');
    assert.ok(screen.getByTestId('field-Event-seats'));
    assert.equal(screen.queryByTestId('field-Event-capacity'), null);
    assert.match(screen.getByTestId('rules').textContent ?? '', /At most seats Registration rows/);
    const request = await nextReviewRequest(api, 1);
    const capacity = request.spec.rules.find((rule) => rule.kind === 'capacity');
    assert.equal(capacity?.kind === 'capacity' && capacity.capacityField, 'seats');
    assert.deepEqual(invalidPosts(api), []);
  });

  it('explains an invalid name without applying it; Escape restores the name', async () => {
    const { api } = await renderReview();
    const name = screen.getByTestId('field-name-Event-venue');
    await typeInto(name, 'Venue Name');
    await pressKey(name, 'Enter');
    assert.match(screen.getByTestId('edit-error').textContent ?? '', /not a valid field name/);
    assert.ok(screen.getByTestId('field-Event-venue'), 'the field keeps its name');
    await pressKey(name, 'Escape');
    assert.equal(screen.queryByTestId('edit-error'), null);
    assert.equal((name as unknown as { value: string }).value, 'venue');
    assert.equal(reviewRequests(api).length, 0, 'nothing changed, nothing to re-check');
  });

  it('deletes a field and the rule that needed it; adds a field and an entity', async () => {
    await renderReview();
    fireEvent.click(screen.getByTestId('field-delete-Event-capacity'));
    await litSettled();
    assert.equal(screen.queryByTestId('field-Event-capacity'), null);
    assert.doesNotMatch(screen.getByTestId('rules').textContent ?? '', /At most/);
    await typeInto(screen.getByTestId('add-field-name-Attendee'), 'phone');
    fireEvent.click(screen.getByTestId('add-field-Attendee'));
    await litSettled();
    assert.ok(screen.getByTestId('field-Attendee-phone'));
    await typeInto(screen.getByTestId('add-entity-name'), 'Sponsor');
    fireEvent.click(screen.getByTestId('add-entity'));
    await litSettled();
    assert.ok(screen.getByTestId('entity-Sponsor'));
    assert.match(screen.getByTestId('entity-Sponsor').textContent ?? '', /Not from the text/);
  });

  it('blocks Generate while the host reports problems, and generates into the chosen folder', async () => {
    const { api, generated } = await renderReview();
    const name = screen.getByTestId('field-name-Attendee-name');
    await typeInto(name, 'fullName');
    await pressKey(name, 'Enter');
    const request = await nextReviewRequest(api, 1);
    await hostSends({ type: 'specReview', replyTo: request.requestId, spec: request.spec, problems: ['Something the host found'], folder: 'event-booking', folderExists: false });
    assert.match(screen.getByTestId('spec-problems').textContent ?? '', /Something the host found/);
    assert.ok(screen.getByTestId('generate-button').hasAttribute('disabled'));

    await typeInto(screen.getByTestId('field-name-Attendee-fullName'), 'displayName');
    await pressKey(screen.getByTestId('field-name-Attendee-fullName'), 'Enter');
    const second = await nextReviewRequest(api, 2);
    await hostSends({
      type: 'specReview',
      replyTo: second.requestId,
      spec: second.spec,
      problems: [],
      forecast: { stages: 30, files: 92, bytes: 200_000, seconds: 1.2 },
      folder: 'event-booking',
      folderExists: false,
    });
    assert.equal(screen.queryByTestId('spec-problems'), null);
    assert.match(screen.getByTestId('forecast').textContent ?? '', /30 stages, 92 files/);
    await typeInto(screen.getByTestId('target-folder'), 'apps/events');
    fireEvent.click(screen.getByTestId('generate-button'));
    assert.deepEqual(generated, ['apps/events']);
  });

  it('turns generated tests and Docker files off, and the host is asked to re-forecast', async () => {
    const { api } = await renderReview();
    const tests = screen.getByTestId('option-tests') as unknown as { checked: boolean };
    assert.equal(tests.checked, true);
    // vscode-checkbox toggles from a click on its label (inside its shadow root), as a user's click lands.
    const clickCheckbox = async (testId: string) => {
      const label = screen.getByTestId(testId).shadowRoot?.querySelector('label');
      assert.ok(label, `${testId} renders its label`);
      fireEvent.click(label);
      await litSettled();
    };
    await clickCheckbox('option-tests');
    const request = await nextReviewRequest(api, 1);
    assert.deepEqual(request.spec.options, { tests: false, docker: true });
    await clickCheckbox('option-docker');
    const second = await nextReviewRequest(api, 2);
    assert.deepEqual(second.spec.options, { tests: false, docker: false });
  });

  it('asks before running generated code, and never offers it in Restricted Mode', async () => {
    const trustedView = await renderReview();
    const label = screen.getByTestId('verify-option').shadowRoot?.querySelector('label');
    assert.ok(label);
    fireEvent.click(label);
    await litSettled();
    fireEvent.click(screen.getByTestId('generate-button'));
    assert.deepEqual(trustedView.verified, [true], 'the request goes to the host (which asks the user in a modal before anything runs)');
    cleanupAfterTest();

    const restricted = await renderReview({ verify: true }, false);
    assert.ok(screen.getByTestId('verify-option').hasAttribute('disabled'));
    assert.match(screen.getByTestId('verify-restricted').textContent ?? '', /Restricted Mode/);
    fireEvent.click(screen.getByTestId('generate-button'));
    assert.deepEqual(restricted.verified, [false], 'an earlier consent does not count in Restricted Mode');
  });

  it('merges into an existing folder only with a per-file choice, nothing replaced by default', async () => {
    const { merges } = await renderReview({
      folderExists: true,
      conflicts: [
        { path: 'README.md', same: false },
        { path: 'package.json', same: false },
        { path: '.gitignore', same: true },
      ],
    });
    assert.ok(screen.getByTestId('generate-button').hasAttribute('disabled'), 'not before choosing');
    fireEvent.click(screen.getByTestId('merge-button'));
    await litSettled();
    assert.match(screen.getByTestId('merge-choice').textContent ?? '', /1 file is already identical/);
    const readme = screen.getByTestId('replace-README.md') as unknown as { checked: boolean; shadowRoot: ShadowRoot };
    assert.equal(readme.checked, false, 'nothing is replaced unless ticked');
    const label = readme.shadowRoot.querySelector('label');
    assert.ok(label);
    fireEvent.click(label);
    await litSettled();
    assert.ok(!screen.getByTestId('generate-button').hasAttribute('disabled'));
    fireEvent.click(screen.getByTestId('generate-button'));
    assert.deepEqual(merges, [{ replace: ['README.md'] }]);
  });

  it('refuses to generate into an existing folder until another is chosen, and rejects unsafe folders', async () => {
    const { generated } = await renderReview({ folderExists: true });
    assert.match(document.getElementById('folder-note')?.textContent ?? '', /already exists/);
    assert.ok(screen.getByTestId('generate-button').hasAttribute('disabled'));
    await typeInto(screen.getByTestId('target-folder'), '../outside');
    assert.match(document.getElementById('folder-note')?.textContent ?? '', /letters, digits/);
    assert.ok(screen.getByTestId('generate-button').hasAttribute('disabled'));
    await typeInto(screen.getByTestId('target-folder'), 'event-booking-2');
    assert.ok(!screen.getByTestId('generate-button').hasAttribute('disabled'));
    fireEvent.click(screen.getByTestId('generate-button'));
    assert.deepEqual(generated, ['event-booking-2']);
  });
});

describe('Spec editor: sign-in section', () => {
  afterEach(cleanupAfterTest);

  it('says where sign-in came from in a paragraph of its own, not run into the checkbox label', async () => {
    await renderReview();
    const section = screen.getByRole('region', { name: 'Authentication' });
    const source = section.querySelector('[data-testid=source]');
    assert.ok(source, 'the sign-in section names its source');
    assert.equal(source.parentElement?.tagName, 'P', 'a block of its own');
    assert.equal(source.parentElement?.previousElementSibling?.getAttribute('data-testid') === 'auth-enabled', true, 'right after the checkbox, below it');
  });
});
