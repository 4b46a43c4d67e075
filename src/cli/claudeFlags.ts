// --provider, --model and --budget, read the same way by every CLI command that can ask Claude
// (generate, update, ask): the provider name, the budget, and the key from the environment.
import { DEFAULT_MODEL } from '../core/providers/models';

export interface ClaudeFlagValues {
  provider?: string;
  model?: string;
  budget?: string;
}

export interface ClaudeChoice {
  apiKey: string;
  baseURL?: string;
  model: string;
  budgetUsd: number;
}

/** Offline (undefined), Claude's key, model and budget, or the usage message saying what is wrong. */
export function readClaudeFlags(values: ClaudeFlagValues, env: Record<string, string | undefined>, defaultBudgetUsd: number): ClaudeChoice | string | undefined {
  const provider = values.provider ?? 'offline';
  if (provider !== 'offline' && provider !== 'anthropic') return `--provider must be offline or anthropic, not "${provider}"`;
  const budgetUsd = values.budget === undefined ? defaultBudgetUsd : Number(values.budget);
  if (!Number.isFinite(budgetUsd) || budgetUsd < 0) return '--budget must be a number of US dollars, 0 or more';
  if (provider === 'offline') return undefined;
  const apiKey = env.ANTHROPIC_API_KEY?.trim();
  if (!apiKey) return '--provider anthropic needs an API key in the ANTHROPIC_API_KEY environment variable';
  return { apiKey, baseURL: env.ANTHROPIC_BASE_URL || undefined, model: values.model ?? DEFAULT_MODEL, budgetUsd };
}
