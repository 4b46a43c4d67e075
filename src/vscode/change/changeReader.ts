// Who reads a change typed in plain words: with Claude chosen and a key stored, Claude edits the
// spec (falling back to the offline reading, and saying why); otherwise the offline change reader.
import { claudeChange, type ClaudeChangeReading, readChange } from '../../core/change';
import type { StructuredProvider } from '../../core/pipeline/claudeCall';
import { AnthropicProvider } from '../../core/providers/anthropic';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { ProviderChoice } from '../../model/protocol';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';

export type ChangeReader = (spec: ProjectSpec, text: string, provider: ProviderChoice) => Promise<ClaudeChangeReading>;

export function changeReader(
  apiKeys: Pick<ApiKeyStore, 'get'>,
  settings: Pick<SettingsWatcher, 'settings'>,
  createProvider: (apiKey: string) => StructuredProvider = (apiKey) => new AnthropicProvider({ apiKey }),
): ChangeReader {
  return async (spec, text, provider) => {
    const apiKey = provider === 'anthropic' ? await apiKeys.get() : undefined;
    if (!apiKey) {
      const offline = readChange(spec, text);
      return { ...offline, by: 'offline', fallback: provider === 'anthropic' ? 'Claude has no API key (run "Takoss: Set API Key"): the change was read offline.' : undefined };
    }
    const { model, budgetPerRunUsd } = settings.settings;
    return claudeChange({ spec, text, provider: createProvider(apiKey), model, budgetUsd: budgetPerRunUsd });
  };
}
