// The hybrid pipeline under load: Claude stages overlap, cancellation stops every request fast and
// leaves no partial file, transient failures are retried, model-written code is syntax-checked.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { createSyntaxChecker } from '../../src/core/check/tsSyntax';
import { createDiskWriter } from '../../src/core/output/diskSink';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import { type FakeResponse, type RecordedRequest, errorResponse, toolMessage } from '../fake-anthropic/server';
import { fakeClaudePerTest } from '../shared/fakeClaude';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const spec = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'library.json'), 'utf8')));
const checkSyntax = createSyntaxChecker(ts);
const MODEL = 'claude-sonnet-5-5';

const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
const pageFileIn = (request: RecordedRequest) => /File (\S+):\n([\s\S]*)$/.exec(request.body.messages[0].content as string);

/** Answers every stage sensibly; `faults` makes the first call of a tool fail in a given way. */
function responder(options: { pageLatencyMs?: number; faults?: Record<string, FakeResponse>; brokenPageOnce?: boolean } = {}) {
  const faulted = new Set<string>();
  let brokenSent = false;
  return (request: RecordedRequest): FakeResponse => {
    const tool = toolOf(request);
    const fault = options.faults?.[tool];
    if (fault && !faulted.has(tool)) {
      faulted.add(tool);
      return fault;
    }
    if (tool === 'emit_spec') return toolMessage('emit_spec', spec);
    if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
    if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
    if (tool === 'emit_page') {
      const [, , content] = pageFileIn(request) ?? [];
      if (options.brokenPageOnce && !brokenSent) {
        brokenSent = true;
        return toolMessage('emit_page', { content: `${content}\nexport function Broken( {`, changes: 'oops' });
      }
      return { ...toolMessage('emit_page', { content: `// Polished page.\n${content}`, changes: 'added a heading comment' }), latencyMs: options.pageLatencyMs };
    }
    return errorResponse(400, `unexpected tool ${tool}`);
  };
}

describe('hybrid pipeline under load (fake API with latency and faults)', function () {
  this.timeout(30_000);
  const fake = fakeClaudePerTest();

  it('runs independent Claude stages at the same time (server timestamps overlap)', async () => {
    fake.server.otherwise(responder({ pageLatencyMs: 300 }));
    const { run, files } = await runGeneration({ input: { kind: 'spec', spec }, concurrency: 4, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    const pages = fake.server.requests.filter((r) => toolOf(r) === 'emit_page');
    assert.equal(pages.length, spec.entities.length);
    const overlapping = pages.some((a) => pages.some((b) => a !== b && a.receivedAt < (b.finishedAt ?? 0) && b.receivedAt < (a.finishedAt ?? 0)));
    assert.ok(overlapping, 'at least two page requests were in flight together');
    assert.match(files.get('frontend/src/pages/books.tsx')?.content ?? '', /^\/\/ Polished page\./);
  });

  it('checks model-written TypeScript: a syntax error goes back for repair, the fix is accepted', async () => {
    fake.server.otherwise(responder({ brokenPageOnce: true }));
    const { run } = await runGeneration({ input: { kind: 'spec', spec }, concurrency: 1, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    const repairRequest = fake.server.requests.find((r) => JSON.stringify(r.body.messages).includes('tool_result'));
    assert.match(JSON.stringify(repairRequest?.body.messages ?? ''), /expected|Declaration or statement expected|exports must stay/);
  });

  it('keeps the deterministic pages when no syntax checker is available, and says so', async () => {
    fake.server.otherwise(responder());
    const stream = new RunEventStream('no-checker');
    await runGeneration({ input: { kind: 'spec', spec }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10 } });
    assert.equal(fake.server.requests.filter((r) => toolOf(r) === 'emit_page').length, 0);
    assert.ok(stream.events.some((e) => e.type === 'warning' && /no TypeScript syntax checker/.test(e.message)));
  });

  it('retries 529, 500 and a cut-off stream, then finishes', async () => {
    fake.server.otherwise(
      responder({
        faults: {
          emit_spec: errorResponse(529, 'Overloaded'),
          emit_page: errorResponse(500),
          emit_explanations: { ...toolMessage('emit_explanations', { files: [] }), cutAfterEvents: 2 },
        },
      }),
    );
    const stream = new RunEventStream('faults');
    const { run } = await runGeneration({ input: { kind: 'spec', spec }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    const retried = stream.events.flatMap((e) => (e.type === 'stageRetried' ? [`${e.stageId}: ${e.reason}`] : []));
    assert.ok(retried.some((r) => /^domain-model: .*529/.test(r)), retried.join('\n'));
    assert.ok(retried.some((r) => /^pages:.*500/.test(r)), retried.join('\n'));
    assert.ok(retried.some((r) => /^explanations: /.test(r)), retried.join('\n'));
  });

  it('cancellation stops every request within a second and leaves no partial file', async () => {
    fake.server.otherwise(responder({ pageLatencyMs: 5000 }));
    const controller = new AbortController();
    const target = path.join(mkdtempSync(path.join(os.tmpdir(), 'takoss-cancel-')), 'project');
    const write = await createDiskWriter(target);
    let abortedAt = 0;
    const waitForPages = setInterval(() => {
      if (!abortedAt && fake.server.requests.filter((r) => toolOf(r) === 'emit_page').length >= 2) {
        abortedAt = Date.now();
        controller.abort();
      }
    }, 20);
    const { run, files } = await runGeneration({
      input: { kind: 'spec', spec },
      concurrency: 4,
      signal: controller.signal,
      onFile: async (file) => {
        await write(file);
      },
      claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax },
    });
    const stoppedAfter = Date.now() - abortedAt;
    clearInterval(waitForPages);
    assert.equal(run.status, 'cancelled');
    assert.ok(stoppedAfter < 1000, `the run ended ${stoppedAfter} ms after cancel`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pending = fake.server.requests.filter((r) => toolOf(r) === 'emit_page');
    assert.ok(pending.every((r) => r.aborted && (r.abortedAt ?? Infinity) - abortedAt < 1000), 'every in-flight request was aborted within 1 s');
    // Whatever was written is whole: every file on disk equals what its stage produced, and no temp files.
    const onDisk: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const full = path.join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else onDisk.push(path.relative(target, full).split(path.sep).join('/'));
      }
    };
    walk(target);
    assert.ok(!onDisk.some((p) => p.endsWith('.tmp')), 'no temp files left');
    for (const relative of onDisk) assert.equal(readFileSync(path.join(target, relative), 'utf8'), files.get(relative)?.content, relative);
  });
});

describe('Claude implements requirements the generator could not (fake API)', function () {
  this.timeout(20_000);
  const fake = fakeClaudePerTest();
  const events = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')));
  const requirement = events.unimplemented[0].text;
  const RULES = 'backend/src/rules/registrations.ts';

  function answer(overrides: Record<string, unknown> = {}) {
    return (request: RecordedRequest): FakeResponse => {
      const tool = toolOf(request);
      if (tool === 'emit_spec') return toolMessage('emit_spec', events);
      if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
      if (tool === 'emit_page') {
        const [, , content] = pageFileIn(request) ?? [];
        return toolMessage('emit_page', { content, changes: 'none' });
      }
      const rules = /File backend\/src\/rules\/registrations\.ts:\n([\s\S]*?)(\n\nFile |\n\nTest helpers|$)/.exec(request.body.messages[0].content)?.[1] ?? '';
      return toolMessage('emit_rules', {
        files: [{ path: RULES, content: `${rules}\n// Cancelled events cancel their registrations (see beforeUpdate).\n` }],
        tests: [{ path: 'backend/test/cancel-event.rules.test.ts', content: "import { describe, it, expect } from 'vitest';\n\ndescribe('cancel', () => {\n  it('runs', () => {\n    expect(1).toBe(1);\n  });\n});\n" }],
        implemented: [{ requirement, how: 'cancelling an event marks its registrations cancelled' }],
        ...overrides,
      });
    };
  }

  it('extends the rules module, adds tests, and the README says what Claude implemented', async () => {
    fake.server.otherwise(answer());
    const { run, files, spec } = await runGeneration({ input: { kind: 'spec', spec: events }, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.match(files.get(RULES)?.content ?? '', /Cancelled events cancel their registrations/);
    assert.ok(files.has('backend/test/cancel-event.rules.test.ts'));
    assert.equal(spec.unimplemented.length, events.unimplemented.length - 1);
    const readme = files.get('README.md')?.content ?? '';
    assert.match(readme, /## Implemented by Claude \(please review\)/);
    assert.ok(readme.indexOf(requirement) < readme.indexOf('## Not implemented'), 'listed as implemented, not as missing');
    const manifest = JSON.parse(files.get('.takoss/manifest.json')?.content ?? '{}');
    assert.ok(manifest.files.some((f: { path: string }) => f.path === 'backend/test/cancel-event.rules.test.ts'));
  });

  it('refuses claims about requirements that were not listed, new rules files, and broken code', async () => {
    fake.server.otherwise(
      answer({
        files: [{ path: 'backend/src/rules/new.ts', content: 'export const x = (' }],
        implemented: [{ requirement: 'Something nobody asked for', how: 'magic' }],
      }),
    );
    const stream = new RunEventStream('refused-claims');
    const { run, files } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 10, checkSyntax } });
    assert.equal(run.errors.get('business-rules'), undefined, 'the stage keeps its deterministic rules instead of failing');
    const warning = stream.events.flatMap((e) => (e.type === 'warning' && e.stageId === 'business-rules' ? [e.message] : [])).join('\n');
    assert.match(warning, /keeps the deterministic result: .*still invalid after one repair/);
    assert.match(warning, /not an existing rules module|not one of the requirements/);
    assert.ok(!files.has('backend/src/rules/new.ts'), 'nothing of the refused answer was written');
  });
});
