// The execution tree of a run whose graph grows: once the domain model is final the per-entity
// stages appear in the drawn tree (live, as the events arrive), marked as added, wired to the
// stages that now wait for them; the domain model's details say what Claude changed in the model.
import * as assert from 'node:assert/strict';
import type { RunEventInput } from '../../src/model/run/events';
import { replayRun } from '../../src/model/run/runState';
import type { Bridge } from '../../webview-ui/src/bridge';
import { RunPanel } from '../../webview-ui/src/RunPanel';
import { ExecutionTree } from '../../webview-ui/src/tree/ExecutionTree';
import { useRun } from '../../webview-ui/src/useRun';
import { withOrganizer } from '../shared/claudeModels';
import { fakeBridge, fireEvent, hostSends, litSettled, renderUi, runEvents, screen, stage, within } from './helpers';

/** The panel as the app wires it: useRun folds the host's messages, RunPanel draws list and tree. */
function LivePanel({ bridge }: { bridge: Bridge }) {
  const run = useRun(bridge);
  return <RunPanel bridge={bridge} view={run.view} onCancel={() => undefined} onNew={() => undefined} onResume={() => undefined} />;
}

const START: RunEventInput[] = [
  {
    type: 'runStarted',
    concurrency: 4,
    stages: [stage('domain-model', 'Domain model'), stage('database-schema', 'Database schema', 'domain-model'), stage('backend-tests', 'Backend tests', 'database-schema')],
  },
  { type: 'stageStarted', stageId: 'domain-model', attempt: 1 },
  { type: 'specUpdated', stageId: 'domain-model', spec: withOrganizer(), changes: ['entities added: Organizer', 'relations added: Event.organizer → Organizer'] },
  { type: 'stageFinished', stageId: 'domain-model', durationMs: 900, attempts: 1 },
];
const GROW: RunEventInput = {
  type: 'stagesAdded',
  afterStageId: 'domain-model',
  stages: [stage('api-routes:Event', 'API routes: Event', 'database-schema'), stage('api-routes:Organizer', 'API routes: Organizer', 'database-schema')],
  dependsOn: [{ stageId: 'backend-tests', dependsOn: ['database-schema', 'api-routes:Event', 'api-routes:Organizer'] }],
  order: ['domain-model', 'database-schema', 'api-routes:Event', 'api-routes:Organizer', 'backend-tests'],
};

const nodes = () => screen.getAllByTestId('tree-node').map((node) => `${node.dataset.stage}:${node.dataset.status}${node.dataset.addedAfter ? '+' : ''}`);

describe('ExecutionTree of a run that grows', () => {
  it('draws the added stages as they arrive, marked new, wired to the stages that wait for them', async () => {
    const events = runEvents('grow', [...START, GROW, { type: 'stageStarted', stageId: 'api-routes:Organizer', attempt: 1 }]);
    const view = await renderUi(<ExecutionTree state={replayRun(events.slice(0, START.length))} />);
    assert.deepEqual(nodes(), ['domain-model:succeeded', 'database-schema:pending', 'backend-tests:pending']);

    view.rerender(<ExecutionTree state={replayRun(events.slice(0, START.length + 1))} />);
    await litSettled();
    assert.deepEqual(nodes(), ['domain-model:succeeded', 'database-schema:pending', 'api-routes:Event:pending+', 'api-routes:Organizer:pending+', 'backend-tests:pending']);
    const organizer = screen.getAllByTestId('tree-node').find((node) => node.dataset.stage === 'api-routes:Organizer');
    assert.ok(organizer);
    assert.equal(organizer.querySelector('.tree-node-meta')?.textContent, 'pending · new');
    assert.ok(organizer.classList.contains('added'));
    assert.match(organizer.title, /added once the data model was final/);
    // Placed below what it depends on, above what now waits for it (jsdom cannot measure nodes, so
    // React Flow draws no edges here; their layout is the test).
    const y = (id: string) => Number(/translate\((-?[\d.]+)px,\s*(-?[\d.]+)px/.exec(document.querySelector<HTMLElement>(`.react-flow__node[data-id="${id}"]`)?.style.transform ?? '')?.[2]);
    assert.ok(y('database-schema') < y('api-routes:Organizer') && y('api-routes:Organizer') < y('backend-tests'));

    view.rerender(<ExecutionTree state={replayRun(events)} />);
    await litSettled();
    assert.equal(organizer.querySelector('.tree-node-meta')?.textContent, 'running', 'no longer "new" once it runs');

    fireEvent.click(organizer);
    await litSettled();
    assert.match(screen.getByTestId('stage-added-after').textContent ?? '', /When “Domain model” finished/);
  });

  it('the domain model’s details list what the model gained', async () => {
    await renderUi(<ExecutionTree state={replayRun(runEvents('grow', [...START, GROW]))} />);
    const domain = screen.getAllByTestId('tree-node').find((node) => node.dataset.stage === 'domain-model');
    assert.ok(domain);
    fireEvent.click(domain);
    await litSettled();
    const changes = within(screen.getByTestId('stage-spec-changes'));
    assert.deepEqual(changes.getAllByRole('listitem').map((item) => item.textContent), ['entities added: Organizer', 'relations added: Event.organizer → Organizer']);
  });

  it('the domain model’s details say when Claude’s model accepted in the review was used without asking again', async () => {
    const reused: RunEventInput[] = [
      START[0],
      START[1],
      { type: 'modelReused', stageId: 'domain-model', model: 'claude-sonnet-5-5', reviewCostUsd: 0.0312, changed: true },
      START[3],
    ];
    await renderUi(<ExecutionTree state={replayRun(runEvents('reused', [...reused, GROW]))} />);
    const domain = screen.getAllByTestId('tree-node').find((node) => node.dataset.stage === 'domain-model');
    assert.ok(domain);
    fireEvent.click(domain);
    await litSettled();
    assert.equal(
      screen.getByTestId('stage-model-reused').textContent,
      'Claude’s model as you accepted it in the review (claude-sonnet-5-5): used as it is, Claude was not asked again — $0 in this run ($0.0312 in the review).',
    );
  });

  it('live: the host’s stagesAdded event (validated like every message) grows the list and the tree', async () => {
    const events = runEvents('live', [...START, GROW, { type: 'stageStarted', stageId: 'api-routes:Organizer', attempt: 1 }]);
    const { bridge } = fakeBridge();
    await renderUi(<LivePanel bridge={bridge} />);
    await hostSends({ type: 'runSnapshot', runId: 'live', folder: 'events', entities: ['Event', 'Attendee', 'Registration'], warnings: [], events: events.slice(0, START.length) });
    const listed = () => [...screen.getByTestId('stage-list').querySelectorAll<HTMLElement>('li[data-stage]')].map((item) => item.dataset.stage);
    assert.deepEqual(listed(), ['domain-model', 'database-schema', 'backend-tests']);
    for (const event of events.slice(START.length)) await hostSends({ type: 'runEvent', event });
    assert.deepEqual(listed(), ['domain-model', 'database-schema', 'api-routes:Event', 'api-routes:Organizer', 'backend-tests']);
    assert.deepEqual(nodes(), ['domain-model:succeeded', 'database-schema:pending', 'api-routes:Event:pending+', 'api-routes:Organizer:running+', 'backend-tests:pending']);
    assert.match(screen.getByTestId('execution-tree').parentElement?.textContent ?? '', /5 stages/);
  });

  it('the run’s header lists the entities it generates: the reviewed ones, then Claude’s model once the domain model changed them', async () => {
    const events = runEvents('header', [...START, GROW]);
    const { bridge } = fakeBridge();
    await renderUi(<LivePanel bridge={bridge} />);
    // Before the domain model has finished: the reviewed model's entities, as the host accepted the run.
    await hostSends({ type: 'runSnapshot', runId: 'header', folder: 'events', entities: ['Event', 'Attendee', 'Registration'], warnings: [], events: events.slice(0, 2) });
    const header = () => screen.getByTestId('run-entities');
    assert.equal(header().textContent, '3 entities: Event, Attendee, Registration');
    assert.equal(header().dataset.changed, undefined);
    for (const event of events.slice(2)) await hostSends({ type: 'runEvent', event });
    assert.equal(header().textContent, '4 entities: Event, Attendee, Registration, Organizer · the data model changed in the run: added Organizer');
    assert.equal(header().dataset.changed, 'true');
    // A rename shows as what the run generates now (the stage details say it was a rename).
    const renamed = withOrganizer();
    renamed.entities = renamed.entities.filter((e) => e.name !== 'Attendee');
    await hostSends({ type: 'runEvent', event: { ...events[2], seq: events.length, spec: renamed, changes: ['entities removed: Attendee'] } });
    assert.equal(header().textContent, '3 entities: Event, Registration, Organizer · the data model changed in the run: added Organizer; removed Attendee');
  });
});
