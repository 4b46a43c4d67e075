// Runs generated apps for real and talks to them (issue #14): generates each sample text
// (test/fixtures/requirements/*.txt) and each fixture spec (test/fixtures/specs/*.json) with the
// bundled CLI, installs (--ignore-scripts) and builds it, starts the backend on PGlite and on a real
// PostgreSQL server (a throwaway cluster, see test/shared/postgresServer.ts), and runs the HTTP
// probe of test/shared/probe: a conversation derived from the spec, not from the generated tests
// (CRUD per entity, bad input, each relation's delete behaviour, each rule violated and respected,
// sign-in, ownership and privacy boundaries, no 5xx). Prints a table and every failed check.
// Usage: node esbuild.mjs && node esbuild.mjs --tests && node bench/probe-generated.mjs
//   [--only name,name] [--no-postgres] [--keep] [--json FILE]
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const { probeBackend } = require(path.join(root, 'out/test/shared/probe/probe.js'));
const { startBackend } = require(path.join(root, 'out/test/shared/probe/backendServer.js'));
const { startPostgres, postgresUnavailable } = require(path.join(root, 'out/test/shared/postgresServer.js'));
const { ProjectSpec } = require(path.join(root, 'out/src/model/project/projectSpec.js'));

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const only = option('--only')?.split(',');
const withPostgres = !args.includes('--no-postgres');
const keep = args.includes('--keep');

const samplesDir = path.join(root, 'test/fixtures/requirements');
const specsDir = path.join(root, 'test/fixtures/specs');
const targets = [
  ...readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).sort().map((f) => ({ name: `sample ${f.replace(/\.txt$/, '')}`, input: ['--requirements-file', path.join(samplesDir, f)] })),
  ...readdirSync(specsDir).filter((f) => f.endsWith('.json')).sort().map((f) => ({ name: `spec ${f.replace(/\.json$/, '')}`, input: ['--spec', path.join(specsDir, f)] })),
].filter((t) => !only || only.some((o) => t.name.endsWith(` ${o}`)));

const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-probe-'));
const cleanEnv = { PATH: process.env.PATH, HOME: process.env.HOME, npm_config_cache: process.env.npm_config_cache ?? path.join(os.homedir(), '.npm') };

function prepare(target) {
  const dir = path.join(work, target.name.replace(/\W+/g, '-'));
  const specFile = `${dir}.spec.json`;
  execFileSync(process.execPath, [path.join(root, 'dist/cli.js'), 'generate', ...target.input, '--out', dir, '--spec-out', specFile], { stdio: 'pipe' });
  for (const [command, commandArgs] of [['npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error']], ['npm', ['run', 'build', '--workspace', 'backend']]]) {
    const result = spawnSync(command, commandArgs, { cwd: dir, env: cleanEnv, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} ${commandArgs[0]} failed:\n${(result.stdout + result.stderr).slice(-1500)}`);
  }
  return { dir, spec: ProjectSpec.parse(JSON.parse(readFileSync(specFile, 'utf8'))) };
}

async function probeOn(database, project, postgres, index) {
  const databaseUrl = database === 'postgres' ? await postgres.createDatabase(`probe_${index}`) : undefined;
  const started = Date.now();
  const backend = await startBackend(project.dir, { databaseUrl });
  try {
    const report = await probeBackend(project.spec, backend.url, { admin: backend.admin });
    return { report, seconds: (Date.now() - started) / 1000 };
  } finally {
    await backend.stop();
  }
}

const rows = [];
const unavailable = withPostgres ? postgresUnavailable() : 'skipped (--no-postgres)';
if (unavailable) console.log(`PostgreSQL: ${unavailable}`);
const postgres = unavailable ? undefined : await startPostgres();
try {
  for (const [index, target] of targets.entries()) {
    let project;
    try {
      project = prepare(target);
    } catch (error) {
      rows.push({ target: target.name, database: '-', passed: 0, total: 0, failed: [{ area: 'setup', name: String(error.message).split('\n')[0], detail: error.message }], notProbed: [] });
      continue;
    }
    for (const database of postgres ? ['pglite', 'postgres'] : ['pglite']) {
      try {
        const { report, seconds } = await probeOn(database, project, postgres, index);
        rows.push({ target: target.name, database, passed: report.passed, total: report.checks.length, failed: report.failed, notProbed: report.notProbed, seconds });
      } catch (error) {
        rows.push({ target: target.name, database, passed: 0, total: 0, failed: [{ area: 'start', name: 'backend starts', detail: String(error.message).slice(0, 800) }], notProbed: [] });
      }
      const last = rows.at(-1);
      console.log(`${last.target.padEnd(20)} ${database.padEnd(9)} ${String(last.passed).padStart(4)}/${String(last.total).padEnd(4)} ${last.failed.length ? `${last.failed.length} failed` : 'all passed'}`);
    }
  }
} finally {
  await postgres?.stop();
  if (!keep) rmSync(work, { recursive: true, force: true });
  else console.log(`projects kept in ${work}`);
}

console.log('\n| target | database | checks passed | failed | not probed |\n|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.target} | ${row.database} | ${row.passed}/${row.total} | ${row.failed.length} | ${row.notProbed.length} |`);
const totals = rows.reduce((sum, row) => ({ passed: sum.passed + row.passed, total: sum.total + row.total }), { passed: 0, total: 0 });
console.log(`\nall: ${totals.passed}/${totals.total} checks passed (${rows.filter((r) => r.failed.length === 0 && r.total > 0).length}/${rows.length} runs clean)`);
for (const row of rows.filter((r) => r.failed.length)) {
  console.log(`\n${row.target} on ${row.database}:`);
  for (const check of row.failed) console.log(`  ✘ [${check.area}] ${check.name}${check.detail ? `\n      ${check.detail}` : ''}`);
}
const notProbed = rows.flatMap((r) => r.notProbed.map((n) => `${r.target}/${r.database} [${n.area}] ${n.name}: ${n.why}`));
if (notProbed.length) console.log(`\nnot probed (${notProbed.length}):\n  ${[...new Set(notProbed.map((n) => n.replace(/\/(pglite|postgres)/, '')))].join('\n  ')}`);
if (option('--json')) writeFileSync(option('--json'), JSON.stringify(rows, null, 2));
process.exitCode = rows.every((r) => r.failed.length === 0 && r.total > 0) ? 0 : 1;
