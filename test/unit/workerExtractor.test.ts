// The review step's extraction in a worker thread: the same spec as on the calling thread, a draft
// extracted ahead that "Review the data model" then joins or finds done, newer drafts and cancels
// that stop what nobody waits for, and a worker that fails, dies or answers nonsense falling back
// to extracting in process (nothing is lost, the problem is told).
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { extractSpec } from '../../src/core/extract';
import { withProjectName } from '../../src/core/extract/naming';
import { InProcessExtractor } from '../../src/core/extract/worker/extractor';
import { FromWorker, ToWorker } from '../../src/core/extract/worker/messages';
import { WorkerExtractor } from '../../src/core/extract/worker/workerExtractor';
import { READ_AHEAD_MIN_CHARS } from '../../src/model/protocol';

const SHORT = 'Members book fitness classes. A class has a title, a start time and a capacity (at most 20 members).';
const PARTS = ['Harbour rentals', '', 'Sailors sign in. A dinghy has a name, a sail number (unique) and a length in metres.'];
for (let i = 1; i <= 50; i++) PARTS.push(`Sailors rent dinghy ${i} for a morning at berth ${i + 3} and bring it back before ${i + 8} o'clock.`);
const LONG = PARTS.join('\n');
const OTHER = LONG.replace(/Sailors rent/g, 'Skippers hire');

describe('WorkerExtractor: extraction off the calling thread', function () {
  this.timeout(120_000);
  let problems: string[];
  let extractor: WorkerExtractor;
  let scripts: string;
  const make = (script?: string) => new WorkerExtractor({ script, onProblem: (problem) => problems.push(problem), fallback: new InProcessExtractor(0) });

  before(() => {
    scripts = mkdtempSync(path.join(tmpdir(), 'takoss-worker-'));
    writeFileSync(path.join(scripts, 'throws.js'), "throw new Error('boom at load');\n");
    writeFileSync(path.join(scripts, 'exits.js'), "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    writeFileSync(
      path.join(scripts, 'nonsense.js'),
      "const { parentPort } = require('node:worker_threads');\n" +
        "parentPort.on('message', (m) => { parentPort.postMessage({ type: 'shout', id: m.id }); parentPort.postMessage({ type: 'done', id: m.id, spec: { entities: 'none' } }); });\n",
    );
  });
  after(() => rmSync(scripts, { recursive: true, force: true }));
  beforeEach(() => {
    problems = [];
    extractor = make();
  });
  afterEach(() => extractor.dispose());

  it('gives the spec extractSpec gives, named afterwards as extractSpec names it', async () => {
    const spec = await extractor.extract(SHORT);
    assert.deepEqual(spec, extractSpec(SHORT));
    assert.deepEqual(withProjectName(spec!, 'Gym Classes'), extractSpec(SHORT, { projectName: 'Gym Classes' }));
    assert.deepEqual(withProjectName(spec!, '---'), extractSpec(SHORT, { projectName: '---' }), 'a name without letters is not used');
    assert.equal(extractor.jobsStarted, 1);
    assert.deepEqual(problems, []);
  });

  it('extracts a long draft ahead; the extract of it that follows joins that job, reports progress and gets its own copy', async () => {
    assert.ok(LONG.length >= READ_AHEAD_MIN_CHARS);
    const ahead = extractor.prepare(LONG);
    const reports: string[] = [];
    const first = await extractor.extract(LONG, { onProgress: (report) => reports.push(report.step) });
    assert.equal(await ahead, true);
    assert.ok(reports.length > 0 && reports.every((step) => step === 'reading' || step === 'model'), reports.join());
    const again = await extractor.extract(LONG);
    assert.equal(extractor.jobsStarted, 1, 'one extraction served the draft and both requests');
    assert.deepEqual(first, extractSpec(LONG));
    assert.notEqual(first, again, 'each request gets a copy it may change');
    assert.deepEqual(first, again);
  });

  it('does not extract a short draft ahead (it is extracted at once when asked for)', async () => {
    assert.equal(await extractor.prepare(SHORT), false);
    assert.equal(extractor.jobsStarted, 0);
  });

  it('a newer draft stops the older one; an edit of a text being reviewed does not stop the review', async () => {
    const older = extractor.prepare(LONG);
    const newer = extractor.prepare(OTHER);
    assert.equal(await older, false);
    assert.equal(await newer, true);
    const review = extractor.extract(LONG);
    const edited = extractor.prepare(`${LONG}\nSailors pay a deposit.`);
    assert.deepEqual(await review, extractSpec(LONG));
    assert.equal(await edited, true);
  });

  it('a cancelled extract answers nothing at once and its job is stopped', async () => {
    const cancel = new AbortController();
    const pending = extractor.extract(OTHER, { signal: cancel.signal });
    cancel.abort();
    assert.equal(await pending, undefined);
    const aborted = new AbortController();
    aborted.abort();
    assert.equal(await extractor.extract(SHORT, { signal: aborted.signal }), undefined);
    // The stopped job is not reused: asking again extracts again.
    assert.deepEqual(await extractor.extract(OTHER), extractSpec(OTHER));
    assert.equal(extractor.jobsStarted, 2);
  });

  it('a worker that fails at load or exits: the request is served in process, and after two crashes it is not started again', async () => {
    for (const script of ['throws.js', 'exits.js', 'missing.js']) {
      problems = [];
      const broken = make(path.join(scripts, script));
      try {
        assert.deepEqual(await broken.extract(SHORT), extractSpec(SHORT), script);
        assert.ok(problems.some((problem) => /extraction worker (?:failed|exited)/.test(problem)), `${script}: ${problems.join(' | ')}`);
        assert.deepEqual(await broken.extract(LONG), extractSpec(LONG), script);
        assert.equal(broken.inWorker, false, `${script}: two crashes and it extracts in process`);
        const started = broken.jobsStarted;
        assert.deepEqual(await broken.extract(OTHER), extractSpec(OTHER));
        assert.equal(broken.jobsStarted, started, 'no third worker');
      } finally {
        broken.dispose();
      }
    }
  });

  it('a worker answering nonsense: the message is ignored, the invalid spec refused, and the text extracted in process', async () => {
    const confused = make(path.join(scripts, 'nonsense.js'));
    try {
      assert.deepEqual(await confused.extract(SHORT), extractSpec(SHORT));
      assert.equal(problems.length, 2, problems.join(' | '));
      assert.match(problems[0], /malformed message from the extraction worker/);
      assert.match(problems[1], /spec that does not validate/);
    } finally {
      confused.dispose();
    }
  });

  it('a text the worker refuses (over its size limit) fails its job, and is extracted in process', async () => {
    const huge = `${SHORT} ${'Members book rooms. '.repeat(100_000)}`;
    assert.ok(huge.length > 2_000_000);
    const spec = await extractor.extract(huge);
    assert.ok(spec && spec.entities.length > 0, 'the host extracted it (its first 100,000 characters)');
    assert.ok(problems.some((problem) => /Malformed message to the extraction worker/.test(problem)), problems.join(' | '));
  });

  it('after dispose nothing is extracted ahead and nothing is left waiting', async () => {
    const ahead = extractor.prepare(LONG);
    extractor.dispose();
    assert.equal(await ahead, false);
    assert.equal(await extractor.prepare(OTHER), false);
  });

  it('the messages either way are checked: malformed ones are refused', () => {
    assert.equal(ToWorker.safeParse({ type: 'extract', id: 'job-1', text: 'x' }).success, true);
    assert.equal(ToWorker.safeParse({ type: 'extract', id: '', text: 'x' }).success, false);
    assert.equal(ToWorker.safeParse({ type: 'extract', id: 'job-1', text: 'x'.repeat(2_000_001) }).success, false);
    assert.equal(ToWorker.safeParse({ type: 'run', id: 'job-1' }).success, false);
    assert.equal(FromWorker.safeParse({ type: 'progress', id: 'job-1', step: 'reading', done: -1, total: 3 }).success, false);
    assert.equal(FromWorker.safeParse({ type: 'failed', message: 'x' }).success, true);
  });
});
