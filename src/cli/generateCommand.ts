// `takoss generate`: requirements (or a reviewed spec) -> a project folder on disk, optionally
// verified (install, build, test). Progress goes to stderr, the summary to stdout. The steps live
// beside it: flags (generateOptions), the spec (specInput), the run to disk (diskRun), the summary.
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { createDiskWriter, TargetNotEmptyError } from '../core/output/diskSink';
import { generationProblems } from '../model/project/generatable';
import { runToDisk } from './diskRun';
import type { GenerateDeps } from './generateDeps';
import { GENERATE_USAGE, generateOptions, parseGenerateFlags, UsageError } from './generateOptions';
import type { CliIo } from './io';
import { runExitCode, runSummaryJson } from './runSummary';
import { specForRun } from './specInput';

export type { GenerateDeps };
export { GENERATE_USAGE };

export async function generateCommand(argv: string[], io: CliIo, deps: GenerateDeps): Promise<number> {
  const started = Date.now();
  try {
    const flags = parseGenerateFlags(argv);
    if (flags.help) {
      io.out(GENERATE_USAGE);
      return 0;
    }
    const { provider, claude } = generateOptions(flags, deps);
    const spec = await specForRun(flags, deps, io);
    if (!flags.out) return 0;
    const problems = generationProblems(spec);
    if (problems.length) {
      io.err(`takoss generate: nothing was generated (see the warnings above):\n${problems.map((p) => `  ${p}`).join('\n')}`);
      return 1;
    }
    const out = path.resolve(String(flags.out));
    const existedBefore = await stat(out).then(() => true, () => false);
    const write = await createDiskWriter(out, { force: Boolean(flags.force) });
    const outcome = await runToDisk({ spec, out, existedBefore, write, verify: Boolean(flags.verify), claude }, deps, io);
    if (!outcome.result) throw outcome.error;
    const finished = { ...outcome, result: outcome.result };
    io.out(runSummaryJson({ spec, out, provider, claude, started }, finished));
    const code = runExitCode(finished, Boolean(flags.verify));
    if (outcome.result.run.status === 'cancelled') {
      const marker = outcome.incomplete?.summary.marker;
      io.err(`takoss generate: cancelled${marker ? ` — ${out} is incomplete (see ${marker})` : ''}`);
    }
    return code;
  } catch (error) {
    return reportFailure(error, io);
  }
}

/** Usage problems and a non-empty target exit 2 (nothing was attempted); anything else exits 1. */
function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UsageError || error instanceof TargetNotEmptyError) {
    io.err(`takoss generate: ${error.message}${error instanceof UsageError && error.withUsage ? `\n\n${GENERATE_USAGE}` : ''}`);
    return 2;
  }
  io.err(`takoss generate failed: ${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
