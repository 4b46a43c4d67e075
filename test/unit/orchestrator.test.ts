import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject, InvalidSpecError } from '../../src/core/generator';
import { MANIFEST_PATH, TakossManifest } from '../../src/core/generator/project';
import { RunEvent, RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { BASE_PATH, parseBase } from '../../src/core/update/memory';
import { replayRun } from '../../src/model/run/runState';
import { buildStageGraph, STAGE_CATALOGUE } from '../../src/core/pipeline/stages/catalogue';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { VerifyResult } from '../../src/core/verify/verifier';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

function verifyResult(ok: boolean): VerifyResult {
  const step = (name: 'install' | 'build' | 'test', passed: boolean) => ({
    name, ok: passed, exitCode: passed ? 0 : 1, signal: null, durationMs: 5, timedOut: false, cancelled: false,
    firstErrors: passed ? [] : ['FAIL test/tasks.test.ts > creates a task'], outputTail: '',
  });
  return ok
    ? { ok: true, steps: [step('install', true), step('build', true), step('test', true)], durationMs: 15 }
    : { ok: false, steps: [step('install', true), step('build', true), step('test', false)], failedStep: 'test', durationMs: 15 };
}

describe('stage catalogue', () => {
  it('names about 22 stage kinds from requirements analysis to repair, each with prompt variants', () => {
    assert.ok(STAGE_CATALOGUE.length >= 22, `${STAGE_CATALOGUE.length} kinds`);
    assert.equal(STAGE_CATALOGUE[0].kind, 'requirements-analysis');
    assert.equal(STAGE_CATALOGUE.at(-1)?.kind, 'repair');
    for (const stage of STAGE_CATALOGUE) {
      assert.ok(stage.prompt.version >= 1 && stage.prompt.variants.length >= 2, stage.kind);
      assert.ok(stage.description.length > 10, stage.kind);
    }
  });

  it('fans out per-entity stages so the graph grows with the spec', () => {
    const tasks = buildStageGraph(loadSpec('tasks'));
    const ids = tasks.map((s) => s.id);
    for (const entity of ['User', 'Project', 'Task']) {
      assert.ok(ids.includes(`api-routes:${entity}`));
      assert.ok(ids.includes(`pages:${entity}`));
    }
    const backendTests = tasks.find((s) => s.id === 'backend-tests');
    assert.ok(backendTests?.dependsOn.includes('api-routes:Task'));
    const library = buildStageGraph(loadSpec('library'));
    assert.equal(library.length - tasks.length, 2 * (loadSpec('library').entities.length - 3));
  });
});

describe('orchestrator (offline provider)', () => {
  for (const name of ['tasks', 'events', 'clinic', 'library']) {
    it(`${name}: the staged run produces exactly the generator's files`, async () => {
      const spec = loadSpec(name);
      const { files, run } = await runGeneration({ input: { kind: 'spec', spec } });
      assert.equal(run.status, 'succeeded', 'verification was not requested: it and repair are left out, which is not partial');
      assert.equal(run.summary.stages.skipped, 2, 'verification and repair');
      // The same files; the pipeline's manifest also records the stage that wrote each file.
      // The base (.takoss/base.json) holds the manifest as written, so it differs the same way.
      const withoutStages = (path: string, content: string): string => {
        if (path === BASE_PATH) return JSON.stringify([...parseBase(content)].map(([file, text]) => [file, withoutStages(file, text)]));
        if (path !== MANIFEST_PATH) return content;
        const manifest = TakossManifest.parse(JSON.parse(content));
        return JSON.stringify({ ...manifest, files: manifest.files.map(({ stage: _stage, ...rest }) => rest) });
      };
      const staged = files.list().map((f) => [f.path, withoutStages(f.path, f.content)]);
      const generated = generateProject(spec).list().map((f) => [f.path, withoutStages(f.path, f.content)]);
      assert.deepEqual(staged, generated);
      const manifest = TakossManifest.parse(JSON.parse(files.list().find((f) => f.path === MANIFEST_PATH)?.content ?? ''));
      assert.ok(manifest.files.every((f) => f.stage), 'every file names the stage that wrote it');
      assert.equal(manifest.files.find((f) => f.path === 'README.md')?.stage, 'readme');
    });
  }

  it('streams valid, numbered events that replay into the finished tree', async () => {
    const stream = new RunEventStream('run-tasks');
    const written: string[] = [];
    const { run, stages } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('tasks') }, stream, onFile: (f) => void written.push(f.path) });
    stream.events.forEach((event, index) => {
      assert.equal(event.seq, index);
      assert.ok(RunEvent.safeParse(JSON.parse(JSON.stringify(event))).success, event.type);
    });
    const state = replayRun(stream.events);
    assert.equal(state.stageOrder.length, stages.length);
    assert.equal(state.stages['api-routes:Task'].status, 'succeeded');
    assert.match(state.stages['api-routes:Task'].outputSummary ?? '', /tasks\.ts/);
    assert.equal(state.stages.verification.status, 'skipped');
    assert.equal(state.stages.repair.status, 'skipped');
    assert.equal(state.files.length, written.length);
    assert.equal(run.summary.files, written.length);
  });

  it('starts from requirements text too', async () => {
    const { spec, files } = await runGeneration({ input: { kind: 'text', text: 'Blog with auth and posts.' } });
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Post', 'User']);
    assert.ok(files.has('backend/src/routes/posts.ts'));
  });

  it('refuses text without entities and inconsistent specs before starting', async () => {
    await assert.rejects(runGeneration({ input: { kind: 'text', text: '' } }), InvalidSpecError);
    const spec = loadSpec('events');
    spec.rules.push({ kind: 'unique', entity: 'Ghost', fields: ['x'], sources: [] });
    await assert.rejects(runGeneration({ input: { kind: 'spec', spec } }), /unknown entity/);
  });

  it('verifies when allowed; repair has nothing to do when verification passes', async () => {
    const { run, stream } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, verify: async () => verifyResult(true) });
    assert.equal(run.status, 'succeeded');
    const state = replayRun(stream.events);
    assert.match(state.stages.verification.outputSummary ?? '', /passed/);
    assert.equal(state.stages.repair.outputSummary, 'nothing to repair');
  });

  it('reports honestly that the offline provider cannot repair a failing project', async () => {
    const { run } = await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, verify: async () => verifyResult(false) });
    assert.equal(run.status, 'partial');
    assert.match(run.errors.get('repair') ?? '', /cannot repair.*FAIL test\/tasks\.test\.ts/);
  });

  it('says why verification was skipped', async () => {
    const stream = new RunEventStream('r');
    await runGeneration({ input: { kind: 'spec', spec: loadSpec('events') }, stream, verificationSkippedBecause: 'Restricted Mode: Takoss never runs generated code in an untrusted workspace' });
    const skipped = stream.events.find((e) => e.type === 'stageSkipped' && e.stageId === 'verification');
    assert.match(skipped?.type === 'stageSkipped' ? skipped.reason : '', /Restricted Mode/);
  });

  it('a sink failure fails that stage, skips what depends on it, and the rest still finishes', async () => {
    const { run, stream } = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('events') },
      onFile: (file) => {
        if (file.path === 'backend/migrations/0001_init.sql') throw new Error('ENOSPC: no space left on device');
      },
    });
    assert.match(run.errors.get('migrations') ?? '', /ENOSPC/);
    const state = replayRun(stream.events);
    assert.equal(state.stages['backend-tests'].status, 'skipped');
    assert.equal(state.stages.docker.status, 'succeeded');
  });

  it('cancellation stops the run: no stage starts afterwards and no file is produced after it', async () => {
    const controller = new AbortController();
    const stream = new RunEventStream('cancel');
    let produced = 0;
    const result = await runGeneration({
      input: { kind: 'spec', spec: loadSpec('library') },
      stream,
      signal: controller.signal,
      concurrency: 1,
      onFile: async () => {
        produced += 1;
        if (produced === 5) controller.abort();
        await new Promise((resolve) => setTimeout(resolve, 1));
      },
    });
    assert.equal(result.run.status, 'cancelled');
    const abortedAt = stream.events.findIndex((e) => e.type === 'stageCancelled');
    assert.ok(abortedAt > 0);
    assert.equal(stream.events.slice(abortedAt).filter((e) => e.type === 'stageStarted' || e.type === 'fileProduced').length, 0);
    assert.ok(result.run.summary.stages.cancelled > 10);
  });
});
