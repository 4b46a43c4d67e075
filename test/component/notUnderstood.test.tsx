import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { Review } from '../../webview-ui/src/review/useReview';
import { act, fakeBridge, fireEvent, invalidPosts, type LitElementLike, litSettled, nextReviewRequest, renderUi, ReviewHarness, reviewRequests, screen, within } from './helpers';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const fleetSpec = () => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'fleet.json'), 'utf8')));

/** The review step over the hand-made fleet spec (sentences not understood, not implemented, ignored, dropped). */
async function renderReview(spec: ProjectSpec = fleetSpec()) {
  const review: Review = { spec, provider: 'offline', problems: [], folder: 'fleet-log', folderExists: false };
  const { bridge, api } = fakeBridge({ review });
  await renderUi(<ReviewHarness bridge={bridge} />);
  return { api };
}

async function click(testId: string) {
  fireEvent.click(screen.getByTestId(testId));
  await litSettled();
}

const text = (testId: string) => screen.getByTestId(testId).textContent ?? '';

/** Inside the rule form opened for one item: pick an option (value, then `change`, as a user's choice arrives). */
async function choose(form: HTMLElement, testId: string, value: string) {
  const select = within(form).getByTestId(testId) as LitElementLike;
  await act(async () => {
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await litSettled();
}

/** Inside the rule form: tick a vscode-checkbox by clicking its label, as a user does. */
async function tick(form: HTMLElement, testId: string) {
  const label = within(form).getByTestId(testId).shadowRoot?.querySelector('label');
  assert.ok(label, `${testId} renders its label`);
  fireEvent.click(label);
  await litSettled();
}

describe('Not understood (top of the review step)', () => {
  it('comes first, with the counts, each sentence quoted with its reason, and its fixes as buttons', async () => {
    await renderReview();
    const section = screen.getByTestId('left-out');
    assert.ok(!section.classList.contains('all-understood'), 'in the warning colour while sentences are left out');
    const review = screen.getByTestId('review-step');
    assert.ok(section.compareDocumentPosition(screen.getByTestId('entity-Trip')) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the entities');
    assert.ok(section.compareDocumentPosition(screen.getByTestId('target-folder')) & Node.DOCUMENT_POSITION_FOLLOWING, 'above the folder and forecast');
    assert.ok(review.contains(section));
    assert.equal(section.getAttribute('aria-labelledby'), 'left-out-heading');
    assert.match(text('left-out-counts'), /^4 sentences not understood, 1 not implemented\./);

    const vehicle = screen.getByTestId('not-understood-item-0');
    assert.match(vehicle.textContent ?? '', /“?Each trip uses a vehicle\.”?.*\(sentence 3\)/);
    assert.match(vehicle.textContent ?? '', /"vehicle" is not an entity of the model\./);
    assert.equal(screen.getByTestId('suggestion-item-0-0').textContent, 'Add Vehicle as an entity');
    assert.equal(screen.getByTestId('suggestion-item-1-0').textContent, 'Add rule: the date is unique among trips');
    assert.equal(screen.getByTestId('suggestion-item-2-0').textContent, 'Add field note (text) to Trip');
    assert.ok(within(vehicle).getByText('Add a rule…'));
    assert.equal(screen.getByTestId('ignore-item-0').getAttribute('aria-label'), 'Ignore “Each trip uses a vehicle.”: it needs nothing generated');
    assert.equal(within(vehicle).getByRole('group').getAttribute('aria-label'), 'What to do about “Each trip uses a vehicle.”');

    const dropped = screen.getByTestId('not-understood-sentence-6');
    assert.match(dropped.textContent ?? '', /The app should feel friendly\..*\(sentence 7\).*Nothing was made of this sentence/);

    assert.match(text('not-implemented'), /the manager gets a weekly e-mail report.*\(sentence 4\).*Takoss does not generate scheduled e-mails\./);
    assert.match(text('ignored'), /1 ignored sentence/);
    assert.match(text('ignored'), /We will discuss colours later\./);
  });

  it('applies a suggestion in one click: the entity appears, the item goes, and the host gets the spec with the new fields', async () => {
    const { api } = await renderReview();
    await click('suggestion-item-0-0');
    assert.ok(screen.getByTestId('entity-Vehicle'));
    assert.match(screen.getByTestId('entity-Vehicle').textContent ?? '', /From: “Each trip uses a vehicle\.”/);
    assert.equal(screen.queryByText(/"vehicle" is not an entity/), null);
    assert.match(text('left-out-counts'), /^3 sentences not understood, 1 not implemented/);
    const request = await nextReviewRequest(api, 1);
    assert.deepEqual(
      request.spec.notUnderstood.map((item) => item.text),
      ['A driver logs at most one trip per day.', 'Trips have a note.'],
    );
    assert.deepEqual(request.spec.ignoredSentences, [7]);
    assert.equal(request.spec.requirements.sentences[0].heading, true);
    assert.deepEqual(invalidPosts(api), [], 'the protocol accepts the spec with notUnderstood and ignoredSentences');

    await click('suggestion-item-1-0'); // the field, now item 1
    assert.ok(screen.getByTestId('field-Trip-note'));
    await click('suggestion-item-0-0'); // the rule
    assert.match(text('rules'), /date/);
    assert.equal(screen.queryByTestId('not-understood-item-0'), null);
    assert.match(text('left-out-counts'), /^1 sentence not understood, 1 not implemented/);
  });

  it('explains a suggestion that no longer fits, next to the item, and changes nothing', async () => {
    const spec = fleetSpec();
    spec.entities.push({ ...spec.entities[0], name: 'Vehicle', label: 'Vehicle', pluralLabel: 'Vehicles', sources: [] });
    const { api } = await renderReview(spec);
    await click('suggestion-item-0-0');
    assert.match(text('refused-item-0'), /already an entity called Vehicle/);
    assert.equal(screen.getByTestId('refused-item-0').getAttribute('role'), 'alert');
    assert.ok(screen.getByTestId('not-understood-item-0'), 'the item stays');
    await act(() => new Promise((resolve) => setTimeout(resolve, 350)));
    assert.equal(reviewRequests(api).length, 0, 'nothing changed, nothing to re-check');
  });

  it('ignores a sentence (also one dropped without a reason) and restores it', async () => {
    const { api } = await renderReview();
    await click('ignore-item-0');
    assert.equal(screen.queryByTestId('not-understood-item-0'), null);
    assert.match(text('left-out-counts'), /^3 sentences not understood/);
    assert.match(text('ignored'), /2 ignored sentences/);
    assert.match(text('ignored'), /Each trip uses a vehicle\./);
    const request = await nextReviewRequest(api, 1);
    assert.deepEqual(request.spec.ignoredSentences, [2, 7]);
    assert.equal(request.spec.notUnderstood.length, 3, 'kept in the spec, so it can come back');

    await click('ignore-sentence-6');
    assert.equal(screen.queryByTestId('not-understood-sentence-6'), null);
    assert.match(text('left-out-counts'), /^2 sentences not understood/);

    await click('restore-2');
    assert.ok(screen.getByTestId('not-understood-item-0'), 'restored with its reason and suggestions');
    assert.equal(screen.getByTestId('suggestion-item-0-0').textContent, 'Add Vehicle as an entity');
    const last = await nextReviewRequest(api, 2);
    assert.deepEqual(last.spec.ignoredSentences, [6, 7]);
  });

  it('"Add a rule…" opens the rule form inline for the sentence; the rule cites it and the item is resolved', async () => {
    const { api } = await renderReview();
    const opener = screen.getByTestId('write-rule-item-1');
    assert.equal(opener.getAttribute('aria-expanded'), 'false');
    await click('write-rule-item-1');
    assert.equal(screen.getByTestId('write-rule-item-1').getAttribute('aria-expanded'), 'true');
    const form = screen.getByTestId('rule-form-item-1');
    assert.ok(screen.getByTestId('not-understood-item-1').contains(form), 'inline, under its sentence');
    await choose(form, 'add-rule-kind', 'unique');
    await tick(form, 'add-rule-unique-date');
    await tick(form, 'add-rule-unique-distance');
    fireEvent.click(within(form).getByTestId('add-rule-submit'));
    await litSettled();
    assert.equal(screen.queryByTestId('rule-form-item-1'), null, 'the form closes');
    assert.equal(screen.queryByText('A limit per day is not a rule Takoss recognises.'), null, 'the item is resolved');
    assert.match(text('left-out-counts'), /^3 sentences not understood/);
    const request = await nextReviewRequest(api, 1);
    assert.deepEqual(request.spec.rules, [{ kind: 'unique', entity: 'Trip', fields: ['date', 'distance'], sources: [4] }]);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('a rule for a sentence dropped without a reason cites it; Cancel closes the form without a change', async () => {
    const { api } = await renderReview();
    await click('write-rule-item-0');
    fireEvent.click(within(screen.getByTestId('rule-form-item-0')).getByTestId('add-rule-cancel'));
    await litSettled();
    assert.equal(screen.queryByTestId('rule-form-item-0'), null);

    await click('write-rule-sentence-6');
    const form = screen.getByTestId('rule-form-sentence-6');
    await choose(form, 'add-rule-kind', 'unique');
    await tick(form, 'add-rule-unique-fuelUsed');
    fireEvent.click(within(form).getByTestId('add-rule-submit'));
    await litSettled();
    assert.equal(screen.queryByTestId('not-understood-sentence-6'), null, 'sentence 7 now maps to the rule');
    const request = await nextReviewRequest(api, 1);
    assert.deepEqual(request.spec.rules, [{ kind: 'unique', entity: 'Trip', fields: ['fuelUsed'], sources: [6] }]);
  });

  it('says when everything was understood, with no notice', async () => {
    const spec = fleetSpec();
    await renderReview({ ...spec, notUnderstood: [], unimplemented: [], ignoredSentences: [2, 3, 4, 5, 6, 7] });
    assert.match(text('left-out-counts'), /Every requirement sentence was understood/);
    assert.equal(screen.queryByTestId('not-understood'), null);
    assert.equal(screen.queryByTestId('language-warning'), null);
    assert.ok(screen.getByTestId('left-out').classList.contains('all-understood'), 'shown as good news, not in the warning colour');
  });

  it('shows a clear message when the text is not in English', async () => {
    const spec = fleetSpec();
    await renderReview({ ...spec, warnings: ['Only English requirements are understood; this text looks like German.'] });
    const notice = screen.getByTestId('language-warning');
    assert.equal(notice.getAttribute('role'), 'alert');
    assert.match(notice.textContent ?? '', /Only English requirements are understood; this text looks like German\..*write the description in English/);
  });

  it('a long paste: shows the first 25 items of each list, then more on request, and says how many are hidden', async () => {
    const spec = fleetSpec();
    const base = spec.requirements.sentences.length;
    const extra = Array.from({ length: 60 }, (_, i) => ({ id: base + i, text: `Sentence number ${i + 1} says something odd.` }));
    const long: ProjectSpec = {
      ...spec,
      requirements: { ...spec.requirements, text: `${spec.requirements.text} ${extra.map((s) => s.text).join(' ')}`, sentences: [...spec.requirements.sentences, ...extra] },
      notUnderstood: extra.slice(0, 40).map((s) => ({ text: s.text, reason: 'Not understood.', sources: [s.id], suggestions: [] })),
      unimplemented: extra.slice(40).map((s) => ({ text: s.text, reason: 'Not generated.', sources: [s.id] })),
      ignoredSentences: [],
    };
    await renderReview(ProjectSpec.parse(long));
    const shown = () => screen.getByTestId('not-understood').querySelectorAll('.left-out-item').length;
    const total = screen.getByTestId('left-out').querySelector('#left-out-heading')?.textContent ?? '';
    const count = Number(/\((\d+)\)/.exec(total)?.[1]);
    assert.ok(count > 25, total);
    assert.equal(shown(), 25);
    assert.match(text('not-understood-more'), new RegExp(`${count - 25} more not shown`));
    await click('not-understood-more-next');
    assert.equal(shown(), Math.min(50, count));
    if (count > 50) await click('not-understood-more-all');
    assert.equal(shown(), count);
    assert.equal(screen.queryByTestId('not-understood-more'), null, 'nothing hidden any more');
    // Resolving a shown item keeps the list whole.
    await click('ignore-item-0');
    assert.equal(shown(), count - 1);

    assert.ok(screen.getByTestId('not-implemented').querySelectorAll('.left-out-item').length >= 20, 'a short list is shown whole');
    assert.equal(screen.queryByTestId('not-implemented-more'), null);
  });
});
