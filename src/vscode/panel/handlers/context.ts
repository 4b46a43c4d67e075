import type { Logger } from '../../../core/log';
import type { HostInfo, HostToWebview, WebviewToHost } from '../../../model/protocol';
import type { GenerationRunner } from '../../generation/GenerationRunner';

/** What a message handler may do: reply, log, and report readiness or pong replies. */
export interface HandlerContext {
  post(message: HostToWebview): Promise<boolean>;
  log: Logger;
  hostInfo(): HostInfo;
  markReady(protocolVersion: number): void;
  readyComplete(): void;
  settlePong(replyTo: string, receivedAt: number): boolean;
  runs: Pick<GenerationRunner, 'extract' | 'review' | 'start' | 'cancel' | 'openFile' | 'readFile' | 'exportZip' | 'discard' | 'resume' | 'sendSnapshot' | 'rate' | 'refineModel' | 'cancelRefine'>;
}

export type MessageOf<T extends WebviewToHost['type']> = Extract<WebviewToHost, { type: T }>;

export type Handler<T extends WebviewToHost['type']> = (message: MessageOf<T>, context: HandlerContext) => void | Promise<void>;

export type HandlerTable = { [T in WebviewToHost['type']]: Handler<T> };
