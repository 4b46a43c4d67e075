// Claude repair rounds after a failed verification: send the failing step's errors and the files
// they point at, accept corrected versions of the files repair may edit (writePolicy.ts: Claude's
// pages and rules modules, the failing tests the errors name) that keep to the code policy, write
// them, verify again. Stops when verification passes, after the last round, when the same errors
// come back twice, or when the budget would be exceeded — and then says what still fails.
import * as z from 'zod';
import { codePolicyFor } from '../check/codePolicy';
import type { FileSet, GeneratedFile } from '../generator/fileSet';
import { InvalidModelOutputError, type StructuredRequest, type StructuredResult } from '../providers/anthropic';
import { worstCaseCallUsd } from './claudeCall';
import type { VerifyResult } from '../verify/verifier';
import type { StageContext } from './scheduler';
import type { StageOutput } from './stages/types';
import { repairEditable, repairWriteRefusal } from './writePolicy';
import { countOf } from '../../model/count';

export const MAX_REPAIR_FILE_CHARS = 200_000;

export const Fixes = z.object({
  summary: z.string().max(2000),
  files: z
    .array(z.object({ path: z.string().min(1).max(240), content: z.string().min(1).max(MAX_REPAIR_FILE_CHARS) }))
    .min(1)
    .max(20),
});
export type Fixes = z.infer<typeof Fixes>;

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
  // (Numbers are left out: durations and counts in the lines differ between rounds of the same failure.)
  return `${step?.name}:${(step?.firstErrors ?? []).join('\n').replace(/\d+(?:\.\d+)?/g, '#')}`;
}

/** Every generated file the error output names (by its path, or its path inside its layer folder). */
function allNamedIn(output: string, files: FileSet): GeneratedFile[] {
  return files.list().filter((file) => {
    const tail = file.path.split('/').slice(1).join('/');
    return output.includes(file.path) || (tail.length > 6 && output.includes(tail));
  });
}

/** Generated files named in the error output, most relevant first. */
export function filesNamedIn(output: string, files: FileSet): GeneratedFile[] {
  return allNamedIn(output, files).slice(0, 8);
}

/**
 * The checks of one round's answer: each fix must be a file repair may edit and keep to the code
 * policy. Refusals are kept (path and reason) so the run can say which edits were refused.
 */
export function repairValidator(files: FileSet, namedInErrors: ReadonlySet<string>, refused: Map<string, string>): (value: Fixes) => string[] {
  const policy = codePolicyFor((path) => files.get(path)?.content);
  return (value) => {
    const problems: string[] = [];
    for (const file of value.files) {
      const refusal = repairWriteRefusal(file.path, files, namedInErrors);
      const violations = refusal ? [] : policy(file.path, file.content);
      const reason = refusal ?? (violations.length ? `it breaks the code policy: ${violations.slice(0, 3).join('; ')}` : undefined);
      if (!reason) continue;
      refused.set(file.path, reason);
      if (refusal) problems.push(`files: "${file.path}" is refused: ${refusal}`);
      else problems.push(...violations);
    }
    return problems;
  };
}

export async function repairRounds(options: RepairOptions): Promise<StageOutput> {
  let verification = options.verification;
  const seen = new Set<string>([errorSignature(verification)]);
  const changed = new Set<string>();
  for (let round = 1; round <= options.maxRounds; round += 1) {
    const request = repairRequest(verification, options.files);
    const forecast = worstCaseCallUsd(options.model, options.cachedContext, request.instructions, 16_000);
    if (forecast > options.budgetLeft()) {
      throw new Error(`Repair stopped before round ${round}: it would cost up to $${forecast.toFixed(4)} and only $${options.budgetLeft().toFixed(4)} of the budget is left. Still failing: ${request.step?.firstErrors.slice(0, 3).join(' | ')}`);
    }
    const result = await askForFixes(options, round, request);
    await writeFixes(options, round, result, changed);
    verification = await options.verify(options.context.signal);
    if (verification.ok) {
      return { files: [], verification, summary: `fixed in ${countOf(round, 'round')} (${countOf(changed.size, 'file')} changed)` };
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

/** What one round asks: the failing step, the files its errors name, and the instructions sent. */
interface RepairRequest {
  step: VerifyResult['steps'][number] | undefined;
  suspects: GeneratedFile[];
  /** Every file the errors name: failing tests among them become editable. */
  named: Set<string>;
  instructions: string;
}

function repairRequest(verification: VerifyResult, files: FileSet): RepairRequest {
  const step = failingStep(verification);
  const errors = [...(step?.firstErrors ?? []), step?.outputTail.slice(-4000) ?? ''].join('\n');
  const suspects = filesNamedIn(errors, files);
  const named = new Set(allNamedIn(errors, files).map((file) => file.path));
  const editable = repairEditable(files, named);
  const instructions = [
    `Verification failed at the ${step?.name ?? 'unknown'} step. Fix the generated project so that install, build and tests pass.`,
    'Return complete corrected contents of the files that must change (only files that already exist).',
    `You may change only these files (everything else, package.json and configuration included, is refused): ${editable.join(', ') || 'none'}.`,
    'Code may import only relative modules and the packages its package.json declares, and may not use dynamic import(), require, eval, Function, process, Node built-ins or computed access on the global object.',
    `Errors:\n${errors}`,
    ...suspects.map((file) => `File ${file.path}:\n${file.content.slice(0, 20_000)}`),
  ].join('\n\n');
  return { step, suspects, named, instructions };
}

/** One call to Claude for fixes; its cost is counted even when the answer is refused. */
async function askForFixes(options: RepairOptions, round: number, request: RepairRequest): Promise<StructuredResult<Fixes>> {
  const { context } = options;
  context.progress(`Repair round ${round} of ${options.maxRounds}: asking ${options.model} about ${request.suspects.length} file(s)`);
  const refused = new Map<string, string>();
  // Says which edits were refused (the file stays as it was), whether or not the answer's repair was accepted.
  const reportRefused = () => {
    for (const [path, reason] of refused) context.warn(`Repair round ${round}: Claude's edit of ${path} was refused and the file stays as it was: ${reason}`);
  };
  const result = await options.provider
    .structured<Fixes>({
      model: options.model,
      cachedContext: options.cachedContext,
      instructions: request.instructions,
      toolName: 'emit_fixes',
      toolDescription: 'Return corrected versions of existing generated files.',
      schema: Fixes,
      maxTokens: 16_000,
      // Confinement: a fix may only replace a file repair may edit, never add, escape or run code it should not.
      validate: repairValidator(options.files, request.named, refused),
      signal: context.signal,
    })
    .catch((error: unknown) => {
      if (error instanceof InvalidModelOutputError) {
        reportRefused();
        if (error.usage) {
          options.onSpend(error.usage.costUsd);
          context.usage(options.model, error.usage);
        }
      }
      throw error;
    });
  reportRefused();
  options.onSpend(result.usage.costUsd);
  context.usage(result.model, result.usage);
  return result;
}

async function writeFixes(options: RepairOptions, round: number, result: StructuredResult<Fixes>, changed: Set<string>): Promise<void> {
  for (const fix of result.value.files) {
    const updated = options.files.replace(fix.path, fix.content, `(Repaired by ${result.model} in round ${round}.)`);
    changed.add(fix.path);
    await options.write(updated);
    options.context.fileProduced(updated.path, updated.content);
  }
}
