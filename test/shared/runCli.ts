// Runs the bundled CLI (dist/cli.js) as the generated-project suites do: one process, its exit code
// and both streams (never throws; a timeout or crash shows as a non-zero code).
import { execFile } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../harness/paths';

export function runCli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(repoRoot, 'dist', 'cli.js'), ...args], { maxBuffer: 64 * 1024 * 1024, timeout: 20 * 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}
