import type * as vscode from 'vscode';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- command arguments are whatever the caller passes
export type CommandHandler = (...args: any[]) => unknown;

/** Where a command's handler goes: `vscode.commands` itself, or the host's table behind activation's stubs. */
export interface CommandRegistry {
  registerCommand(id: string, handler: CommandHandler): vscode.Disposable;
}

/**
 * The commands the lazily loaded host implements. activate() registers a stub for each contributed
 * command (VS Code needs them before anything runs); a stub loads the host and runs its handler here.
 */
export class CommandTable implements CommandRegistry {
  private readonly handlers = new Map<string, CommandHandler>();

  registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
    if (this.handlers.has(id)) throw new Error(`command '${id}' already exists`);
    this.handlers.set(id, handler);
    return { dispose: () => this.handlers.delete(id) };
  }

  has(id: string): boolean {
    return this.handlers.has(id);
  }

  ids(): string[] {
    return [...this.handlers.keys()];
  }

  run(id: string, args: unknown[]): unknown {
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`Takoss: the command '${id}' has no handler`);
    return handler(...args);
  }
}
