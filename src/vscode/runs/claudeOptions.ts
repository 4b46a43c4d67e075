import { createBabelSyntaxChecker } from '../../core/check/babelSyntax';
import { variantChooser } from '../../core/learning/bandit';
import type { ClaudeOptions } from '../../core/pipeline/orchestrator';
import { AnthropicProvider } from '../../core/providers/anthropic';
import type { ProviderChoice } from '../../model/protocol';
import type { GenerationHistory } from '../history/GenerationHistory';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';

/** Claude options for a run: undefined offline, null when Claude was asked for but has no key. */
export async function claudeOptionsFor(
  provider: ProviderChoice,
  sources: { apiKeys: Pick<ApiKeyStore, 'get'>; settings: SettingsWatcher; history?: GenerationHistory },
): Promise<ClaudeOptions | undefined | null> {
  if (provider !== 'anthropic') return undefined;
  const apiKey = await sources.apiKeys.get();
  if (!apiKey) return null;
  const { model, budgetPerRunUsd, learningExplore, learningModels } = sources.settings.settings;
  // The prompt variant of each stage is chosen from past outcomes (read once per run).
  const outcomes = (await sources.history?.outcomes()) ?? [];
  return {
    provider: new AnthropicProvider({ apiKey }),
    model,
    budgetUsd: budgetPerRunUsd,
    chooseVariant: variantChooser(outcomes, { explore: learningExplore, models: learningModels.length ? [model, ...learningModels] : undefined }),
    // Claude's code (business rules, pages) is accepted only once it parses.
    checkSyntax: createBabelSyntaxChecker(),
  };
}
