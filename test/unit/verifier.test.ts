import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defaultSteps, firstErrorLines, verifyProject, type VerifyStep } from '../../src/core/verify/verifier';

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
});
