import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateCommand, type GenerateDeps } from '../../src/cli/generateCommand';
import { generateProject, InvalidSpecError } from '../../src/core/generator';
import { TakossManifest } from '../../src/core/generator/project';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { FakeAnthropicServer, toolMessage } from '../fake-anthropic/server';
import { extractSpec } from '../../src/core/extract';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { VerifyResult } from '../../src/core/verify/verifier';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const loadSpec = (name: string) => ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, `${name}.json`), 'utf8')));

describe('generateProject (all layers)', () => {
  for (const name of readdirSync(fixtures).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, ''))) {
    it(`${name}: every layer's files, and a manifest that explains each of them`, () => {
      const spec = loadSpec(name);
      const files = generateProject(spec).list();
      const paths = files.map((f) => f.path);
      for (const expected of ['package.json', 'README.md', 'backend/package.json', 'frontend/package.json', 'docker-compose.yml', '.takoss/manifest.json']) {
        assert.ok(paths.includes(expected), `${expected} is generated`);
      }
      const manifest = TakossManifest.parse(JSON.parse(files.find((f) => f.path === '.takoss/manifest.json')?.content ?? ''));
      const described = new Set(manifest.files.map((f) => f.path));
      for (const file of files) {
        if (file.path !== '.takoss/manifest.json') assert.ok(described.has(file.path), `${file.path} is in the manifest`);
        assert.ok(file.explanation.length > 10, `${file.path} explains itself`);
      }
    });
  }

  it('gives byte-identical files for the same spec', () => {
    const spec = loadSpec('tasks');
    const first = generateProject(spec).list();
    const second = generateProject(structuredClone(spec)).list();
    assert.deepEqual(second.map((f) => [f.path, f.content]), first.map((f) => [f.path, f.content]));
  });

  it('refuses an inconsistent spec with every problem listed', () => {
    const spec = loadSpec('events');
    spec.relations.push({ ...spec.relations[0], to: 'Ghost', name: 'ghost' });
    assert.throws(() => generateProject(spec), (error: unknown) => error instanceof InvalidSpecError && /unknown entity Ghost/.test(error.message));
  });
});

describe('takoss generate (CLI)', () => {
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-generate-'));
  const verified: string[] = [];
  let verifyOk = true;
  const deps: GenerateDeps = {
    extractSpec,
    runGeneration,
    verifyProject: async (dir): Promise<VerifyResult> => {
      verified.push(dir);
      const step = (name: 'install' | 'build' | 'test', ok: boolean) => ({
        name, ok, exitCode: ok ? 0 : 1, signal: null, durationMs: 1, timedOut: false, cancelled: false,
        firstErrors: ok ? [] : ['FAIL test/posts.test.ts'], outputTail: '',
      });
      return verifyOk
        ? { ok: true, steps: [step('install', true), step('build', true), step('test', true)], durationMs: 3 }
        : { ok: false, steps: [step('install', true), step('build', true), step('test', false)], failedStep: 'test', durationMs: 3 };
    },
  };
  async function cli(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await generateCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l) }, deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('writes a project from requirements text and prints a summary', async () => {
    const out = path.join(work, 'blog');
    const result = await cli('--requirements', 'Blog with auth and posts.', '--out', out);
    assert.equal(result.code, 0, result.err);
    const summary = JSON.parse(result.out);
    assert.deepEqual(summary.entities.sort(), ['Post', 'User']);
    assert.ok(readFileSync(path.join(out, 'backend', 'package.json'), 'utf8').includes('"name"'));
    assert.match(result.err, /spec: 2 entities/);
    assert.match(result.err, /\[\s*\d+\/\d+\] API routes: Post — 1 file: posts\.ts/);
    assert.match(result.err, /Verification skipped: not requested/);
    // Verification and repair were not asked for: left out, which does not make the run partial.
    assert.equal(summary.status, 'succeeded');
    assert.match(result.err, /run succeeded: \d+ stages done, 0 failed, 2 skipped \(2 not asked for\), 0 cancelled; \d+ files in [\d.]+ (ms|s)/);
  });

  it('refuses a non-empty folder unless --force, without touching it', async () => {
    const out = path.join(work, 'busy');
    await cli('--requirements', 'Blog with auth and posts.', '--out', out);
    writeFileSync(path.join(out, 'README.md'), 'my notes');
    const refused = await cli('--requirements', 'Blog with auth and posts.', '--out', out);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /not empty/);
    assert.equal(readFileSync(path.join(out, 'README.md'), 'utf8'), 'my notes');
    assert.equal((await cli('--requirements', 'Blog with auth and posts.', '--out', out, '--force')).code, 0);
  });

  it('round-trips a reviewed spec through --spec-out and --spec', async () => {
    const specFile = path.join(work, 'spec.json');
    assert.equal((await cli('--requirements-file', path.join(fixtures, '..', 'requirements', 'tasks.txt'), '--spec-out', specFile)).code, 0);
    const a = path.join(work, 'from-text');
    const b = path.join(work, 'from-spec');
    await cli('--requirements-file', path.join(fixtures, '..', 'requirements', 'tasks.txt'), '--out', a);
    assert.equal((await cli('--spec', specFile, '--out', b)).code, 0);
    assert.equal(readFileSync(path.join(a, 'backend', 'src', 'db', 'schema.ts'), 'utf8'), readFileSync(path.join(b, 'backend', 'src', 'db', 'schema.ts'), 'utf8'));
  });

  it('explains bad input: no source, two sources, unreadable or invalid spec, unknown flag', async () => {
    assert.equal((await cli('--out', path.join(work, 'x'))).code, 2);
    assert.equal((await cli('--requirements', 'a', '--spec', 'b', '--out', path.join(work, 'x'))).code, 2);
    const missing = await cli('--spec', path.join(work, 'nope.json'), '--out', path.join(work, 'x'));
    assert.match(missing.err, /cannot read spec/);
    const badSpec = path.join(work, 'bad.json');
    writeFileSync(badSpec, JSON.stringify({ name: 'Bad Name!' }));
    const invalid = await cli('--spec', badSpec, '--out', path.join(work, 'x'));
    assert.equal(invalid.code, 2);
    assert.match(invalid.err, /not valid/);
    assert.equal((await cli('--requirements', 'x', '--bogus')).code, 2);
  });

  it('says there is nothing to generate for text without entities', async () => {
    const result = await cli('--requirements', '   ', '--out', path.join(work, 'empty'));
    assert.equal(result.code, 1);
    assert.match(result.err, /nothing was generated[\s\S]*has no entities, so there is nothing to generate/);
  });

  it('--provider anthropic needs an API key and says where to put it', async () => {
    const saved = deps.env;
    deps.env = {};
    const result = await cli('--requirements', 'Blog with auth and posts.', '--out', path.join(work, 'nokey'), '--provider', 'anthropic');
    deps.env = saved;
    assert.equal(result.code, 2);
    assert.match(result.err, /ANTHROPIC_API_KEY/);
    assert.equal((await cli('--requirements', 'x', '--out', path.join(work, 'p'), '--provider', 'gpt')).code, 2);
    assert.equal((await cli('--requirements', 'x', '--out', path.join(work, 'p'), '--budget', '-1')).code, 2);
  });

  it('--provider anthropic runs hybrid: Claude refines, usage is reported', async () => {
    const fake = await FakeAnthropicServer.start();
    try {
      const spec = extractSpec('Blog with auth and posts.');
      fake.enqueue(toolMessage('emit_spec', spec, { input_tokens: 900, output_tokens: 700 }), toolMessage('emit_explanations', { files: [] }));
      const saved = { env: deps.env, create: deps.createClaudeProvider };
      deps.env = { ANTHROPIC_API_KEY: 'test-key' };
      deps.createClaudeProvider = (apiKey) => new AnthropicProvider({ apiKey, baseURL: fake.url });
      const result = await cli('--requirements', 'Blog with auth and posts.', '--out', path.join(work, 'hybrid'), '--provider', 'anthropic', '--budget', '1');
      Object.assign(deps, { env: saved.env, createClaudeProvider: saved.create });
      assert.equal(result.code, 0, result.err);
      const summary = JSON.parse(result.out);
      assert.equal(summary.provider, 'anthropic');
      assert.ok(summary.usage.costUsd > 0);
      assert.equal(fake.requests.length, 2);
      assert.match(result.err, /Domain model — .*refined by Claude/);
    } finally {
      await fake.close();
    }
  });

  it('runs the verifier with --verify and fails when the project does not pass', async () => {
    verifyOk = false;
    const out = path.join(work, 'verify-fail');
    const result = await cli('--requirements', 'Blog with auth and posts.', '--out', out, '--verify');
    verifyOk = true;
    assert.equal(result.code, 1);
    assert.deepEqual(verified.at(-1), out);
    assert.equal(JSON.parse(result.out).verify.failedStep, 'test');
    assert.match(result.err, /verify: test FAILED/);
    assert.match(result.err, /Repair FAILED: .*cannot repair/);
  });
});
