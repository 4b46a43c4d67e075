// Reading a long paste reports real progress and can be stopped (issue #17 item 5): the core's
// extractWithProgress, and the webview bridge's side of extractProgress / cancelExtract.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { extractSpec } from '../../src/core/extract';
import { extractWithProgress, READ_STEP, type ExtractProgressReport } from '../../src/core/extract/withProgress';
import { RequestCancelledError } from '../../src/model/pendingRequests';
import { type ExtractProgress, parseHostToWebview, parseWebviewToHost } from '../../src/model/protocol';
import { Bridge } from '../../webview-ui/src/bridge';
import { repoRoot } from '../harness/paths';

const SENTENCES = Array.from({ length: 60 }, (_, i) => `Members borrow book number ${i + 1} from the library and return it within ${i + 2} days.`);
const TEXT = ['Library lending', '', 'Members sign in. A book has a title, an author and an ISBN.', ...SENTENCES].join('\n');

describe('extract progress: the core reports the sentences it reads', () => {
  it('counts the sentences up to the total, a step at a time, then builds the model, and gives what extractSpec gives', async () => {
    const reports: ExtractProgressReport[] = [];
    // sliceMs 0: a turn (and a report) after every step of READ_STEP sentences, so the count is checked step by step.
    const spec = await extractWithProgress(TEXT, { projectName: 'lending', sliceMs: 0, onProgress: (report) => reports.push(report) });
    const reading = reports.filter((report) => report.step === 'reading');
    const total = reading[0].total;
    assert.ok(total >= 60, `the total is the sentence count (${total})`);
    assert.deepEqual(reading[0], { step: 'reading', done: 0, total });
    assert.deepEqual(reading[reading.length - 1], { step: 'reading', done: total, total });
    const steps = [...Array(Math.ceil(total / READ_STEP)).keys()].map((step) => step * READ_STEP);
    assert.deepEqual(reading.map((report) => report.done), [...steps, total], 'one report per step of sentences, in order');
    assert.deepEqual(reports[reports.length - 1], { step: 'model', done: 0, total: 0 });
    assert.deepEqual(spec, extractSpec(TEXT, { projectName: 'lending' }));
  });

  it('stops reading when its signal aborts, and gives no spec', async () => {
    const reading = new AbortController();
    const reports: ExtractProgressReport[] = [];
    const spec = await extractWithProgress(TEXT, {
      sliceMs: 0,
      signal: reading.signal,
      onProgress: (report) => {
        reports.push(report);
        if (report.done === READ_STEP) reading.abort();
      },
    });
    assert.equal(spec, undefined);
    assert.ok(!reports.some((report) => report.done > READ_STEP || report.step === 'model'), 'nothing is read after the cancel');
  });
});

describe('extract progress: the protocol and the webview bridge', () => {
  function harness() {
    const posted: { type: string; requestId?: string }[] = [];
    let listener: ((event: { data: unknown }) => void) | undefined;
    const api = { postMessage: (message: unknown) => posted.push(message as { type: string }), getState: () => undefined, setState: <T>(state: T) => state };
    const target = { addEventListener: (_type: string, handler: (event: { data: unknown }) => void) => (listener = handler) } as unknown as Pick<Window, 'addEventListener'>;
    return { bridge: new Bridge(api, target), posted, deliver: (data: unknown) => listener?.({ data }) };
  }

  it('validates progress and cancel messages', () => {
    assert.ok(parseHostToWebview({ type: 'extractProgress', requestId: 'w-1', step: 'reading', done: 3, total: 9 }).ok);
    assert.ok(!parseHostToWebview({ type: 'extractProgress', requestId: 'w-1', step: 'guessing', done: 3, total: 9 }).ok);
    assert.ok(!parseHostToWebview({ type: 'extractProgress', requestId: 'w-1', step: 'reading', done: -1, total: 9 }).ok);
    assert.ok(parseWebviewToHost({ type: 'cancelExtract', requestId: 'w-1' }).ok);
  });

  it("hands the caller its own request's progress only", async () => {
    const { bridge, posted, deliver } = harness();
    const seen: ExtractProgress[] = [];
    const reply = bridge.extract('Blog with posts.', undefined, 'offline', { onProgress: (progress) => seen.push(progress) });
    const requestId = posted[0].requestId!;
    deliver({ type: 'extractProgress', requestId: 'someone-else', step: 'reading', done: 1, total: 2 });
    deliver({ type: 'extractProgress', requestId, step: 'reading', done: 1, total: 2 });
    deliver({ type: 'extractProgress', requestId, step: 'forecast', done: 0, total: 0 });
    const spec = extractSpec('Blog with posts.');
    deliver({ type: 'specReview', replyTo: requestId, spec, problems: [], folder: 'blog', folderExists: false, conflicts: [] });
    assert.equal((await reply).spec.name, spec.name);
    deliver({ type: 'extractProgress', requestId, step: 'reading', done: 2, total: 2 });
    assert.deepEqual(seen.map((progress) => [progress.step, progress.done]), [['reading', 1], ['forecast', 0]], 'none from other requests or after the reply');
  });

  it('cancel tells the host to stop and settles the request at once', async () => {
    const { bridge, posted } = harness();
    const reading = new AbortController();
    const reply = bridge.extract('Blog with posts.', undefined, 'offline', { signal: reading.signal });
    const requestId = posted[0].requestId!;
    reading.abort();
    await assert.rejects(reply, RequestCancelledError);
    assert.deepEqual(posted[1], { type: 'cancelExtract', requestId });
  });
});

describe('extract warm-up: the panel loads the tagger before the first extraction', () => {
  it('loads compromise (checked in a fresh process)', () => {
    // A process of its own: in this one other tests have long loaded compromise.
    const script = [
      "const { warmUpExtractor } = require('./src/core/extract/withProgress.js');",
      "const compromise = require.resolve('compromise');",
      'const before = compromise in require.cache;',
      'warmUpExtractor();',
      'console.log(JSON.stringify({ before, after: compromise in require.cache }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: path.join(repoRoot, 'out'), encoding: 'utf8' });
    assert.deepEqual(JSON.parse(out), { before: false, after: true });
  });
});
