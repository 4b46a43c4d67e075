// Spec identity check for speed work: a change meant only to make the extractor faster must leave
// every spec byte-identical. Hashes JSON.stringify(extractSpec(text)) of every corpus text and of the
// big texts the benches read (the ~100 KB texts eval-extractor.mjs builds, longRequirements 50/100 KB),
// and writes them to a file; with --compare FILE it says which texts changed. Prints hashes and ids
// only, never a text (the holdout texts are hashed but must not be read: they are shown by position).
// Build first: node esbuild.mjs --tests
// Usage: node bench/spec-identity.mjs [--out FILE] [--compare FILE]
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = (file) => path.join(root, 'out', file);
if (!existsSync(out('src/core/extract/index.js'))) {
  console.error('out/ is missing or stale: run `node esbuild.mjs --tests` first.');
  process.exit(2);
}
const { extractSpec } = require(out('src/core/extract/index.js'));
const { longRequirements } = require(out('test/shared/longRequirements.js'));

const argv = process.argv.slice(2);
const option = (name) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : undefined);

const readJsonl = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => JSON.parse(line))
    : [];
const corpora = [
  ['requirements', path.resolve(root, '../shared/eval/requirements.jsonl')],
  ['combined', path.resolve(root, '../shared/eval/gold/combined.jsonl')],
  ['dev', path.join(root, 'test/fixtures/requirements/gold/dev.jsonl')],
  ['holdout', path.join(root, 'test/fixtures/requirements/gold/holdout.jsonl')],
].map(([name, file]) => ({ name, texts: readJsonl(file).map((row) => String(row.requirements ?? '')) }));

/** The ~100 KB text eval-extractor.mjs builds from these texts (in its corpus order). */
function hundredKb(texts) {
  const parts = [];
  for (let i = 0, size = 0; texts.length && size < 100_000; i++) {
    const text = texts[i % texts.length];
    parts.push(text);
    size += Buffer.byteLength(text) + 2;
  }
  return parts.join('\n\n');
}

const entries = [];
for (const corpus of corpora) corpus.texts.forEach((text, i) => entries.push({ key: `${corpus.name}#${i}`, text }));
entries.push({ key: '100KB(all corpora)', text: hundredKb(corpora.flatMap((c) => c.texts)) });
entries.push({ key: '100KB(combined)', text: hundredKb(corpora.find((c) => c.name === 'combined').texts) });
entries.push({ key: 'longRequirements(50000)', text: longRequirements(50_000) });
entries.push({ key: 'longRequirements(100000)', text: longRequirements(100_000) });

const hashes = {};
const started = performance.now();
for (const { key, text } of entries) {
  if (!text) continue;
  hashes[key] = createHash('sha256').update(JSON.stringify(extractSpec(text))).digest('hex').slice(0, 16);
}
const all = createHash('sha256').update(JSON.stringify(hashes)).digest('hex').slice(0, 16);
console.log(`${Object.keys(hashes).length} texts hashed in ${((performance.now() - started) / 1000).toFixed(1)} s; all: ${all}`);
const file = option('--out');
if (file) writeFileSync(file, JSON.stringify(hashes, null, 1));
const compare = option('--compare');
if (compare) {
  const before = JSON.parse(readFileSync(compare, 'utf8'));
  const changed = Object.keys({ ...before, ...hashes }).filter((key) => before[key] !== hashes[key]);
  console.log(changed.length ? `CHANGED (${changed.length}): ${changed.join(', ')}` : `identical to ${compare}`);
  process.exitCode = changed.length ? 1 : 0;
}
