// Headless entry over the same core as the extension, for scripts and CI.
import { createBabelSyntaxChecker } from '../core/check/babelSyntax';
import { createSyntaxChecker, type TypeScriptLike } from '../core/check/tsSyntax';
import { runCli } from './runCli';
import { cancelOnSignals } from './signals';
import { runGeneration } from '../core/pipeline/orchestrator';
import { AnthropicProvider } from '../core/providers/anthropic';
import { extractSpec } from '../core/extract';
import { verifyProject } from '../core/verify/verifier';

/** The TypeScript compiler when it is installed; otherwise the bundled parser checks Claude's code. */
function loadSyntaxChecker() {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return createSyntaxChecker(require('typescript') as TypeScriptLike);
  } catch {
    return createBabelSyntaxChecker();
  }
}

const cancellation = cancelOnSignals(process, (line) => process.stderr.write(line + '\n'));

runCli(
  process.argv.slice(2),
  { out: (line) => process.stdout.write(line + '\n'), err: (line) => process.stderr.write(line + '\n') },
  {
    extractSpec,
    runGeneration,
    verifyProject,
    signal: cancellation.signal,
    createClaudeProvider: (apiKey) => new AnthropicProvider({ apiKey, baseURL: process.env.ANTHROPIC_BASE_URL || undefined }),
    checkSyntax: loadSyntaxChecker(),
  },
).then(
  (code) => {
    process.exitCode = cancellation.exitCode(code);
  },
  (error: unknown) => {
    process.stderr.write(`takoss: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
).finally(() => cancellation.dispose());
