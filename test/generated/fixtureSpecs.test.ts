// Slow: the real CLI generates whole projects from reviewed fixture specs (test/fixtures/specs/),
// then installs, builds and tests each (npm registry only). The studio fixture holds the rule kinds
// the extractor may not produce from text yet: date order, conditional refusals, number ranges; the
// daycare fixture holds limits per day/week/month (with and without a parent) and refusals with a margin;
// the shop fixture a refusal some roles are excepted from (managers change and delete shipped orders).
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from '../harness/paths';
import { INSTALL_SCRIPTS_NOT_NEEDED } from '../shared/installScripts';
import { runCli } from '../shared/runCli';

const SPECS = (process.env.TAKOSS_GENERATED_SPECS ?? 'studio,daycare,shop').split(',').map((s) => s.trim()).filter(Boolean);

describe('projects generated from fixture specs install, build and pass their own tests', function () {
  this.timeout(25 * 60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-fixture-specs-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  for (const name of SPECS) {
    it(`${name}: takoss generate --spec --verify`, async () => {
      const spec = path.join(repoRoot, 'test', 'fixtures', 'specs', `${name}.json`);
      const result = await runCli(['generate', '--spec', spec, '--out', path.join(work, name), '--verify']);
      if (result.code !== 0) assert.fail(`takoss generate exited ${result.code}\n${result.stderr.split('\n').slice(-40).join('\n')}`);
      const summary = JSON.parse(result.stdout);
      assert.equal(summary.verify?.ok, true);
      assert.deepEqual(summary.verify.steps.map((s: { name: string }) => s.name), ['install', 'build', 'test']);
      // Installed with --ignore-scripts: only dependencies known to work without their script have one.
      const lock = JSON.parse(readFileSync(path.join(work, name, 'package-lock.json'), 'utf8')) as { packages: Record<string, { hasInstallScript?: boolean }> };
      const scripted = Object.entries(lock.packages).filter(([, entry]) => entry.hasInstallScript).map(([where]) => where.replace(/^.*node_modules\//, ''));
      assert.deepEqual(scripted.filter((pkg) => !(pkg in INSTALL_SCRIPTS_NOT_NEEDED)), [], 'dependencies that would need their install script');
      if (scripted.includes('esbuild')) {
        const platform = path.join(work, name, 'node_modules', '@esbuild', `${process.platform}-${process.arch}`);
        assert.ok(existsSync(platform), `esbuild's binary comes from its platform package: ${platform}`);
      }
    });
  }
});
