// The only module that touches acquireVsCodeApi. Everything the webview sends or receives goes
// through here and is validated against the shared protocol; the rest of the app sees typed
// messages only.
import type { FileLink } from '../../src/model/ask/answer';
import type { AcceptedModel } from '../../src/model/run/events';
import type { ProjectSpec } from '../../src/model/project/projectSpec';
import {
  type ExtractProgress,
  type HostToWebview,
  type ProviderChoice,
  parseHostToWebview,
  parseWebviewToHost,
  PROTOCOL_VERSION,
  type WebviewToHost,
} from '../../src/model/protocol';
import { PendingRequests } from '../../src/model/pendingRequests';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState<T>(state: T): T;
}

declare function acquireVsCodeApi(): VsCodeApi;

type Listener = (message: HostToWebview) => void;

/** How an extract request reports progress and is cancelled. */
export interface ReadingOptions {
  onProgress?: (progress: ExtractProgress) => void;
  signal?: AbortSignal;
}

const EXTRACT_TIMEOUT_MS = 10 * 60_000;

/** What the review step decided besides the spec: where, whether to verify, merge, commit. */
export interface GenerateOptions {
  folder?: string;
  verify?: boolean;
  merge?: { replace: string[] };
  git?: boolean;
  /** The spec is Claude's model as accepted in the review and not edited since: not asked for again. */
  acceptedModel?: AcceptedModel;
}

/** Host messages that answer a webview request (they carry its id in `replyTo`). */
type Reply = Extract<HostToWebview, { replyTo: string }>;
type ReplyOf<T extends Reply['type']> = Extract<Reply, { type: T }>;

/** Outside VS Code (component tests, a plain browser) messages go nowhere and state lives in memory. */
function fallbackApi(): VsCodeApi {
  let state: unknown;
  return {
    postMessage: () => undefined,
    getState: () => state,
    setState: (next) => {
      state = next;
      return next;
    },
  };
}

export class Bridge {
  private readonly listeners = new Set<Listener>();
  private readonly pendingPings = new PendingRequests<number>('webview-ping');
  private readonly pendingReplies = new PendingRequests<Reply>('webview');
  private readonly api: VsCodeApi;

  constructor(api?: VsCodeApi, private readonly target: Pick<Window, 'addEventListener'> = window) {
    this.api = api ?? (typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : fallbackApi());
    this.target.addEventListener('message', (event) => this.receive((event as MessageEvent).data));
  }

  /** Validates and posts; returns false (and logs) when the message would be rejected anyway. */
  post(message: WebviewToHost): boolean {
    const checked = parseWebviewToHost(message);
    if (!checked.ok) {
      console.error(`[takoss] refused to send invalid ${checked.messageType ?? 'message'}: ${checked.error}`);
      return false;
    }
    this.api.postMessage(checked.message);
    return true;
  }

  announceReady(): void {
    this.post({ type: 'ready', protocolVersion: PROTOCOL_VERSION });
  }

  /** Webview -> host -> webview round trip; resolves with the milliseconds it took. */
  async ping(timeoutMs = 5000): Promise<number> {
    const sentAt = Date.now();
    const { id, reply } = this.pendingPings.create('ping', timeoutMs);
    this.post({ type: 'ping', requestId: id, sentAt });
    await reply;
    return Date.now() - sentAt;
  }

  /**
   * Sends a request and resolves with the host's reply of the expected type (another reply type,
   * e.g. specRefused for an extract, rejects with its reason). Times out instead of hanging.
   */
  async request<T extends Reply['type']>(
    build: (requestId: string) => WebviewToHost,
    expected: T,
    timeoutMs = 30_000,
  ): Promise<ReplyOf<T>> {
    const { id, reply } = this.pendingReplies.create(expected, timeoutMs);
    if (!this.post(build(id))) this.pendingReplies.cancel(id, 'The request was not valid and was not sent');
    const answer = await reply;
    if (answer.type !== expected) throw new Error('reason' in answer ? answer.reason : `Unexpected reply ${answer.type}`);
    return answer as ReplyOf<T>;
  }

  /**
   * Step 1 -> 2. The host reports its progress (extractProgress) and answers when done; aborting
   * `reading.signal` tells the host to stop and rejects with RequestCancelledError. The timeout is
   * long because a long text takes a while and the user sees the progress and can cancel.
   */
  extract(requirements: string, projectName: string | undefined, provider: ProviderChoice, reading: ReadingOptions = {}): Promise<ReplyOf<'specReview'>> {
    let requestId: string | undefined;
    const stopListening = this.onMessage((message) => {
      if (message.type === 'extractProgress' && message.requestId === requestId) reading.onProgress?.(message);
    });
    const cancel = () => {
      if (!requestId) return;
      this.post({ type: 'cancelExtract', requestId });
      this.pendingReplies.cancel(requestId, 'Reading the requirements was cancelled');
    };
    reading.signal?.addEventListener('abort', cancel, { once: true });
    const build = (id: string): WebviewToHost => {
      requestId = id;
      return { type: 'extract', requestId: id, requirements, projectName: projectName || undefined, provider };
    };
    return this.request(build, 'specReview', EXTRACT_TIMEOUT_MS).finally(() => {
      stopListening();
      reading.signal?.removeEventListener('abort', cancel);
    });
  }

  /** The form's long text, for the host to read ahead before the user asks for the review (nothing is answered). */
  readAhead(requirements: string): void {
    this.post({ type: 'readAhead', requirements });
  }

  reviewSpec(spec: ProjectSpec, provider: ProviderChoice): Promise<ReplyOf<'specReview'>> {
    return this.request((requestId) => ({ type: 'reviewSpec', requestId, spec, provider }), 'specReview');
  }

  /**
   * Asks the host to generate: resolves with its runAccepted reply (the run's events follow), and
   * rejects with the reason when it refuses. No short timeout: the host may ask the user first
   * (replacing files, starting a second run).
   */
  generate(spec: ProjectSpec, provider: ProviderChoice, options: GenerateOptions = {}): Promise<ReplyOf<'runAccepted'>> {
    const { folder, verify = false, merge, git = false, acceptedModel } = options;
    return this.request(
      (requestId) => ({ type: 'generate', requestId, spec, provider, folder: folder || undefined, verify, merge, git, acceptedModel }),
      'runAccepted',
      30 * 60_000,
    );
  }

  readFile(runId: string, path: string): Promise<ReplyOf<'fileContent'>> {
    return this.request((requestId) => ({ type: 'readFile', requestId, runId, path }), 'fileContent');
  }

  /** No short timeout: the user is choosing where to save. */
  rateRun(runId: string, up: boolean, note?: string): Promise<ReplyOf<'runRated'>> {
    return this.request((requestId) => ({ type: 'rateRun', requestId, runId, up, note }), 'runRated', 30_000);
  }

  exportZip(runId: string): Promise<ReplyOf<'zipExported'>> {
    return this.request((requestId) => ({ type: 'exportZip', requestId, runId }), 'zipExported', 30 * 60_000);
  }

  /** Whether the run's project still needs its dependencies installed (and whether Takoss may do it). */
  checkDependencies(runId: string): Promise<ReplyOf<'dependencyStatus'>> {
    return this.request((requestId) => ({ type: 'checkDependencies', requestId, runId }), 'dependencyStatus');
  }

  /** No short timeout: the host asks the user first, then npm downloads (up to verification's 10 minutes). */
  installDependencies(runId: string): Promise<ReplyOf<'dependenciesInstalled'>> {
    return this.request((requestId) => ({ type: 'installDependencies', requestId, runId }), 'dependenciesInstalled', 30 * 60_000);
  }

  showLog(): void {
    this.post({ type: 'showLog' });
  }

  /** Asks the host to continue an interrupted run: answered like generate. */
  resumeRun(runId: string): Promise<ReplyOf<'runAccepted'>> {
    return this.request((requestId) => ({ type: 'resumeRun', requestId, runId }), 'runAccepted', 30 * 60_000);
  }

  /** No short timeout: the host asks the user to confirm first. */
  discardRun(runId: string): Promise<ReplyOf<'runDiscarded'>> {
    return this.request((requestId) => ({ type: 'discardRun', requestId, runId }), 'runDiscarded', 30 * 60_000);
  }

  setApiKey(): void {
    this.post({ type: 'setApiKey' });
  }

  cancelRun(runId: string): void {
    this.post({ type: 'cancelRun', runId });
  }

  openFile(runId: string, path: string): void {
    this.post({ type: 'openFile', runId, path });
  }

  /** "Ask about this project" on a run's result: the host answers with startAsk. */
  askAboutRun(runId: string): void {
    this.post({ type: 'askAboutRun', runId });
  }

  /** A question about the conversation's project, answered in the host from the project's trace. */
  askQuestion(question: string): Promise<ReplyOf<'askAnswered'>> {
    // Claude's answer streams for a while (askAnswerText) before the reply.
    return this.request((requestId) => ({ type: 'askQuestion', requestId, question }), 'askAnswered', 180_000);
  }

  /** Opens an answer's link in the editor at its line (the host refuses paths outside the project). */
  openAnswerLink(link: FileLink): void {
    this.post({ type: 'openAnswerLink', link });
  }

  /** Change This Project… on the conversation's project, with `text` in the change box. */
  reviewAskedChange(text: string): void {
    this.post({ type: 'reviewAskedChange', text });
  }

  onMessage(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  reportError(error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    const stack = error instanceof Error ? error.stack?.slice(0, 8000) : undefined;
    this.post({ type: 'webviewError', message: message.slice(0, 2000), stack });
  }

  getState<T>(): T | undefined {
    return this.api.getState() as T | undefined;
  }

  setState<T>(state: T): void {
    this.api.setState(state);
  }

  private receive(raw: unknown): void {
    const parsed = parseHostToWebview(raw);
    if (!parsed.ok) {
      // Other senders (VS Code internals, extensions' injected frames) are ignored, not trusted.
      console.warn(`[takoss] ignored malformed host message${parsed.messageType ? ` "${parsed.messageType}"` : ''}: ${parsed.error}`);
      return;
    }
    const message = parsed.message;
    if (message.type === 'ping') {
      this.post({ type: 'pong', replyTo: message.requestId, receivedAt: Date.now() });
    } else if (message.type === 'pong') {
      this.pendingPings.settle(message.replyTo, message.receivedAt);
    } else if ('replyTo' in message) {
      this.pendingReplies.settle(message.replyTo, message);
    }
    for (const listener of [...this.listeners]) listener(message);
  }
}

let shared: Bridge | undefined;

/** The app-wide bridge (acquireVsCodeApi may only be called once per webview). */
export function bridge(): Bridge {
  shared ??= new Bridge();
  return shared;
}
