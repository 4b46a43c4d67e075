// Queries and scripts on a real PostgreSQL database through its own client, psql (Takoss has no
// PostgreSQL driver of its own): scripts stop at the first error, query rows come back as JSON.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { findBinaries } from './postgresServer';

export interface PsqlRunner {
  exec(sql: string): Promise<void>;
  query<T>(sql: string): Promise<{ rows: T[] }>;
}

export function psqlRunner(url: string): PsqlRunner {
  const bin = findBinaries();
  if (!bin) throw new Error('psql was not found: install Debian\'s postgresql package');
  const psql = (args: string[], input?: string) =>
    new Promise<string>((resolve, reject) => {
      const child = execFile(path.join(bin, 'psql'), ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', url, ...args], { timeout: 60_000, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
        if (error) reject(new Error(`psql failed: ${stderr || error.message}`));
        else resolve(stdout);
      });
      child.stdin?.end(input ?? '');
    });
  return {
    async exec(sql) {
      await psql(['-f', '-'], sql);
    },
    async query<T>(sql: string) {
      const out = await psql(['-t', '-A', '-c', `SELECT coalesce(json_agg(q), '[]'::json) FROM (${sql}) q`]);
      return { rows: JSON.parse(out) as T[] };
    },
  };
}
