import * as vscode from 'vscode';
import type { GenerationRecord } from '../../core/history/store';
import type { GenerationHistory } from '../history/GenerationHistory';
import { formatDuration } from '../../model/run/outcome';

export const HISTORY_VIEW_ID = 'takoss.history';
export const GENERATION_CONTEXT = 'takoss.generation';

/** Whether a run is going in this window (a "running" record of a dead window was interrupted). */
export type IsRunning = (runId: string) => boolean;

const STATUS: Record<string, { icon: string; color?: string; label: string }> = {
  succeeded: { icon: 'pass', color: 'testing.iconPassed', label: 'succeeded' },
  degraded: { icon: 'pass', color: 'problemsWarningIcon.foreground', label: 'degraded (Claude failed; deterministic results kept)' },
  partial: { icon: 'warning', color: 'problemsWarningIcon.foreground', label: 'partly generated' },
  failed: { icon: 'error', color: 'problemsErrorIcon.foreground', label: 'failed' },
  cancelled: { icon: 'circle-slash', label: 'cancelled' },
  interrupted: { icon: 'debug-disconnect', color: 'problemsWarningIcon.foreground', label: 'interrupted' },
  running: { icon: 'sync~spin', label: 'running' },
};

export function displayStatus(record: GenerationRecord, isRunning: IsRunning): keyof typeof STATUS {
  return record.status === 'running' && !isRunning(record.id) ? 'interrupted' : record.status;
}

const cost = (usd: number) => (usd === 0 ? '$0' : usd < 0.01 ? '<$0.01' : `$${usd.toFixed(2)}`);
const date = (ms: number) => new Date(ms).toLocaleString(undefined, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });

/** One generation in the tree: status icon, name, then date, provider and cost. */
export function generationItem(record: GenerationRecord, isRunning: IsRunning): vscode.TreeItem {
  const status = STATUS[displayStatus(record, isRunning)];
  const provider = record.provider === 'anthropic' ? (record.model ?? 'Claude') : 'offline';
  const item = new vscode.TreeItem(record.spec.name, vscode.TreeItemCollapsibleState.None);
  item.id = record.id;
  item.description = `${date(record.createdAt)} · ${provider} · ${cost(record.usage.costUsd)}${record.rating ? (record.rating.up ? ' · rated good' : ' · rated poor') : ''}`;
  item.iconPath = new vscode.ThemeIcon(status.icon, status.color ? new vscode.ThemeColor(status.color) : undefined);
  item.contextValue = GENERATION_CONTEXT;
  item.tooltip = tooltip(record, status.label, provider);
  item.accessibilityInformation = { label: `${record.spec.name}, ${status.label}, ${date(record.createdAt)}, ${provider}, ${cost(record.usage.costUsd)}` };
  item.command = { command: 'takoss.history.openInPanel', title: 'Open in Takoss Panel', arguments: [record.id] };
  return item;
}

function tooltip(record: GenerationRecord, status: string, provider: string): vscode.MarkdownString {
  const tokens = record.usage.inputTokens + record.usage.outputTokens;
  const lines = [
    `**${escape(record.spec.name)}** — ${status}`,
    '',
    `${record.spec.entities.length} entities · ${record.files.length} files · ${formatDuration(record.durationMs)} · ${provider}${tokens ? ` · ${tokens.toLocaleString('en-US')} tokens` : ''} · ${cost(record.usage.costUsd)}`,
    record.verification ? `Verification: ${record.verification.ok ? 'passed' : `failed at ${record.verification.failedStep ?? 'a step'}`}` : 'Verification: not run',
    record.rating ? `Rated ${record.rating.up ? 'good' : 'poor'}${record.rating.note ? `: ${escape(record.rating.note)}` : ''}` : '',
    '',
    `\`${escape(record.folder)}\``,
    '',
    `> ${escape(record.requirements.slice(0, 300))}${record.requirements.length > 300 ? '…' : ''}`,
  ];
  const markdown = new vscode.MarkdownString(lines.filter((line, i, all) => line || all[i - 1]).join('\n'));
  markdown.isTrusted = false;
  return markdown;
}

/** Requirements are the user's text: shown as text, never as markdown or links. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&').replace(/\n+/g, ' ');
}

/** The "Generations" view: newest first; the welcome content shows while there are none. */
export class HistoryViewProvider implements vscode.TreeDataProvider<GenerationRecord> {
  readonly onDidChangeTreeData: vscode.Event<void>;

  constructor(
    private readonly history: GenerationHistory,
    private readonly isRunning: IsRunning,
  ) {
    this.onDidChangeTreeData = (listener, thisArgs, disposables) => {
      const subscription = history.onDidChange(() => listener.call(thisArgs));
      const disposable = { dispose: () => subscription.dispose() };
      disposables?.push(disposable);
      return disposable;
    };
  }

  getTreeItem(record: GenerationRecord): vscode.TreeItem {
    return generationItem(record, this.isRunning);
  }

  getChildren(element?: GenerationRecord): Promise<GenerationRecord[]> | GenerationRecord[] {
    return element ? [] : this.history.list();
  }
}
