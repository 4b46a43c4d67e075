import * as assert from 'node:assert/strict';
import { describeModelChanges, modelChanges } from '../../src/core/pipeline/modelChanges';
import { addEntity } from '../../src/core/spec/edit';
import type { ProjectSpec } from '../../src/core/spec/projectSpec';
import type { WebviewToHost } from '../../src/protocol';
import type { Bridge } from '../../webview-ui/src/bridge';
import { RefineWithClaude } from '../../webview-ui/src/review/RefineWithClaude';
import { type Review, useReview } from '../../webview-ui/src/review/useReview';
import { loadFixtureSpec, withOrganizer } from '../shared/claudeModels';
import { fakeBridge, type FakeVsCodeApi, fireEvent, hostSends, invalidPosts, litSettled, renderUi, screen } from './helpers';

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
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    const request = lastRefineRequest(api);
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
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    const request = lastRefineRequest(api);
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
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    const request = lastRefineRequest(api);
    fireEvent.click(screen.getByTestId('refine-cancel'));
    const cancel = api.posted.at(-1) as WebviewToHost;
    assert.deepEqual(cancel, { type: 'cancelRefine', requestId: request.requestId });
    await hostSends({ type: 'modelRefined', replyTo: request.requestId, failure: 'cancelled', error: 'Cancelled: your data model is unchanged.' });
    assert.match(screen.getByTestId('refine-note').textContent ?? '', /Cancelled: your model is unchanged/);
    assert.equal(entities(), 'Event, Attendee, Registration');
  });

  it('a failure is said plainly; without a key it offers “Set API key”', async () => {
    const api = await renderRefine();
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    await hostSends({ type: 'modelRefined', replyTo: lastRefineRequest(api).requestId, failure: 'failed', error: "Claude's model was still invalid after one repair, so your model is unchanged: x" });
    assert.match(screen.getByTestId('refine-error').textContent ?? '', /still invalid after one repair/);
    assert.equal(screen.queryByTestId('refine-set-key'), null);
    fireEvent.click(screen.getByTestId('refine-dismiss'));
    await litSettled();
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    await hostSends({ type: 'modelRefined', replyTo: lastRefineRequest(api).requestId, failure: 'noApiKey', error: 'Refining the data model asks Claude, which needs an API key: run "Takoss: Set API Key", then try again.' });
    assert.match(screen.getByTestId('refine-error').textContent ?? '', /Takoss: Set API Key/);
    fireEvent.click(screen.getByTestId('refine-set-key'));
    assert.deepEqual(api.posted.at(-1), { type: 'setApiKey' });
    assert.equal(entities(), 'Event, Attendee, Registration');
  });

  it('warns that accepting replaces edits made after asking', async () => {
    const api = await renderRefine();
    fireEvent.click(screen.getByTestId('refine-button'));
    await litSettled();
    const request = lastRefineRequest(api);
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
