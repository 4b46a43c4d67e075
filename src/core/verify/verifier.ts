// Runs a generated project's install, build and tests in child processes, with a timeout per
// step, streamed output and a structured result (which step failed, the first errors). It runs
// generated code: callers must only use it with the user's consent in a trusted workspace.
import { spawn } from 'node:child_process';
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
  steps?: VerifyStep[];
  env?: NodeJS.ProcessEnv;
}

const DEFAULT_TIMEOUTS: Record<VerifyStepName, number> = { install: 10 * 60_000, build: 5 * 60_000, test: 10 * 60_000 };
const TAIL_CHARS = 8000;

export function defaultSteps(projectDir: string): VerifyStep[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = existsSync(path.join(projectDir, 'package-lock.json'))
    ? ['ci', '--no-audit', '--no-fund']
    : ['install', '--no-audit', '--no-fund'];
  return [
    { name: 'install', command: npm, args: install },
    { name: 'build', command: npm, args: ['run', 'build'] },
    { name: 'test', command: npm, args: ['test'] },
  ];
}

const ERROR_LINE = /(error TS\d+|\bERR!|^\s*FAIL\b|\bFailed\b|AssertionError|\bError:|✗|×|Test Files .*failed|\bfailed\b)/i;

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

function runStep(step: VerifyStep, cwd: string, options: VerifyOptions): Promise<StepResult> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs?.[step.name] ?? DEFAULT_TIMEOUTS[step.name];
  return new Promise((resolve) => {
    let output = '';
    let timedOut = false;
    let cancelled = false;
    const child = spawn(step.command, step.args, {
      cwd,
      env: { ...process.env, CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: process.platform !== 'win32',
    });
    const kill = () => {
      if (!child.pid || child.exitCode !== null) return;
      try {
        // The whole group: npm starts vitest/tsc as grandchildren.
        process.kill(process.platform === 'win32' ? child.pid : -child.pid, 'SIGKILL');
      } catch {
        child.kill('SIGKILL');
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      kill();
    }, timeoutMs);
    const onAbort = () => {
      cancelled = true;
      kill();
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
      const ok = !timedOut && !cancelled && exitCode === 0;
      const firstErrors = ok ? [] : firstErrorLines(output);
      if (!ok && timedOut) firstErrors.unshift(`${step.name} did not finish within ${Math.round(timeoutMs / 1000)} s`);
      if (!ok && cancelled) firstErrors.unshift(`${step.name} was cancelled`);
      resolve({
        name: step.name,
        ok,
        exitCode,
        signal,
        durationMs: Date.now() - started,
        timedOut,
        cancelled,
        firstErrors,
        outputTail: output.slice(-TAIL_CHARS),
      });
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('close', (code, signal) => finish(code, signal));
  });
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
    if (!result.ok) return { ok: false, steps: results, failedStep: step.name, durationMs: Date.now() - started };
  }
  const ok = results.length === steps.length && results.every((r) => r.ok);
  return { ok, steps: results, failedStep: ok ? undefined : steps[results.length]?.name, durationMs: Date.now() - started };
}
