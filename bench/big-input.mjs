// Big input, host side (issue #17 item 5): what the extension host does between "Review the data
// model" and the review for a 50 KB and a 100 KB paste (the repository's requirement texts one after
// another): read with progress, build the model, check and forecast it, validate the reply message.
// Prints wall and CPU milliseconds per step (CPU is steadier on a shared machine). The webview's part
// is measured in the real VS Code by test/e2e/bigInput.test.ts (printed, never asserted).
// Build first: node esbuild.mjs --tests   Usage: node bench/big-input.mjs [--runs N]
import { createRequire } from 'node:module';
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
const { extractWithProgress } = require(out('src/core/extract/withProgress.js'));
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

async function once(kb) {
  const text = longRequirements(kb * 1000);
  const row = {};
  let sentences = 0;
  let readAt;
  const started = performance.now();
  const spec = await timed('extract', row, () =>
    extractWithProgress(text, {
      onProgress: (report) => {
        sentences = report.total || sentences;
        if (report.step === 'model') readAt = performance.now();
      },
    }),
  );
  row.reading = { wall: Math.round(readAt - started) };
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
  return { kb, sentences, entities: spec.entities.length, total, row, problems: problems.length };
}

for (let run = 1; run <= runs; run++) {
  for (const kb of [50, 100]) {
    const r = await once(kb);
    const steps = Object.entries(r.row)
      .map(([step, t]) => `${step} ${t.wall}${t.cpu === undefined ? '' : `/${t.cpu}`}`)
      .join(', ');
    console.log(`run ${run} ${String(kb).padStart(3)} KB: ${r.sentences} sentences, ${r.entities} entities, ${r.problems} problems; host total ${r.total} ms (wall/cpu ms: ${steps})`);
  }
}
