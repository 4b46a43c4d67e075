// `takoss update --change TEXT --provider anthropic`, against the fake Messages API: Claude edits the
// spec for the change out of the run's one budget (what it spent is gone for the generation, which
// uses Claude's spec as the model without asking again); when Claude's answer cannot be used (the
// budget cannot hold the call, the API refuses) the reason is printed and the offline reading is used.
import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { GenerateDeps } from '../../src/cli/generateDeps';
import { withChangeSentences } from '../../src/core/change/claudeChange';
import { extractSpec } from '../../src/core/extract';
import { runGeneration } from '../../src/core/pipeline/orchestrator';
import { AnthropicProvider } from '../../src/core/providers/anthropic';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import { errorResponse, FakeAnthropicServer, toolMessage } from '../fake-anthropic/server';
import { loadFixtureSpec } from '../shared/claudeModels';
import { generatedProject, runCliInProcess } from '../shared/cliInProcess';

const CHANGE = 'Add a subtitle to books.';

/** Claude's answer to CHANGE: the spec with the change's sentence and Book.bookSubtitle citing it (the offline reader names it subtitle). */
function claudeAnswer(spec: ProjectSpec): ProjectSpec {
  const draft = structuredClone(withChangeSentences(spec, CHANGE));
  const sentence = draft.requirements.sentences.at(-1)!.id;
  draft.entities.find((e) => e.name === 'Book')!.fields.push({ name: 'bookSubtitle', label: 'Subtitle', type: 'string', required: false, unique: false, sources: [sentence] });
  return draft;
}

describe('takoss update --change with Claude (--provider anthropic)', function () {
  this.timeout(120_000);
  let fake: FakeAnthropicServer;
  let work: string;
  let project: string;
  const library = loadFixtureSpec('library');
  const deps = (): GenerateDeps => ({
    extractSpec,
    runGeneration,
    verifyProject: async () => assert.fail('not asked to verify'),
    env: { ANTHROPIC_API_KEY: 'test-key' },
    createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: fake.url, sleep: async () => undefined }),
  });
  const update = (budget: string) => runCliInProcess(['update', '--project', project, '--change', CHANGE, '--provider', 'anthropic', '--budget', budget], deps());
  const schema = () => readFileSync(path.join(project, 'backend', 'src', 'db', 'schema.ts'), 'utf8');

  beforeEach(async () => {
    fake = await FakeAnthropicServer.start();
    ({ work, project } = await generatedProject(library, deps()));
  });
  afterEach(async () => {
    await fake.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('Claude edits the spec; the generation gets what is left of the one budget and uses that spec as the model', async () => {
    // The answer reports most of what the call could cost, so what is left cannot hold a stage's call.
    fake.enqueue(toolMessage('emit_spec', claudeAnswer(library), { input_tokens: 100_000, output_tokens: 16_000 }));
    const result = await update('0.65');
    assert.equal(result.code, 0, result.err);
    const cost = Number(/^change: read by Claude \([^,]+, \$(\d+\.\d+)\)$/m.exec(result.err)?.[1]);
    assert.ok(cost > 0.3, result.err);
    const left = Number(/^change: \$(\d+\.\d+) of the \$0\.65 budget is left for the generation$/m.exec(result.err)?.[1]);
    assert.ok(Math.abs(left - (0.65 - cost)) < 0.0002, `${left} left after ${cost}`);
    assert.match(result.err, /^change: fields added: Book\.bookSubtitle/m);
    assert.match(schema(), /bookSubtitle/);
    assert.equal(fake.requests.length, 1, 'Claude was asked once: the change; the generation neither asked for the model again nor had budget for more');
    assert.match(JSON.stringify(fake.requests[0].body.messages), /Add a subtitle to books/);
    assert.match(result.err, /Budget: Explanations keeps the deterministic result; .* only \$0\.2\d+ of the budget is left/);
    assert.doesNotMatch(result.err, /Domain model keeps/, 'Claude\'s spec is the model: the domain-model stage does not ask again');
  });

  it('keeps the offline reading, and says why, when the budget cannot hold the change’s call', async () => {
    const result = await update('0.001');
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /^change: Claude's answer was not used \(.*budget.*\); the offline reading is kept\.$/m);
    assert.match(result.err, /^change: Book gains subtitle/m);
    assert.match(schema(), /subtitle/);
    assert.doesNotMatch(schema(), /bookSubtitle/);
    assert.equal(fake.requests.length, 0);
  });

  it('keeps the offline reading, and says why, when the API refuses the request', async () => {
    fake.enqueue(errorResponse(400, 'the request is malformed'));
    const result = await update('0.65');
    assert.equal(result.code, 0, result.err);
    assert.match(result.err, /^change: Claude's answer was not used \(.*malformed.*\); the offline reading is kept\.$/m);
    assert.match(result.err, /^change: Book gains subtitle/m);
    const asked = fake.requests.filter((request) => JSON.stringify(request.body).includes('Apply exactly this change'));
    assert.equal(asked.length, 1, 'a 400 is not retried');
    assert.equal(asked[0], fake.requests[0], 'the change is read before the generation');
    const modelAsked = fake.requests.slice(1).filter((request) => request.body.tool_choice?.name === 'emit_spec');
    assert.equal(modelAsked.length, 0, 'the offline reading is the model: the generation does not ask Claude to reshape it');
    assert.match(result.err, /the project's model as changed for this update/);
  });

  it('with --spec, the spec given is the model: Claude is not asked to reshape it', async () => {
    const next = structuredClone(library);
    next.entities.find((e) => e.name === 'Book')!.fields.push({ name: 'subtitle', label: 'Subtitle', type: 'string', required: false, unique: false, sources: [] });
    const file = path.join(work, 'next.json');
    writeFileSync(file, JSON.stringify(next));
    const result = await runCliInProcess(['update', '--project', project, '--spec', file, '--provider', 'anthropic', '--budget', '0.65'], deps());
    assert.equal(result.code, 0, result.err);
    assert.match(schema(), /subtitle/);
    assert.equal(fake.requests.filter((request) => request.body.tool_choice?.name === 'emit_spec').length, 0, result.err);
    assert.match(result.err, /the project's model as changed for this update/);
  });
});
