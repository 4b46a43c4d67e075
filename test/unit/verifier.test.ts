import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { defaultSteps, describeStep, firstErrorLines, verificationEnvironment, verifyProject, type VerifyStep } from '../../src/core/verify/verifier';

const node = process.execPath;
const step = (name: VerifyStep['name'], script: string): VerifyStep => ({ name, command: node, args: ['-e', script] });

describe('verifier', function () {
  this.timeout(20_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-verify-'));

  it('runs install, build and test in order and reports success', async () => {
    const seen: string[] = [];
    const result = await verifyProject(dir, {
      steps: [step('install', 'console.log("installed")'), step('build', 'console.log("built")'), step('test', 'console.log("3 passed")')],
      onStepStart: (name) => seen.push(name),
    });
    assert.equal(result.ok, true);
    assert.deepEqual(seen, ['install', 'build', 'test']);
    assert.equal(result.failedStep, undefined);
    assert.ok(result.steps.every((s) => s.ok && s.exitCode === 0));
  });

  it('stops at the first failing step and names its first errors', async () => {
    const result = await verifyProject(dir, {
      steps: [
        step('install', ''),
        step('build', 'console.log("src/a.ts(3,1): error TS2304: Cannot find name x"); process.exit(2)'),
        step('test', 'console.log("never")'),
      ],
    });
    assert.equal(result.ok, false);
    assert.equal(result.failedStep, 'build');
    assert.equal(result.steps.length, 2);
    assert.equal(result.steps[1].exitCode, 2);
    assert.match(result.steps[1].firstErrors[0], /error TS2304/);
  });

  it('streams output as it comes', async () => {
    const chunks: string[] = [];
    await verifyProject(dir, { steps: [step('test', 'console.log("hello from the test step")')], onOutput: (_s, c) => chunks.push(c) });
    assert.match(chunks.join(''), /hello from the test step/);
  });

  it('kills a step that exceeds its timeout', async () => {
    const started = Date.now();
    const result = await verifyProject(dir, { steps: [step('test', 'setTimeout(() => {}, 60000)')], timeoutMs: { test: 300 } });
    assert.equal(result.ok, false);
    assert.equal(result.steps[0].timedOut, true);
    assert.match(result.steps[0].firstErrors[0], /did not finish/);
    assert.ok(Date.now() - started < 10_000);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const result = await verifyProject(dir, {
      steps: [step('install', 'setTimeout(() => {}, 60000)'), step('build', '')],
      signal: controller.signal,
    });
    assert.equal(result.ok, false);
    assert.equal(result.steps[0].cancelled, true);
    assert.equal(result.steps.length, 1);
  });

  it('reports a command that cannot start', async () => {
    const result = await verifyProject(dir, { steps: [{ name: 'install', command: '/nonexistent/npm', args: [] }] });
    assert.equal(result.ok, false);
    assert.match(result.steps[0].outputTail, /ENOENT/);
  });

  it('uses npm ci when a lockfile exists', () => {
    assert.deepEqual(defaultSteps(dir)[0].args.slice(0, 1), ['install']);
    writeFileSync(path.join(dir, 'package-lock.json'), '{}');
    assert.deepEqual(defaultSteps(dir)[0].args.slice(0, 1), ['ci']);
  });

  it('picks error lines out of noisy output, without colour codes', () => {
    const lines = firstErrorLines('ok\n\u001b[31m FAIL \u001b[39m src/a.test.ts > adds\nAssertionError: expected 1 to be 2\nfine');
    assert.deepEqual(lines, ['FAIL  src/a.test.ts > adds', 'AssertionError: expected 1 to be 2']);
  });

  it('says how a failing step ended, and how its output ended, when no line looks like an error', async () => {
    const script = "console.log('starting'); console.log('\\u001b[33mstill going\\u001b[39m'); process.exit(3)";
    const result = await verifyProject(dir, { steps: [{ name: 'test', command: process.execPath, args: ['-e', script] }] });
    assert.equal(result.ok, false);
    assert.deepEqual(result.steps[0].firstErrors, ['test exited with code 3', 'starting', 'still going']);
    assert.deepEqual(firstErrorLines('npm error code 1\nnpm error path /x'), ['npm error code 1', 'npm error path /x'], "npm 7+ words failure 'npm error'");
  });

  it('installs with --ignore-scripts, and runs build and test without their pre/post hooks', () => {
    const steps = defaultSteps(dir);
    assert.deepEqual(steps.map(describeStep), ['npm ci --ignore-scripts', 'npm run build --ignore-scripts', 'npm test --ignore-scripts']);
  });
});

describe('verifier: least privilege', function () {
  // Real npm, on a project with no registry dependencies: nothing is downloaded.
  this.timeout(120_000);

  /** A project whose install scripts (its own and a local dependency's) and pre-hooks leave marker files. */
  function scriptedProject(): string {
    const project = mkdtempSync(path.join(os.tmpdir(), 'takoss-verify-scripts-'));
    const mark = (name: string) => `node -e "require('fs').writeFileSync('${name}', '')"`;
    mkdirSync(path.join(project, 'dep'));
    writeFileSync(
      path.join(project, 'dep', 'package.json'),
      JSON.stringify({ name: 'dep', version: '1.0.0', scripts: { postinstall: `node -e "require('fs').writeFileSync(require('path').join(process.env.INIT_CWD, 'dep-postinstall-ran'), '')"` } }),
    );
    writeFileSync(
      path.join(project, 'package.json'),
      JSON.stringify({
        name: 'scripted',
        version: '1.0.0',
        private: true,
        dependencies: { dep: 'file:./dep' },
        scripts: {
          preinstall: mark('preinstall-ran'),
          postinstall: mark('postinstall-ran'),
          prepare: mark('prepare-ran'),
          prebuild: mark('prebuild-ran'),
          build: mark('build-ran'),
          pretest: mark('pretest-ran'),
          test: `node -e "require('fs').writeFileSync('test-env.json', JSON.stringify(process.env))"`,
        },
      }),
    );
    return project;
  }

  it('a plain npm install would run those scripts (the fixture can catch a regression)', () => {
    const project = scriptedProject();
    const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund'], { cwd: project, encoding: 'utf8', shell: process.platform === 'win32' });
    assert.equal(result.status, 0, result.stderr);
    for (const marker of ['preinstall-ran', 'postinstall-ran', 'dep-postinstall-ran']) assert.ok(existsSync(path.join(project, marker)), `${marker} without --ignore-scripts`);
  });

  it('runs no install script and no pre-hook, and the API key set in this process never reaches the steps', async () => {
    const project = scriptedProject();
    const saved = { ...process.env };
    Object.assign(process.env, {
      ANTHROPIC_API_KEY: 'sk-ant-secret-0123456789',
      ANTHROPIC_BASE_URL: 'http://127.0.0.1:9/fake',
      GITHUB_TOKEN: 'ghp_secret',
      AWS_SECRET_ACCESS_KEY: 'aws-secret',
      npm_config__authToken: 'npm-secret',
      MY_DB_PASSWORD: 'hunter2',
      ELECTRON_RUN_AS_NODE: '1',
      VSCODE_IPC_HOOK: '/tmp/vscode.sock',
      HTTPS_PROXY: 'http://proxy.invalid:3128',
      NODE_ENV: 'test',
    });
    let result;
    try {
      result = await verifyProject(project);
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
      Object.assign(process.env, saved);
    }
    assert.equal(result.ok, true, JSON.stringify(result.steps.map((s) => [s.name, s.firstErrors, s.outputTail.slice(-500)])));
    assert.deepEqual(result.steps.map((s) => s.name), ['install', 'build', 'test']);
    for (const marker of ['preinstall-ran', 'postinstall-ran', 'prepare-ran', 'dep-postinstall-ran', 'prebuild-ran', 'pretest-ran']) {
      assert.equal(existsSync(path.join(project, marker)), false, `${marker}: not run`);
    }
    assert.ok(existsSync(path.join(project, 'build-ran')), 'the build script itself ran');
    assert.ok(existsSync(path.join(project, 'node_modules', 'dep', 'package.json')), 'the dependency is installed');
    const env = JSON.parse(readFileSync(path.join(project, 'test-env.json'), 'utf8')) as Record<string, string>;
    const leaked = Object.entries(env).filter(([, value]) => /secret|hunter2|sk-ant|127\.0\.0\.1:9/.test(value));
    assert.deepEqual(leaked, [], 'no secret value reaches the test step');
    for (const name of ['ANTHROPIC_API_KEY', 'ANTHROPIC_BASE_URL', 'GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'MY_DB_PASSWORD', 'ELECTRON_RUN_AS_NODE', 'VSCODE_IPC_HOOK']) {
      assert.equal(env[name], undefined, `${name} is not passed on`);
    }
    assert.equal(env.HTTPS_PROXY, 'http://proxy.invalid:3128', 'proxy settings are');
    assert.equal(env.NODE_ENV, 'test');
    assert.equal(env.CI, 'true');
  });

  it('keeps only allowlisted names, case-insensitively, and drops secret-looking ones even when given explicitly', () => {
    const env = verificationEnvironment(
      { Path: 'C:\\bin', HOME: '/home/me', npm_config_cache: '/cache', NPM_CONFIG_REGISTRY: 'https://registry.example', SHELL: '/bin/zsh', ANTHROPIC_API_KEY: 'k', OPENAI_API_KEY: 'k' },
      { EXTRA: 'yes', SERVICE_TOKEN: 't' },
    );
    assert.deepEqual(env, { Path: 'C:\\bin', HOME: '/home/me', npm_config_cache: '/cache', NPM_CONFIG_REGISTRY: 'https://registry.example', CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1', EXTRA: 'yes' });
  });
});
