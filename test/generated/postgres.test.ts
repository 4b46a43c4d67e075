// Slow: a generated project run for real on a real PostgreSQL server (Debian's postgresql package,
// a throwaway cluster in a temp folder on a free port): its own backend tests with DATABASE_URL set
// (each test file in its own schema), then the built server on PostgreSQL and on PGlite, each
// talked to by the HTTP probe (test/shared/probe): a conversation derived from the spec, not from
// the generated tests. Every probe check must pass on both databases.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { repoRoot } from '../harness/paths';
import { type PostgresServer, postgresUnavailable, startPostgres } from '../shared/postgresServer';
import { startBackend } from '../shared/probe/backendServer';
import { probeBackend } from '../shared/probe/probe';
import { runCli } from '../shared/runCli';

const SPEC = process.env.TAKOSS_POSTGRES_SPEC ?? 'library';

/** Runs a command of the generated project with a scrubbed environment (nothing of ours leaks in). */
function run(cwd: string, command: string, args: string[], extra: Record<string, string> = {}): { ok: boolean; output: string } {
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: os.homedir(), CI: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 10 * 60_000 });
  return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

describe(`a generated project on a real PostgreSQL server (${SPEC})`, function () {
  this.timeout(20 * 60_000);
  const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-postgres-project-'));
  const project = path.join(work, SPEC);
  let postgres: PostgresServer | undefined;
  let spec: ProjectSpec;

  before(async () => {
    const unavailable = postgresUnavailable();
    if (unavailable) throw new Error(`no PostgreSQL server can be started: ${unavailable}`);
    postgres = await startPostgres();
    const specFile = path.join(repoRoot, 'test', 'fixtures', 'specs', `${SPEC}.json`);
    spec = ProjectSpec.parse(JSON.parse(readFileSync(specFile, 'utf8')));
    const generated = await runCli(['generate', '--spec', specFile, '--out', project]);
    if (generated.code !== 0) throw new Error(`takoss generate exited ${generated.code}\n${generated.stderr.slice(-2000)}`);
    for (const args of [['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], ['run', 'build', '--workspace', 'backend']]) {
      const step = run(project, 'npm', args);
      if (!step.ok) throw new Error(`npm ${args[0]} failed:\n${step.output.slice(-2000)}`);
    }
  });
  after(async () => {
    await postgres?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it("passes its own backend tests with DATABASE_URL set (the generated CI's configuration)", async () => {
    const url = await postgres!.createDatabase('generated_tests');
    const tests = run(path.join(project, 'backend'), 'npx', ['vitest', 'run'], { DATABASE_URL: url });
    assert.ok(tests.ok, `the backend tests failed on PostgreSQL:\n${tests.output.slice(-3000)}`);
    // eslint-disable-next-line no-control-regex
    assert.match(tests.output.replace(/\u001b\[[0-9;]*m/g, ''), /Tests\s+\d+ passed/);
    // The tests really use the server: pointed at a port nobody listens on, a test file fails.
    const first = readdirSync(path.join(project, 'backend', 'test')).filter((name) => name.endsWith('.test.ts')).sort()[0];
    const unreachable = run(path.join(project, 'backend'), 'npx', ['vitest', 'run', `test/${first}`], { DATABASE_URL: 'postgres://app@127.0.0.1:1/none' });
    assert.ok(!unreachable.ok && /ECONNREFUSED/.test(unreachable.output), `with an unreachable DATABASE_URL the tests must fail:\n${unreachable.output.slice(-1000)}`);
  });

  for (const database of ['postgres', 'pglite'] as const) {
    it(`answers every check of the HTTP probe on ${database === 'postgres' ? 'PostgreSQL' : 'PGlite'}`, async () => {
      const databaseUrl = database === 'postgres' ? await postgres!.createDatabase('probe_run') : undefined;
      const backend = await startBackend(project, { databaseUrl });
      try {
        const report = await probeBackend(spec, backend.url, { admin: backend.admin });
        const failed = report.failed.map((c) => `[${c.area}] ${c.name}: ${c.detail ?? ''}`);
        assert.deepEqual(failed, [], `${failed.length} of ${report.checks.length} probe checks failed`);
        assert.ok(report.checks.length >= 40, `only ${report.checks.length} checks ran`);
      } finally {
        await backend.stop();
      }
    });
  }
});
