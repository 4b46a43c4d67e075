// "Install dependencies" (issue #17 item 6): the panel's request runs verification's install step
// only after the host's question, only in a trusted workspace, with --ignore-scripts and a scrubbed
// environment, and reports how it ended; after a generation, a notification offers it. npm is a
// fake on PATH here (the real install needs the network; the 'generated' suite installs for real).
import * as assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { extractSpec } from '../../src/core/extract';
import type { HostToWebview } from '../../src/model/protocol';
import type { HandlerContext } from '../../src/vscode/panel/handlers/context';
import { messageHandlers } from '../../src/vscode/panel/handlers';
import { DependencyInstaller } from '../../src/vscode/runs/dependencyInstaller';
import type { RunRecord } from '../../src/vscode/runs/runRegistry';
import { quietLog, standaloneRunner, waitFor } from './helpers';

/** A stand-in for npm: records its arguments and environment, fails when the project says so, else "installs". */
const FAKE_NPM = `#!/bin/sh
printf '%s\\n' "$@" > .npm-args
env > .npm-env
if [ -f .fail-install ]; then echo "npm ERR! code E404" >&2; echo "npm ERR! 404 Not Found - GET https://registry.npmjs.org/hono" >&2; exit 1; fi
mkdir -p node_modules/hono
`;

describe('Install dependencies of a generated project', function () {
  this.timeout(120_000);
  const saved = { path: process.env.PATH, key: process.env.ANTHROPIC_API_KEY };
  const root = () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'the test host has a workspace folder');
    return folder;
  };

  before(() => {
    assert.ok(vscode.workspace.isTrusted, 'these tests need a trusted workspace');
    const bin = mkdtempSync(path.join(os.tmpdir(), 'takoss-fake-npm-'));
    writeFileSync(path.join(bin, 'npm'), FAKE_NPM);
    chmodSync(path.join(bin, 'npm'), 0o755);
    process.env.PATH = `${bin}${path.delimiter}${saved.path ?? ''}`;
    process.env.ANTHROPIC_API_KEY = 'sk-ant-must-not-leak-0123456789';
  });

  after(() => {
    process.env.PATH = saved.path;
    if (saved.key === undefined) delete process.env.ANTHROPIC_API_KEY;
    else process.env.ANTHROPIC_API_KEY = saved.key;
  });

  /** A generated-looking project without node_modules, known to the service as a finished run. */
  function project(name: string, answers: boolean[]) {
    const dir = path.join(root().fsPath, name);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, workspaces: ['backend', 'frontend'] }));
    const session = standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-deps-journal-')), undefined, { answers });
    const record: RunRecord = { runId: `run-${name}`, folder: name, target: vscode.Uri.file(dir), projectName: name, entities: [], warnings: [], events: () => [], interrupted: false };
    session.runner.service.registry.add(record);
    const posted: HostToWebview[] = [];
    const context = { post: async (message: HostToWebview) => (posted.push(message), true), log: quietLog, runs: session.runner.service } as unknown as HandlerContext;
    const send = async (type: 'checkDependencies' | 'installDependencies') => {
      const requestId = `${type}-${posted.length}`;
      if (type === 'checkDependencies') await messageHandlers.checkDependencies({ type, requestId, runId: record.runId }, context);
      else await messageHandlers.installDependencies({ type, requestId, runId: record.runId }, context);
      const reply = posted[posted.length - 1];
      assert.ok(reply?.type === (type === 'checkDependencies' ? 'dependencyStatus' : 'dependenciesInstalled'), `${type} was answered`);
      return reply;
    };
    return { dir, record, session, send, ran: () => existsSync(path.join(dir, '.npm-args')) };
  }

  it('asks first, naming the command; agreed, runs npm install --ignore-scripts without the host’s secrets, and the project is installed', async () => {
    const { dir, session, send } = project('deps-agreed', [true]);
    try {
      const before = await send('checkDependencies');
      assert.ok(before.type === 'dependencyStatus');
      assert.deepEqual(before.status, { state: 'missing', command: 'npm install --ignore-scripts' });
      const reply = await send('installDependencies');
      assert.ok(reply.type === 'dependenciesInstalled');
      assert.equal(reply.outcome, 'installed', reply.message);
      assert.match(reply.message, /Installed the dependencies of deps-agreed/);
      assert.equal(reply.status.state, 'installed');
      assert.equal(session.prompts.length, 1, 'asked once');
      assert.equal(session.prompts[0].message, 'Install the dependencies of deps-agreed?');
      assert.match(session.prompts[0].detail, /Takoss would run, in deps-agreed:\n {2}npm install --ignore-scripts\n/);
      assert.match(session.prompts[0].detail, /install scripts are not run.*no API keys, tokens or other secrets/);
      const args = readFileSync(path.join(dir, '.npm-args'), 'utf8').trim().split('\n');
      assert.deepEqual(args, ['install', '--ignore-scripts', '--no-audit', '--no-fund'], 'verification’s install step, install scripts off');
      const env = readFileSync(path.join(dir, '.npm-env'), 'utf8');
      assert.doesNotMatch(env, /ANTHROPIC_API_KEY|sk-ant-must-not-leak/, 'the API key does not reach npm');
      assert.doesNotMatch(env, /^VSCODE_/m, 'no editor internals');
      assert.ok(existsSync(path.join(dir, 'node_modules', 'hono')));
      const after = await send('checkDependencies');
      assert.ok(after.type === 'dependencyStatus' && after.status.state === 'installed', 'no longer offered');
    } finally {
      session.dispose();
    }
  });

  it('declined in the question: nothing runs, and it is still offered', async () => {
    const { session, send, ran } = project('deps-declined', [false]);
    try {
      const reply = await send('installDependencies');
      assert.ok(reply.type === 'dependenciesInstalled');
      assert.equal(reply.outcome, 'declined');
      assert.equal(reply.status.state, 'missing');
      assert.equal(ran(), false, 'npm did not run');
    } finally {
      session.dispose();
    }
  });

  it('npm fails: the reply says why in words (npm’s first errors)', async () => {
    const { dir, session, send } = project('deps-failing', [true]);
    writeFileSync(path.join(dir, '.fail-install'), '');
    try {
      const reply = await send('installDependencies');
      assert.ok(reply.type === 'dependenciesInstalled');
      assert.equal(reply.outcome, 'failed');
      assert.match(reply.message, /^Installing the dependencies of deps-failing failed: .*npm ERR! code E404/);
      assert.equal(reply.status.state, 'missing');
    } finally {
      session.dispose();
    }
  });

  it('in an untrusted workspace: refused without a question, nothing runs, and the status says how to trust', async () => {
    const { record, dir, ran } = project('deps-untrusted', []);
    const installer = new DependencyInstaller({ log: quietLog, trusted: () => false, confirm: async () => assert.fail('must not ask in Restricted Mode') });
    assert.equal(installer.status(record).state, 'restricted');
    assert.match(installer.status(record).reason ?? '', /Restricted Mode.*Manage Workspace Trust/);
    const result = await installer.install(record);
    assert.equal(result.outcome, 'refused');
    assert.match(result.message, /Restricted Mode/);
    mkdirSync(path.join(dir, 'node_modules'));
    assert.equal((await installer.install(record)).outcome, 'refused', 'refused even when node_modules is there (trust, not the folder, decides)');
    assert.equal(ran(), false);
  });

  it('after a generation, a notification offers it; its button is the consent (no second question), and it installs', async () => {
    const offers: string[] = [];
    const session = standaloneRunner(mkdtempSync(path.join(os.tmpdir(), 'takoss-deps-journal-')), undefined, {
      notify: async (message, ...actions) => (offers.push(message), actions[0]),
    });
    const name = 'deps-generated';
    rmSync(path.join(root().fsPath, name), { recursive: true, force: true });
    try {
      const runId = await session.runner.start({ requestId: name, spec: extractSpec('Blog with auth and posts.', { projectName: name }), provider: 'offline' });
      assert.ok(runId, 'the run started');
      await waitFor(() => existsSync(path.join(root().fsPath, name, 'node_modules', 'hono')) || undefined, 'the install from the notification', 60_000);
      assert.equal(offers.length, 1);
      assert.match(offers[0], /^deps-generated: its dependencies are not installed yet, so its files show errors such as "Cannot find module"\. .*npm install --ignore-scripts/);
      assert.equal(session.prompts.length, 0, 'the notification’s button was the answer');
    } finally {
      session.dispose();
    }
  });
});
