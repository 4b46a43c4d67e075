// Claude's answer in the @takoss chat, when Claude is the chosen provider and a key is stored: the
// text streamed into the chat as it arrives (escaped: it is shown as written, never as Markdown
// that could link or run anything), one prompt-cache session per project so follow-up questions
// reuse the files already sent, and each question a budget of its own (takoss.budgetPerRunUsd).
// Only types come from vscode here, so unit tests drive it against the fake Messages API.
import type Anthropic from '@anthropic-ai/sdk';
import { claudeAnswer } from '../../core/ask/claudeAnswer';
import { AskSession } from '../../core/ask/claudeContext';
import { createAskClient } from '../../core/ask/claudeStream';
import type { ProjectTrace } from '../../core/ask/trace';
import { escapeMarkdown } from '../../core/explain/explain';
import { BudgetLedger } from '../../core/pipeline/budgetLedger';
import type { Answer } from '../../model/ask/answer';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';

export interface ChatClaude {
  /** Claude's answer, its text handed to `onText` as it streams; undefined when Claude is not chosen or has no key. */
  answer(question: ChatClaudeQuestion, onText: (text: string) => void, signal: AbortSignal): Promise<Answer | undefined>;
  /** The model a question goes to (for the cost line). */
  readonly model: string;
}

export interface ChatClaudeQuestion {
  /** Which project (its root), for its cache session. */
  project: string;
  trace: ProjectTrace;
  prompt: string;
  offline: Answer;
  currentFile?: string;
}

export function chatClaude(
  apiKeys: Pick<ApiKeyStore, 'get'>,
  settings: Pick<SettingsWatcher, 'settings'>,
  createClient: (apiKey: string) => Anthropic = (apiKey) => createAskClient({ apiKey }),
): ChatClaude {
  const sessions = new Map<string, AskSession>();
  const sessionOf = (project: string) => sessions.get(project) ?? sessions.set(project, new AskSession()).get(project)!;
  return {
    get model() {
      return settings.settings.model;
    },
    async answer(question, onText, signal) {
      const { provider, model, budgetPerRunUsd } = settings.settings;
      if (provider !== 'anthropic') return undefined;
      const apiKey = await apiKeys.get();
      if (!apiKey) return undefined;
      return claudeAnswer(question.trace, question.prompt, question.offline, {
        client: createClient(apiKey),
        model,
        ledger: new BudgetLedger(budgetPerRunUsd),
        session: sessionOf(question.project),
        currentFile: question.currentFile,
        signal,
        onText,
      });
    },
  };
}

/** A piece of Claude's text for the chat: escaped, shown as written, line breaks kept as breaks (list items would otherwise run into one paragraph). */
export function chatMarkdown(text: string): string {
  return escapeMarkdown(text).replace(/\n/g, '  \n');
}
