// Verification installs with --ignore-scripts: the generated projects must not rely on install
// scripts or on pre/post hooks of build and test (npm skips those too). Checked on the package.json
// files generated from every fixture spec; test/generated checks a real install's lockfile.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { generateProject } from '../../src/core/generator';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { INSTALL_LIFECYCLE } from '../shared/installScripts';

const specsDir = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');

interface PackageJson {
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

describe('generated projects need no install scripts', () => {
  const specs = readdirSync(specsDir).filter((name) => name.endsWith('.json'));

  it('has fixture specs to check', () => assert.ok(specs.length >= 5, `found ${specs.join(', ')}`));

  for (const name of specs) {
    it(`${name}: no install script, no pre/post hook, only registry versions`, () => {
      const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(specsDir, name), 'utf8')));
      const manifests = generateProject(spec)
        .list()
        .filter((file) => file.path === 'package.json' || file.path.endsWith('/package.json'));
      assert.deepEqual(manifests.map((file) => file.path).sort(), ['backend/package.json', 'frontend/package.json', 'package.json']);
      for (const file of manifests) {
        const pkg = JSON.parse(file.content) as PackageJson;
        const scripts = Object.keys(pkg.scripts ?? {});
        assert.deepEqual(scripts.filter((script) => INSTALL_LIFECYCLE.includes(script)), [], `${file.path}: install scripts`);
        // npm run/test --ignore-scripts skip pre/post hooks: the project must not need one.
        assert.deepEqual(scripts.filter((script) => /^(pre|post)./.test(script) && scripts.includes(script.replace(/^(pre|post)/, ''))), [], `${file.path}: hooks`);
        // A git, file, link or URL dependency is built by its own prepare script on install.
        const versions = { ...pkg.dependencies, ...pkg.devDependencies, ...pkg.optionalDependencies };
        for (const [dependency, version] of Object.entries(versions)) {
          assert.match(version, /^[\^~]?\d+\.\d+\.\d+$/, `${file.path}: ${dependency}@${version} is a registry version`);
        }
      }
    });
  }
});
