// Headless entry over the same core as the extension, for scripts and CI.
import { createBabelSyntaxChecker } from './core/check/babelSyntax';
import { createSyntaxChecker, type TypeScriptLike } from './core/check/tsSyntax';
import { runCli } from './core/cli/runCli';
import { runGeneration } from './core/pipeline/orchestrator';
import { AnthropicProvider } from './core/providers/anthropic';
import { extractSpec } from './core/spec/extract';
import { verifyProject } from './core/verify/verifier';

/** The TypeScript compiler when it is installed; otherwise the bundled parser checks Claude's code. */
function loadSyntaxChecker() {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return createSyntaxChecker(require('typescript') as TypeScriptLike);
  } catch {
    return createBabelSyntaxChecker();
  }
}

const cancel = new AbortController();
process.once('SIGINT', () => {
  process.stderr.write('\ntakoss: cancelling (Ctrl+C again to quit at once)…\n');
  cancel.abort();
  process.once('SIGINT', () => process.exit(130));
});

runCli(
  process.argv.slice(2),
  { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') },
  {
    extractSpec,
    runGeneration,
    verifyProject,
    signal: cancel.signal,
    createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: process.env.ANTHROPIC_BASE_URL || undefined }),
    checkSyntax: loadSyntaxChecker(),
  },
).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`takoss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
