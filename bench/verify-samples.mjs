// Generates a project for each sample requirement text with the bundled CLI (`takoss generate
// --verify`), and prints a table: entities, files, install/build/test result and seconds.
// Run `npm run build` first. Usage: node bench/verify-samples.mjs [sample ...]
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const samplesDir = path.join(root, 'test', 'fixtures', 'requirements');
const names = process.argv.slice(2).length
  ? process.argv.slice(2)
  : readdirSync(samplesDir).filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, '')).sort();
const work = mkdtempSync(path.join(os.tmpdir(), 'takoss-samples-'));

function generate(name) {
  return new Promise((resolve) => {
    const args = [path.join(root, 'dist', 'cli.js'), 'generate', '--requirements-file', path.join(samplesDir, `${name}.txt`), '--out', path.join(work, name), '--verify'];
    execFile(process.execPath, args, { maxBuffer: 64 << 20 }, (error, stdout, stderr) => resolve({ code: error ? error.code ?? 1 : 0, stdout, stderr }));
  });
}

const rows = [];
for (const name of names) {
  const started = Date.now();
  const result = await generate(name);
  let summary;
  try {
    summary = JSON.parse(result.stdout);
  } catch {
    summary = undefined;
  }
  const step = (id) => summary?.verify?.steps.find((s) => s.name === id);
  const cell = (id) => (step(id) ? `${step(id).ok ? 'pass' : 'FAIL'} ${step(id).seconds}s` : '-');
  rows.push({
    name,
    entities: summary?.entities?.join(', ') ?? '?',
    files: summary?.files ?? '?',
    install: cell('install'),
    build: cell('build'),
    test: cell('test'),
    ok: result.code === 0 && summary?.verify?.ok === true,
    seconds: ((Date.now() - started) / 1000).toFixed(0),
  });
  const row = rows.at(-1);
  console.log(`${row.ok ? 'ok  ' : 'FAIL'} ${name}: ${row.install} | ${row.build} | ${row.test} (${row.seconds}s)`);
  if (!row.ok) console.log(result.stderr.split('\n').slice(-25).join('\n'));
}
console.log('\n| sample | entities | files | install | build | test |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.name} | ${r.entities} | ${r.files} | ${r.install} | ${r.build} | ${r.test} |`);
console.log(`\n${rows.filter((r) => r.ok).length}/${rows.length} samples install, build and pass their tests`);
if (!process.env.KEEP) rmSync(work, { recursive: true, force: true });
process.exitCode = rows.every((r) => r.ok) ? 0 : 1;
