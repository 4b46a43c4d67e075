import * as assert from 'node:assert/strict';
import { type RunEventInput, RunEventStream } from '../../src/model/run/events';
import { runStages, StageSkippedError } from '../../src/core/pipeline/scheduler';
import { filesClaudeWrote } from '../../src/core/verify/claudeFiles';
import { listSome, verifyConsentPrompt } from '../../src/core/verify/consent';

const sha = (c: string) => c.repeat(64);

function run(inputs: RunEventInput[]) {
  const stream = new RunEventStream('r');
  for (const input of inputs) stream.emit(input);
  return stream.events;
}

const started: RunEventInput = {
  type: 'runStarted',
  concurrency: 2,
  stages: [
    { id: 'pages:Book', title: 'Pages', dependsOn: [], kind: 'pages' },
    { id: 'api-routes:Book', title: 'Routes', dependsOn: [], kind: 'api-routes' },
    { id: 'business-rules', title: 'Rules', dependsOn: [], kind: 'business-rules' },
  ],
};
const outcome = (stageId: string, valid: boolean): RunEventInput => ({ type: 'promptOutcome', stageId, variant: 'a', model: 'm', valid, repaired: false, latencyMs: 1 });
const file = (stageId: string, path: string, c = 'a'): RunEventInput => ({ type: 'fileProduced', stageId, path, bytes: 1, sha256: sha(c) });

describe('files Claude wrote', () => {
  it('names the files of stages whose Claude answer was accepted, not the generator\'s', () => {
    const events = run([
      started,
      file('api-routes:Book', 'backend/src/routes/books.ts'),
      outcome('pages:Book', true),
      file('pages:Book', 'frontend/src/pages/books.tsx'),
      outcome('business-rules', false), // rejected: the deterministic rules stay
      file('business-rules', 'backend/src/rules/index.ts'),
    ]);
    assert.deepEqual(filesClaudeWrote(events), [{ path: 'frontend/src/pages/books.tsx', sha256: sha('a'), stageId: 'pages:Book' }]);
  });

  it('counts every repair, and a file written again keeps its last content', () => {
    const events = run([
      started,
      { type: 'stagesAdded', afterStageId: 'pages:Book', stages: [{ id: 'repair', title: 'Repair', dependsOn: [], kind: 'repair' }], dependsOn: [], order: ['repair'] },
      outcome('pages:Book', true),
      file('pages:Book', 'frontend/src/pages/books.tsx', 'a'),
      file('repair', 'backend/src/routes/books.ts', 'b'),
      file('repair', 'frontend/src/pages/books.tsx', 'c'),
    ]);
    assert.deepEqual(
      filesClaudeWrote(events).map((f) => [f.path, f.sha256, f.stageId]),
      [
        ['backend/src/routes/books.ts', sha('b'), 'repair'],
        ['frontend/src/pages/books.tsx', sha('c'), 'repair'],
      ],
    );
  });

  it("leaves out the project's memory, which a Claude repair or the explanations stage writes but nothing runs", () => {
    const events = run([
      started,
      { type: 'stagesAdded', afterStageId: 'pages:Book', stages: [{ id: 'repair', title: 'Repair', dependsOn: [], kind: 'repair' }], dependsOn: [], order: ['repair'] },
      file('repair', 'frontend/src/pages/books.tsx', 'c'),
      file('repair', '.takoss/base.json', 'd'),
      file('repair', '.takoss/spec.json', 'e'),
    ]);
    assert.deepEqual(filesClaudeWrote(events).map((f) => f.path), ['frontend/src/pages/books.tsx']);
  });

  it('none in a run without Claude', () => {
    assert.deepEqual(filesClaudeWrote(run([started, file('api-routes:Book', 'a.ts'), file('pages:Book', 'b.tsx')])), []);
  });
});

describe('the question before verification', () => {
  const commands = ['npm install --ignore-scripts', 'npm run build --ignore-scripts', 'npm test --ignore-scripts'];
  const claudeFiles = Array.from({ length: 8 }, (_, i) => ({ path: `frontend/src/pages/p${i}.tsx`, sha256: sha('a'), stageId: `pages:P${i}` }));

  it('names the commands, the folder, and a few of the files Claude wrote', () => {
    const prompt = verifyConsentPrompt({ folder: 'apps/shop', commands, claude: true, claudeFiles });
    assert.equal(prompt.message, 'Run the install, build and tests of apps/shop?');
    assert.match(prompt.detail, /Takoss would run, in apps\/shop:\n {2}npm install --ignore-scripts\n {2}npm run build --ignore-scripts\n {2}npm test --ignore-scripts\n/);
    assert.match(prompt.detail, /Claude wrote 8 files of this project in this run: frontend\/src\/pages\/p0\.tsx, .*p5\.tsx and 2 more\./);
    assert.match(prompt.detail, /you will be asked again before they run/);
    assert.match(prompt.detail, /no API keys, tokens or other secrets/);
  });

  it('says so when Claude took no part, or wrote nothing', () => {
    assert.match(verifyConsentPrompt({ folder: 'a', commands, claude: false, claudeFiles: [] }).detail, /Claude took no part in this run/);
    assert.match(verifyConsentPrompt({ folder: 'a', commands, claude: true, claudeFiles: [] }).detail, /Claude wrote none of the project's files/);
  });

  it('asks again after a repair, naming the rewritten files', () => {
    const prompt = verifyConsentPrompt({ folder: 'shop', commands, claude: true, claudeFiles, repaired: claudeFiles.slice(0, 1) });
    assert.match(prompt.message, /again, with Claude's repairs\?/);
    assert.match(prompt.detail, /^Claude rewrote 1 file to fix the failing step: frontend\/src\/pages\/p0\.tsx\./);
    assert.doesNotMatch(prompt.detail, /asked again/);
  });

  it('lists some, then counts the rest', () => {
    assert.equal(listSome(['a', 'b'], 3), 'a, b');
    assert.equal(listSome(['a', 'b', 'c', 'd'], 2), 'a, b and 2 more');
  });
});

describe('a stage that must not run once started', () => {
  it('is skipped with its reason, and so are its dependents; the others run', async () => {
    const stream = new RunEventStream('r');
    const result = await runStages({
      stages: [
        { id: 'build', title: 'Build', dependsOn: [] },
        { id: 'verify', title: 'Verify', dependsOn: ['build'] },
        { id: 'repair', title: 'Repair', dependsOn: ['verify'] },
      ],
      concurrency: 2,
      stream,
      execute: async (stage) => {
        if (stage.id === 'verify') throw new StageSkippedError('You declined');
        return stage.id;
      },
    });
    const skipped = stream.events.flatMap((e) => (e.type === 'stageSkipped' ? [[e.stageId, e.reason]] : []));
    assert.deepEqual(skipped, [
      ['verify', 'You declined'],
      ['repair', '"Verify" was skipped'],
    ]);
    assert.equal(result.summary.stages.failed, 0);
    assert.equal(result.summary.stages.skipped, 2);
    assert.equal(result.status, 'succeeded', 'declining is a choice: the run is not partial for it');
    assert.ok(!stream.events.some((e) => e.type === 'stageFailed' || e.type === 'stageRetried'), 'neither failed nor retried');
  });
});
