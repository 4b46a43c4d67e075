// A real, throwaway PostgreSQL server for the slow suites and benches: a new cluster in a temp
// folder, listening on 127.0.0.1 only, on a free port, with trust auth for one user (nothing but
// this machine can reach it, and it is gone when stopped). Uses the server binaries of Debian's
// `postgresql` package (.ci/run installs it). PostgreSQL refuses to run as root, so when the
// tests run as root the cluster belongs to the `postgres` user the package creates.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './freePort';

export interface PostgresServer {
  /** Connection string of the server's `postgres` database, as user `app`. */
  url: string;
  port: number;
  /** A new empty database on the server; returns its connection string. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

/** Why no server can be started here, or undefined when one can. */
export function postgresUnavailable(): string | undefined {
  if (!findBinaries()) return 'PostgreSQL server binaries (initdb, pg_ctl) were not found: install Debian\'s postgresql package';
  if (process.getuid?.() === 0 && !userIds('postgres')) return 'running as root and there is no postgres user to own the cluster';
  return undefined;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = findBinaries();
  if (!bin) throw new Error(postgresUnavailable());
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-postgres-'));
  const owner = process.getuid?.() === 0 ? userIds('postgres') : undefined;
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const data = path.join(dir, 'data');
  const run = (tool: string, args: string[]) => runAs(owner ? 'postgres' : undefined, path.join(bin, tool), args, dir);
  const port = await freePort();
  // fsync off: a test cluster never needs to survive a crash, and it keeps the suite fast.
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c max_connections=200`;
  try {
    await run('initdb', ['-D', data, '-U', 'app', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync']);
    await run('pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  } catch (error) {
    await run('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const url = (database: string) => `postgres://app@127.0.0.1:${port}/${database}`;
  let stopped = false;
  return {
    url: url('postgres'),
    port,
    async createDatabase(name) {
      if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
      await run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'app', '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`]);
      return url(name);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The folder holding initdb, pg_ctl and psql: on PATH, or Debian's /usr/lib/postgresql/<newest>/bin. */
export function findBinaries(): string | undefined {
  const onPath = (process.env.PATH ?? '').split(path.delimiter).find((dir) => dir && existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl')));
  // /usr/local/bin may hold links to a few of the tools only: use the folder they point into.
  if (onPath) return path.dirname(realpathSync(path.join(onPath, 'initdb')));
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((name) => /^\d+$/.test(name)).sort((a, b) => Number(b) - Number(a));
  return versions.map((version) => path.join(root, version, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')));
}

function userIds(name: string): { uid: number; gid: number } | undefined {
  try {
    const line = readFileSync('/etc/passwd', 'utf8').split('\n').find((entry) => entry.startsWith(`${name}:`));
    if (!line) return undefined;
    const [, , uid, gid] = line.split(':');
    return { uid: Number(uid), gid: Number(gid) };
  } catch {
    return undefined;
  }
}

function runAs(user: string | undefined, command: string, args: string[], cwd: string): Promise<string> {
  const [file, argv] = user ? ['runuser', ['-u', user, '--', command, ...args]] : [command, args];
  return new Promise((resolve, reject) => {
    execFile(file, argv, { cwd, timeout: 120_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8' } }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${path.basename(command)} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve(stdout);
    });
  });
}
