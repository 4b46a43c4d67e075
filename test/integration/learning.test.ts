// Learning in the extension host: Claude runs from the panel's runner against the local fake of
// the Messages API record each stage's prompt variant and outcome in the history, and the next run's
// choice follows them (with exploration off, deterministically) and says why.
import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import type { GenerationRecord } from '../../src/core/history/store';
import { extractSpec } from '../../src/core/extract';
import { GenerationHistory } from '../../src/vscode/history/GenerationHistory';
import { FakeAnthropicServer, toolMessage } from '../fake-anthropic/server';
import { quietLog, standaloneRunner, waitFor } from './helpers';

describe('Learning from recorded runs in the extension host (Claude against a local fake API)', function () {
  this.timeout(120_000);
  let fake: FakeAnthropicServer;
  let previousBaseUrl: string | undefined;
  const config = () => vscode.workspace.getConfiguration('takoss');

  before(async () => {
    fake = await FakeAnthropicServer.start();
    previousBaseUrl = process.env.ANTHROPIC_BASE_URL;
    process.env.ANTHROPIC_BASE_URL = fake.url; // the SDK reads it when the provider is created
    await config().update('learningExplore', false, vscode.ConfigurationTarget.Global);
  });

  after(async () => {
    await config().update('learningExplore', undefined, vscode.ConfigurationTarget.Global);
    if (previousBaseUrl === undefined) delete process.env.ANTHROPIC_BASE_URL;
    else process.env.ANTHROPIC_BASE_URL = previousBaseUrl;
    await fake?.close();
  });

  it('records variants and outcomes, and with exploration off moves to the variant that works, saying why', async () => {
    const spec = extractSpec('A notes app. A note has a title and a body.', { projectName: 'learned-notes' });
    const usage = { input_tokens: 1500, output_tokens: 700 };
    // The "direct" prompt always gets an answer that breaks the schema; "stepwise" a valid one.
    fake.otherwise((request) => {
      const tool: string = request.body.tool_choice?.name;
      const stepwise = /step by step/.test(JSON.stringify(request.body.messages[0].content));
      if (tool === 'emit_spec') return stepwise ? toolMessage('emit_spec', spec, usage) : toolMessage('emit_spec', { entities: 'not a list' }, usage);
      return toolMessage(tool, { files: [] }, usage);
    });
    const history = new GenerationHistory(vscode.Uri.file(mkdtempSync(path.join(os.tmpdir(), 'takoss-learning-'))), quietLog);
    const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-learning-journal-'));
    const { runner, posted, dispose } = standaloneRunner(journals, history, { apiKey: 'sk-ant-learning-test-0123456789' });
    const records: GenerationRecord[] = [];
    try {
      for (let run = 0; run < 3; run++) {
        const runId = await runner.start({ requestId: `learn-${run}`, spec, provider: 'anthropic', folder: `learned-${Date.now()}-${run}` });
        assert.ok(runId, (posted.find((m) => m.type === 'runRefused') as { reason?: string } | undefined)?.reason ?? 'refused');
        records.push(
          await waitFor(async () => {
            const record = await history.get(runId);
            return record && record.status !== 'running' ? record : undefined;
          }, `run ${run} to be recorded`, 60_000),
        );
        // Ended too (journal closed), so the next run does not ask whether to run both at once.
        await waitFor(() => runner.runningCount === 0 || undefined, `run ${run} to end`, 30_000);
      }
      const domain = records.map((record) => record.stages.find((stage) => stage.stage === 'domain-model'));
      assert.deepEqual(
        domain.map((outcome) => [outcome?.variant, outcome?.valid, outcome?.model]),
        [
          ['direct', false, 'claude-sonnet-5-5'],
          ['stepwise', true, 'claude-sonnet-5-5'],
          ['stepwise', true, 'claude-sonnet-5-5'],
        ],
        'the first variant by default, then the one that worked',
      );
      assert.ok(records.every((record) => record.provider === 'anthropic' && record.model === 'claude-sonnet-5-5' && record.usage.costUsd > 0));
      assert.ok(domain.every((outcome) => (outcome?.costUsd ?? 0) > 0), 'invalid answers cost too');
      const reasons = posted.flatMap((m) => (m.type === 'runEvent' && m.event.type === 'promptChosen' && m.event.stageId === 'domain-model' ? [m.event.reason] : []));
      assert.match(reasons[0], /no recorded outcomes for this stage yet, the first variant/);
      assert.match(reasons[2], /^stepwise: 1 of 1 clean \(best mean, exploration off\) vs direct 0 of 1 clean/);
      assert.ok(records[0].stages.some((stage) => stage.stage === 'explanations' && stage.valid === true), 'every Claude stage is recorded');
    } finally {
      dispose();
      history.dispose();
    }
  });

  it('lets Claude polish pages in the extension, parsing its code first: broken code is refused, good code is written', async () => {
    const spec = extractSpec('A notes app with notes and tags. A note has a title and a body. A tag has a name and a color.', { projectName: 'polished' });
    assert.deepEqual(spec.entities.map((e) => e.name).sort(), ['Note', 'Tag']);
    fake.otherwise((request) => {
      const tool: string = request.body.tool_choice?.name;
      const text = String(request.body.messages[0].content);
      if (tool === 'emit_spec') return toolMessage('emit_spec', spec);
      if (tool !== 'emit_page') return toolMessage(tool, { files: [] });
      const original = text.split(/\nFile [^\n]+:\n/)[1] ?? '';
      // Notes get a good polish; tags get code that does not parse.
      return /File frontend\/src\/pages\/notes/.test(text)
        ? toolMessage('emit_page', { content: `${original.trimEnd()}\n// Polished by Claude: clearer empty state.\n`, changes: 'a clearer empty state' })
        : toolMessage('emit_page', { content: `${original.slice(0, 200)}\nexport function Broken( {\n`, changes: 'oops' });
    });
    const history = new GenerationHistory(vscode.Uri.file(mkdtempSync(path.join(os.tmpdir(), 'takoss-learning-'))), quietLog);
    const journals = mkdtempSync(path.join(os.tmpdir(), 'takoss-learning-journal-'));
    const { runner, posted, dispose } = standaloneRunner(journals, history, { apiKey: 'sk-ant-learning-test-0123456789' });
    const folder = `polished-${Date.now()}`;
    try {
      const runId = await runner.start({ requestId: 'polish', spec, provider: 'anthropic', folder });
      assert.ok(runId);
      const record = await waitFor(async () => {
        const found = await history.get(runId);
        return found && found.status !== 'running' ? found : undefined;
      }, 'the run to be recorded', 60_000);
      const root = vscode.workspace.workspaceFolders?.[0]?.uri;
      assert.ok(root);
      const read = async (file: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(root, folder, ...file.split('/'))));
      const pagePaths = record.files.map((f) => f.path).filter((p) => p.startsWith('frontend/src/pages/'));
      const notes = pagePaths.find((p) => p.includes('notes'));
      const tags = pagePaths.find((p) => p.includes('tags'));
      assert.ok(notes && tags, pagePaths.join(', '));
      assert.match(await read(notes), /Polished by Claude/);
      assert.doesNotMatch(await read(tags), /Broken/, 'the broken answer was not written');
      const warnings = posted.flatMap((m) => (m.type === 'runEvent' && m.event.type === 'warning' ? [m.event.message] : []));
      assert.ok(warnings.some((w) => /keeps the deterministic result: .*tags.*\.tsx:\d+/.test(w)), warnings.join('\n'));
      const outcomes = record.stages.filter((stage) => stage.stage === 'pages');
      assert.deepEqual(outcomes.map((o) => [o.instance, o.valid]).sort(), [['pages:Note', true], ['pages:Tag', false]]);
    } finally {
      dispose();
      history.dispose();
    }
  });
});
