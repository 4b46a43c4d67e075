// Logging without vscode: the extension tees into a LogOutputChannel, the CLI into stderr. The
// recent-entries ring lets tests (and a future "copy diagnostics" action) read what was logged.

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  message: string;
  time: number;
}

export interface Logger {
  trace(message: string): void;
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string | Error): void;
}

export class RecentLog {
  private readonly entries: LogEntry[] = [];

  constructor(private readonly capacity = 500) {}

  add(level: LogLevel, message: string): void {
    this.entries.push({ level, message, time: Date.now() });
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  list(): readonly LogEntry[] {
    return [...this.entries];
  }
}

export function errorText(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}
