// Starts code-server (a real VS Code) on loopback and drives its workbench in headless Chromium.
// Used by the integration runner (mocha inside the extension host), the browser tests and
// `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { freePort } from '../shared/freePort';
import { ensureCodeServer } from './installCodeServer';
import { chromiumPath, repoRoot } from './paths';

export interface CodeServerOptions {
  /** Folder opened as the workspace; a fresh scratch folder when omitted. */
  workspace?: string;
  /** Leave workspace trust on (to test Restricted Mode). */
  workspaceTrust?: boolean;
  /** Open the workspace folder in the window (default); false starts with no folder open. */
  openFolder?: boolean;
  /** Extra environment for code-server and so for its extension host. */
  env?: NodeJS.ProcessEnv;
  /** Where to copy code-server's log lines; they are kept in memory either way. */
  logFile?: string;
  /** Print code-server's output as it comes (for `npm start`). */
  echo?: boolean;
  port?: number;
  /** Settings written into the fresh user-data-dir before start. */
  userSettings?: Record<string, unknown>;
}

export interface ExtensionHostExit {
  /** The exit code, or null when a signal ended the process. */
  code: number | null;
  signal?: string;
}

/** Parses code-server's "Extension Host Process exited with code: 0, signal: null." log line. */
export function parseExtensionHostExit(line: string): ExtensionHostExit | undefined {
  const match = /Extension Host Process exited with code: (-?\d+|null)(?:, signal: (\w+))?/.exec(line);
  if (!match) return undefined;
  const signal = match[2] && match[2] !== 'null' ? match[2] : undefined;
  return { code: match[1] === 'null' ? null : Number(match[1]), signal };
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class CodeServer {
  readonly logLines: string[] = [];
  private readonly exitListeners: ((exit: ExtensionHostExit) => void)[] = [];
  private exited = false;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    readonly workspace: string,
    private readonly tempDirs: string[],
    private readonly openFolder = true,
  ) {}

  static async start(options: CodeServerOptions = {}): Promise<CodeServer> {
    const entry = await ensureCodeServer();
    const port = options.port ?? (await freePort());
    const tempRoot = mkdtempSync(path.join(os.tmpdir(), 'takoss-code-server-'));
    const userDataDir = path.join(tempRoot, 'user-data');
    const extensionsDir = path.join(tempRoot, 'extensions');
    const workspace = options.workspace ?? path.join(tempRoot, 'workspace');
    mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    mkdirSync(extensionsDir, { recursive: true });
    mkdirSync(workspace, { recursive: true });
    writeFileSync(
      path.join(userDataDir, 'User', 'settings.json'),
      JSON.stringify(
        {
          'workbench.startupEditor': 'none',
          'workbench.tips.enabled': false,
          'workbench.welcomePage.walkthroughs.openOnInstall': false,
          'extensions.autoCheckUpdates': false,
          'extensions.autoUpdate': false,
          'telemetry.telemetryLevel': 'off',
          'update.mode': 'none',
          'security.workspace.trust.enabled': options.workspaceTrust ?? false,
          'chat.disableAIFeatures': true,
          ...options.userSettings,
        },
        null,
        2,
      ),
    );
    const args = [
      entry,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${port}`,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
    ];
    if (!options.workspaceTrust) args.push('--disable-workspace-trust');
    if (options.openFolder !== false) args.push(workspace);
    const child = spawn(process.execPath, args, {
      cwd: repoRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const server = new CodeServer(child, port, workspace, [tempRoot], options.openFolder !== false);
    const logStream = options.logFile ? createWriteStream(options.logFile) : undefined;
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      logStream?.write(text);
      if (options.echo) process.stdout.write(text);
      for (const line of text.split('\n')) {
        if (!line.trim()) continue;
        server.logLines.push(line);
        const exit = parseExtensionHostExit(line);
        if (exit) server.exitListeners.forEach((listener) => listener(exit));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', () => {
      server.exited = true;
      logStream?.end();
    });
    await server.waitForHttp(60_000);
    return server;
  }

  /** code-server answers /healthz once its HTTP server listens. */
  private async waitForHttp(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) {
        throw new Error(`code-server exited during startup:\n${this.logLines.slice(-20).join('\n')}`);
      }
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`code-server did not answer on 127.0.0.1:${this.port} within ${timeoutMs / 1000} s`);
  }

  onExtensionHostExit(listener: (exit: ExtensionHostExit) => void): void {
    this.exitListeners.push(listener);
  }

  remoteUri(absolutePath: string): string {
    return `vscode-remote://127.0.0.1:${this.port}${absolutePath}`;
  }

  /** The workbench URL; the payload loads a development extension and optionally a test module. */
  workbenchUrl(options: { extensionDevelopmentPath?: string; extensionTestsPath?: string } = {}): string {
    const payload: [string, string][] = [];
    if (options.extensionDevelopmentPath) {
      payload.push(['extensionDevelopmentPath', this.remoteUri(options.extensionDevelopmentPath)]);
    }
    if (options.extensionTestsPath) payload.push(['extensionTestsPath', this.remoteUri(options.extensionTestsPath)]);
    // `ew` asks code-server for an empty window (no folder), like a fresh desktop window.
    const query = new URLSearchParams(this.openFolder ? { folder: this.workspace } : { ew: 'true' });
    if (payload.length) query.set('payload', JSON.stringify(payload));
    return `http://127.0.0.1:${this.port}/?${query.toString()}`;
  }

  async stop(): Promise<void> {
    if (!this.exited && this.child.pid) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        // The whole process group: code-server forks the extension host and file watchers.
        process.kill(process.platform === 'win32' ? this.child.pid : -this.child.pid, 'SIGTERM');
      } catch {
        this.child.kill('SIGTERM');
      }
      await Promise.race([exited, sleep(5000)]);
      if (!this.exited) {
        try {
          process.kill(-this.child.pid, 'SIGKILL');
        } catch {
          this.child.kill('SIGKILL');
        }
      }
    }
    for (const dir of this.tempDirs) rmSync(dir, { recursive: true, force: true });
  }
}

export interface Workbench {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Headless Debian Chromium with the flags this closed network needs. */
export async function openWorkbench(url: string, options: { colorScheme?: 'light' | 'dark'; timeoutMs?: number } = {}): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: options.colorScheme ?? 'dark' });
  const page = await context.newPage();
  // On a loaded machine the page alone can take longer than goto's default 30 s: the same budget as the workbench.
  await page.goto(url, { timeout: options.timeoutMs ?? 90_000 });
  try {
    await page.waitForSelector('.monaco-workbench', { timeout: options.timeoutMs ?? 90_000 });
  } catch {
    await browser.close();
    throw new Error(`The VS Code workbench did not load within ${(options.timeoutMs ?? 90_000) / 1000} s at ${url}`);
  }
  return { browser, page, close: () => browser.close() };
}
