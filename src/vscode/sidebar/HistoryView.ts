import * as vscode from 'vscode';
import { markdownCode } from '../../core/generator/emit';
import { generationsByProject } from '../../core/history/projects';
import { type GenerationRecord, recordedVerification } from '../../core/history/store';
import type { GenerationHistory } from '../history/GenerationHistory';
import { formatDuration, verificationText } from '../../model/run/outcome';
import { countOf } from '../../model/count';

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

/** Where a generation stands in its project: the nth of how many (1 is the first). */
export interface ProjectPlace {
  number: number;
  of: number;
}

/** "update 3 of 3", "generation 1 of 3": said only of projects generated more than once. */
const placeText = (record: GenerationRecord, place?: ProjectPlace) =>
  place && place.of > 1 ? `${record.kind === 'update' ? 'update' : 'generation'} ${place.number} of ${place.of}` : '';


/** "applied, 1 conflict", "not applied": what became of an update (nothing for a generation, or an undecided update). */
export function applicationText(record: GenerationRecord): string {
  const application = record.application;
  if (!application) return '';
  if (!application.applied) return 'not applied';
  return application.conflicts ? `applied, ${countOf(application.conflicts, 'conflict')}` : 'applied';
}

/** The tooltip's line on it, with the counts and why an update was not applied. */
function applicationLine(record: GenerationRecord): string {
  const application = record.application;
  if (!application) return '';
  if (!application.applied) return `Not applied: ${application.reason === 'cancelled' ? 'cancelled at the preview' : 'Takoss refused it'}; nothing was written`;
  const { written, merged, conflicts } = application;
  return `Applied: ${countOf(written, 'file')} written, ${merged} merged with your edits, ${countOf(conflicts, 'conflict')} left to resolve`;
}

/**
 * One generation in the tree: status icon, name, then date, provider and cost. The latest
 * generation of a project generated more than once holds the earlier ones (expand to see them).
 */
export function generationItem(record: GenerationRecord, isRunning: IsRunning, place?: ProjectPlace): vscode.TreeItem {
  const status = STATUS[displayStatus(record, isRunning)];
  const provider = record.provider === 'anthropic' ? (record.model ?? 'Claude') : 'offline';
  const holdsEarlier = place !== undefined && place.number === place.of && place.of > 1;
  const item = new vscode.TreeItem(record.spec.name, holdsEarlier ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
  item.id = record.id;
  const where = [placeText(record, place), applicationText(record)].filter(Boolean).join(' · ');
  item.description = `${where ? `${where} · ` : ''}${date(record.createdAt)} · ${provider} · ${cost(record.usage.costUsd)}${record.rating ? (record.rating.up ? ' · rated good' : ' · rated poor') : ''}`;
  item.iconPath = new vscode.ThemeIcon(status.icon, status.color ? new vscode.ThemeColor(status.color) : undefined);
  item.contextValue = GENERATION_CONTEXT;
  item.tooltip = tooltip(record, status.label, provider, placeText(record, place));
  item.accessibilityInformation = { label: `${record.spec.name}, ${where ? `${where}, ` : ''}${status.label}, ${date(record.createdAt)}, ${provider}, ${cost(record.usage.costUsd)}` };
  item.command = { command: 'takoss.history.openInPanel', title: 'Open in Takoss Panel', arguments: [record.id] };
  return item;
}

function tooltip(record: GenerationRecord, status: string, provider: string, where: string): vscode.MarkdownString {
  const tokens = record.usage.inputTokens + record.usage.outputTokens;
  const lines = [
    `**${escape(record.spec.name)}** — ${status}${where ? ` (${where} of this project)` : ''}`,
    '',
    `${record.spec.entities.length} entities · ${record.files.length} files · ${formatDuration(record.durationMs)} · ${provider}${tokens ? ` · ${tokens.toLocaleString('en-US')} tokens` : ''} · ${cost(record.usage.costUsd)}`,
    escape(verificationText(recordedVerification(record))),
    applicationLine(record),
    record.rating ? `Rated ${record.rating.up ? 'good' : 'poor'}${record.rating.note ? `: ${escape(record.rating.note)}` : ''}` : '',
    '',
    // A code span, verbatim: backslash escapes show as backslashes inside one.
    markdownCode(record.folder),
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

/**
 * The "Generations" view: one item per project, newest first; a project generated more than once
 * shows its latest generation, which holds the earlier ones. The welcome content shows while there are none.
 */
export class HistoryViewProvider implements vscode.TreeDataProvider<GenerationRecord> {
  readonly onDidChangeTreeData: vscode.Event<void>;
  /** Each shown record's place in its project, from the listing the children came from. */
  private places = new Map<string, ProjectPlace>();

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
    return generationItem(record, this.isRunning, this.places.get(record.id));
  }

  async getChildren(element?: GenerationRecord): Promise<GenerationRecord[]> {
    const projects = generationsByProject(await this.history.list());
    const places = new Map<string, ProjectPlace>();
    for (const generations of projects.values()) generations.forEach((record, index) => places.set(record.id, { number: generations.length - index, of: generations.length }));
    this.places = places;
    if (!element) return [...projects.values()].map((generations) => generations[0]);
    const generations = projects.get(element.projectId) ?? [];
    // Only a project's latest generation holds the others.
    return generations[0]?.id === element.id ? generations.slice(1) : [];
  }
}
