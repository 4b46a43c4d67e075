import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import type { HostInfo } from '../../model/protocol';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import type { RunRecord } from '../runs/runRegistry';
import type { RunService } from '../runs/RunService';
import { TakossPanel } from './TakossPanel';

/**
 * Owns the Takoss panels: the one "Takoss: Generate Project" opens or reveals, and a view of its
 * own for a run that lost its view to a second run. Pushes host changes into every panel.
 */
export class PanelManager extends Disposable {
  /** Open panels, the most recently opened or focused last. */
  private readonly panels: TakossPanel[] = [];
  /** Secret Storage is async; the panel's host info reads this copy, refreshed on every change. */
  private hasApiKey = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly extensionVersion: string,
    private readonly log: Logger,
    private readonly settings: SettingsWatcher,
    private readonly apiKeys: ApiKeyStore,
    private readonly runs: RunService,
  ) {
    super();
    const pushHostInfo = () => this.panels.forEach((panel) => void panel.post({ type: 'hostInfo', host: this.hostInfo() }));
    this._register(settings.onDidChange(pushHostInfo));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(pushHostInfo));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(pushHostInfo));
    const refreshKey = async () => {
      this.hasApiKey = Boolean(await apiKeys.get());
      pushHostInfo();
    };
    this._register(apiKeys.onDidChange(() => void refreshKey()));
    void refreshKey();
    this._register(runs.onDidStart((run) => this.keepRunsInView(run)));
  }

  /** The panel "Takoss: Generate Project" reveals: the one opened or focused last. */
  get panel(): TakossPanel | undefined {
    return this.panels.at(-1);
  }

  /** Every open panel, the most recently opened or focused last. */
  all(): readonly TakossPanel[] {
    return [...this.panels];
  }

  open(): TakossPanel {
    const current = this.panel;
    if (current) {
      current.reveal();
      return current;
    }
    this.log.info('Opened the Takoss panel');
    return this.create(vscode.ViewColumn.Active);
  }

  /** The panel showing `runId`, if one does. */
  viewOf(runId: string): TakossPanel | undefined {
    return this.panels.find((panel) => panel.viewer.viewedRun === runId);
  }

  /**
   * A run started while others ran (the user chose to open a second view): every other live run
   * that no panel shows any more gets a panel of its own, beside, so no live run is silently lost.
   */
  private keepRunsInView(started: RunRecord): void {
    for (const run of this.runs.activeRuns()) {
      if (run.runId === started.runId || this.viewOf(run.runId)) continue;
      const panel = this.create(vscode.ViewColumn.Beside);
      panel.viewer.follow(run.runId);
      this.log.info(`Opened a view of its own for run ${run.runId} ("${run.projectName}"), still running beside "${started.projectName}"`);
    }
  }

  private create(column: vscode.ViewColumn): TakossPanel {
    const panel = TakossPanel.create(this.extensionUri, this.log, () => this.hostInfo(), { settings: this.settings, apiKeys: this.apiKeys, runs: this.runs }, column);
    this.panels.push(panel);
    panel.panel.onDidChangeViewState(({ webviewPanel }) => {
      const index = this.panels.indexOf(panel);
      if (!webviewPanel.active || index < 0) return;
      this.panels.splice(index, 1);
      this.panels.push(panel);
    });
    panel.onDidDispose(() => {
      const index = this.panels.indexOf(panel);
      if (index >= 0) this.panels.splice(index, 1);
    });
    return panel;
  }

  hostInfo(): HostInfo {
    const { provider, model } = this.settings.settings;
    return {
      vscodeVersion: vscode.version,
      extensionVersion: this.extensionVersion,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      workspaceTrusted: vscode.workspace.isTrusted,
      workspaceFolders: vscode.workspace.workspaceFolders?.length ?? 0,
      provider,
      model,
      hasApiKey: this.hasApiKey,
    };
  }

  override dispose(): void {
    [...this.panels].forEach((panel) => panel.dispose());
    this.panels.length = 0;
    super.dispose();
  }
}
