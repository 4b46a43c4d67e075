// `takoss generate --provider anthropic`: Claude's data model may add an entity, and the CLI run
// grows with it (its stages in the progress, its files on disk), against the fake Messages API.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { extractSpec } from '../../src/core/extract';
import { FakeAnthropicServer } from '../fake-anthropic/server';
import { answerWithOrganizer, loadFixtureSpec } from '../shared/claudeModels';

describe('CLI with Claude: the model may grow', function () {
  this.timeout(30_000);
  let fake: FakeAnthropicServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-claude-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
  });
  afterEach(() => fake.close());

  it('generate --provider anthropic writes the routes, pages and tests of an entity Claude added', async () => {
    fake.otherwise(answerWithOrganizer);
    const specFile = path.join(dir, 'events.json');
    writeFileSync(specFile, JSON.stringify(loadFixtureSpec('events')));
    const out = path.join(dir, 'events');
    const lines: string[] = [];
    const stdout: string[] = [];
    const code = await runCli(['generate', '--spec', specFile, '--out', out, '--provider', 'anthropic', '--budget', '5'], { out: (l) => stdout.push(l), err: (l) => lines.push(l) }, {
      extractSpec,
      runGeneration,
      verifyProject: async () => assert.fail('not asked to verify'),
      env: { ANTHROPIC_API_KEY: 'test-key' },
      createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: fake.url, sleep: async () => undefined }),
    });
    const err = lines.join('\n');
    assert.equal(code, 0, err);
    assert.match(err, /Domain model: entities added: Organizer/);
    assert.match(err, /8 more stages now that Domain model is final/);
    assert.match(err, /entities now: Event, Attendee, Registration, Organizer/, 'the entities the run generates, once Claude changed them');
    assert.match(err, /\[\s*\d+\/\d+\] API routes: Organizer — 1 file: organizers\.ts/);
    assert.match(err, /\[\s*\d+\/\d+\] Pages: Organizer — 1 file: organizers\.tsx/);
    for (const file of ['backend/src/routes/organizers.ts', 'frontend/src/pages/organizers.tsx', 'backend/test/organizers.test.ts', 'frontend/src/test/organizers.test.tsx']) {
      assert.ok(existsSync(path.join(out, file)), file);
    }
    const summary = JSON.parse(stdout.join('\n'));
    assert.equal(summary.status, 'succeeded', 'verification was not asked for: left out, not partial');
    assert.deepEqual(summary.entities, ['Event', 'Attendee', 'Registration', 'Organizer'], 'the entities as generated');
    assert.equal(summary.stages.total, 30, '22 stages for the run plus 2 for each of the 4 entities, Organizer included');
  });
});
