// Generation time for specs of 5, 20 and 100 entities: spec -> in-memory files, and -> disk; then
// for wide entities (20 entities of 15 and of 150 fields), whose growth should stay linear in fields.
// Goal: 5 entities < 0.5 s, growth linear. Run `node esbuild.mjs --tests` first (uses out/).
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { syntheticSpec } from './synthetic-spec.mjs';

const require = createRequire(import.meta.url);
const out = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', 'out', 'src', 'core');
const { ProjectSpec } = require(path.join(out, 'spec', 'projectSpec.js'));
const { validateSpec } = require(path.join(out, 'spec', 'specIndex.js'));
const { generateProject } = require(path.join(out, 'generator', 'index.js'));
const { writeFilesToDisk } = require(path.join(out, 'output', 'diskSink.js'));

const sizes = [5, 20, 100];
const repeats = Number(process.env.REPEATS ?? 3);
const rows = [];
// Warm up the JIT once so the first size is not charged for it.
generateProject(ProjectSpec.parse(syntheticSpec(2)));
for (const size of sizes) {
  const spec = ProjectSpec.parse(syntheticSpec(size));
  const problems = validateSpec(spec);
  if (problems.length) throw new Error(`synthetic spec ${size} is invalid: ${problems.join('; ')}`);
  let memoryMs = Infinity;
  let diskMs = Infinity;
  let files = 0;
  let bytes = 0;
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    const list = generateProject(spec).list();
    memoryMs = Math.min(memoryMs, performance.now() - started);
    files = list.length;
    bytes = list.reduce((sum, f) => sum + Buffer.byteLength(f.content), 0);
    const dir = mkdtempSync(path.join(os.tmpdir(), `takoss-bench-${size}-`));
    const diskStarted = performance.now();
    await writeFilesToDisk(path.join(dir, 'project'), list);
    diskMs = Math.min(diskMs, performance.now() - diskStarted);
    rmSync(dir, { recursive: true, force: true });
  }
  rows.push({ size, files, bytes, memoryMs, diskMs });
}
console.log('entities  files   KB      in-memory ms  to-disk ms  in-memory ms/entity');
for (const r of rows) {
  console.log(
    `${String(r.size).padEnd(9)} ${String(r.files).padEnd(7)} ${(r.bytes / 1024).toFixed(0).padEnd(7)} ${r.memoryMs.toFixed(1).padEnd(13)} ${r.diskMs.toFixed(1).padEnd(11)} ${(r.memoryMs / r.size).toFixed(2)}`,
  );
}
const [small, , large] = rows;
console.log(`goal 5 entities < 500 ms: ${small.memoryMs + small.diskMs < 500 ? 'met' : 'NOT met'} (${(small.memoryMs + small.diskMs).toFixed(1)} ms in memory + disk)`);
console.log(`growth 5 -> 100 entities: x${(large.memoryMs / small.memoryMs).toFixed(1)} time for x20 entities (linear ~ x20)`);

// Wide entities: time in memory for 20 entities of 15 fields and of 150 fields (the schema allows 200).
function bestInMemoryMs(spec) {
  let best = Infinity;
  for (let i = 0; i < repeats; i += 1) {
    const started = performance.now();
    generateProject(spec).list();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}
const wide = [15, 150].map((fields) => {
  const spec = ProjectSpec.parse(syntheticSpec(20, { fields }));
  const problems = validateSpec(spec);
  if (problems.length) throw new Error(`synthetic spec 20 x ${fields} is invalid: ${problems.join('; ')}`);
  return { fields, ms: bestInMemoryMs(spec) };
});
for (const w of wide) console.log(`20 entities x ${w.fields} fields: ${w.ms.toFixed(1)} ms in memory`);
console.log(`growth 15 -> 150 fields: x${(wide[1].ms / wide[0].ms).toFixed(1)} time for x10 fields (linear ~ x10 or less)`);
