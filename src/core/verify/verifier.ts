// Runs a generated project's install, build and tests in child processes, with a timeout per
// step, streamed output and a structured result (which step failed, the first errors). It runs
// generated code: callers must only use it with the user's consent in a trusted workspace. Least
// privilege: npm never runs dependencies' install scripts, and the processes see only the
// environment variables a build needs (no API keys, tokens or cloud credentials).
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export type VerifyStepName = 'install' | 'build' | 'test';

export interface VerifyStep {
  name: VerifyStepName;
  command: string;
  args: string[];
}

export interface StepResult {
  name: VerifyStepName;
  ok: boolean;
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  timedOut: boolean;
  cancelled: boolean;
  /** The first lines that look like errors (compiler errors, failing tests). */
  firstErrors: string[];
  /** The last part of the combined output, for context. */
  outputTail: string;
}

/** What a verification tells while it runs; the run turns it into events. */
export interface VerifyListener {
  onStepStart?: (step: VerifyStepName) => void;
  onStepEnd?: (step: StepResult) => void;
}

/** Verifies the written project; tells its steps to `listener` as they start and end, when given. */
export type Verify = (signal: AbortSignal, listener?: VerifyListener) => Promise<VerifyResult>;

export interface VerifyResult {
  ok: boolean;
  steps: StepResult[];
  failedStep?: VerifyStepName;
  durationMs: number;
}

export interface VerifyOptions {
  signal?: AbortSignal;
  /** Per step; install can be slow on a cold npm cache. */
  timeoutMs?: Partial<Record<VerifyStepName, number>>;
  onOutput?: (step: VerifyStepName, chunk: string) => void;
  onStepStart?: (step: VerifyStepName) => void;
  /** Each step's result as soon as it ends (the run tells it as a verificationStep event). */
  onStepEnd?: (step: StepResult) => void;
  steps?: VerifyStep[];
  /** Extra variables for the steps; names that look like secrets are dropped all the same. */
  env?: NodeJS.ProcessEnv;
  /** The environment the allowlist picks from (default: this process's). */
  parentEnv?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUTS: Record<VerifyStepName, number> = { install: 10 * 60_000, build: 5 * 60_000, test: 10 * 60_000 };
const TAIL_CHARS = 8000;

/**
 * `--ignore-scripts` on every step: install never runs a package's preinstall/install/postinstall
 * (the generated projects need none: test/unit/installScripts.test.ts), and build and test run
 * only their own script, not pre/post hooks around it (npm's documented behaviour for `npm run`).
 */
export function defaultSteps(projectDir: string): VerifyStep[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = existsSync(path.join(projectDir, 'package-lock.json'))
    ? ['ci', '--ignore-scripts', '--no-audit', '--no-fund']
    : ['install', '--ignore-scripts', '--no-audit', '--no-fund'];
  return [
    { name: 'install', command: npm, args: install },
    { name: 'build', command: npm, args: ['run', 'build', '--ignore-scripts'] },
    { name: 'test', command: npm, args: ['test', '--ignore-scripts'] },
  ];
}

/** A step's command as a person reads it ("npm install --ignore-scripts"): no output-only flags. */
export function describeStep(step: VerifyStep): string {
  const program = path.basename(step.command).replace(/\.(cmd|exe)$/i, '');
  return [program, ...step.args.filter((arg) => arg !== '--no-audit' && arg !== '--no-fund')].join(' ');
}

/**
 * What the steps may read from the environment: finding programs and the home folder, temp folders,
 * locale, Windows' system folders, npm's cache/registry/proxy/TLS settings, and the proxies. Names
 * are compared case-insensitively (Windows, and npm, treat them so).
 */
const ALLOWED_ENV = new Set(
  [
    'PATH', 'PATHEXT', 'HOME', 'USERPROFILE', 'APPDATA', 'LOCALAPPDATA', 'SYSTEMROOT', 'SYSTEMDRIVE', 'WINDIR', 'COMSPEC',
    'TMPDIR', 'TMP', 'TEMP', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'LC_MESSAGES', 'TZ', 'TERM',
    'NODE_ENV', 'CI', 'NODE_EXTRA_CA_CERTS',
    'HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'ALL_PROXY',
    'NPM_CONFIG_CACHE', 'NPM_CONFIG_REGISTRY', 'NPM_CONFIG_PROXY', 'NPM_CONFIG_HTTPS_PROXY', 'NPM_CONFIG_NOPROXY',
    'NPM_CONFIG_STRICT_SSL', 'NPM_CONFIG_CAFILE', 'NPM_CONFIG_OFFLINE', 'NPM_CONFIG_PREFER_OFFLINE',
    'NPM_CONFIG_FETCH_RETRIES', 'NPM_CONFIG_FETCH_TIMEOUT', 'NPM_CONFIG_USERCONFIG',
  ].map((name) => name.toUpperCase()),
);

/** A name that may hold a secret is never passed on, even when allowed or given explicitly. */
const SECRET_NAME = /KEY|TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|AUTH|SESSION|COOKIE|PRIVATE|ANTHROPIC|OPENAI|AWS|AZURE|GCP|GOOGLE|GITHUB|GITLAB|NPM_TOKEN|_PAT\b/i;

/**
 * The environment of the verification steps: the allowlisted variables of `parent` plus `extra`,
 * without anything whose name looks like a secret, and with colour turned off (the output is parsed).
 */
export function verificationEnvironment(parent: NodeJS.ProcessEnv = process.env, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && ALLOWED_ENV.has(name.toUpperCase()) && !SECRET_NAME.test(name)) env[name] = value;
  }
  Object.assign(env, { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' });
  for (const [name, value] of Object.entries(extra)) {
    if (value !== undefined && !SECRET_NAME.test(name)) env[name] = value;
  }
  return env;
}

const ERROR_LINE = /(error TS\d+|\bERR!|^npm error\b|^\s*FAIL\b|\bFailed\b|AssertionError|\bError:|✗|×|Test Files .*failed|\bfailed\b)/i;

// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** Picks the lines a person would look at first to see what went wrong. */
export function firstErrorLines(output: string, limit = 12): string[] {
  const lines = output.replace(ANSI, '').split(/\r?\n/);
  const picked: string[] = [];
  for (const line of lines) {
    if (ERROR_LINE.test(line) && line.trim()) {
      picked.push(line.trim().slice(0, 500));
      if (picked.length >= limit) break;
    }
  }
  return picked;
}

/** The last non-empty lines of the output (colour codes removed). */
function lastLines(output: string, count: number): string[] {
  return output
    .replace(ANSI, '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(-count)
    .map((line) => line.slice(0, 500));
}

function runStep(step: VerifyStep, cwd: string, options: VerifyOptions): Promise<StepResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs?.[step.name] ?? DEFAULT_TIMEOUTS[step.name];
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let cancelled = false;
    const child = spawn(step.command, step.args, {
      cwd,
      env: verificationEnvironment(options.parentEnv ?? process.env, options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutMs);
    const onAbort = () => {
      cancelled = true;
      killGroup(child);
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const collect = (chunk: Buffer) => {
      const text = chunk.toString();
      output = (output + text).slice(-200_000);
      options.onOutput?.(step.name, text);
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    const finish = (exitCode: number | null, signal: string | null, spawnError?: Error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (spawnError) output += `\n${spawnError.message}`;
      resolve(stepResult(step, { exitCode, signal, output, timedOut, cancelled, timeoutMs, durationMs: Date.now() - started }));
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
}

/** Ends a step's process and everything it started, unless it has ended already. */
function killGroup(child: ChildProcess): void {
  if (!child.pid || child.exitCode !== null) return;
  try {
    // The whole group: npm starts vitest/tsc as grandchildren.
    process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
  } catch {
    child.kill('SIGKILL');
  }
}

interface StepEnd {
  exitCode: number | null;
  signal: string | null;
  output: string;
  timedOut: boolean;
  cancelled: boolean;
  timeoutMs: number;
  durationMs: number;
}

/** How a step ended, with a timeout or a cancellation said first among its errors. */
function stepResult(step: VerifyStep, end: StepEnd): StepResult {
  const { exitCode, signal, output, timedOut, cancelled, timeoutMs } = end;
  const ok = !timedOut && !cancelled && exitCode === 0;
  const firstErrors = ok ? [] : firstErrorLines(output);
  // Output with no line that looks like an error (a process killed, a tool that words failure its own
  // way) still says how it ended and how its output ended, rather than nothing.
  if (!ok && !timedOut && !cancelled && !firstErrors.length) firstErrors.push(`${step.name} exited with ${signal ? `signal ${signal}` : `code ${exitCode}`}`, ...lastLines(output, 3));
  if (!ok && timedOut) firstErrors.unshift(`${step.name} did not finish within ${Math.round(timeoutMs / 1000)} s`);
  if (!ok && cancelled) firstErrors.unshift(`${step.name} was cancelled`);
  return {
    name: step.name,
    ok,
    exitCode,
    signal,
    durationMs: end.durationMs,
    timedOut,
    cancelled,
    firstErrors,
    outputTail: output.slice(-TAIL_CHARS),
  };
}

/** Runs install, build and test in order; stops at the first failing step. */
export async function verifyProject(projectDir: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = Date.now();
  const steps = options.steps ?? defaultSteps(projectDir);
  const results: StepResult[] = [];
  for (const step of steps) {
    if (options.signal?.aborted) break;
    options.onStepStart?.(step.name);
    const result = await runStep(step, projectDir, options);
    results.push(result);
    options.onStepEnd?.(result);
    if (!result.ok) return { ok: false, steps: results, failedStep: step.name, durationMs: Date.now() - started };
  }
  const ok = results.length === steps.length && results.every((r) => r.ok);
  return { ok, steps: results, failedStep: ok ? undefined : steps[results.length]?.name, durationMs: Date.now() - started };
}
