// The host asks before verification runs generated code (the webview's verify flag is only a
// request), runs nothing when the user declines, and gives the steps only a minimal environment.
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { RunEvent } from '../../src/model/run/events';
import { extractSpec } from '../../src/core/extract';
import type { VerifyStep } from '../../src/core/verify/verifier';
import { FakeAnthropicServer, toolMessage } from '../fake-anthropic/server';
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

  describe('with Claude (against the local fake of the Messages API)', () => {
    let fake: FakeAnthropicServer;
    let previousBaseUrl: string | undefined;

    before(async () => {
      fake = await FakeAnthropicServer.start();
      previousBaseUrl = process.env.ANTHROPIC_BASE_URL;
      process.env.ANTHROPIC_BASE_URL = fake.url; // the SDK reads it when the provider is created
    });

    after(async () => {
      if (previousBaseUrl === undefined) delete process.env.ANTHROPIC_BASE_URL;
      else process.env.ANTHROPIC_BASE_URL = previousBaseUrl;
      await fake?.close();
    });

    it('names the files Claude wrote, and asks again before Claude’s repairs run; declined, the repair is skipped and nothing runs again', async () => {
      const name = `consent-claude-${Date.now()}`;
      const projectDir = path.join(root().fsPath, name);
      const spec = extractSpec('A notes app. A note has a title and a body.', { projectName: 'consent-claude' });
      const page = 'frontend/src/pages/notes.tsx';
      fake.otherwise((request) => {
        const tool: string = request.body.tool_choice?.name;
        const text = String(request.body.messages[0].content);
        if (tool === 'emit_spec') return toolMessage('emit_spec', spec);
        if (tool === 'emit_page' && text.includes(`File ${page}:`)) {
          const original = text.split(/\nFile [^\n]+:\n/)[1] ?? '';
          return toolMessage('emit_page', { content: `${original.trimEnd()}\n// Polished by Claude.\n`, changes: 'a comment' });
        }
        if (tool === 'emit_fixes') {
          const current = readFileSync(path.join(projectDir, page), 'utf8');
          return toolMessage('emit_fixes', { summary: 'fixed', files: [{ path: page, content: `${current}// Repaired by Claude.\n` }] });
        }
        return toolMessage(tool, { files: [] }); // not valid for the other stages: they keep the generator's result
      });
      // The test step fails once, naming the page (so repair is asked about it), then would pass.
      const runs = path.join(projectDir, '.test-runs');
      const steps = (dir: string): VerifyStep[] => [
        ...evidenceSteps(dir).slice(0, 2),
        {
          name: 'test',
          command: 'node',
          args: ['-e', `const fs = require('node:fs'); const first = !fs.existsSync(${JSON.stringify(runs)}); fs.appendFileSync(${JSON.stringify(runs)}, 'run\\n'); if (first) { console.log('Error: ${page} fails'); process.exit(1); }`],
        },
      ];
      const session = standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-consent-journal-')), undefined, { apiKey: 'sk-ant-consent-test-0123456789', answers: [true, false], verifySteps: steps });
      try {
        const runId = await session.runner.start({ requestId: 'claude-consent', spec, provider: 'anthropic', folder: name, verify: true });
        assert.ok(runId, JSON.stringify(session.posted.find((m) => m.type === 'runRefused')));
        await waitFor(() => session.runner.runningCount === 0 || undefined, 'the run to finish', 90_000);
        const events = session.eventsOf(runId);
        const { prompts } = session;
        assert.equal(prompts.length, 2, [prompts.map((p) => p.message).join(' | '), ...stage(events, 'repair').map((e) => JSON.stringify(e).slice(0, 400))].join('\n'));
        // The polished page, and the manifest (the explanations stage's answer was accepted too).
        assert.match(prompts[0].detail, /Claude wrote 2 files of this project in this run: frontend\/src\/pages\/notes\.tsx, \.takoss\/manifest\.json\./);
        assert.match(prompts[0].detail, /you will be asked again before they run/);
        assert.match(prompts[1].message, new RegExp(`Run the install, build and tests of ${name} again, with Claude's repairs\\?`));
        assert.match(prompts[1].detail, /^Claude rewrote 1 file to fix the failing step: frontend\/src\/pages\/notes\.tsx\./);
        assert.match(readFileSync(path.join(projectDir, page), 'utf8'), /Repaired by Claude/, 'the repair is written');
        assert.equal(readFileSync(runs, 'utf8'), 'run\n', 'the tests ran once: not again with the repair nobody agreed to');
        const skipped = stage(events, 'repair').find((e) => e.type === 'stageSkipped');
        assert.ok(skipped?.type === 'stageSkipped' && /You declined to run the install, build and tests again with Claude's repairs of frontend\/src\/pages\/notes\.tsx/.test(skipped.reason), JSON.stringify(stage(events, 'repair')));
      } finally {
        session.dispose();
      }
    });
  });
});
