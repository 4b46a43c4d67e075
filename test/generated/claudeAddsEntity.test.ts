// Slow: a hybrid run (the real orchestrator and SDK against the fake Messages API) where Claude's
// data model has an entity the extraction missed. Its stages, routes, pages and tests are part of
// the run, and the written project installs, builds and passes its own tests (the run's own
// verification stage, npm registry only).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDiskWriter } from '../../src/core/output/diskSink';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { replayRun } from '../../src/model/run/runState';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { verifyProject } from '../../src/core/verify/verifier';
import { FakeAnthropicServer } from '../fake-anthropic/server';
import { answerWithOrganizer, loadFixtureSpec } from '../shared/claudeModels';

describe('Claude adds an entity: the generated project still works', function () {
  this.timeout(20 * 60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-claude-entity-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('events + Organizer (from Claude): stages, files, and install, build, test all pass', async () => {
    const fake = await FakeAnthropicServer.start();
    try {
      fake.otherwise(answerWithOrganizer);
      const out = path.join(work, 'events');
      const write = await createDiskWriter(out);
      const stream = new RunEventStream('claude-entity');
      const { run, stages, spec } = await runGeneration({
        input: { kind: 'spec', spec: loadFixtureSpec('events') },
        stream,
        claude: { provider: new AnthropicProvider({ apiKey: 'test-key', baseURL: fake.url }), model: 'claude-sonnet-5-5', budgetUsd: 5 },
        onFile: async (file) => void (await write(file)),
        verify: (signal) => verifyProject(out, { signal }),
      });
      const state = replayRun(stream.events);
      const verification = [...run.outputs.values()].find((output) => output.verification)?.verification;
      const failed = verification?.steps.find((step) => !step.ok);
      assert.equal(run.status, 'succeeded', `${[...run.errors.values()].join('; ')} ${failed ? `${failed.name}: ${failed.firstErrors.join('\n')}\n${failed.outputTail.slice(-3000)}` : ''}`);
      assert.ok(spec.entities.some((e) => e.name === 'Organizer'));
      for (const id of ['api-routes:Organizer', 'pages:Organizer']) {
        assert.ok(stages.some((s) => s.id === id), id);
        assert.equal(state.stages[id].status, 'succeeded', id);
        assert.equal(state.stages[id].addedAfter, 'domain-model', id);
      }
      for (const file of ['backend/src/routes/organizers.ts', 'backend/test/organizers.test.ts', 'frontend/src/pages/organizers.tsx', 'frontend/src/test/organizers.test.tsx']) {
        assert.ok(existsSync(path.join(out, file)), `${file} is written`);
      }
      assert.match(readFileSync(path.join(out, 'backend', 'src', 'db', 'schema.ts'), 'utf8'), /organizer/i);
      assert.equal(verification?.ok, true);
      assert.deepEqual(verification?.steps.map((s) => s.name), ['install', 'build', 'test']);
      assert.match(state.stages.verification.outputSummary ?? '', /passed/);
    } finally {
      fake.close();
    }
  });
});
