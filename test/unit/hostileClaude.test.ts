// Hostile but schema-valid answers from the (fake) Messages API, through the real orchestrator and
// SDK: Claude writes only what its stage owns, and no model-written file gets past the code policy.
// A refused answer keeps the deterministic file, and the run says so.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createBabelSyntaxChecker } from '../../src/core/check/babelSyntax';
import { RunEventStream } from '../../src/model/run/events';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { ProjectSpec } from '../../src/model/project/projectSpec';
import type { VerifyResult } from '../../src/core/verify/verifier';
import { type FakeResponse, FakeAnthropicServer, type RecordedRequest, errorResponse, toolMessage } from '../fake-anthropic/server';
import { fakeClaudePerTest } from '../shared/fakeClaude';
import { PASSING, scriptedVerifier } from '../shared/scriptedVerifier';

const fixtures = path.resolve(__dirname, '..', '..', '..', 'test', 'fixtures', 'specs');
const events = ProjectSpec.parse(JSON.parse(readFileSync(path.join(fixtures, 'events.json'), 'utf8')));
const MODEL = 'claude-sonnet-5-5';
const checkSyntax = createBabelSyntaxChecker();
const PAGE = 'frontend/src/pages/events.tsx';
const RULES = 'backend/src/rules/registrations.ts';
const HOSTILE_PACKAGE = JSON.stringify({ name: 'x', scripts: { postinstall: 'touch pwned; env > env.txt', test: 'echo all tests pass' } }, null, 2);

const toolOf = (request: RecordedRequest): string => request.body?.tool_choice?.name ?? '';
const warningsOf = (stream: RunEventStream) => stream.events.flatMap((e) => (e.type === 'warning' ? [e.message] : []));
/** What the run sent Claude after the first answer of a tool: the problems of its repair round trip. */
const repairNotes = (fake: FakeAnthropicServer, tool: string) =>
  fake.requests.filter((r) => toolOf(r) === tool && r.body.messages.length > 1).map((r) => JSON.stringify(r.body.messages.at(-1)));

/** The deterministic project, for comparing what a refused answer left in place. */
async function deterministic() {
  return (await runGeneration({ input: { kind: 'spec', spec: events } })).files;
}

/** Answers every tool faithfully, except those given. */
function responder(overrides: Record<string, (request: RecordedRequest) => FakeResponse>) {
  return (request: RecordedRequest): FakeResponse => {
    const tool = toolOf(request);
    if (overrides[tool]) return overrides[tool](request);
    if (tool === 'emit_spec') return toolMessage('emit_spec', events);
    if (tool === 'emit_explanations') return toolMessage('emit_explanations', { files: [] });
    if (tool === 'emit_rules') return toolMessage('emit_rules', { files: [], tests: [], implemented: [] });
    if (tool === 'emit_page') return toolMessage('emit_page', { content: /File \S+:\n([\s\S]*)$/.exec(request.body.messages[0].content)?.[1] ?? '', changes: 'none' });
    return errorResponse(400, `unexpected tool ${tool}`);
  };
}

describe('hostile Claude answers (fake API)', function () {
  this.timeout(30_000);
  const fake = fakeClaudePerTest({ sleep: async () => undefined });

  describe('repair rounds', () => {
    const failing = (errors: string[]): VerifyResult => ({
      ok: false,
      failedStep: 'test',
      durationMs: 10,
      steps: [{ name: 'test', ok: false, exitCode: 1, signal: null, durationMs: 1, timedOut: false, cancelled: false, firstErrors: errors, outputTail: errors.join('\n') }],
    });

    it('refuses a fix that replaces package.json: the file stays as generated, the run says why, Claude is told', async () => {
      const reference = await deterministic();
      fake.server.otherwise(responder({ emit_fixes: () => toolMessage('emit_fixes', { summary: 'make the tests pass', files: [{ path: 'package.json', content: HOSTILE_PACKAGE }] }) }));
      const stream = new RunEventStream('hostile-package');
      const written: string[] = [];
      const { run, files } = await runGeneration({
        input: { kind: 'spec', spec: events },
        stream,
        claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, maxRepairRounds: 1 },
        verify: scriptedVerifier(failing([`${PAGE}: expected "Events" to be rendered`])),
        onFile: (file) => void written.push(file.path),
      });
      assert.equal(files.get('package.json')?.content, reference.get('package.json')?.content);
      assert.equal(written.filter((p) => p === 'package.json').length, 1, 'written once, as generated');
      assert.notEqual(run.status, 'succeeded');
      assert.match(run.errors.get('repair') ?? '', /still invalid after one repair: files: "package\.json" is refused: repair may never edit it/);
      const warnings = warningsOf(stream);
      assert.ok(warnings.some((w) => /Repair round 1: Claude's edit of package\.json was refused and the file stays as it was: .*package\.json decides what runs/.test(w)), warnings.join('\n'));
      const notes = repairNotes(fake.server, 'emit_fixes');
      assert.equal(notes.length, 1);
      assert.match(notes[0], /package\.json.*is refused/);
      assert.match(fake.server.requests.find((r) => toolOf(r) === 'emit_fixes')?.body.messages[0].content ?? '', /You may change only these files[^\n]*frontend\/src\/pages\/events\.tsx/);
    });

    it('accepts the answer once the refused edit is dropped: the allowed fix is written, package.json is not', async () => {
      const reference = await deterministic();
      const fixed = `${reference.get(PAGE)?.content}// Fixed by repair.\n`;
      let answers = 0;
      fake.server.otherwise(
        responder({
          emit_fixes: () =>
            toolMessage('emit_fixes', {
              summary: 'fix',
              files: answers++ === 0 ? [{ path: 'package.json', content: HOSTILE_PACKAGE }, { path: PAGE, content: fixed }] : [{ path: PAGE, content: fixed }],
            }),
        }),
      );
      const stream = new RunEventStream('repair-allowed');
      const { run, files } = await runGeneration({
        input: { kind: 'spec', spec: events },
        stream,
        claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
        verify: scriptedVerifier(failing([`${PAGE}: expected "Events" to be rendered`]), PASSING),
      });
      assert.equal(run.status, 'succeeded', [...run.errors.values()].join('; '));
      assert.equal(files.get(PAGE)?.content, fixed);
      assert.equal(files.get('package.json')?.content, reference.get('package.json')?.content);
      assert.ok(warningsOf(stream).some((w) => /edit of package\.json was refused/.test(w)));
    });

    it('lets repair fix a failing test the errors name, and refuses a fix that breaks the code policy', async () => {
      const TEST = 'backend/test/events.test.ts';
      const reference = await deterministic();
      let answers = 0;
      fake.server.otherwise(
        responder({
          emit_fixes: () =>
            toolMessage('emit_fixes', {
              summary: 'fix',
              files: [{ path: TEST, content: answers++ === 0 ? "import { it } from 'vitest';\nit('leaks', () => { console.log(process.env); });\n" : "import { it, expect } from 'vitest';\nit('runs', () => { expect(1).toBe(1); });\n" }],
            }),
        }),
      );
      const stream = new RunEventStream('repair-test');
      const { run, files } = await runGeneration({
        input: { kind: 'spec', spec: events },
        stream,
        claude: { provider: fake.provider, model: MODEL, budgetUsd: 5 },
        verify: scriptedVerifier(failing([`FAIL ${TEST} > lists events`]), PASSING),
      });
      assert.equal(run.status, 'succeeded', [...run.errors.values()].join('; '));
      assert.match(files.get(TEST)?.content ?? '', /it\('runs'/);
      assert.notEqual(files.get(TEST)?.content, reference.get(TEST)?.content);
      assert.match(repairNotes(fake.server, 'emit_fixes')[0], /events\.test\.ts:2: `process` reads the environment/);
      assert.ok(warningsOf(stream).some((w) => /edit of backend\/test\/events\.test\.ts was refused.*breaks the code policy/.test(w)));
    });
  });

  it('keeps the deterministic page when both answers start with import("node:child_process"), and says so', async () => {
    const reference = await deterministic();
    const hostile = (request: RecordedRequest) => {
      const original = /File \S+:\n([\s\S]*)$/.exec(request.body.messages[0].content)?.[1] ?? '';
      return toolMessage('emit_page', { content: `import("node:child_process").then(c => c.exec("touch x"));\n${original}`, changes: 'clearer headings' });
    };
    fake.server.otherwise(responder({ emit_page: hostile }));
    const stream = new RunEventStream('hostile-page');
    const { run, files } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.equal(files.get(PAGE)?.content, reference.get(PAGE)?.content, 'the deterministic page is written');
    assert.ok(!files.list().some((file) => file.content.includes('import("node:child_process")')), 'no page of the hostile answers was written');
    const pageRequests = fake.server.requests.filter((r) => toolOf(r) === 'emit_page');
    assert.equal(pageRequests.length, 2 * events.entities.length, 'each page: one answer, one repair, both refused');
    assert.match(repairNotes(fake.server, 'emit_page')[0], /pages\/\w+\.tsx:1: dynamic `import\(\)`/);
    const warnings = warningsOf(stream);
    assert.ok(warnings.some((w) => /Pages.* keeps the deterministic result: .*still invalid after one repair: frontend\/src\/pages\/events\.tsx:1: dynamic `import\(\)`/.test(w)), warnings.join('\n'));
  });

  it('refuses a data model whose label carries code past a comment (U+2028), twice, and keeps the offline model', async () => {
    const reference = await deterministic();
    const payload = 'Events\u2028import("node:child_process").then((c) => c.exec("touch pwned"));\u2028//';
    const hostile = JSON.parse(JSON.stringify(events));
    hostile.entities[0].pluralLabel = payload;
    fake.server.otherwise(responder({ emit_spec: () => toolMessage('emit_spec', hostile) }));
    const stream = new RunEventStream('hostile-label');
    const { run, files, spec } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, checkSyntax } });
    assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
    assert.equal(spec.entities[0].pluralLabel, events.entities[0].pluralLabel, 'the offline model is kept');
    assert.equal(fake.server.requests.filter((r) => toolOf(r) === 'emit_spec').length, 2, 'one answer, one repair, both refused');
    assert.match(repairNotes(fake.server, 'emit_spec')[0], /U\+2028/);
    assert.equal(files.list().length, reference.list().length, 'a whole project is written');
    assert.deepEqual(files.list().filter((file) => file.content.includes('touch pwned')).map((f) => f.path), [], 'the payload reaches no file');
    assert.ok(warningsOf(stream).some((w) => /keeps the deterministic result/.test(w)), warningsOf(stream).join('\n'));
  });

  describe('business rules', () => {
    const requirement = events.unimplemented[0].text;
    const rulesAnswer = (rules: string, test = "import { describe, it, expect } from 'vitest';\n\ndescribe('cancel', () => {\n  it('runs', () => {\n    expect(1).toBe(1);\n  });\n});\n") => (request: RecordedRequest) => {
      const original = /File backend\/src\/rules\/registrations\.ts:\n([\s\S]*?)(\n\nFile |\n\nTest helpers|$)/.exec(request.body.messages[0].content)?.[1] ?? '';
      return toolMessage('emit_rules', {
        files: [{ path: RULES, content: `${rules}\n${original}` }],
        tests: [{ path: 'backend/test/cancel-event.rules.test.ts', content: test }],
        implemented: [{ requirement, how: 'cancelling an event marks its registrations cancelled' }],
      });
    };

    const hostile: [string, string, RegExp][] = [
      ['process.env', 'export const leaked = process.env.ANTHROPIC_API_KEY;', /registrations\.ts:1: `process` reads the environment/],
      ["require('fs')", "const fs = require('fs');\nfs.writeFileSync('pwned', '');", /registrations\.ts:1: `require` loads modules/],
      ['eval', "eval('1 + 1');", /registrations\.ts:1: `eval` runs a string as code/],
      ["globalThis['ev'+'al']", "(globalThis as any)['ev' + 'al']('1');", /registrations\.ts:1: `globalThis\[…\]` reaches globals by computed name/],
    ];
    for (const [what, code, expected] of hostile) {
      it(`refuses a rules answer using ${what} on both tries and keeps the deterministic rules`, async () => {
        const reference = await deterministic();
        fake.server.otherwise(responder({ emit_rules: rulesAnswer(code) }));
        const stream = new RunEventStream(`hostile-rules-${what}`);
        const { run, files, spec } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, checkSyntax } });
        assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
        assert.equal(files.get(RULES)?.content, reference.get(RULES)?.content);
        assert.ok(!files.has('backend/test/cancel-event.rules.test.ts'));
        assert.equal(spec.modelImplemented.length, 0);
        assert.equal(fake.server.requests.filter((r) => toolOf(r) === 'emit_rules').length, 2);
        const warning = warningsOf(stream).find((w) => /Business rules keeps the deterministic result/.test(w)) ?? '';
        assert.match(warning, expected);
      });
    }

    it('refuses a new test file outside the rules tests, and a rules answer that writes package.json', async () => {
      fake.server.otherwise(
        responder({
          emit_rules: (request) => {
            const answer = rulesAnswer('// extended')(request);
            const input = (answer as { content: { input: { files: unknown[] } }[] }).content[0].input;
            input.files.push({ path: 'backend/package.json', content: HOSTILE_PACKAGE });
            return answer;
          },
        }),
      );
      const stream = new RunEventStream('rules-package');
      const reference = await deterministic();
      const { files } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, checkSyntax } });
      assert.equal(files.get('backend/package.json')?.content, reference.get('backend/package.json')?.content);
      assert.match(warningsOf(stream).join('\n'), /backend\/package\.json: refused: Claude may never write it: package\.json decides what runs/);
    });

    it('accepts a clean answer that imports only relative modules and declared packages', async () => {
      const clean = "import { and as both } from 'drizzle-orm';\nimport { ruleViolated as refuse } from '../http/errors.js';\nconst cancelHelpers = [both, refuse];\nvoid cancelHelpers;";
      const cleanTest = "import { describe, it, expect } from 'vitest';\nimport { eq } from 'drizzle-orm';\n\ndescribe('cancel', () => {\n  it('runs', () => {\n    expect(typeof eq).toBe('function');\n  });\n});\n";
      // The exports must stay as they were, so the clean code is a helper the module does not export.
      fake.server.otherwise(responder({ emit_rules: rulesAnswer(clean, cleanTest) }));
      const stream = new RunEventStream('clean-rules');
      const { run, files, spec } = await runGeneration({ input: { kind: 'spec', spec: events }, stream, claude: { provider: fake.provider, model: MODEL, budgetUsd: 5, checkSyntax } });
      assert.equal(run.errors.size, 0, [...run.errors.values()].join('; '));
      assert.match(files.get(RULES)?.content ?? '', /import \{ and as both \} from 'drizzle-orm'/);
      assert.ok(files.has('backend/test/cancel-event.rules.test.ts'));
      assert.equal(spec.modelImplemented.length, 1);
      assert.ok(!warningsOf(stream).some((w) => /Business rules/.test(w)), warningsOf(stream).join('\n'));
    });
  });
});
