// Headless entry over the same core as the extension, for scripts and CI.
import { runCli } from './core/cli/runCli';
import { generateProject } from './core/generator';
import { extractSpec } from './core/spec/extract';
import { verifyProject } from './core/verify/verifier';

runCli(
  process.argv.slice(2),
  { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') },
  { extractSpec, generateProject, verifyProject },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`takoss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
