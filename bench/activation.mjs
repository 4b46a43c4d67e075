// Activation cost (issue #13, step 6): the size of the bundle VS Code loads eagerly
// (dist/extension.js) and of the one loaded on first use (dist/host.js), the time to require the
// eager bundle and call activate() in fresh Node processes (a stub `vscode` module), and the time
// getExtension(id).activate() takes inside a real VS Code extension host (code-server), plus the
// first use that loads the rest. Targets: eager bundle < 300 KB, activation < 50 ms in the host.
// Usage: node bench/activation.mjs [--runs N (default 15)] [--no-build] [--no-host]
//   builds production first (node esbuild.mjs --production), and the tests (node esbuild.mjs --tests)
//   for the host probe (test/bench/activation.ts). Rebuild without --production afterwards for the
//   integration tests if you want source maps.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const runs = Number(option('--runs', 15));
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

if (!args.includes('--no-build')) {
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
  if (!args.includes('--no-host')) execFileSync(process.execPath, ['esbuild.mjs', '--tests'], { cwd: root, stdio: 'inherit' });
}

const bundles = ['dist/extension.js', 'dist/host.js'].filter((file) => existsSync(path.join(root, file)));
for (const file of bundles) {
  const bytes = readFileSync(path.join(root, file));
  console.log(`${file.padEnd(18)} ${kb(bytes.length).padStart(10)}  (${kb(gzipSync(bytes).length)} gzip)${file === 'dist/extension.js' ? '  <- loaded at activation, target < 300 KB' : '  <- loaded on first use'}`);
}

// One fresh Node process: `vscode` is a module of the API's top-level names (read from
// @types/vscode), each a stub where every property, call and `new` gives the stub again, so the
// bundle's top level and activate() run without a host (API calls do nothing). The stub is also a
// thenable that never settles: activate() may chain on an API promise (findFiles(...).then) and the
// chained work simply never runs, as if the host were slow to answer.
const vscodeTypes = readFileSync(path.join(root, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
const apiNames = [...new Set([...vscodeTypes.matchAll(/^\t?(?: {4})?export (?:namespace|class|enum|const|let|function|interface) (\w+)/gm)].map((m) => m[1]))];
const probe = `
const Module = require('node:module');
const stub = new Proxy(function () {}, {
  get: (_, key) => (key === Symbol.toPrimitive ? () => '0' : key === 'then' ? () => stub : typeof key === 'symbol' ? undefined : stub),
  apply: () => stub,
  construct: () => stub,
});
const vscode = Object.fromEntries(process.argv[2].split(',').map((name) => [name, stub]));
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };
const context = { subscriptions: [], extension: { packageJSON: { version: '0' } }, secrets: stub, globalStorageUri: stub, storageUri: undefined, extensionUri: stub };
require(process.argv[3]); // an empty module first: the loader's own start-up is not the bundle's
const started = performance.now();
const extension = require(process.argv[1]);
const required = performance.now();
extension.activate(context);
const activated = performance.now();
process.stdout.write(JSON.stringify({ requireMs: required - started, activateMs: activated - required }));
`;
const emptyModule = path.join(mkdtempSync(path.join(os.tmpdir(), 'takoss-bench-')), 'empty.js');
writeFileSync(emptyModule, '');
const samples = [];
for (let i = 0; i < runs; i++) {
  const output = execFileSync(process.execPath, ['-e', probe, path.join(root, 'dist/extension.js'), apiNames.join(','), emptyModule], { encoding: 'utf8' });
  samples.push(JSON.parse(output));
}
const requireMs = median(samples.map((s) => s.requireMs));
const activateMs = median(samples.map((s) => s.activateMs));
console.log(`node, stub vscode   require ${requireMs.toFixed(1)} ms + activate() ${activateMs.toFixed(1)} ms  (median of ${runs} fresh processes)`);

if (!args.includes('--no-host')) {
  const require = createRequire(import.meta.url);
  const { runIntegration } = require(path.join(root, 'out/test/harness/runIntegration.js'));
  const outDir = path.join(root, 'test-artifacts', 'bench-activation');
  const summary = await runIntegration({ extensionTestsPath: path.join(root, 'out/test/bench/activation.js'), outDir, quiet: true });
  if (!summary.completed || summary.failures) {
    console.error(`the host probe did not complete (${summary.note ?? summary.failureTitles.join('; ')}); see ${outDir}`);
    process.exit(1);
  }
  const host = JSON.parse(readFileSync(path.join(outDir, 'activation.json'), 'utf8'));
  console.log(`real host (VS Code ${host.vscodeVersion}, code-server)  activate ${host.activateMs.toFixed(1)} ms  <- target < 50 ms${host.wasActive ? '  (WARNING: it was already active)' : ''}`);
  const hostBundle = host.hostBundleMs === null ? 'there is no dist/host.js' : `loading dist/host.js takes ${host.hostBundleMs.toFixed(1)} ms`;
  console.log(`  of which loading dist/extension.js ${host.extensionBundleMs.toFixed(1)} ms (the rest is VS Code setting up the extension context); ${hostBundle}`);
  console.log(`  first use: Takoss: Generate Project ${host.firstCommandMs.toFixed(1)} ms (loads the rest and opens the panel), again ${host.secondCommandMs.toFixed(1)} ms`);
}
