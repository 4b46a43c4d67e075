// Installs code-server (a real VS Code: server + web workbench) from the npm registry into
// .vscode-test/, and reuses it when present. @vscode/test-electron cannot download VS Code on
// machines that only reach the npm registry; this is the offline replacement.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { codeServerDir, codeServerVersion } from './paths';

const marker = path.join(codeServerDir, '.installed');
export const codeServerEntry = path.join(codeServerDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, command);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

/** VS Code's @vscode/ripgrep downloads `rg` from GitHub in postinstall, but looks in a cache first. */
async function seedRipgrepCache(): Promise<void> {
  const rg = which('rg');
  if (!rg) throw new Error('ripgrep is required to install code-server offline: apt-get install -y ripgrep');
  const arch = ({ x64: 'x86_64', arm64: 'aarch64' } as Record<string, string>)[process.arch];
  if (!arch) throw new Error(`Unsupported architecture for the ripgrep cache: ${process.arch}`);
  for (const version of ['1.15.11', '1.15.10', '1.15.9']) {
    const cache = path.join(os.tmpdir(), `vscode-ripgrep-cache-${version}`);
    const asset = path.join(cache, `ripgrep-v13.0.0-10-${arch}-unknown-linux-musl.tar.gz`);
    if (existsSync(asset)) continue;
    mkdirSync(cache, { recursive: true });
    await run('tar', ['czf', asset, '-C', path.dirname(rg), path.basename(rg)]);
  }
}

export function isCodeServerInstalled(): boolean {
  return existsSync(marker) && existsSync(codeServerEntry) && readFileSync(marker, 'utf8').trim() === codeServerVersion;
}

export async function ensureCodeServer(): Promise<string> {
  if (isCodeServerInstalled()) {
    console.log(`code-server ${codeServerVersion}: reusing ${codeServerDir}`);
    return codeServerEntry;
  }
  console.log(`code-server ${codeServerVersion}: installing into ${codeServerDir} (about a minute, ~320 MB)`);
  mkdirSync(codeServerDir, { recursive: true });
  writeFileSync(
    path.join(codeServerDir, 'package.json'),
    JSON.stringify({ name: 'takoss-code-server-cache', private: true, description: 'test harness cache' }, null, 2),
  );
  await seedRipgrepCache();
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  await run(npm, ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', `code-server@${codeServerVersion}`], {
    cwd: codeServerDir,
    // code-server's postinstall refuses root without unsafe-perm; a nested `npx node-gyp` needs yes.
    env: { ...process.env, npm_config_yes: 'true', npm_config_unsafe_perm: 'true' },
  });
  if (!existsSync(codeServerEntry)) {
    throw new Error(`code-server installed but ${codeServerEntry} is missing; delete ${codeServerDir} and retry`);
  }
  writeFileSync(marker, codeServerVersion + '\n');
  console.log(`code-server ${codeServerVersion}: installed`);
  return codeServerEntry;
}

if (require.main === module) {
  ensureCodeServer().catch((error: Error) => {
    console.error(`install-code-server: ${error.message}`);
    process.exit(1);
  });
}
