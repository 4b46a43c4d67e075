import * as assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { openWorkbench } from '../harness/codeServerSession';
import { runIntegration } from '../harness/runIntegration';

const fixtures = path.resolve(__dirname, '..', 'fixtures', 'suites');

function run(fixture: string, timeoutMs = 60_000) {
  return runIntegration({
    extensionTestsPath: path.join(fixtures, `${fixture}.js`),
    outDir: mkdtempSync(path.join(os.tmpdir(), `takoss-harness-${fixture}-`)),
    timeoutMs,
    quiet: true,
  });
}

describe('the test runner itself', function () {
  this.timeout(120_000);

  it('counts a failing test inside the extension host as a failure', async () => {
    const summary = await run('failingSuite');
    assert.equal(summary.completed, true);
    assert.equal(summary.passes, 1);
    assert.equal(summary.failures, 1);
    assert.deepEqual(summary.failureTitles, ['fixture fails on purpose']);
  });

  it('fails, naming the exit code, when the extension host crashes', async () => {
    const summary = await run('crashingSuite');
    assert.equal(summary.completed, false);
    assert.ok(summary.failures >= 1);
    assert.match(summary.note ?? '', /extension host exited with code/);
  });

  it('gives up on a suite that never finishes, within its timeout', async () => {
    const started = Date.now();
    const summary = await run('hangingSuite', 8_000);
    assert.equal(summary.completed, false);
    assert.match(summary.note ?? '', /did not finish within 8 s/);
    assert.ok(Date.now() - started < 60_000);
  });

  it('fails clearly when the workbench never loads', async () => {
    const server = http.createServer((_request, response) => response.end('<html><body>not VS Code</body></html>'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await assert.rejects(openWorkbench(`http://127.0.0.1:${port}/`, { timeoutMs: 3000 }), /workbench did not load within 3 s/);
    } finally {
      server.close();
    }
  });
});
