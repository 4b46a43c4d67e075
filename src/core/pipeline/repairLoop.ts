// Claude repair rounds after a failed verification: send the failing step's errors and the files
// they point at, accept corrected versions of existing files only, write them, verify again. Stops
// when verification passes, after the last round, when the same errors come back twice, or when the
// budget would be exceeded — and then says what still fails.
import { z } from 'zod';
import type { FileSet, GeneratedFile } from '../generator/fileSet';
import type { StructuredRequest, StructuredResult } from '../providers/anthropic';
import { worstCaseCallUsd } from './claudeCall';
import type { VerifyResult } from '../verify/verifier';
import type { StageContext } from './scheduler';
import type { StageOutput } from './stages/types';

export const MAX_REPAIR_FILE_CHARS = 200_000;

const Fixes = z.object({
  summary: z.string().max(2000),
  files: z
    .array(z.object({ path: z.string().min(1).max(240), content: z.string().min(1).max(MAX_REPAIR_FILE_CHARS) }))
    .min(1)
    .max(20),
});
type Fixes = z.infer<typeof Fixes>;

export interface RepairOptions {
  provider: { structured<T>(request: StructuredRequest<T>): Promise<StructuredResult<T>> };
  model: string;
  cachedContext: string[];
  files: FileSet;
  verification: VerifyResult;
  verify: (signal: AbortSignal) => Promise<VerifyResult>;
  write: (file: GeneratedFile) => void | Promise<void>;
  context: StageContext<StageOutput>;
  maxRounds: number;
  /** Budget left for this run, in USD. */
  budgetLeft: () => number;
  onSpend: (usd: number) => void;
}

function failingStep(result: VerifyResult) {
  return result.steps.find((step) => !step.ok);
}

/** Errors that stay the same from one round to the next mean the fixes are not landing. */
function errorSignature(result: VerifyResult): string {
  const step = failingStep(result);
  return `${step?.name}:${(step?.firstErrors ?? []).join('\n')}`;
}

/** Generated files named in the error output, most relevant first; the README as a fallback. */
export function filesNamedIn(output: string, files: FileSet): GeneratedFile[] {
  const named = files.list().filter((file) => {
    const tail = file.path.split('/').slice(1).join('/');
    return output.includes(file.path) || (tail.length > 6 && output.includes(tail));
  });
  return named.slice(0, 8);
}

export async function repairRounds(options: RepairOptions): Promise<StageOutput> {
  const { context, files } = options;
  let verification = options.verification;
  const seen = new Set<string>([errorSignature(verification)]);
  const changed = new Set<string>();
  for (let round = 1; round <= options.maxRounds; round += 1) {
    const step = failingStep(verification);
    const errors = [...(step?.firstErrors ?? []), step?.outputTail.slice(-4000) ?? ''].join('\n');
    const suspects = filesNamedIn(errors, files);
    const instructions = [
      `Verification failed at the ${step?.name ?? 'unknown'} step. Fix the generated project so that install, build and tests pass.`,
      'Return complete corrected contents of the files that must change (only files that already exist).',
      `Errors:\n${errors}`,
      ...suspects.map((file) => `File ${file.path}:\n${file.content.slice(0, 20_000)}`),
    ].join('\n\n');
    const forecast = worstCaseCallUsd(options.model, options.cachedContext, instructions, 16_000);
    if (forecast > options.budgetLeft()) {
      throw new Error(`Repair stopped before round ${round}: it would cost up to $${forecast.toFixed(4)} and only $${options.budgetLeft().toFixed(4)} of the budget is left. Still failing: ${step?.firstErrors.slice(0, 3).join(' | ')}`);
    }
    context.progress(`Repair round ${round} of ${options.maxRounds}: asking ${options.model} about ${suspects.length} file(s)`);
    const result = await options.provider.structured<Fixes>({
      model: options.model,
      cachedContext: options.cachedContext,
      instructions,
      toolName: 'emit_fixes',
      toolDescription: 'Return corrected versions of existing generated files.',
      schema: Fixes,
      maxTokens: 16_000,
      // Confinement: a fix may only replace a file Takoss generated, never add or escape.
      validate: (value) => value.files.filter((file) => !files.has(file.path)).map((file) => `files: "${file.path}" is not an existing generated file`),
      signal: context.signal,
    });
    options.onSpend(result.usage.costUsd);
    context.usage(result.model, result.usage);
    for (const fix of result.value.files) {
      const updated = files.replace(fix.path, fix.content, `(Repaired by ${result.model} in round ${round}.)`);
      changed.add(fix.path);
      await options.write(updated);
      context.fileProduced(updated.path, updated.content);
    }
    verification = await options.verify(context.signal);
    if (verification.ok) {
      return { files: [], verification, summary: `fixed in ${round} round${round === 1 ? '' : 's'} (${changed.size} file${changed.size === 1 ? '' : 's'} changed)` };
    }
    const signature = errorSignature(verification);
    if (seen.has(signature)) {
      throw new Error(`Repair stopped after round ${round}: the same errors came back. Still failing at ${failingStep(verification)?.name}: ${failingStep(verification)?.firstErrors.slice(0, 3).join(' | ')}`);
    }
    seen.add(signature);
  }
  const still = failingStep(verification);
  throw new Error(`Repair gave up after ${options.maxRounds} rounds. Still failing at ${still?.name}: ${still?.firstErrors.slice(0, 3).join(' | ')}`);
}
