// Ctrl+C in `takoss generate`: the run stops, what was written is marked incomplete the way the
// extension marks it (.takoss/PARTIAL.md) and listed in a manifest, the exit code is a signal's;
// a second Ctrl+C quits at once. The command runs in-process with an AbortSignal; the signal wiring
// of src/cli/main.ts is tested with a fake process.
import * as assert from 'node:assert/strict';
import { EventEmitter } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { createSyntaxChecker } from '../../src/core/check/tsSyntax';
import type { GenerateDeps } from '../../src/cli/generateCommand';
import { runCli } from '../../src/cli/runCli';
import { cancelOnSignals, type SignalSource, type StopSignal } from '../../src/cli/signals';
import { MANIFEST_PATH, TakossManifest } from '../../src/core/generator/project/manifest';
import { PARTIAL_HEADING, PARTIAL_MARKER } from '../../src/core/output/partialMarker';
import { BASE_PATH, SPEC_PATH } from '../../src/core/update/memory';
import { type GenerationRequest, runGeneration } from '../../src/core/pipeline/orchestrator';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import type { VerifyResult } from '../../src/core/verify/verifier';
import { FakeAnthropicServer, type RecordedRequest, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';

/** Every file under `root`, as POSIX paths relative to it. */
function filesUnder(root: string, prefix = ''): string[] {
  return readdirSync(path.join(root, prefix)).flatMap((name) => {
    const relative = prefix ? `${prefix}/${name}` : name;
    return statSync(path.join(root, relative)).isDirectory() ? filesUnder(root, relative) : [relative];
  });
}

describe('CLI: cancelling a run (Ctrl+C)', function () {
  this.timeout(30_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-cancel-'));
  const specFile = path.join(dir, 'library.json');
  writeFileSync(specFile, JSON.stringify(loadFixtureSpec('library')));
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Runs `generate --spec` with a controller the test aborts when `cancelWhen` says so. */
  async function generate(argv: string[], cancelWhen: { afterFiles?: number; inVerification?: boolean }) {
    const controller = new AbortController();
    let produced = 0;
    const verifications: string[][] = [];
    const err: string[] = [];
    const out: string[] = [];
    const deps: GenerateDeps = {
      extractSpec: () => assert.fail('reads a spec file'),
      signal: controller.signal,
      runGeneration: (request: GenerationRequest) => {
        if (cancelWhen.afterFiles === 0) controller.abort();
        return runGeneration({
          ...request,
          onFile: async (file) => {
            await request.onFile?.(file);
            if (++produced === cancelWhen.afterFiles) controller.abort();
          },
        });
      },
      verifyProject: async (_dir, options): Promise<VerifyResult> => {
        verifications.push([...err]);
        if (cancelWhen.inVerification) controller.abort();
        assert.ok(options?.signal?.aborted, 'verification sees the cancellation');
        const step = { name: 'install' as const, ok: false, exitCode: null, signal: 'SIGKILL', durationMs: 5, timedOut: false, cancelled: true, firstErrors: ['install was cancelled'], outputTail: '' };
        return { ok: false, steps: [step], failedStep: 'install', durationMs: 5 };
      },
    };
    const code = await runCli(['generate', '--spec', specFile, ...argv], { out: (line) => out.push(line), err: (line) => err.push(line) }, deps);
    return { code, err: err.join('\n'), summary: out.length ? JSON.parse(out.join('\n')) : undefined, verifications };
  }

  it('marks what was written as incomplete, lists it in a manifest, and exits 130', async () => {
    const target = path.join(dir, 'cut');
    const result = await generate(['--out', target], { afterFiles: 6 });
    assert.equal(result.code, 130, result.err);
    assert.equal(result.summary.status, 'cancelled');
    assert.match(result.err, /takoss generate: cancelled — .*cut is incomplete \(see \.takoss\/PARTIAL\.md\)$/m);
    assert.match(result.err, /warning: The run was cancelled before every stage finished: the \d+ files written to .* are an incomplete project, marked with \.takoss\/PARTIAL\.md and listed in \.takoss\/manifest\.json/);

    const marker = readFileSync(path.join(target, PARTIAL_MARKER), 'utf8');
    assert.ok(marker.startsWith(PARTIAL_HEADING), 'the same marker as the extension writes');
    assert.match(marker, /was cancelled before every stage finished/);
    assert.match(marker, /delete this folder/);
    assert.match(marker, /^- Explanations$/m, 'names the stages that did not finish');

    const onDisk = filesUnder(target).filter((file) => file !== PARTIAL_MARKER && file !== MANIFEST_PATH).sort();
    const memory = [SPEC_PATH, BASE_PATH];
    assert.ok(memory.every((file) => onDisk.includes(file)), 'the project remembers what it wrote, for takoss update');
    assert.ok(onDisk.length - memory.length >= 6, `${onDisk.length} files were written before the cancel took effect`);
    assert.equal(result.summary.incomplete.filesWritten, onDisk.length - memory.length, 'the files the run wrote, not its memory of them');
    const manifest = TakossManifest.parse(JSON.parse(readFileSync(path.join(target, MANIFEST_PATH), 'utf8')));
    assert.deepEqual(manifest.files.map((file) => file.path), onDisk, 'the manifest lists exactly the files on disk');
    // (A file whose write was the last thing its stage did before the cancel has no fileProduced event.)
    assert.ok(manifest.files.filter((file) => file.stage).length >= onDisk.length - memory.length - 1, 'with the stage that wrote each');
    assert.ok(!filesUnder(target).some((file) => file.endsWith('.tmp')), 'no half-written file');
  });

  it('a run cancelled before it wrote anything leaves no folder behind (but never removes one that was there)', async () => {
    const target = path.join(dir, 'nothing');
    const result = await generate(['--out', target], { afterFiles: 0 });
    assert.equal(result.code, 130, result.err);
    assert.equal(existsSync(target), false);
    assert.match(result.err, /cancelled before it wrote any file; the folder .*nothing it had created is removed/);

    const existing = path.join(dir, 'existing-empty');
    mkdirSync(existing);
    assert.equal((await generate(['--out', existing], { afterFiles: 0 })).code, 130);
    assert.equal(existsSync(existing), true, "the user's own folder stays");
  });

  it('cancelled during verification: the run had written its manifest, the project is marked incomplete', async () => {
    const target = path.join(dir, 'verifying');
    const result = await generate(['--out', target, '--verify'], { inVerification: true });
    assert.equal(result.code, 130, result.err);
    assert.equal(result.verifications.length, 1);
    const marker = readFileSync(path.join(target, PARTIAL_MARKER), 'utf8');
    assert.match(marker, /^- Verification$/m);
    assert.equal(result.summary.incomplete.manifest, undefined, "the run's own manifest (with every file) is kept");
    const manifest = TakossManifest.parse(JSON.parse(readFileSync(path.join(target, MANIFEST_PATH), 'utf8')));
    assert.equal(manifest.files.length, filesUnder(target).length - 2, 'every file but the manifest and the marker');
  });
});

describe('CLI: Ctrl+C while Claude is answering (fake API)', function () {
  this.timeout(30_000);
  let fake: FakeAnthropicServer;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'takoss-cli-cancel-claude-'));
  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
  });
  afterEach(() => fake.close());
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the hanging call at once, marks the project incomplete and exits 130', async () => {
    const controller = new AbortController();
    const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
    fake.otherwise((request) => {
      const tool = toolOf(request);
      if (tool === 'emit_spec') return toolMessage('emit_spec', loadFixtureSpec('events'));
      if (tool === 'emit_page') {
        // The user presses Ctrl+C while Claude is still writing a page.
        controller.abort();
        return { kind: 'hang' };
      }
      return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
    });
    const specFile = path.join(dir, 'events.json');
    writeFileSync(specFile, JSON.stringify(loadFixtureSpec('events')));
    const out = path.join(dir, 'events');
    const err: string[] = [];
    const stdout: string[] = [];
    const started = Date.now();
    const code = await runCli(['generate', '--spec', specFile, '--out', out, '--provider', 'anthropic'], { out: (l) => stdout.push(l), err: (l) => err.push(l) }, {
      extractSpec: () => assert.fail('reads a spec file'),
      runGeneration,
      verifyProject: async () => assert.fail('not asked to verify'),
      signal: controller.signal,
      env: { ANTHROPIC_API_KEY: 'test-key' },
      createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: fake.url, sleep: async () => undefined }),
      checkSyntax: createSyntaxChecker(ts),
    });
    assert.equal(code, 130, err.join('\n'));
    assert.ok(Date.now() - started < 15_000, 'the hanging call did not hold the run');
    assert.equal(JSON.parse(stdout.join('\n')).status, 'cancelled');
    const marker = readFileSync(path.join(out, PARTIAL_MARKER), 'utf8');
    assert.match(marker, /^- Pages: /m, 'the pages Claude was writing did not finish');
    const manifest = TakossManifest.parse(JSON.parse(readFileSync(path.join(out, MANIFEST_PATH), 'utf8')));
    assert.deepEqual(manifest.files.map((file) => file.path), filesUnder(out).filter((file) => file !== PARTIAL_MARKER && file !== MANIFEST_PATH).sort());
  });
});

/** A process stand-in: signals are emitted by the test, exit is recorded. */
class FakeProcess extends EventEmitter implements SignalSource {
  exits: number[] = [];
  exit(code: number): void {
    this.exits.push(code);
  }
  override on(event: StopSignal, listener: () => void): this {
    return super.on(event, listener);
  }
  override off(event: StopSignal, listener: () => void): this {
    return super.off(event, listener);
  }
}

describe('CLI: signal wiring (src/cli/main.ts)', () => {
  it('the first Ctrl+C cancels and says so; the second quits at once with 130', () => {
    const proc = new FakeProcess();
    const lines: string[] = [];
    const cancellation = cancelOnSignals(proc, (line) => lines.push(line));
    assert.equal(cancellation.signal.aborted, false);
    proc.emit('SIGINT');
    assert.equal(cancellation.signal.aborted, true);
    assert.deepEqual(proc.exits, [], 'the run gets to stop and mark the project');
    assert.match(lines.join('\n'), /Ctrl\+C: cancelling .*marking what was written as incomplete \(Ctrl\+C again quits at once\)/);
    assert.equal(cancellation.exitCode(130), 130);
    proc.emit('SIGINT');
    assert.deepEqual(proc.exits, [130]);
    assert.match(lines.at(-1) ?? '', /quitting at once/);
  });

  it('SIGTERM cancels the same way and the process exits 143; other results keep their code', () => {
    const proc = new FakeProcess();
    const cancellation = cancelOnSignals(proc, () => undefined);
    assert.equal(cancellation.exitCode(0), 0);
    proc.emit('SIGTERM');
    assert.equal(cancellation.signal.aborted, true);
    assert.equal(cancellation.received, 'SIGTERM');
    assert.equal(cancellation.exitCode(130), 143, 'a cancelled run exits 128 + SIGTERM');
    assert.equal(cancellation.exitCode(1), 1);
    proc.emit('SIGTERM');
    assert.deepEqual(proc.exits, [143]);
  });

  it('gives the signals back when the run is over', () => {
    const proc = new FakeProcess();
    const cancellation = cancelOnSignals(proc, () => undefined);
    assert.equal(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM'), 2);
    cancellation.dispose();
    assert.equal(proc.listenerCount('SIGINT') + proc.listenerCount('SIGTERM'), 0);
  });
});
