// A stage graph that grows while it runs: the scheduler adds stages once a stage has finished (the
// orchestrator adds the per-entity stages after the domain model), tells it on the event stream,
// and the run state redraws the grown tree from those events, live or replayed.
import * as assert from 'node:assert/strict';
import { RunEvent, RunEventStream } from '../../src/model/run/events';
import { applyRunEvent, initialRunState, markInterrupted, replayRun, runProgress } from '../../src/model/run/runState';
import { runStages } from '../../src/core/pipeline/scheduler';

interface Stage {
  id: string;
  title: string;
  dependsOn: string[];
}

const stage = (id: string, ...dependsOn: string[]): Stage => ({ id, title: id.toUpperCase(), dependsOn });
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const trail = (stream: RunEventStream) => stream.events.map((e) => `${e.type}${'stageId' in e ? `:${e.stageId}` : ''}`);

/** model -> [x, y (per "entity")] -> report; the report waits for "model" until the entities are known. */
const initial = [stage('model'), stage('schema', 'model'), stage('report', 'schema')];
const grown = [stage('model'), stage('schema', 'model'), stage('x', 'schema'), stage('y', 'schema'), stage('report', 'schema', 'x', 'y')];

describe('a stage graph that grows while it runs', () => {
  it('adds stages after the one that finalizes them, re-wires waiting stages, and runs everything in order', async () => {
    const stream = new RunEventStream('grow');
    const ran: string[] = [];
    const result = await runStages<Stage, string>({
      stages: initial,
      stream,
      concurrency: 2,
      grow: (s) => (s.id === 'model' ? grown : undefined),
      execute: async (s, context) => {
        ran.push(s.id);
        context.fileProduced(`${s.id}.txt`, s.id);
        return [...context.inputs.keys()].join('+') || s.id;
      },
    });
    assert.equal(result.status, 'succeeded');
    assert.deepEqual([...result.outputs.keys()], ['model', 'schema', 'x', 'y', 'report'], 'outputs in the grown topological order');
    assert.equal(result.outputs.get('report'), 'schema+x+y', 'the re-wired stage got the new stages’ outputs');
    assert.ok(ran.indexOf('report') > ran.indexOf('x') && ran.indexOf('report') > ran.indexOf('y'));
    assert.equal(result.summary.stages.total, 5);
    const events = trail(stream);
    assert.equal(events[events.indexOf('stageFinished:model') + 1], 'stagesAdded', 'told right after the stage finished');
    const added = stream.events.find((e) => e.type === 'stagesAdded');
    assert.ok(added?.type === 'stagesAdded');
    assert.equal(added.afterStageId, 'model');
    assert.deepEqual(added.stages.map((s) => [s.id, s.dependsOn]), [['x', ['schema']], ['y', ['schema']]]);
    assert.deepEqual(added.dependsOn, [{ stageId: 'report', dependsOn: ['schema', 'x', 'y'] }]);
    assert.deepEqual(added.order, ['model', 'schema', 'x', 'y', 'report']);
    for (const event of stream.events) assert.ok(RunEvent.safeParse(JSON.parse(JSON.stringify(event))).success, event.type);
  });

  it('says nothing when the graph stays the same', async () => {
    const stream = new RunEventStream('same');
    await runStages<Stage, string>({ stages: initial, stream, concurrency: 1, grow: () => initial, execute: async (s) => s.id });
    assert.ok(!trail(stream).includes('stagesAdded'));
  });

  it('a graph that cannot grow that way fails the stage that asked (missing stage, re-wired running stage, cycle)', async () => {
    const cases: { name: string; next: Stage[]; error: RegExp }[] = [
      { name: 'drops a stage', next: [stage('model'), stage('schema', 'model')], error: /may only grow.*"report" is missing/ },
      { name: 'cycle', next: [stage('model'), stage('schema', 'model'), stage('x', 'report'), stage('report', 'schema', 'x')], error: /cycle/ },
      { name: 'unknown dependency', next: [...initial, stage('x', 'nowhere')], error: /unknown stage "nowhere"/ },
    ];
    for (const { name, next, error } of cases) {
      const stream = new RunEventStream(name.replace(/\s/g, '-'));
      const result = await runStages<Stage, string>({ stages: initial, stream, concurrency: 1, grow: (s) => (s.id === 'model' ? next : undefined), execute: async (s) => s.id });
      assert.match(result.errors.get('model') ?? '', error, name);
      assert.equal(replayRun(stream.events).stages.schema.status, 'skipped', name);
      assert.ok(!trail(stream).includes('stagesAdded'), name);
    }
    // A stage already queued or running keeps its dependencies.
    const stream = new RunEventStream('running');
    const parallel = [stage('model'), stage('side')];
    const result = await runStages<Stage, string>({
      stages: parallel,
      stream,
      concurrency: 2,
      grow: (s) => (s.id === 'model' ? [stage('model'), stage('extra'), stage('side', 'extra')] : undefined),
      execute: async (s) => {
        if (s.id === 'model') await delay(10);
        else await delay(40);
        return s.id;
      },
    });
    assert.match(result.errors.get('model') ?? '', /"side" has already been scheduled/);
  });

  it('a new stage whose dependency already failed is skipped at once, not left hanging', async () => {
    const stream = new RunEventStream('blocked');
    const result = await runStages<Stage, string>({
      stages: [stage('model'), stage('broken')],
      stream,
      concurrency: 2,
      grow: (s) => (s.id === 'model' ? [stage('model'), stage('broken'), stage('x', 'model', 'broken')] : undefined),
      execute: async (s) => {
        if (s.id === 'broken') throw new Error('broke');
        await delay(20);
        return s.id;
      },
    });
    assert.equal(result.status, 'partial');
    const skipped = stream.events.find((e) => e.type === 'stageSkipped' && e.stageId === 'x');
    assert.ok(skipped?.type === 'stageSkipped' && skipped.becauseOf === 'broken' && /"BROKEN" failed/.test(skipped.reason));
    assert.equal(replayRun(stream.events).stages.x.status, 'skipped');
  });

  it('cancellation after growth cancels the added stages too', async () => {
    const controller = new AbortController();
    const stream = new RunEventStream('cancel');
    const result = await runStages<Stage, string>({
      stages: initial,
      stream,
      concurrency: 1,
      signal: controller.signal,
      grow: (s) => (s.id === 'model' ? grown : undefined),
      execute: async (s) => {
        if (s.id === 'schema') controller.abort();
        return s.id;
      },
    });
    assert.equal(result.status, 'cancelled');
    const state = replayRun(stream.events);
    assert.equal(state.stages.x.status, 'cancelled');
    assert.equal(state.stages.report.status, 'cancelled');
    assert.equal(runProgress(state), 1);
  });
});

describe('run state of a grown graph', () => {
  async function grownRun() {
    const stream = new RunEventStream('state');
    await runStages<Stage, string>({ stages: initial, stream, concurrency: 1, grow: (s) => (s.id === 'model' ? grown : undefined), execute: async (s) => s.id });
    return stream.events;
  }

  it('shows the new stages as pending the moment they are added, marked with what added them', async () => {
    const events = await grownRun();
    const at = events.findIndex((e) => e.type === 'stagesAdded');
    const before = replayRun(events.slice(0, at));
    assert.deepEqual(before.stageOrder, ['model', 'schema', 'report']);
    assert.equal(runProgress(before), 1 / 3);
    const after = replayRun(events.slice(0, at + 1));
    assert.deepEqual(after.stageOrder, ['model', 'schema', 'x', 'y', 'report']);
    assert.equal(after.stages.x.status, 'pending');
    assert.equal(after.stages.x.addedAfter, 'model');
    assert.deepEqual(after.stages.report.dependsOn, ['schema', 'x', 'y']);
    assert.equal(runProgress(after), 1 / 5, 'progress counts the grown graph');
    assert.equal(markInterrupted(after).stages.y.status, 'cancelled', 'an interrupted run shows the added stages as stopped');
  });

  it('replays idempotently (the same events twice, as after a reload with the live stream) and ignores another run’s growth', async () => {
    const events = await grownRun();
    const once = replayRun(events);
    assert.deepEqual(replayRun([...events, ...events]), once);
    const stray: RunEvent = { runId: 'other', seq: 999, at: 0, type: 'stagesAdded', afterStageId: 'model', stages: [{ id: 'z', title: 'Z', dependsOn: [] }], dependsOn: [], order: ['z'] };
    assert.equal(applyRunEvent(once, stray), once);
  });

  it('never loses a stage over an order that leaves some out', () => {
    let state = applyRunEvent(initialRunState(), { runId: 'r', seq: 0, at: 0, type: 'runStarted', stages: [{ id: 'a', title: 'A', dependsOn: [] }], concurrency: 1 });
    state = applyRunEvent(state, { runId: 'r', seq: 1, at: 0, type: 'stagesAdded', afterStageId: 'a', stages: [{ id: 'b', title: 'B', dependsOn: ['a'] }], dependsOn: [], order: ['b', 'ghost'] });
    assert.deepEqual(state.stageOrder, ['b', 'a']);
  });
});
