// Which paths Claude may write: each code-writing stage its own files, repair only Claude's files and
// the failing tests the errors name, and nobody the files that decide what runs.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import { claudeWritable, protectedPathReason, repairEditable, repairWriteRefusal, stageWriteRefusal } from '../../src/core/pipeline/writePolicy';
import { ProjectSpec } from '../../src/model/project/projectSpec';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const files = generateProject(ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8'))));

describe('write policy for model-written files', () => {
  it('protects the files that decide what runs, at any depth', () => {
    const protectedPaths = [
      'package.json',
      'backend/package.json',
      'frontend/package.json',
      'package-lock.json',
      'frontend/yarn.lock',
      'backend/pnpm-lock.yaml',
      'frontend/vite.config.ts',
      'backend/vitest.config.ts',
      'backend/tsconfig.json',
      'frontend/tsconfig.node.json',
      '.npmrc',
      'backend/.npmrc',
      '.env',
      'backend/.env.example',
      '.git/hooks/pre-commit',
      '.github/workflows/ci.yml',
      '.vscode/tasks.json',
      '.takoss/manifest.json',
      'backend/Dockerfile',
      'frontend/Dockerfile.dev',
      'docker-compose.yml',
      'compose.yaml',
      'scripts/dev.mjs',
      'backend/src/scripts/seed.ts',
      'backend/migrations/0001_init.sql',
      'deploy/run.sh',
      'frontend/index.html',
    ];
    for (const p of protectedPaths) assert.ok(protectedPathReason(p), `${p} is protected`);
    for (const p of ['frontend/src/pages/events.tsx', 'backend/src/rules/events.ts', 'backend/test/cancel.rules.test.ts', 'frontend/src/test/events.test.tsx']) {
      assert.equal(protectedPathReason(p), undefined, `${p} is not protected`);
    }
  });

  it('lets each code-writing stage write only its own files', () => {
    const page = [{ path: 'frontend/src/pages/events.tsx' }];
    assert.equal(stageWriteRefusal('pages', 'frontend/src/pages/events.tsx', page), undefined);
    assert.match(stageWriteRefusal('pages', 'frontend/src/pages/attendees.tsx', page) ?? '', /may write only frontend\/src\/pages\/events\.tsx/);
    assert.match(stageWriteRefusal('pages', 'package.json', page) ?? '', /may never write it: package\.json decides what runs/);
    const rules = [{ path: 'backend/src/rules/events.ts' }, { path: 'backend/src/rules/registrations.ts' }];
    assert.equal(stageWriteRefusal('business-rules', 'backend/src/rules/registrations.ts', rules), undefined);
    assert.equal(stageWriteRefusal('business-rules', 'backend/test/cancel-event.rules.test.ts', rules), undefined);
    assert.match(stageWriteRefusal('business-rules', 'backend/src/routes/events.ts', rules) ?? '', /may write only/);
    assert.match(stageWriteRefusal('business-rules', 'backend/vitest.config.ts', rules) ?? '', /tool configuration/);
    assert.match(stageWriteRefusal('explanations', 'README.md', []) ?? '', /the explanations stage writes no code/);
  });

  it("knows the files Claude may write in a run: the pages and rules modules, and Claude's rules tests", () => {
    assert.deepEqual([...claudeWritable(files)].sort(), [
      'backend/src/rules/events.ts',
      'backend/src/rules/registrations.ts',
      'frontend/src/pages/attendees.tsx',
      'frontend/src/pages/events.tsx',
      'frontend/src/pages/registrations.tsx',
    ]);
  });

  it('lets repair edit those, and a failing test only when the errors name it', () => {
    const named = new Set(['backend/test/events.test.ts']);
    assert.equal(repairWriteRefusal('frontend/src/pages/events.tsx', files, named), undefined);
    assert.equal(repairWriteRefusal('backend/test/events.test.ts', files, named), undefined);
    assert.match(repairWriteRefusal('backend/test/attendees.test.ts', files, named) ?? '', /only when the errors name it/);
    assert.match(repairWriteRefusal('package.json', files, named) ?? '', /repair may never edit it: package\.json/);
    assert.match(repairWriteRefusal('backend/package.json', files, new Set(['backend/package.json'])) ?? '', /never edit it/);
    assert.match(repairWriteRefusal('backend/src/routes/events.ts', files, named) ?? '', /generated deterministically/);
    assert.match(repairWriteRefusal('backend/src/evil.ts', files, named) ?? '', /not an existing generated file/);
    assert.deepEqual(repairEditable(files, named).sort(), [...claudeWritable(files), 'backend/test/events.test.ts'].sort());
  });
});
