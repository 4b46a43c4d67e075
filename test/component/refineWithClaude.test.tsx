import * as assert from 'node:assert/strict';
import { describeModelChanges, modelChanges } from '../../src/model/run/modelChanges';
import { addEntity } from '../../src/model/project/edit';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import type { WebviewToHost } from '../../src/model/protocol';
import type { Bridge } from '../../webview-ui/src/bridge';
import { RefineWithClaude } from '../../webview-ui/src/review/RefineWithClaude';
import { ReviewStep } from '../../webview-ui/src/review/ReviewStep';
import { type Review, useReview } from '../../webview-ui/src/review/useReview';
import { loadFixtureSpec, withOrganizer } from '../shared/claudeModels';
import { act, fakeBridge, type FakeVsCodeApi, fireEvent, hostSends, invalidPosts, litSettled, renderUi, screen } from './helpers';

/** The component over a persisted review, with the review's entities shown so an accepted model is visible. */
function Harness({ bridge }: { bridge: Bridge }) {
  const api = useReview(bridge);
  return (
    <>
      <RefineWithClaude api={api} bridge={bridge} />
      <span data-testid="entities">{api.review?.spec.entities.map((e) => e.name).join(', ')}</span>
      <button type="button" data-testid="user-edit" onClick={() => api.edit((spec) => addEntity(spec, 'Sponsor'))}>
        add Sponsor
      </button>
    </>
  );
}

async function renderRefine(provider: Review['provider'] = 'anthropic') {
  const review: Review = { spec: loadFixtureSpec('events'), provider, problems: [], folder: 'event-booking', folderExists: false };
  const { bridge, api } = fakeBridge({ review });
  await renderUi(<Harness bridge={bridge} />);
  return api;
}

function lastRefineRequest(api: FakeVsCodeApi): Extract<WebviewToHost, { type: 'refineModel' }> {
  const request = [...api.posted].reverse().find((m) => (m as WebviewToHost).type === 'refineModel');
  assert.ok(request, 'a refineModel request was posted');
  return request as Extract<WebviewToHost, { type: 'refineModel' }>;
}

/** The user presses "Refine with Claude": returns the request the webview posts to the host. */
async function pressRefine(api: FakeVsCodeApi): Promise<Extract<WebviewToHost, { type: 'refineModel' }>> {
  fireEvent.click(screen.getByTestId('refine-button'));
  await litSettled();
  return lastRefineRequest(api);
}

/** The host's answer as ModelRefiner builds it: Claude's model and what changed. */
function claudeAnswer(replyTo: string, before: ProjectSpec, after: ProjectSpec) {
  const changes = modelChanges(before, after);
  return { type: 'modelRefined', replyTo, spec: after, changes, summary: describeModelChanges(changes), changed: true, model: 'claude-sonnet-5-5', costUsd: 0.0312 };
}

const entities = () => screen.getByTestId('entities').textContent;

describe('RefineWithClaude (review step)', () => {
  it('asks the host for Claude’s model, shows what would change, and takes it only when accepted', async () => {
    const api = await renderRefine();
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /you see its changes before accepting/);
    const request = await pressRefine(api);
    assert.deepEqual(request.spec.entities.map((e) => e.name), ['Event', 'Attendee', 'Registration']);
    assert.match(screen.getByTestId('refine-asking').textContent ?? '', /Claude is reviewing/);
    assert.ok(screen.getByTestId('refine-cancel'));

    await hostSends(claudeAnswer(request.requestId, request.spec, withOrganizer()));
    const proposal = screen.getByTestId('refine-proposal');
    assert.match(proposal.textContent ?? '', /Claude would change the model \(claude-sonnet-5-5, \$0\.0312\)/);
    assert.equal(screen.getByTestId('refine-change-entitiesAdded').textContent, 'Entities added: Organizer');
    assert.equal(screen.getByTestId('refine-change-relationsAdded').textContent, 'Relations added: Event.organizer → Organizer');
    assert.equal(screen.queryByTestId('refine-change-entitiesRemoved'), null, 'only what changed is listed');
    assert.equal(entities(), 'Event, Attendee, Registration', 'nothing changes before the user accepts');

    fireEvent.click(screen.getByTestId('refine-accept'));
    await litSettled();
    assert.equal(entities(), 'Event, Attendee, Registration, Organizer');
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /Claude's model is in the review now/);
    assert.deepEqual(invalidPosts(api), []);
  });

  it('shows renames and removals, and “Keep mine” leaves the model as it was', async () => {
    const api = await renderRefine();
    const request = await pressRefine(api);
    const renamed = loadFixtureSpec('events');
    renamed.entities = renamed.entities.map((e) => (e.name === 'Attendee' ? { ...e, name: 'Guest', label: 'Guest', pluralLabel: 'Guests' } : e));
    renamed.relations = renamed.relations.map((r) => (r.to === 'Attendee' ? { ...r, to: 'Guest' } : r));
    renamed.rules = renamed.rules.filter((rule) => rule.kind !== 'unique');
    await hostSends(claudeAnswer(request.requestId, request.spec, renamed));
    assert.equal(screen.getByTestId('refine-change-entitiesRenamed').textContent, 'Entities renamed: Attendee → Guest');
    assert.match(screen.getByTestId('refine-change-rulesRemoved').textContent ?? '', /^Rules removed: ticketCode unique per Registration/);
    fireEvent.click(screen.getByTestId('refine-discard'));
    await litSettled();
    assert.equal(entities(), 'Event, Attendee, Registration');
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /Kept your model/);
  });

  it('cancels the request it is waiting for; the model stays as it was', async () => {
    const api = await renderRefine();
    const request = await pressRefine(api);
    fireEvent.click(screen.getByTestId('refine-cancel'));
    const cancel = api.posted.at(-1) as WebviewToHost;
    assert.deepEqual(cancel, { type: 'cancelRefine', requestId: request.requestId });
    await hostSends({ type: 'modelRefined', replyTo: request.requestId, failure: 'cancelled', error: 'Cancelled: your data model is unchanged.' });
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /Cancelled: your model is unchanged/);
    assert.equal(entities(), 'Event, Attendee, Registration');
  });

  it('a failure is said plainly; without a key it offers “Set API key”', async () => {
    const api = await renderRefine();
    await hostSends({ type: 'modelRefined', replyTo: (await pressRefine(api)).requestId, failure: 'failed', error: "Claude's model was still invalid after one repair, so your model is unchanged: x" });
    assert.match(screen.getByTestId('refine-error').textContent ?? '', /still invalid after one repair/);
    assert.equal(screen.queryByTestId('refine-set-key'), null);
    fireEvent.click(screen.getByTestId('refine-dismiss'));
    await litSettled();
    await hostSends({ type: 'modelRefined', replyTo: (await pressRefine(api)).requestId, failure: 'noApiKey', error: 'Refining the data model asks Claude, which needs an API key: run "Takoss: Set API Key", then try again.' });
    assert.match(screen.getByTestId('refine-error').textContent ?? '', /Takoss: Set API Key/);
    fireEvent.click(screen.getByTestId('refine-set-key'));
    assert.deepEqual(api.posted.at(-1), { type: 'setApiKey' });
    assert.equal(entities(), 'Event, Attendee, Registration');
  });

  it('warns that accepting replaces edits made after asking', async () => {
    const api = await renderRefine();
    const request = await pressRefine(api);
    // The user keeps editing while Claude thinks.
    fireEvent.click(screen.getByTestId('user-edit'));
    await hostSends(claudeAnswer(request.requestId, request.spec, withOrganizer()));
    assert.match(screen.getByTestId('refine-stale').textContent ?? '', /using Claude's model replaces those edits/);
    fireEvent.click(screen.getByTestId('refine-accept'));
    await litSettled();
    assert.equal(entities(), 'Event, Attendee, Registration, Organizer', 'Claude’s model, as shown');
  });

  it('offline: explains how to add a key and choose Claude instead of asking', async () => {
    const api = await renderRefine('offline');
    assert.equal(screen.queryByTestId('refine-button'), null);
    assert.match(screen.getByTestId('refine-needs-key').textContent ?? '', /needs a Claude API key: run Takoss: Set API Key, then choose Claude in the first step/);
    fireEvent.click(screen.getByTestId('refine-set-key'));
    assert.deepEqual(api.posted, [{ type: 'setApiKey' }]);
  });
});

/** The whole review step, generating as the app does (the reviewed spec, with the step's options). */
function ReviewHarness({ bridge }: { bridge: Bridge }) {
  const api = useReview(bridge);
  return (
    <>
      <ReviewStep api={api} bridge={bridge} onBack={() => undefined} onGenerate={(options) => api.review && bridge.generate(api.review.spec, api.review.provider, options)} disabled={false} />
      <button type="button" data-testid="user-edit" onClick={() => api.edit((spec) => addEntity(spec, 'Sponsor'))}>
        add Sponsor
      </button>
    </>
  );
}

describe('Generating after Refine with Claude', () => {
  async function renderReviewStep() {
    const review: Review = { spec: loadFixtureSpec('events'), provider: 'anthropic', problems: [], folder: 'event-booking', folderExists: false };
    const { bridge, api } = fakeBridge({ review });
    await renderUi(<ReviewHarness bridge={bridge} />);
    return api;
  }

  /** The host answers the review step's re-check (posted once an edit settles), so Generate is enabled. */
  const answered = new Set<string>();
  async function answerRecheck(api: FakeVsCodeApi) {
    const pending = () => (api.posted as WebviewToHost[]).filter((m): m is Extract<WebviewToHost, { type: 'reviewSpec' }> => m.type === 'reviewSpec' && !answered.has(m.requestId));
    for (let i = 0; i < 40 && !pending().length; i++) await act(() => new Promise((resolve) => setTimeout(resolve, 25)));
    const request = pending().at(-1);
    assert.ok(request, 'the edited model was re-checked');
    answered.add(request.requestId);
    await hostSends({ type: 'specReview', replyTo: request.requestId, spec: request.spec, problems: [], folder: 'event-booking', folderExists: false });
  }

  async function askClaude(api: FakeVsCodeApi, answer: (request: Extract<WebviewToHost, { type: 'refineModel' }>) => unknown) {
    await hostSends(answer(await pressRefine(api)));
  }

  function generate(api: FakeVsCodeApi): Extract<WebviewToHost, { type: 'generate' }> {
    fireEvent.click(screen.getByTestId('generate-button'));
    const message = api.posted.at(-1) as WebviewToHost;
    assert.equal(message.type, 'generate');
    return message as Extract<WebviewToHost, { type: 'generate' }>;
  }

  it('the accepted model goes to the run marked as accepted, so the run does not ask Claude for it again', async () => {
    const api = await renderReviewStep();
    await askClaude(api, (request) => claudeAnswer(request.requestId, request.spec, withOrganizer()));
    fireEvent.click(screen.getByTestId('refine-accept'));
    await litSettled();
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /generating uses it as it is, without asking Claude again/);
    await answerRecheck(api);
    const message = generate(api);
    assert.deepEqual(message.spec.entities.map((e) => e.name), ['Event', 'Attendee', 'Registration', 'Organizer']);
    assert.deepEqual(message.acceptedModel, { model: 'claude-sonnet-5-5', costUsd: 0.0312, changed: true });
    // Kept with the review (the panel's persisted state), so a reload does not lose it.
    const saved = api.getState() as { review?: Review };
    assert.deepEqual(saved.review?.acceptedModel, { model: 'claude-sonnet-5-5', costUsd: 0.0312, changed: true });
    assert.deepEqual(invalidPosts(api), []);
  });

  it('edited after accepting: the run is not told the model is Claude’s, so it asks again', async () => {
    const api = await renderReviewStep();
    await askClaude(api, (request) => claudeAnswer(request.requestId, request.spec, withOrganizer()));
    fireEvent.click(screen.getByTestId('refine-accept'));
    await litSettled();
    fireEvent.click(screen.getByTestId('user-edit'));
    await answerRecheck(api);
    const message = generate(api);
    assert.ok(message.spec.entities.some((e) => e.name === 'Sponsor'));
    assert.equal(message.acceptedModel, undefined);
  });

  it('Claude found nothing to change: the model counts as Claude’s until it is edited', async () => {
    const api = await renderReviewStep();
    await askClaude(api, (request) => ({ type: 'modelRefined', replyTo: request.requestId, spec: request.spec, summary: [], changed: false, model: 'claude-sonnet-5-5', costUsd: 0.02 }));
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /found nothing to change .*will not ask again unless you edit it/);
    assert.deepEqual(generate(api).acceptedModel, { model: 'claude-sonnet-5-5', costUsd: 0.02, changed: false });
    fireEvent.click(screen.getByTestId('user-edit'));
    await answerRecheck(api);
    assert.equal(generate(api).acceptedModel, undefined);
  });

  it('never asked, or “Keep mine”: nothing is marked as Claude’s', async () => {
    const api = await renderReviewStep();
    assert.equal(generate(api).acceptedModel, undefined);
    await askClaude(api, (request) => claudeAnswer(request.requestId, request.spec, withOrganizer()));
    fireEvent.click(screen.getByTestId('refine-discard'));
    await litSettled();
    assert.equal(generate(api).acceptedModel, undefined);
  });
});
