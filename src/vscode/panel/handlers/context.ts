import type { Logger } from '../../../core/log';
import type { HostInfo, HostToWebview, WebviewToHost } from '../../../model/protocol';
import type { AskSession } from '../../ask/askSession';
import type { ChangeSession } from '../../change/changeSession';
import type { SpecStep } from '../../generation/specStep';
import type { RunService } from '../../runs/RunService';
import type { RunViewer } from '../runViewer';

/** What a message handler may do: reply, log, report readiness or pong replies, and reach the runs. */
export interface HandlerContext {
  post(message: HostToWebview): Promise<boolean>;
  log: Logger;
  hostInfo(): HostInfo;
  markReady(protocolVersion: number): void;
  readyComplete(): void;
  settlePong(replyTo: string, receivedAt: number): boolean;
  /** The window's runs: actions on a run by id. */
  runs: Pick<RunService, 'cancel' | 'openFile' | 'readFile' | 'exportZip' | 'discard' | 'rate' | 'dependencyStatus' | 'installDependencies'>;
  /** What this view shows: the runs it starts, resumes and replays. */
  viewer: Pick<RunViewer, 'start' | 'resume' | 'sendSnapshot' | 'requester'>;
  /** The steps before a run: extract, review, refine. */
  spec: Pick<SpecStep, 'extract' | 'cancelExtract' | 'readAhead' | 'review' | 'refineModel' | 'cancelRefine'>;
  /** "Change This Project…": the project this view changes, and its change requests. */
  change: ChangeSession;
  /** "Ask about this project": the project this view's conversation is about. */
  ask: AskSession;
}

export type MessageOf<T extends WebviewToHost['type']> = Extract<WebviewToHost, { type: T }>;

export type Handler<T extends WebviewToHost['type']> = (message: MessageOf<T>, context: HandlerContext) => void | Promise<void>;

export type HandlerTable = { [T in WebviewToHost['type']]: Handler<T> };
