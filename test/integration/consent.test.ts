// The host asks before verification runs generated code (the webview's verify flag is only a
// request), runs nothing when the user declines, and gives the steps only a minimal environment.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/core/pipeline/events';
import { extractSpec } from '../../src/core/spec/extract';
import type { VerifyStep } from '../../src/core/verify/verifier';
import { standaloneRunner, waitFor } from './helpers';

/** Steps that leave evidence: a marker per step, and the environment the test step saw. */
function evidenceSteps(projectDir: string): VerifyStep[] {
  const write = (file: string, what: string) => `require('node:fs').writeFileSync(${JSON.stringify(path.join(projectDir, file))}, ${what})`;
  return [
    { name: 'install', command: 'node', args: ['-e', write('.ran-install', "'yes'")] },
    { name: 'build', command: 'node', args: ['-e', write('.ran-build', "'yes'")] },
    { name: 'test', command: 'node', args: ['-e', write('.ran-test-env.json', 'JSON.stringify(process.env)')] },
  ];
}

const stage = (events: RunEvent[], id: string) => events.filter((e) => 'stageId' in e && e.stageId === id);

describe('Consent before verification', function () {
  this.timeout(120_000);
  const root = () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test host has a workspace folder');
    return folder;
  };

  before(() => assert.ok(vscode.workspace.isTrusted, 'these tests need a trusted workspace (verification is never offered otherwise)'));

  async function generate(name: string, answers: boolean[]) {
    const session = standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-consent-journal-')), undefined, { answers, verifySteps: evidenceSteps });
    const runId = await session.runner.start({ requestId: name, spec: extractSpec('Blog with auth and posts.', { projectName: name }), provider: 'offline', verify: true });
    assert.ok(runId, 'the run started');
    await waitFor(() => session.runner.runningCount === 0 || undefined, 'the run to finish', 60_000);
    return { ...session, runId, events: session.eventsOf(runId), folder: path.join(root().fsPath, name) };
  }

  it('declined: nothing runs, verification is skipped, and the run says so', async () => {
    const { prompts, events, folder, answersLeft, dispose } = await generate('consent-declined', [false]);
    try {
      assert.equal(prompts.length, 1, 'asked once');
      assert.equal(answersLeft(), 0);
      assert.match(prompts[0].message, /Run the install, build and tests of consent-declined\?/);
      assert.match(prompts[0].detail, /Takoss would run, in consent-declined:/);
      assert.match(prompts[0].detail, /no API keys, tokens or other secrets/);
      assert.match(prompts[0].detail, /Claude took no part in this run/);
      const skipped = stage(events, 'verification').find((e) => e.type === 'stageSkipped');
      assert.ok(skipped?.type === 'stageSkipped' && /You declined to run the install, build and tests of consent-declined: nothing was run/.test(skipped.reason), 'the verification stage says why it did not run');
      assert.ok(stage(events, 'repair').some((e) => e.type === 'stageSkipped'), 'repair is skipped with it');
      for (const marker of ['.ran-install', '.ran-build', '.ran-test-env.json']) assert.equal(existsSync(path.join(folder, marker)), false, `${marker}: nothing ran`);
      assert.ok(existsSync(path.join(folder, 'backend', 'src', 'routes', 'posts.ts')), 'the project is written all the same');
    } finally {
      dispose();
    }
  });

  it('agreed: the steps run, with none of the host’s secrets in their environment, and the run records the agreement', async () => {
    const saved = { key: process.env.ANTHROPIC_API_KEY, token: process.env.TAKOSS_TEST_GITHUB_TOKEN };
    process.env.ANTHROPIC_API_KEY = 'sk-ant-must-not-leak-0123456789';
    process.env.TAKOSS_TEST_GITHUB_TOKEN = 'ghp_must_not_leak';
    let session: Awaited<ReturnType<typeof generate>> | undefined;
    try {
      session = await generate('consent-agreed', [true]);
      const { prompts, events, folder } = session;
      assert.equal(prompts.length, 1);
      assert.match(prompts[0].detail, /node -e/, 'the prompt names the commands that run');
      assert.ok(stage(events, 'verification').some((e) => e.type === 'stageFinished'), 'verification ran and passed');
      assert.ok(existsSync(path.join(folder, '.ran-install')) && existsSync(path.join(folder, '.ran-build')));
      const env = JSON.parse(readFileSync(path.join(folder, '.ran-test-env.json'), 'utf8')) as Record<string, string>;
      assert.equal(env.ANTHROPIC_API_KEY, undefined, 'the API key does not reach the generated code');
      assert.equal(env.TAKOSS_TEST_GITHUB_TOKEN, undefined);
      assert.ok(Object.keys(env).every((name) => !/VSCODE|ELECTRON/i.test(name)), `no editor internals: ${Object.keys(env).join(', ')}`);
      assert.ok(env.PATH, 'programs are still found');
      assert.ok(events.some((e) => e.type === 'warning' && /You agreed to run node -e .* in consent-agreed: this runs the generated code/.test(e.message)), 'the run records the agreement');
    } finally {
      session?.dispose();
      if (saved.key === undefined) delete process.env.ANTHROPIC_API_KEY;
      else process.env.ANTHROPIC_API_KEY = saved.key;
      if (saved.token === undefined) delete process.env.TAKOSS_TEST_GITHUB_TOKEN;
      else process.env.TAKOSS_TEST_GITHUB_TOKEN = saved.token;
    }
  });

  it('cancelled while the question is open: the run stops, nothing runs, a late answer changes nothing', async () => {
    let answerLate: (yes: boolean) => void = () => undefined;
    const late = new Promise<boolean>((resolve) => (answerLate = resolve));
    const session = standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-consent-journal-')), undefined, { answers: [late], verifySteps: evidenceSteps });
    try {
      const runId = await session.runner.start({ requestId: 'open-question', spec: extractSpec('Blog with auth and posts.', { projectName: 'consent-open' }), provider: 'offline', verify: true });
      assert.ok(runId);
      await waitFor(() => session.prompts.length === 1 || undefined, 'the question', 60_000);
      assert.equal(session.runner.cancel(runId), true);
      await waitFor(() => session.runner.runningCount === 0 || undefined, 'the run to stop', 30_000);
      answerLate(true);
      const events = session.eventsOf(runId);
      assert.ok(stage(events, 'verification').some((e) => e.type === 'stageCancelled'), 'verification was cancelled, not run');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(existsSync(path.join(root().fsPath, 'consent-open', '.ran-install')), false, 'the late yes ran nothing');
    } finally {
      session.dispose();
    }
  });
});
