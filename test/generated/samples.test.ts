// Slow: the real CLI generates projects from sample requirement texts, then installs, builds and
// tests each generated project (npm registry only). Proves the offline generator's output works.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/paths';
import { runCli } from '../shared/runCli';

const SAMPLES = (process.env.TAKOSS_GENERATED_SAMPLES ?? 'blog,events,tasks').split(',').map((s) => s.trim()).filter(Boolean);

describe('generated projects install, build and pass their own tests', function () {
  this.timeout(25 * 60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-generated-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const sample of SAMPLES) {
    it(`${sample}: takoss generate --verify`, async () => {
      const requirements = path.join(repoRoot, 'test', 'fixtures', 'requirements', `${sample}.txt`);
      const out = path.join(work, sample);
      const result = await runCli(['generate', '--requirements-file', requirements, '--out', out, '--verify']);
      const summary = result.stdout.trim() ? JSON.parse(result.stdout) : undefined;
      if (result.code !== 0) {
        assert.fail(`takoss generate exited ${result.code}\n${result.stderr.split('\n').slice(-40).join('\n')}`);
      }
      assert.equal(summary?.verify?.ok, true);
      assert.deepEqual(summary.verify.steps.map((s: { name: string }) => s.name), ['install', 'build', 'test']);
      const manifest = JSON.parse(readFileSync(path.join(out, '.takoss', 'manifest.json'), 'utf8'));
      assert.ok(Array.isArray(manifest.files) && manifest.files.length > 10, 'the manifest lists the files');
    });
  }

  it('blog without tests and Docker (--no-tests --no-docker) still installs, builds and passes npm test', async () => {
    const requirements = path.join(repoRoot, 'test', 'fixtures', 'requirements', 'blog.txt');
    const out = path.join(work, 'blog-lean');
    const result = await runCli(['generate', '--requirements-file', requirements, '--out', out, '--verify', '--no-tests', '--no-docker']);
    if (result.code !== 0) assert.fail(`takoss generate exited ${result.code}\n${result.stderr.split('\n').slice(-40).join('\n')}`);
    const summary = JSON.parse(result.stdout);
    assert.equal(summary.verify.ok, true);
    const manifest = JSON.parse(readFileSync(path.join(out, '.takoss', 'manifest.json'), 'utf8')) as { files: { path: string }[] };
    const paths = manifest.files.map((f) => f.path);
    assert.ok(!paths.some((p) => /\.test\.tsx?$|Dockerfile|docker-compose/.test(p)), `no tests or Docker files: ${paths.filter((p) => /test|docker/i.test(p)).join(', ')}`);
  });
});
