import type { LogEntry } from '../core/log';
import type { TakossLog } from './log';
import type { PanelManager } from './panel/PanelManager';
import type { ApiKeyStore } from './secrets';
import type { TakossPanel } from './panel/TakossPanel';
import type { GenerationHistory } from './history/GenerationHistory';
import type { MetricsViewProvider } from './sidebar/MetricsView';

/** What `activate` returns: a small surface for other extensions and our integration tests. */
export interface TakossApi {
  readonly version: string;
  /** The open Takoss panel, if any. */
  currentPanel(): TakossPanel | undefined;
  /** Recent log entries, newest last. */
  recentLog(): readonly LogEntry[];
  /** Whether an Anthropic API key is stored (the key itself never leaves Secret Storage this way). */
  hasApiKey(): Promise<boolean>;
  /** The generation history this window reads and writes. */
  readonly history: GenerationHistory;
  /** The Metrics view's content, as it would render now. */
  metricsHtml(): Promise<string>;
}

export function createApi(
  version: string,
  panels: PanelManager,
  log: TakossLog,
  apiKeys: ApiKeyStore,
  history: GenerationHistory,
  metrics: MetricsViewProvider,
): TakossApi {
  return {
    version,
    currentPanel: () => panels.panel,
    recentLog: () => log.recent.list(),
    hasApiKey: async () => Boolean(await apiKeys.get()),
    history,
    metricsHtml: () => metrics.body(),
  };
}
