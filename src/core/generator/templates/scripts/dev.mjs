// Starts the backend and the frontend dev servers together; output is prefixed with the
// workspace name, and stopping one (or Ctrl+C) stops both.
import { spawn } from 'node:child_process';

const workspaces = ['backend', 'frontend'];
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const children = [];
let stopping = false;

// Each workspace runs in its own process group so stopping it also stops what npm started
// (the watcher and the server), not just npm itself.
const ownGroup = process.platform !== 'win32';

function stopAll(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.exitCode !== null) continue;
    try {
      if (ownGroup) process.kill(-child.pid, 'SIGTERM');
      else child.kill('SIGTERM');
    } catch {
      // Already gone.
    }
  }
  process.exitCode = code;
}

for (const workspace of workspaces) {
  const child = spawn(npm, ['run', 'dev', '--workspace', workspace], {
    stdio: ['ignore', 'pipe', 'pipe'],
    shell: process.platform === 'win32',
    detached: ownGroup,
  });
  const prefix = '[' + workspace + '] ';
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream.on('data', (chunk) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code) => stopAll(code ?? 1));
  children.push(child);
}

process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));
