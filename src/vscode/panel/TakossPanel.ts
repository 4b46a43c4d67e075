import * as vscode from 'vscode';
import { Disposable, Emitter } from '../../core/lifecycle';
import { errorText, type Logger } from '../../core/log';
import { type HostInfo, type HostToWebview, parseHostToWebview, parseWebviewToHost } from '../../model/protocol';
import { PendingRequests } from '../../model/pendingRequests';
import type { HandlerContext } from './handlers/context';
import { dispatch } from './handlers';
import { AskSession } from '../ask/askSession';
import { chatClaude } from '../ask/claudeInChat';
import { changeReader } from '../change/changeReader';
import { ChangeSession } from '../change/changeSession';
import { SpecStep } from '../generation/specStep';
import type { RunService } from '../runs/RunService';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { RunViewer } from './runViewer';
import { renderWebviewHtml } from './webviewHtml';

export const PANEL_VIEW_TYPE = 'takoss.generate';

export interface PanelServices {
  settings: SettingsWatcher;
  apiKeys: Pick<ApiKeyStore, 'get'>;
  /** The window's runs: the panel views them and never owns them. */
  runs: RunService;
}

export interface RejectedMessage {
  reason: string;
  messageType?: string;
}

/**
 * The Takoss webview panel: serves the React app under a strict CSP and is the host end of the
 * typed message bridge. Every incoming message is validated before any handler sees it.
 */
export class TakossPanel extends Disposable {
  private readonly pendingPings = new PendingRequests<number>('host-ping');
  private readonly readyEmitter = this._register(new Emitter<void>());
  private readonly rejectedEmitter = this._register(new Emitter<RejectedMessage>());
  private readonly disposedEmitter = this._register(new Emitter<void>());
  private ready = false;
  private readonly handlerContext: HandlerContext;

  /** Fires whenever a webview message fails validation (tests and diagnostics listen). */
  readonly onDidRejectMessage = this.rejectedEmitter.event;
  readonly onDidDispose = this.disposedEmitter.event;
  private readonly postedEmitter = this._register(new Emitter<HostToWebview>());
  /** Fires for every message delivered to the webview (diagnostics and tests listen). */
  readonly onDidPostMessage = this.postedEmitter.event;

  /** The window's runs (they outlive the panel). */
  readonly runs: RunService;
  /** The run this panel shows, and the generate and resume requests it makes. */
  readonly viewer: RunViewer;
  /** "Change This Project…" in this view: the project it changes. */
  readonly change: ChangeSession;
  /** "Ask about this project" in this view: the project its conversation is about. */
  readonly ask: AskSession;

  static create(extensionUri: vscode.Uri, log: Logger, hostInfo: () => HostInfo, services: PanelServices, column = vscode.ViewColumn.Active): TakossPanel {
    const webviewRoot = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    const panel = vscode.window.createWebviewPanel(
      PANEL_VIEW_TYPE,
      'Takoss',
      column,
      {
        enableScripts: true,
        // The webview may load nothing but our own build output.
        localResourceRoots: [webviewRoot],
        enableFindWidget: true,
      },
    );
    return new TakossPanel(panel, webviewRoot, log, hostInfo, services);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    webviewRoot: vscode.Uri,
    private readonly log: Logger,
    private readonly hostInfo: () => HostInfo,
    services: PanelServices,
  ) {
    super();
    const post = (message: HostToWebview) => this.post(message);
    this.runs = services.runs;
    this.viewer = this._register(new RunViewer(services.runs, post));
    this.change = new ChangeSession(post, log, services.runs, changeReader(services.apiKeys, services.settings));
    this.ask = new AskSession(post, log, services.runs, this.change, chatClaude(services.apiKeys, services.settings));
    const spec = this._register(new SpecStep(log, services.settings, services.apiKeys, post, services.runs.history));
    this.handlerContext = {
      post: (message) => this.post(message),
      log,
      hostInfo: () => this.hostInfo(),
      markReady: (protocolVersion) => {
        this.log.info(`Webview ready (protocol ${protocolVersion})`);
      },
      // Fired once the webview also has its host info and run snapshot, so what callers post next
      // lands on a complete view.
      readyComplete: () => {
        this.ready = true;
        this.readyEmitter.fire();
      },
      settlePong: (replyTo, receivedAt) => this.pendingPings.settle(replyTo, receivedAt),
      runs: this.runs,
      viewer: this.viewer,
      spec,
      change: this.change,
      ask: this.ask,
    };
    panel.iconPath = vscode.Uri.joinPath(webviewRoot, 'takoss-panel.svg');
    const webview = panel.webview;
    webview.html = renderWebviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css')).toString(),
      title: 'Takoss',
    });
    this._register(webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)));
    // A hidden webview is unloaded (no retainContextWhenHidden) and announces itself again when shown.
    this._register(
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
    this._register(panel.onDidDispose(() => this.dispose()));
  }

  override dispose(): void {
    if (this.isDisposed) return;
    this.pendingPings.cancelAll('The Takoss panel was closed');
    // Told before the emitters go: closed by the user or disposed by code, the manager forgets it.
    this.disposedEmitter.fire();
    super.dispose();
    this.panel.dispose();
  }

  get isReady(): boolean {
    return this.ready;
  }

  /** Resolves once the webview has loaded and completed the ready/init handshake. */
  whenReady(timeoutMs = 30_000): Promise<void> {
    if (this.ready) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        subscription.dispose();
        reject(new Error(`The Takoss webview did not become ready within ${timeoutMs} ms`));
      }, timeoutMs);
      const subscription = this.readyEmitter.event(() => {
        clearTimeout(timer);
        subscription.dispose();
        resolve();
      });
    });
  }

  /** Host -> webview -> host round trip; resolves with the milliseconds it took. */
  async ping(timeoutMs = 10_000): Promise<number> {
    const started = Date.now();
    const { id, reply } = this.pendingPings.create('ping', timeoutMs);
    const sent = await this.post({ type: 'ping', requestId: id, sentAt: started });
    if (!sent) this.pendingPings.cancelAll('The webview could not receive the ping');
    await reply;
    return Date.now() - started;
  }

  /** Validates and sends a message; a host bug that builds a bad message is logged, not sent. */
  async post(message: HostToWebview): Promise<boolean> {
    const checked = parseHostToWebview(message);
    if (!checked.ok) {
      this.log.error(`Refused to send invalid ${checked.messageType ?? 'message'} to the webview: ${checked.error}`);
      return false;
    }
    if (this.isDisposed) return false;
    try {
      const delivered = await this.panel.webview.postMessage(checked.message);
      if (delivered) this.postedEmitter.fire(checked.message);
      return delivered;
    } catch (error) {
      this.log.warn(`Could not post ${message.type} to the webview: ${errorText(error)}`);
      return false;
    }
  }

  /** Entry point for everything the webview sends (bound to onDidReceiveMessage). */
  async receive(raw: unknown): Promise<void> {
    const parsed = parseWebviewToHost(raw);
    if (!parsed.ok) {
      const rejected: RejectedMessage = { reason: parsed.error, messageType: parsed.messageType };
      this.log.error(`Rejected malformed webview message${parsed.messageType ? ` "${parsed.messageType}"` : ''}: ${parsed.error}`);
      this.rejectedEmitter.fire(rejected);
      await this.post({ type: 'rejected', reason: parsed.error, messageType: parsed.messageType });
      return;
    }
    await dispatch(parsed.message, this.handlerContext);
  }


  reveal(): void {
    this.panel.reveal();
  }
}
