// Every spec the schema accepts generates: 500 entities (the schema's limit) make an openapi.json
// over the 2 MB cap of model-written files; the CLI run still writes every file.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCli } from '../../src/cli/runCli';
import { MAX_FILE_BYTES } from '../../src/core/generator/fileSet';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { ProjectSpec, type ProjectSpecInput } from '../../src/model/project/projectSpec';
import { loadFixtureSpec } from '../shared/claudeModels';

/** "Aa", "Ab", … : distinct PascalCase-friendly letter codes. */
function code(i: number): string {
  let s = '';
  do {
    s = String.fromCharCode(97 + (i % 26)) + s;
    i = Math.floor(i / 26);
  } while (i > 0);
  return s;
}

/** The tasks fixture's User and auth, plus entities up to the schema's limit, each with a few fields. */
function specWithEntities(total: number): ProjectSpec {
  const base = loadFixtureSpec('tasks');
  const user = base.entities.find((entity) => entity.name === 'User');
  assert.ok(user);
  const entities: ProjectSpecInput['entities'] = [user];
  for (let i = 0; entities.length < total; i++) {
    const name = `Item${code(i).replace(/^./, (c) => c.toUpperCase())}`;
    entities.push({
      name,
      label: name,
      pluralLabel: `${name}s`,
      fields: [
        { name: 'title', label: 'Title', type: 'string', required: true },
        { name: 'amount', label: 'Amount', type: 'money' },
        { name: 'dueOn', label: 'Due on', type: 'date' },
        { name: 'state', label: 'State', type: 'enum', enumValues: ['open', 'done'] },
      ],
    });
  }
  return ProjectSpec.parse({ ...base, entities, relations: [], rules: [], pages: [] });
}

function countFiles(root: string): number {
  return readdirSync(root, { withFileTypes: true }).reduce((n, entry) => n + (entry.isDirectory() ? countFiles(path.join(root, entry.name)) : 1), 0);
}

describe('a spec at the schema’s entity limit generates whole', function () {
  this.timeout(120_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-large-spec-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('500 entities: takoss generate writes every file, openapi.json included (over 2 MB)', async () => {
    const spec = specWithEntities(500);
    assert.throws(() => ProjectSpec.parse({ ...spec, entities: [...spec.entities, { ...spec.entities[1], name: 'OneTooMany' }] }), /500/, 'this is the limit');
    const specFile = path.join(dir, 'large.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const out = path.join(dir, 'large');
    const stdout: string[] = [];
    const stderr: string[] = [];
    const started = Date.now();
    const code = await runCli(['generate', '--spec', specFile, '--out', out], { out: (line) => stdout.push(line), err: (line) => stderr.push(line) }, {
      extractSpec: () => assert.fail('reads a spec file'),
      runGeneration,
      verifyProject: async () => assert.fail('not asked to verify'),
    });
    const seconds = (Date.now() - started) / 1000;
    assert.equal(code, 0, stderr.filter((line) => /FAILED|warning|limit/.test(line)).join('\n'));
    const summary = JSON.parse(stdout.join('\n'));
    assert.deepEqual(summary.failed, {});
    assert.equal(summary.entities.length, 500);
    assert.equal(countFiles(out), summary.files, 'every file the run produced is on disk');
    const openapi = statSync(path.join(out, 'backend', 'openapi.json')).size;
    assert.ok(openapi > MAX_FILE_BYTES, `openapi.json is ${openapi} bytes`);
    // Measured, not asserted: the time depends on the machine (about 10 s here).
    console.log(`      500 entities: ${summary.files} files, openapi.json ${(openapi / 1024 / 1024).toFixed(1)} MB, ${seconds.toFixed(1)} s`);
  });
});
