// With Claude, Claude owns the data model: the domain-model answer may add, rename or remove
// entities, and the run's graph grows once the model is final (per-entity stages and their files),
// live on the event stream, in the run state, in the journal and on resume.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RunEvent, RunEventStream } from '../../src/model/run/events';
import { topologicalOrder } from '../../src/core/pipeline/graph';
import { JOURNAL_VERSION, journaledSpecs, readJournal, RunJournal } from '../../src/core/pipeline/journal';
import { type ResumeState, runGeneration } from '../../src/core/pipeline/orchestrator';
import { replayRun } from '../../src/model/run/runState';
import { buildStageGraph, initialStageGraph } from '../../src/core/pipeline/stages/catalogue';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { fakeClaudePerTest } from '../shared/fakeClaude';
import { withOrganizer } from '../shared/claudeModels';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));
const MODEL = 'claude-sonnet-5-5';
const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
const PER_ENTITY = /^(api-routes|pages):/;

const eventTrail = (events: readonly RunEvent[]) => events.map((e) => `${e.type}${'stageId' in e ? `:${e.stageId}` : ''}`);

describe('the run graph grows once the data model is final (offline)', () => {
  it('starts without the per-entity stages; those who wait for them wait for the model meanwhile', () => {
    const spec = loadSpec('tasks');
    const initial = initialStageGraph(spec);
    assert.ok(!initial.some((stage) => PER_ENTITY.test(stage.id)));
    assert.deepEqual(initial.find((s) => s.id === 'frontend-tests')?.dependsOn, ['layout-navigation'], 'pages wait for the layout, so frontend tests do too');
    assert.ok(initial.find((s) => s.id === 'backend-tests')?.dependsOn.includes('api-app'));
    const full = buildStageGraph(spec);
    assert.deepEqual(new Set(initial.map((s) => s.id)), new Set(full.filter((s) => !PER_ENTITY.test(s.id)).map((s) => s.id)));
  });

  it('adds the per-entity stages right after the domain model finishes, before anything else is queued', async () => {
    const spec = loadSpec('tasks');
    const stream = new RunEventStream('grow');
    const { stages, run } = await runGeneration({ input: { kind: 'spec', spec }, stream });
    const trail = eventTrail(stream.events);
    const started = stream.events[0];
    assert.ok(started.type === 'runStarted' && !started.stages.some((s) => PER_ENTITY.test(s.id)), 'runStarted has no per-entity stages');
    const at = trail.indexOf('stagesAdded');
    assert.equal(trail[at - 1], 'stageFinished:domain-model');
    assert.equal(trail.filter((t) => t === 'stagesAdded').length, 1);
    const added = stream.events[at];
    assert.ok(added.type === 'stagesAdded');
    assert.equal(added.afterStageId, 'domain-model');
    assert.deepEqual(added.stages.map((s) => s.id).sort(), ['api-routes:Project', 'api-routes:Task', 'api-routes:User', 'pages:Project', 'pages:Task', 'pages:User']);
    assert.deepEqual(added.dependsOn.find((d) => d.stageId === 'frontend-tests')?.dependsOn, ['pages:User', 'pages:Project', 'pages:Task']);
    // Nothing of the grown part ran before it was announced.
    assert.ok(trail.slice(0, at).every((t) => !/(api-routes|pages|frontend-tests|backend-tests):?/.test(t.split(':').slice(1).join(':'))));
    // The final graph is exactly the full one, in the same (topological) order as before it grew.
    assert.deepEqual(added.order, topologicalOrder(buildStageGraph(spec)).map((s) => s.id));
    assert.deepEqual(stages.map((s) => s.id), buildStageGraph(spec).map((s) => s.id));
    const state = replayRun(stream.events);
    assert.deepEqual(state.stageOrder, added.order);
    assert.equal(state.stages['pages:Task'].status, 'succeeded');
    assert.equal(state.stages['pages:Task'].addedAfter, 'domain-model');
    assert.equal(state.stages.architecture.addedAfter, undefined);
    assert.deepEqual(state.stages['frontend-tests'].dependsOn, ['pages:User', 'pages:Project', 'pages:Task']);
    assert.equal(run.summary.stages.total, buildStageGraph(spec).length, 'the summary counts the grown graph');
    assert.ok(!trail.includes('specUpdated:domain-model'), 'offline the model does not change');
  });

  it('replays the same picture from a prefix, twice over, and from the journal', async () => {
    const stream = new RunEventStream('journaled-grow');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-grow-'));
    try {
      const journal = await RunJournal.create(dir, {
        journalVersion: JOURNAL_VERSION,
        runId: 'journaled-grow',
        folder: 'events',
        projectName: 'events',
        provider: 'offline',
        startedAt: Date.now(),
        entities: [],
        warnings: [],
        spec: loadSpec('events'),
      });
      stream.subscribe((event) => journal.append(event));
      await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream });
      await journal.flush();
      const live = replayRun(stream.events);
      const read = await readJournal(journal.file);
      assert.ok(read?.finished);
      assert.deepEqual(replayRun(read.events), live);
      assert.deepEqual(replayRun([...stream.events, ...stream.events]), live, 'idempotent');
      const at = stream.events.findIndex((e) => e.type === 'stagesAdded');
      const before = replayRun(stream.events.slice(0, at));
      assert.ok(!before.stageOrder.some((id) => PER_ENTITY.test(id)));
      const after = replayRun(stream.events.slice(0, at + 1));
      assert.equal(after.stages['api-routes:Event'].status, 'pending');
      assert.ok(after.stageOrder.indexOf('api-routes:Event') < after.stageOrder.indexOf('backend-tests'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Claude owns the data model (hybrid, fake API)', function () {
  this.timeout(30_000);
  const fake = fakeClaudePerTest({ sleep: async () => undefined });

  /** Answers the spec with `model`, every other stage with "no change". */
  const answer = (model: () => unknown) => (request: RecordedRequest) => {
    const tool = toolOf(request);
    if (tool === 'emit_spec') return toolMessage('emit_spec', model());
    if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
    if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
    throw new Error(`unexpected tool ${tool}`);
  };

  it('an entity Claude adds gets its API routes, pages and tests: stage instances, files and events', async () => {
    fake.server.otherwise(answer(withOrganizer));
    const stream = new RunEventStream('organizer');
    const written: string[] = [];
    const { spec, stages, files, run } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      stream,
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      onFile: (file) => void written.push(file.path),
    });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.ok(spec.entities.some((e) => e.name === 'Organizer'));
    for (const id of ['api-routes:Organizer', 'pages:Organizer']) assert.ok(stages.some((s) => s.id === id), id);
    for (const file of ['backend/src/routes/organizers.ts', 'frontend/src/pages/organizers.tsx', 'backend/test/organizers.test.ts', 'frontend/src/test/organizers.test.tsx', 'backend/src/validation/organizers.ts']) {
      assert.ok(files.has(file) && written.includes(file), file);
    }
    assert.match(files.get('backend/src/db/schema.ts')?.content ?? '', /organizer/i, 'the schema has the new table and the relation');
    const state = replayRun(stream.events);
    assert.equal(state.stages['api-routes:Organizer'].status, 'succeeded');
    assert.equal(state.stages['api-routes:Organizer'].addedAfter, 'domain-model');
    assert.ok(state.stages['pages:Organizer'].files.includes('frontend/src/pages/organizers.tsx'));
    assert.ok(state.stages['frontend-tests'].dependsOn.includes('pages:Organizer'));
    assert.ok(state.stages['backend-tests'].dependsOn.includes('api-routes:Organizer'));
    assert.deepEqual(state.entities, ['Event', 'Attendee', 'Registration', 'Organizer']);
    assert.ok(state.stages['domain-model'].specChanges?.some((line) => /entities added: Organizer/.test(line)), JSON.stringify(state.stages['domain-model'].specChanges));
    assert.match(state.stages['domain-model'].outputSummary ?? '', /refined by Claude: entities added: Organizer.*relations added: Event\.organizer → Organizer/);
    // Told in order: the refined spec, the stage's end, then the graph grows from it.
    const trail = eventTrail(stream.events);
    const updated = trail.indexOf('specUpdated:domain-model');
    const finished = trail.indexOf('stageFinished:domain-model');
    assert.ok(updated >= 0 && updated < finished && trail[finished + 1] === 'stagesAdded', trail.slice(updated, finished + 2).join(' '));
    const manifest = JSON.parse(files.get('.takoss/manifest.json')?.content ?? '{}') as { files: { path: string; stage?: string }[] };
    assert.equal(manifest.files.find((f) => f.path === 'backend/src/routes/organizers.ts')?.stage, 'api-routes:Organizer');
    // The prompt says the model may change, and names the entities found.
    const specRequest = fake.server.requests.find((r) => toolOf(r) === 'emit_spec');
    assert.match(specRequest?.body.messages[0].content, /The extraction found these entities: Event, Attendee, Registration\. Add an entity/);
  });

  it('a rename Claude declares follows into relations and rules; per-entity stages use the new name', async () => {
    fake.server.otherwise(
      answer(() => {
        const spec = loadSpec('events');
        const attendee = spec.entities.find((e) => e.name === 'Attendee');
        if (attendee) Object.assign(attendee, { name: 'Guest', label: 'Guest', pluralLabel: 'Guests' });
        // Relations still name Attendee: the declared rename carries them over.
        return { ...spec, renamedEntities: [{ from: 'Attendee', to: 'Guest' }] };
      }),
    );
    const stream = new RunEventStream('rename');
    const { spec, stages, files, run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.deepEqual(spec.entities.map((e) => e.name), ['Event', 'Guest', 'Registration']);
    assert.equal(spec.relations.find((r) => r.name === 'attendee')?.to, 'Guest');
    assert.ok(stages.some((s) => s.id === 'api-routes:Guest') && !stages.some((s) => s.id === 'api-routes:Attendee'));
    assert.ok(files.has('backend/src/routes/guests.ts') && !files.has('backend/src/routes/attendees.ts'));
    assert.ok(spec.pages.some((p) => p.entity === 'Guest') && !spec.pages.some((p) => p.entity === 'Attendee'), 'pages rebuilt');
    assert.match(replayRun(stream.events).stages['domain-model'].outputSummary ?? '', /entities renamed: Attendee → Guest/);
  });

  it('an entity Claude removes takes its relations and rules with it (the review step’s cascade)', async () => {
    fake.server.otherwise(
      answer(() => {
        const spec = loadSpec('events');
        // Attendee goes; the relation and a rule naming it are left behind in the answer.
        spec.rules.push({ kind: 'unique', entity: 'Attendee', fields: ['email'], sources: [1] });
        return { ...spec, entities: spec.entities.filter((e) => e.name !== 'Attendee') };
      }),
    );
    const { spec, stages, files, run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.deepEqual(spec.entities.map((e) => e.name), ['Event', 'Registration']);
    assert.ok(!spec.relations.some((r) => r.from === 'Attendee' || r.to === 'Attendee'));
    assert.ok(!spec.rules.some((rule) => rule.entity === 'Attendee'));
    assert.ok(!stages.some((s) => s.id.endsWith(':Attendee')));
    assert.ok(!files.has('backend/src/routes/attendees.ts'));
  });

  it('a new entity that cites no requirement sentence is refused (after one repair): the deterministic model stays', async () => {
    const unsourced = () => {
      const spec = withOrganizer();
      const organizer = spec.entities.find((e) => e.name === 'Organizer');
      if (organizer) organizer.sources = [];
      return spec;
    };
    fake.server.otherwise(answer(unsourced));
    const stream = new RunEventStream('unsourced');
    const { spec, stages, run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(run.errors.size, 0);
    assert.deepEqual(spec.entities.map((e) => e.name), ['Event', 'Attendee', 'Registration']);
    assert.ok(!stages.some((s) => s.id.endsWith(':Organizer')));
    const warnings = stream.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
    assert.ok(warnings.some((w) => /Domain model keeps the deterministic result: .*new entity Organizer must cite in "sources"/.test(w)), warnings.join('\n'));
    assert.equal(fake.server.requests.filter((r) => toolOf(r) === 'emit_spec').length, 2, 'one repair round trip');
  });

  it('resumes a grown run: the refined model comes back from the journal, kept stages are not run again', async () => {
    fake.server.otherwise(answer(withOrganizer));
    const first = new RunEventStream('first');
    const firstRun = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream: first, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 } });
    assert.equal(firstRun.run.errors.size, 0);
    // Pretend the window died after the backend: these stages had finished, the rest had not.
    const keep = new Set(['requirements-analysis', 'domain-model', 'architecture', 'environment-config', 'database-schema', 'validation-schemas', 'auth', 'api-app', 'api-routes:Organizer', 'api-routes:Event']);
    const events = first.events.filter((e) => !('stageId' in e) || e.stageId === undefined || keep.has(e.stageId));
    const specs = journaledSpecs(events);
    assert.deepEqual(specs.get('domain-model')?.entities.map((e) => e.name), ['Event', 'Attendee', 'Registration', 'Organizer']);
    const filesOf = (id: string) => events.flatMap((e) => (e.type === 'fileProduced' && e.stageId === id ? [e.path] : []));
    const resume: ResumeState = {
      finished: keep,
      filesOf,
      readBack: async (p) => firstRun.files.get(p)?.content ?? assert.fail(`${p} was not written`),
      specOf: (id) => specs.get(id),
    };
    const asked = fake.server.requests.length;
    const second = new RunEventStream('second');
    const rewritten: string[] = [];
    const resumed = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      stream: second,
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
      resume,
      onFile: (file) => void rewritten.push(file.path),
    });
    assert.equal(resumed.run.errors.size, 0, [...resumed.run.errors.values()].join('; '));
    assert.ok(!fake.server.requests.slice(asked).some((r) => toolOf(r) === 'emit_spec'), 'the model is not asked for again');
    assert.ok(resumed.stages.some((s) => s.id === 'pages:Organizer'));
    assert.ok(!rewritten.includes('backend/src/routes/organizers.ts'), 'kept: not written again');
    assert.ok(rewritten.includes('frontend/src/pages/organizers.tsx'), 'the rest runs, from the refined model');
    assert.equal(resumed.files.get('backend/src/db/schema.ts')?.content, firstRun.files.get('backend/src/db/schema.ts')?.content);
    // The resumed run journals the model again, so it can itself be resumed.
    assert.equal(journaledSpecs(second.events).get('domain-model')?.entities.length, 4);
    assert.match(replayRun(second.events).stages['api-routes:Organizer'].outputSummary ?? '', /kept from the interrupted run/);
  });
});
