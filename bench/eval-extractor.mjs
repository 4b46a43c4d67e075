// Measures the deterministic extractor on the public requirement texts:
// entity recall (expected names matched case-, plural- and compound-insensitively) and auth accuracy.
// Build first: node esbuild.mjs --tests   (transpiles src/ to out/src/)
// Usage: node bench/eval-extractor.mjs [path/to/eval.jsonl] [--verbose]
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { extractSpec } = require(path.join(root, 'out/src/core/spec/extract/index.js'));
const { entityMatches } = require(path.join(root, 'out/src/core/spec/extract/evaluate.js'));

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((a) => !a.startsWith('--')) ?? path.join(root, 'test/fixtures/requirements/eval.jsonl');
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));

let expectedTotal = 0;
let strictTotal = 0;
let headTotal = 0;
let authRight = 0;
const started = performance.now();
for (const row of rows) {
  const spec = extractSpec(row.requirements);
  const found = spec.entities.map((e) => e.name);
  const strict = row.expected_entities.filter((name) => found.some((f) => entityMatches(name, f, false)));
  const head = row.expected_entities.filter((name) => found.some((f) => entityMatches(name, f, true)));
  const auth = spec.auth.kind !== 'none';
  expectedTotal += row.expected_entities.length;
  strictTotal += strict.length;
  headTotal += head.length;
  if (auth === row.expects_auth) authRight++;
  const recall = head.length / Math.max(1, row.expected_entities.length);
  console.log(
    `${row.id.padEnd(42)} recall ${recall.toFixed(2)}  auth ${String(row.expects_auth).padEnd(5)}/${String(auth).padEnd(5)}${auth === row.expects_auth ? '' : ' ✗'}\n` +
      `    expected: ${row.expected_entities.join(', ')}\n    found:    ${found.join(', ') || '(none)'}`,
  );
  if (verbose) for (const w of spec.warnings) console.log(`    warning: ${w}`);
}
const ms = performance.now() - started;
console.log('');
console.log(`texts: ${rows.length}`);
console.log(`entity recall (exact or head-word match, e.g. JournalEntry ~ Entry): ${(headTotal / expectedTotal).toFixed(3)} (${headTotal}/${expectedTotal})`);
console.log(`entity recall (exact names only):                                ${(strictTotal / expectedTotal).toFixed(3)} (${strictTotal}/${expectedTotal})`);
console.log(`auth accuracy: ${(authRight / rows.length).toFixed(3)} (${authRight}/${rows.length})`);
console.log(`time: ${ms.toFixed(0)} ms total, ${(ms / rows.length).toFixed(1)} ms per text`);
