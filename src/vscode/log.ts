import * as vscode from 'vscode';
import { errorText, type LogLevel, type Logger, RecentLog } from '../core/log';
import { Disposable } from '../core/lifecycle';

/** The "Takoss" output channel (a LogOutputChannel, so the user picks the level). */
export class TakossLog extends Disposable implements Logger {
  readonly recent = new RecentLog();
  private readonly channel: vscode.LogOutputChannel;

  constructor() {
    super();
    this.channel = this._register(vscode.window.createOutputChannel('Takoss', { log: true }));
  }

  private write(level: LogLevel, message: string): void {
    this.recent.add(level, message);
    this.channel[level](message);
  }

  trace(message: string): void {
    this.write('trace', message);
  }
  debug(message: string): void {
    this.write('debug', message);
  }
  info(message: string): void {
    this.write('info', message);
  }
  warn(message: string): void {
    this.write('warn', message);
  }
  error(message: string | Error): void {
    this.write('error', typeof message === 'string' ? message : errorText(message));
  }

  show(): void {
    this.channel.show(true);
  }
}
