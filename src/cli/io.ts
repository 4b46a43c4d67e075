// The CLI's two output lines, shared by every command without a command importing the dispatcher.
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}
