// What `takoss update` changes the project to: the spec file given, or the project's spec changed by
// the words given. Offline the words are read by readChange; with --provider anthropic Claude edits
// the spec (claudeChange) out of the run's one budget, and what it spent is no longer there for the
// generation. Any reason Claude's answer was not used is printed, and the offline reading is kept.
import { claudeChange, type ClaudeChangeReading, readChange } from '../core/change';
import { BudgetLedger } from '../core/pipeline/budgetLedger';
import type { ClaudeOptions } from '../core/pipeline/orchestrator';
import type { SpecRenames } from '../core/update/schemaRenames';
import { generationProblems } from '../model/project/generatable';
import type { ProjectSpec } from '../model/project/projectSpec';
import type { AcceptedModel } from '../model/run/events';
import { type GenerateFlags, UsageError } from './generateOptions';
import type { CliIo } from './io';
import { loadSpec } from './specInput';

export interface ChangedSpec {
  spec: ProjectSpec;
  /** Entities and fields the change renamed: their tables and columns are renamed, keeping the data. */
  renames?: SpecRenames;
  /** Claude's options for the generation, with what the change spent taken off the budget. */
  claude?: ClaudeOptions;
  /** With Claude: the generation uses the changed spec as the model (Claude's edit, or the offline reading) instead of asking again. */
  acceptedModel?: AcceptedModel;
}

const dollars = (usd: number) => `$${usd.toFixed(4)}`;

export async function changedSpec(flags: GenerateFlags, current: ProjectSpec, claude: ClaudeOptions | undefined, io: CliIo, signal?: AbortSignal): Promise<ChangedSpec> {
  // The spec given is the model: Claude refines pages and wording, not the model of a project that has one.
  if (flags.spec) return { spec: await loadSpec(String(flags.spec)), claude, acceptedModel: claude ? { changed: false, from: 'update' } : undefined };
  const text = String(flags.change);
  const ledger = claude ? new BudgetLedger(claude.budgetUsd) : undefined;
  const reading: ClaudeChangeReading =
    claude && ledger ? await claudeChange({ spec: current, text, provider: claude.provider, model: claude.model, budgetUsd: claude.budgetUsd, ledger, signal }) : { ...readChange(current, text), by: 'offline' };
  if (claude && ledger) {
    if (reading.fallback) io.err(`change: ${reading.fallback}`);
    else if (reading.by === 'claude') io.err(`change: read by Claude (${claude.model}, ${dollars(reading.usage?.costUsd ?? 0)})`);
    io.err(`change: ${dollars(ledger.availableUsd)} of the $${claude.budgetUsd} budget is left for the generation`);
  }
  for (const line of reading.applied) io.err(`change: ${line}`);
  for (const line of reading.notUnderstood) io.err(`change: not understood: ${line}`);
  if (!reading.applied.length) throw new UsageError('the change changes nothing in the project\'s spec (see above); nothing was written');
  const problems = generationProblems(reading.spec);
  if (problems.length) throw new Error(`the changed spec cannot be generated:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return {
    spec: reading.spec,
    renames: reading.renames,
    claude: claude && ledger ? { ...claude, budgetUsd: ledger.availableUsd } : undefined,
    acceptedModel: !claude ? undefined : reading.by === 'claude' ? { model: claude.model, costUsd: reading.usage?.costUsd, changed: true, from: 'update' } : { changed: false, from: 'update' },
  };
}
