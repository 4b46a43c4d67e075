// Writing a generated project through vscode.workspace.fs vs plain node:fs (the CLI) vs Takoss's
// writer (direct disk writes for file: folders, workspace.fs otherwise): a 100-entity project,
// written 3 times each way, alternating, inside a real VS Code extension host (code-server).
// Prints the medians and their ratios, measured in one run.
// Usage: npm run build && node esbuild.mjs --tests && node bench/workspace-fs.mjs [entities]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const require = createRequire(import.meta.url);
const { runIntegration } = require(path.join(root, 'out/test/harness/runIntegration.js'));

if (process.argv[2]) process.env.TAKOSS_BENCH_ENTITIES = process.argv[2];
const outDir = path.join(root, 'test-artifacts', 'bench');
const summary = await runIntegration({ extensionTestsPath: path.join(root, 'out/test/bench/workspaceWrite.js'), outDir, quiet: true });
if (!summary.completed || summary.failures) {
  const events = readFileSync(path.join(outDir, 'report.jsonl'), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line));
  for (const event of events) if (event.type === 'fail') console.error(event.stack ?? event.error);
  console.error('the bench did not complete; see', outDir);
  process.exit(1);
}
const result = JSON.parse(readFileSync(path.join(outDir, 'workspace-write.json'), 'utf8'));
const ratio = result.medianWorkspaceFsMs / result.medianNodeFsMs;
console.log(`${result.entities} entities: ${result.files} files, ${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.rounds} rounds each way`);
console.log(`workspace.fs  median ${result.medianWorkspaceFsMs.toFixed(0)} ms  (${result.workspaceFsMs.map((ms) => ms.toFixed(0)).join(', ')})`);
console.log(`takoss writer median ${result.medianTakossMs.toFixed(0)} ms  (${result.takossMs.map((ms) => ms.toFixed(0)).join(', ')})  <- what the extension uses for file: folders`);
console.log(`node:fs (CLI) median ${result.medianNodeFsMs.toFixed(0)} ms  (${result.nodeFsMs.map((ms) => ms.toFixed(0)).join(', ')})`);
console.log(`ratio workspace.fs / node:fs: ${ratio.toFixed(2)}x  (${(result.medianWorkspaceFsMs / result.files).toFixed(2)} ms vs ${(result.medianNodeFsMs / result.files).toFixed(2)} ms per file)`);
console.log(`ratio takoss writer / node:fs: ${(result.medianTakossMs / result.medianNodeFsMs).toFixed(2)}x`);
