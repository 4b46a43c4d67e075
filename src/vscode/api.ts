import * as vscode from 'vscode';
import type { LogEntry } from '../core/log';
import type { TakossLog } from './log';
import type { LazyHost } from './lazy';
import type { ApiKeyStore } from './secrets';
import type { TakossPanel } from './panel/TakossPanel';
import type { GenerationHistory } from './history/GenerationHistory';
import type { RunService } from './runs/RunService';
import type { AnswerStream } from './ask/chatAnswer';

/** What `activate` returns: a small surface for other extensions and our integration tests. */
export interface TakossApi {
  readonly version: string;
  /** The Takoss panel "Takoss: Generate Project" reveals (opened or focused last), if any. */
  currentPanel(): TakossPanel | undefined;
  /** Every open Takoss panel (a run can have a view of its own), focused last. */
  panels(): readonly TakossPanel[];
  /** The window's runs (they outlive the panels). */
  readonly runs: RunService;
  /** Recent log entries, newest last. */
  recentLog(): readonly LogEntry[];
  /** Whether an Anthropic API key is stored (the key itself never leaves Secret Storage this way). */
  hasApiKey(): Promise<boolean>;
  /** The generation history this window reads and writes. */
  readonly history: GenerationHistory;
  /** The Metrics view's content, as it would render now. */
  metricsHtml(): Promise<string>;
  /** What @takoss answers in the chat view, streamed into `stream` (for editors and tests without a chat view). */
  askInChat(prompt: string, stream: AnswerStream): Promise<void>;
}

/** The API over what activation made; the history and metrics load the host when first asked for. */
export function createApi(version: string, log: TakossLog, apiKeys: ApiKeyStore, host: LazyHost): TakossApi {
  return {
    version,
    currentPanel: () => host.loaded?.panels.panel,
    panels: () => host.loaded?.panels.all() ?? [],
    get runs() {
      return host.get().runs;
    },
    recentLog: () => log.recent.list(),
    askInChat: (prompt, stream) => host.get().askInChat({ prompt }, stream, new vscode.CancellationTokenSource().token),
    hasApiKey: async () => Boolean(await apiKeys.get()),
    get history() {
      return host.get().history;
    },
    metricsHtml: () => host.get().metricsView.body(),
  };
}
