import * as vscode from 'vscode';
import type { CommandTable } from './commands/commandTable';
import type { LazyHost } from './lazy';

/**
 * A stub for every command the extension contributes: VS Code needs the command registered when
 * activation ends; the stub runs the eager table's handler, or loads the host and runs its one.
 */
export function registerCommandStubs(context: vscode.ExtensionContext, eager: CommandTable, host: LazyHost): vscode.Disposable {
  const contributed: { command: string }[] = context.extension.packageJSON.contributes?.commands ?? [];
  return vscode.Disposable.from(
    ...contributed.map(({ command: id }) =>
      vscode.commands.registerCommand(id, (...args: unknown[]) => (eager.has(id) ? eager.run(id, args) : host.get().commands.run(id, args))),
    ),
  );
}

/** A tree whose data provider loads on its first question; its change events are forwarded from then on. */
class LazyTreeDataProvider<T> implements vscode.TreeDataProvider<T>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<T | T[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target: vscode.TreeDataProvider<T> | undefined;
  private forwarding: vscode.Disposable | undefined;

  constructor(private readonly load: () => vscode.TreeDataProvider<T>) {}

  private provider(): vscode.TreeDataProvider<T> {
    if (!this.target) {
      this.target = this.load();
      this.forwarding = this.target.onDidChangeTreeData?.((change) => this.changed.fire(change));
    }
    return this.target;
  }

  getTreeItem(element: T): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(element);
  }

  getChildren(element?: T): vscode.ProviderResult<T[]> {
    return this.provider().getChildren(element);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}

/** The Generations tree, the Metrics view and the explain hover, each loading the host on first use. */
export function registerLazyViews(host: LazyHost): vscode.Disposable {
  const tree = new LazyTreeDataProvider(() => host.get().historyView);
  return vscode.Disposable.from(
    tree,
    vscode.window.createTreeView('takoss.history', { treeDataProvider: tree, showCollapseAll: false }),
    vscode.window.registerWebviewViewProvider('takoss.metrics', {
      resolveWebviewView: (view) => host.get().metricsView.resolveWebviewView(view),
    }),
    vscode.languages.registerHoverProvider(
      { scheme: 'file' },
      {
        // The explain hover answers on a file's first line only: other lines need not load the host.
        provideHover: (document, position, token) => (position.line === 0 ? host.get().hover.provideHover(document, position, token) : undefined),
      },
    ),
  );
}
