import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { createSyntaxChecker } from '../../src/core/check/tsSyntax';
import { GENERATE_USAGE, type GenerateDeps } from '../../src/cli/generateCommand';
import { CLI_USAGE, runCli } from '../../src/cli/runCli';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { VerifyResult } from '../../src/core/verify/verifier';
import { errorResponse, FakeAnthropicServer, type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('CLI', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-'));

  it('prints usage with no command and for help', async () => {
    for (const argv of [[], ['help'], ['--help'], ['-h']]) {
      const result = await cli(...argv);
      assert.equal(result.code, 0);
      assert.equal(result.out, CLI_USAGE);
    }
  });

  it('prints a version', async () => {
    const result = await cli('--version');
    assert.equal(result.code, 0);
    assert.match(result.out, /^\d+\.\d+\.\d+/);
  });

  it('fails with usage on an unknown command', async () => {
    const result = await cli('frobnicate');
    assert.equal(result.code, 2);
    assert.match(result.err, /unknown command "frobnicate"/);
  });

  it('checks a settings file and reports invalid values', async () => {
    const good = path.join(dir, 'good.json');
    writeFileSync(good, JSON.stringify({ 'takoss.provider': 'anthropic', 'editor.fontSize': 14 }));
    const ok = await cli('check-settings', good);
    assert.equal(ok.code, 0);
    assert.equal(JSON.parse(ok.out).provider, 'anthropic');

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ 'takoss.maxConcurrentStages': 0 }));
    const warned = await cli('check-settings', bad);
    assert.equal(warned.code, 1);
    assert.match(warned.err, /takoss\.maxConcurrentStages/);
  });

  it('explains unreadable or non-object settings files', async () => {
    assert.equal((await cli('check-settings')).code, 2);
    const missing = await cli('check-settings', path.join(dir, 'missing.json'));
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read/);
    const list = path.join(dir, 'list.json');
    writeFileSync(list, '[1,2]');
    assert.match((await cli('check-settings', list)).err, /JSON object/);
  });
});

describe('CLI: what was left out of the requirements', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-left-out-'));
  const fleet = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs', 'fleet.json');
  const deps: GenerateDeps = {
    extractSpec: () => ProjectSpec.parse(JSON.parse(readFileSync(fleet, 'utf8'))),
    runGeneration,
    verifyProject: async () => assert.fail('not asked to verify'),
  };
  async function generate(...argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(['generate', ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) }, deps);
    return { code, out: out.join('\n'), err: err.join('\n') };
  }

  it('lists on stderr, before generating, what was not understood and not implemented, with reasons and sentence numbers', async () => {
    const result = await generate('--requirements', 'Fleet log …', '--out', path.join(dir, 'fleet'));
    assert.equal(result.code, 0, result.err);
    const notUnderstood = result.err.indexOf('Not understood (4):');
    assert.ok(notUnderstood >= 0, result.err);
    assert.ok(notUnderstood < result.err.search(/\[\s*\d+\/\d+\]/), 'printed before the stages run');
    assert.match(result.err, /^ {2}sentence 3: “Each trip uses a vehicle\.” — "vehicle" is not an entity of the model\. \(suggested: Add Vehicle as an entity\)$/m);
    assert.match(result.err, /^ {2}sentence 7: “The app should feel friendly\.” — Nothing was made of this sentence/m);
    assert.match(result.err, /^Not implemented \(1\):\n {2}sentence 4: “the manager gets a weekly e-mail report” — Takoss does not generate scheduled e-mails\.$/m);
    assert.match(result.err, /\(1 sentence ignored on review: sentence 8\)/);
  });

  it('puts the totals and both lists in the JSON summary', async () => {
    const result = await generate('--spec', fleet, '--out', path.join(dir, 'fleet-spec'));
    assert.equal(result.code, 0, result.err);
    const { understanding } = JSON.parse(result.out);
    assert.deepEqual(understanding.totals, { sentences: 8, mapped: 1, partial: 1, notImplemented: 0, notUnderstood: 3, ignored: 1, context: 1, unaccounted: 1 });
    assert.equal(understanding.complete, false);
    assert.deepEqual(understanding.notUnderstood[0], {
      text: 'Each trip uses a vehicle.',
      reason: '"vehicle" is not an entity of the model.',
      sentenceNumbers: [3],
      suggestions: ['Add Vehicle as an entity'],
    });
    assert.equal(understanding.notUnderstood.length, 4);
    assert.deepEqual(understanding.notImplemented, [{ text: 'the manager gets a weekly e-mail report', reason: 'Takoss does not generate scheduled e-mails.', sentenceNumbers: [4] }]);
  });

  it('says nothing extra and reports complete when every sentence was used', async () => {
    const spec = ProjectSpec.parse(JSON.parse(readFileSync(fleet, 'utf8')));
    const file = path.join(dir, 'complete.json');
    writeFileSync(file, JSON.stringify({ ...spec, notUnderstood: [], unimplemented: [], ignoredSentences: [2, 3, 4, 5, 6, 7] }));
    const result = await generate('--spec', file, '--spec-out', path.join(dir, 'again.json'));
    assert.equal(result.code, 0, result.err);
    assert.doesNotMatch(result.err, /Not understood|Not implemented/);
    const written = await generate('--spec', file, '--out', path.join(dir, 'complete'));
    assert.equal(JSON.parse(written.out).understanding.complete, true);
  });
});

describe('CLI: --verify says it runs generated code, and which files Claude wrote', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-verify-'));
  let fake: FakeAnthropicServer;
  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
  });
  afterEach(() => fake.close());

  /** Runs generate --verify; the fake verifier records what had been said when it was called. */
  async function generateVerified(spec: ProjectSpec, claude: boolean) {
    const specFile = path.join(dir, `${spec.name}-${claude}.json`);
    writeFileSync(specFile, JSON.stringify(spec));
    const err: string[] = [];
    const out: string[] = [];
    const saidBeforeVerifying: string[] = [];
    const deps: GenerateDeps = {
      extractSpec: () => assert.fail('reads a spec file'),
      runGeneration,
      verifyProject: async (): Promise<VerifyResult> => {
        saidBeforeVerifying.push(err.join('\n'));
        const step = (name: 'install' | 'build' | 'test') => ({ name, ok: true, exitCode: 0, signal: null, durationMs: 1, timedOut: false, cancelled: false, firstErrors: [], outputTail: '' });
        return { ok: true, steps: [step('install'), step('build'), step('test')], durationMs: 3 };
      },
      env: { ANTHROPIC_API_KEY: 'test-key' },
      createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: fake.url, sleep: async () => undefined }),
      checkSyntax: createSyntaxChecker(ts),
    };
    const argv = ['generate', '--spec', specFile, '--out', path.join(dir, `${spec.name}-${claude}`), '--verify', ...(claude ? ['--provider', 'anthropic', '--budget', '5'] : [])];
    const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) }, deps);
    return { code, err: err.join('\n'), saidBeforeVerifying, summary: JSON.parse(out.join('\n')) };
  }

  it('offline: before verification, says that npm install, the build and the tests run the project’s code, and that Claude wrote none of it', async () => {
    const result = await generateVerified(loadFixtureSpec('events'), false);
    assert.equal(result.code, 0, result.err);
    assert.equal(result.saidBeforeVerifying.length, 1);
    const said = result.saidBeforeVerifying[0];
    assert.match(said, /Verification runs the generated project's code on this machine \(--verify is the consent\): npm install, the build and the tests, in .*-false\./);
    assert.match(said, /Claude took no part in this run/);
    // The run's one verification outcome, as the result view and the sidebar say it.
    assert.equal(result.summary.verify.outcome, 'verified');
    assert.equal(result.summary.verify.text, 'Verified: install, build, test passed');
    assert.match(result.err, /^Verified: install, build, test passed$/m);
    assert.match(GENERATE_USAGE, /--verify .*runs\s+its code on this machine/);
  });

  it('with Claude: names the files Claude wrote in this run before verification starts (and in the JSON summary)', async () => {
    const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
    fake.otherwise((request) => {
      const tool = toolOf(request);
      if (tool === 'emit_spec') return toolMessage('emit_spec', loadFixtureSpec('events'));
      if (tool === 'emit_page') {
        const [, file, content] = /File (\S+):\n([\s\S]*)$/.exec(request.body.messages[0].content as string) ?? [];
        // Only the attendees page is Claude's in this run; the others keep the generator's.
        if (file !== 'frontend/src/pages/attendees.tsx') return errorResponse(400, 'not this one');
        return toolMessage('emit_page', { content: `// Polished by Claude.\n${content}`, changes: 'a heading comment' });
      }
      return errorResponse(400, `not answered in this test: ${tool}`);
    });
    const result = await generateVerified(loadFixtureSpec('events'), true);
    assert.equal(result.saidBeforeVerifying.length, 1, result.err);
    const said = result.saidBeforeVerifying[0];
    assert.match(said, /Verification runs the generated project's code on this machine/);
    assert.match(said, /Claude wrote 1 file of this project in this run, and verification runs them: frontend\/src\/pages\/attendees\.tsx\./);
    assert.deepEqual(result.summary.claudeFiles, ['frontend/src/pages/attendees.tsx']);
  });
});
