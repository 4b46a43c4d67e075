// Big input, host side (issue #17 item 5): what the extension host does between "Review the data
// model" and the review for a 50 KB and a 100 KB paste (the repository's requirement texts one after
// another): read with progress, build the model, check and forecast it, validate the reply message.
// Each measurement runs in a fresh process after the panel's warm-up (the first long paste of a
// session, the slowest case), in four ways. In the worker thread the panel uses (WorkerExtractor):
// the text sent at once ("worker"), and the draft extracted ahead while the user was still on the
// form ("worker-ahead": the webview sends a long draft a moment after it stops changing; the time
// that takes after the paste is printed too). On the host's own thread, as without a worker: sent at
// once ("sent"), and read ahead ("ahead": only its sentences tagged, DraftReader). Prints wall and CPU
// milliseconds per step (CPU counts every thread of the process; it is steadier on a shared machine).
// The webview's part is measured in the real VS Code by test/e2e/bigInput.test.ts (printed, never asserted).
// Build first: node esbuild.mjs --tests   Usage: node bench/big-input.mjs [--runs N]
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (file) => path.join(root, 'out', file);
if (!existsSync(out('test/shared/longRequirements.js'))) {
  console.error('out/ is missing or stale: run `node esbuild.mjs --tests` first.');
  process.exit(2);
}
const { extractWithProgress, warmUpExtractor } = require(out('src/core/extract/withProgress.js'));
const { DraftReader } = require(out('src/core/extract/draftReader.js'));
const { WorkerExtractor } = require(out('src/core/extract/worker/workerExtractor.js'));
const { forecastRun } = require(out('src/core/pipeline/forecast.js'));
const { generationProblems } = require(out('src/model/project/generatable.js'));
const { parseHostToWebview } = require(out('src/model/protocol.js'));
const { longRequirements } = require(out('test/shared/longRequirements.js'));

const runsAt = process.argv.indexOf('--runs');
const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 2;

async function timed(label, row, work) {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  row[label] = { wall: Math.round(performance.now() - started), cpu: Math.round((process.cpuUsage(cpu).user + process.cpuUsage(cpu).system) / 1000) };
  return result;
}

async function once(kb, mode) {
  const text = longRequirements(kb * 1000);
  const inWorker = mode.startsWith('worker');
  // The panel's warm-up: in process, or the worker started (and its first answer awaited: the panel has been open a moment).
  const worker = inWorker ? new WorkerExtractor({ onProblem: (problem) => console.error(problem) }) : undefined;
  if (worker) {
    worker.warmUp();
    await worker.extract('Members book fitness classes.');
  } else warmUpExtractor();
  let aheadMs;
  if (mode === 'ahead' || mode === 'worker-ahead') {
    const reader = worker ?? new DraftReader();
    const started = performance.now();
    if (!(await (worker ? worker.prepare(text) : reader.read(text)))) throw new Error('the draft was not read ahead');
    aheadMs = Math.round(performance.now() - started);
    if (!worker) reader.dispose();
  }
  const row = {};
  let readAt;
  const started = performance.now();
  const extract = worker ? (options) => worker.extract(text, options) : (options) => extractWithProgress(text, options);
  const spec = await timed('extract', row, () =>
    extract({
      onProgress: (report) => {
        if (report.step === 'model') readAt = performance.now();
      },
    }),
  );
  if (readAt) row.reading = { wall: Math.round(readAt - started) };
  const problems = await timed('problems', row, () => generationProblems(spec));
  const forecast = await timed('forecast', row, () => {
    try {
      return forecastRun(spec);
    } catch (error) {
      problems.push(`The generator cannot build this model: ${error.message}`);
      return undefined;
    }
  });
  await timed('message', row, () => parseHostToWebview({ type: 'specReview', replyTo: 'bench', spec, problems, forecast, folder: spec.name, folderExists: false, conflicts: [] }));
  const total = Math.round(performance.now() - started);
  worker?.dispose();
  return { kb, mode, aheadMs, sentences: spec.requirements.sentences.length, entities: spec.entities.length, total, row, problems: problems.length };
}

const oneAt = process.argv.indexOf('--one');
if (oneAt > 0) {
  // A measurement of its own, in this fresh process: its result as one line of JSON.
  console.log(JSON.stringify(await once(Number(process.argv[oneAt + 1]), process.argv[oneAt + 2])));
} else {
  const self = fileURLToPath(import.meta.url);
  for (let run = 1; run <= runs; run++) {
    for (const kb of [50, 100]) {
      for (const mode of ['sent', 'ahead', 'worker', 'worker-ahead']) {
        const r = JSON.parse(execFileSync(process.execPath, [self, '--one', String(kb), mode], { encoding: 'utf8' }).trim().split('\n').pop());
        const steps = Object.entries(r.row)
          .map(([step, t]) => `${step} ${t.wall}${t.cpu === undefined ? '' : `/${t.cpu}`}`)
          .join(', ');
        const ahead = r.aheadMs !== undefined ? `${mode === 'ahead' ? 'read' : 'extracted'} ahead in ${r.aheadMs} ms after the paste, then ` : 'sent at once, ';
        console.log(`run ${run} ${String(kb).padStart(3)} KB ${mode.padEnd(12)}: ${r.sentences} sentences, ${r.entities} entities, ${r.problems} problems; ${ahead}click to review ${r.total} ms (wall/cpu ms: ${steps})`);
      }
    }
  }
}
