// Starts a built generated backend (backend/dist/server.js) as its users would, on a free port,
// on PGlite in a temp folder or on a PostgreSQL database, with a random JWT secret and a bootstrap
// admin; waits for /api/health. The environment is scrubbed: nothing of the caller's leaks in.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../freePort';

export interface RunningBackend {
  url: string;
  admin: { email: string; password: string };
  output(): string;
  stop(): Promise<void>;
}

export async function startBackend(projectDir: string, options: { databaseUrl?: string; timeoutMs?: number } = {}): Promise<RunningBackend> {
  const port = await freePort();
  const dataDir = options.databaseUrl ? undefined : mkdtempSync(path.join(os.tmpdir(), 'takoss-probe-pglite-'));
  const admin = { email: `admin.${Date.now()}@example.com`, password: `Admin-${randomBytes(9).toString('base64url')}` };
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: os.tmpdir(),
    NODE_ENV: 'development',
    PORT: String(port),
    JWT_SECRET: randomBytes(48).toString('base64url'),
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : { PGLITE_DATA_DIR: dataDir! }),
  };
  const child = spawn(process.execPath, ['dist/server.js'], { cwd: path.join(projectDir, 'backend'), env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await kill(child);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false);
    if (healthy) return { url, admin, output: () => output, stop };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`the backend did not become healthy (exit ${child.exitCode}):\n${output.slice(-2000)}`);
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
