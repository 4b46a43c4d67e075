// A change in plain words with Claude: Claude edits the spec (the domain-model stage's answer shape,
// reconciled and checked the same way), and the answer must also keep every entity the text did not
// ask to remove. The call reserves its worst case from the budget ledger first. Whatever goes wrong
// (budget, API, an answer still invalid after its repair) keeps the offline reading, and says why.
import * as z from 'zod';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { describeModelChanges, modelChanges } from '../../model/run/modelChanges';
import type { Usage } from '../../model/run/events';
import { BudgetLedger } from '../pipeline/budgetLedger';
import { reserveCall, sharedCachedContext, structuredOnHold, worstCaseCallUsd, type StructuredProvider } from '../pipeline/claudeCall';
import { CLAUDE_RETRY } from '../pipeline/claudeFailure';
import { backoffDelay, RunCancelledError } from '../pipeline/scheduler';
import { checkModel, ModelAnswer, reconcileModel } from '../pipeline/stages/domainModel';
import { sleepUnlessAborted, type StructuredRequest } from '../providers/anthropic';
import { splitSentences } from '../extract/sentences';
import { readChange, type ChangeReading } from './readChange';

/** Claude's edited spec, plus the parts of the change it could not make and why. */
export const ChangeAnswer = ModelAnswer.extend({
  notApplied: z
    .array(z.object({ text: z.string().max(2000), reason: z.string().max(500) }))
    .max(20)
    .default([])
    .describe('Parts of the change you could not make in the spec, each with why.'),
});
export type ChangeAnswer = z.infer<typeof ChangeAnswer>;

export interface ClaudeChangeOptions {
  spec: ProjectSpec;
  text: string;
  provider: StructuredProvider;
  model: string;
  /** The budget of this change, unless a ledger shared with a run is given. */
  budgetUsd: number;
  ledger?: BudgetLedger;
  signal?: AbortSignal;
  maxAttempts?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export interface ClaudeChangeReading extends ChangeReading {
  /** Who read the change: Claude, or the offline reader (alone, or because Claude's answer was not used). */
  by: 'claude' | 'offline';
  /** Why Claude's answer was not used, when it was asked and the offline reading is kept. */
  fallback?: string;
  usage?: Usage;
}

const MAX_TOKENS = 16_000;
const TOOL = { toolName: 'emit_spec', toolDescription: 'Return the whole project spec with the change applied.', schema: ChangeAnswer } as const;

export async function claudeChange(options: ClaudeChangeOptions): Promise<ClaudeChangeReading> {
  const offline = readChange(options.spec, options.text);
  const before = withChangeSentences(options.spec, options.text);
  if (before === options.spec) return { ...offline, by: 'offline' };
  const request = changeRequest(options, before, offline);
  const ledger = options.ledger ?? new BudgetLedger(options.budgetUsd);
  const worst = worstCaseCallUsd(request.model, request.cachedContext, request.instructions, request.maxTokens, TOOL);
  const signal = options.signal ?? new AbortController().signal;
  const sleep = options.sleep ?? sleepUnlessAborted;
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const hold = await reserveCall(ledger, worst, `asking ${request.model} to apply the change`, { signal });
      const result = await structuredOnHold(hold, options.provider, { ...request, signal });
      return { ...claudeReading(result.value, before), by: 'claude', usage: result.usage };
    } catch (error) {
      if (signal.aborted || error instanceof RunCancelledError) throw new RunCancelledError();
      const retryable = (error as { retryable?: unknown })?.retryable === true;
      if (!retryable || attempt >= maxAttempts) {
        const usage = (error as { usage?: Usage }).usage;
        return { ...offline, by: 'offline', fallback: `Claude's answer was not used (${error instanceof Error ? error.message : String(error)}); the offline reading is kept.`, ...(usage ? { usage } : {}) };
      }
      await sleep(backoffDelay({ ...CLAUDE_RETRY, maxAttempts }, attempt, error), signal);
    }
  }
}

/** The spec with the change's sentences as new requirements, so what Claude adds can cite them. */
export function withChangeSentences(spec: ProjectSpec, text: string): ProjectSpec {
  const base = spec.requirements.sentences.reduce((max, s) => Math.max(max, s.id + 1), 0);
  const sentences = splitSentences(text).sentences.filter((s) => !s.heading).map((s, i) => ({ id: base + i, text: s.text }));
  if (!sentences.length) return spec;
  const joined = [spec.requirements.text.trimEnd(), ...sentences.map((s) => s.text)].filter(Boolean).join('\n');
  return { ...spec, requirements: { text: joined, sentences: [...spec.requirements.sentences, ...sentences] } };
}

function changeRequest(options: ClaudeChangeOptions, before: ProjectSpec, offline: ChangeReading): StructuredRequest<ChangeAnswer> {
  const added = before.requirements.sentences.slice(options.spec.requirements.sentences.length);
  const instructions = [
    'The user changes the existing project whose spec is in the context. Apply exactly this change and return the whole spec:',
    ...added.map((s) => `  sentence ${s.id}: ${JSON.stringify(s.text)}`),
    'Change only what it asks. Keep every other entity, field, relation, rule and source as it is; remove an entity only when the change says so.',
    'Every entity, field, relation and rule you add or change must cite the change sentence ids above in "sources". Keep requirements.sentences as given (they include the change) and modelImplemented empty.',
    'List an entity you rename in renamedEntities, and in notApplied each part of the change you cannot make, with why.',
    `The offline reader understood: ${offline.applied.join('; ') || 'nothing'}. It did not understand: ${offline.notUnderstood.join('; ') || 'nothing'}.`,
  ].join('\n');
  return {
    model: options.model,
    cachedContext: sharedCachedContext(before),
    instructions,
    ...TOOL,
    maxTokens: MAX_TOKENS,
    validate: (answer) => {
      const reconciled = reconcileModel(answer, before);
      return [...checkModel(reconciled.spec, before, reconciled.renames), ...lostEntities(before, reconciled.spec, reconciled.renames.map((r) => r.from), added.map((s) => s.text))];
    },
  };
}

/** Entities Claude's answer lost that no sentence of the change asked to remove. */
export function lostEntities(before: ProjectSpec, after: ProjectSpec, renamed: readonly string[], change: readonly string[]): string[] {
  const removals = change.filter((text) => /\b(?:remove|delete|drop|get rid of|no longer)\b/i.test(text));
  const named = (entity: ProjectSpec['entities'][number]) =>
    removals.some((text) => [entity.name, entity.label, entity.pluralLabel].some((n) => new RegExp(`\\b${n.replace(/[^A-Za-z0-9 ]/g, '')}\\b`, 'i').test(text)));
  return before.entities
    .filter((e) => !after.entities.some((a) => a.name === e.name) && !renamed.includes(e.name) && !named(e))
    .map((e) => `the entity ${e.name} was removed, but the change does not ask to remove it: keep it`);
}

function claudeReading(answer: ChangeAnswer, before: ProjectSpec): ChangeReading {
  const reconciled = reconcileModel(answer, before);
  const applied = describeModelChanges(modelChanges(before, reconciled.spec, reconciled.renames));
  if (reconciled.dropped.length) applied.push(`removed with them: ${reconciled.dropped.join('; ')}`);
  const notUnderstood = answer.notApplied.map((n) => `"${n.text}": ${n.reason}`);
  // Claude names the entities it renamed; their tables are renamed, not dropped and made again.
  const renames = reconciled.renames.map(({ from, to }) => ({ from, to }));
  return { spec: reconciled.spec, applied, notUnderstood, ...(renames.length ? { renames: { entities: renames } } : {}) };
}
