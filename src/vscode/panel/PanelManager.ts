import * as vscode from 'vscode';
import { Disposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import type { HostInfo } from '../../model/protocol';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import type { GenerationHistory } from '../history/GenerationHistory';
import { TakossPanel } from './TakossPanel';

/** Owns the single Takoss panel: opens or reveals it, and pushes host changes into it. */
export class PanelManager extends Disposable {
  private current: TakossPanel | undefined;
  /** Secret Storage is async; the panel's host info reads this copy, refreshed on every change. */
  private hasApiKey = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly extensionVersion: string,
    private readonly log: Logger,
    private readonly settings: SettingsWatcher,
    private readonly apiKeys: ApiKeyStore,
    private readonly journalDir?: string,
    private readonly history?: GenerationHistory,
  ) {
    super();
    const pushHostInfo = () => void this.current?.post({ type: 'hostInfo', host: this.hostInfo() });
    this._register(settings.onDidChange(pushHostInfo));
    this._register(vscode.workspace.onDidGrantWorkspaceTrust(pushHostInfo));
    this._register(vscode.workspace.onDidChangeWorkspaceFolders(pushHostInfo));
    const refreshKey = async () => {
      this.hasApiKey = Boolean(await apiKeys.get());
      pushHostInfo();
    };
    this._register(apiKeys.onDidChange(() => void refreshKey()));
    void refreshKey();
  }

  get panel(): TakossPanel | undefined {
    return this.current;
  }

  open(): TakossPanel {
    if (this.current && !this.current.isDisposed) {
      this.current.reveal();
      return this.current;
    }
    const panel = TakossPanel.create(this.extensionUri, this.log, () => this.hostInfo(), { settings: this.settings, apiKeys: this.apiKeys, journalDir: this.journalDir, history: this.history });
    this.current = panel;
    panel.onDidDispose(() => {
      if (this.current === panel) this.current = undefined;
    });
    this.log.info('Opened the Takoss panel');
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
    this.current?.dispose();
    this.current = undefined;
    super.dispose();
  }
}
