// Generates the backend of each given spec into a temp folder and runs npm install, build and test.
// Usage: node esbuild.mjs --tests && node bench/verify-backend.mjs [spec.json ...] [--keep]
// (defaults to every test/fixtures/specs/*.json). Exits non-zero if any step fails.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { generateBackend } = require(path.join(root, 'out/src/core/generator/backend/index.js'));
const { ProjectSpec } = require(path.join(root, 'out/src/model/project/projectSpec.js'));
const { validateSpec } = require(path.join(root, 'out/src/model/project/specIndex.js'));
const { FileSet } = require(path.join(root, 'out/src/core/generator/fileSet.js'));
const { DEPLOY_LAYER } = require(path.join(root, 'out/src/core/generator/deploy/index.js'));

const args = process.argv.slice(2);
const keep = args.includes('--keep');
const specDir = path.join(root, 'test/fixtures/specs');
const specs = args.filter((a) => !a.startsWith('--'));
const targets = specs.length ? specs : readdirSync(specDir).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(specDir, f));

function step(name, cwd, command, commandArgs) {
  const started = Date.now();
  const result = spawnSync(command, commandArgs, { cwd, encoding: 'utf8', env: { ...process.env, CI: '1', NODE_ENV: '' } });
  const seconds = (Date.now() - started) / 1000;
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  return { name, ok: result.status === 0, seconds, output };
}

/** Starts the built server on a free-ish port and checks /api/health and /api/openapi.json. */
async function smokeStart(cwd) {
  const started = Date.now();
  const port = 40000 + Math.floor(Math.random() * 20000);
  const child = spawn(process.execPath, ['dist/server.js'], { cwd, env: { ...process.env, PORT: String(port), NODE_ENV: 'development' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  let ok = false;
  for (let i = 0; i < 60 && !ok; i++) {
    await new Promise((r) => setTimeout(r, 250));
    try {
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      const openapi = await fetch(`http://127.0.0.1:${port}/api/openapi.json`);
      ok = health.status === 200 && (await health.json()).status === 'ok' && (await openapi.json()).openapi === '3.1.0';
    } catch {
      // not listening yet
    }
  }
  child.kill('SIGTERM');
  return { name: 'start', ok, seconds: (Date.now() - started) / 1000, output };
}

let failed = false;
for (const file of targets) {
  const spec = ProjectSpec.parse(JSON.parse(readFileSync(file, 'utf8')));
  const problems = validateSpec(spec);
  if (problems.length) {
    console.log(`${path.basename(file)}: INVALID SPEC\n  ${problems.join('\n  ')}`);
    failed = true;
    continue;
  }
  const files = new FileSet();
  generateBackend(spec, files);
  // (The backend's secret tests read the root .env.example, which the deploy layer writes.)
  const envExample = DEPLOY_LAYER.files.find((f) => f.path === '.env.example');
  files.add({ path: '.env.example', content: typeof envExample.content === 'function' ? envExample.content(spec) : envExample.content, explanation: 'env' });
  const dir = mkdtempSync(path.join(os.tmpdir(), `takoss-backend-${spec.name}-`));
  for (const generated of files.list()) {
    const target = path.join(dir, generated.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, generated.content);
  }
  const backend = path.join(dir, 'backend');
  const steps = [];
  for (const [name, cmd] of [
    ['install', ['install', '--no-audit', '--no-fund', '--loglevel=error']],
    ['build', ['run', 'build']],
    ['test', ['test']],
  ]) {
    const result = step(name, backend, 'npm', cmd);
    steps.push(result);
    if (!result.ok) break;
  }
  if (steps.length === 3 && steps.every((s) => s.ok)) {
    steps.push(step('seed', backend, 'npm', ['run', 'seed']));
    steps.push(await smokeStart(backend));
  }
  const testStep = steps.find((s) => s.name === 'test');
  const counts = testStep ? /Tests\s+(.*)/.exec(testStep.output.replace(/\x1b\[[0-9;]*m/g, ''))?.[1]?.trim() : undefined;
  const ok = steps.length === 5 && steps.every((s) => s.ok);
  failed ||= !ok;
  console.log(
    `${path.basename(file)}: ${ok ? 'PASS' : 'FAIL'} (${files.size} files) ` +
      steps.map((s) => `${s.name} ${s.ok ? 'ok' : 'FAILED'} ${s.seconds.toFixed(1)}s`).join(', ') +
      (counts ? ` | tests: ${counts}` : ''),
  );
  const broken = steps.find((s) => !s.ok);
  if (broken) console.log(broken.output.split('\n').slice(-80).join('\n'));
  if (keep || broken) console.log(`  kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
