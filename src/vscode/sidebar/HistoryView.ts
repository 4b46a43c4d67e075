import * as vscode from 'vscode';

export const HISTORY_VIEW_ID = 'takoss.history';

/**
 * The "Generations" sidebar view. Until the history store exists it has no items, so VS Code
 * shows the view's welcome content (a Generate Project button).
 */
export class HistoryViewProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}

export function registerHistoryView(): vscode.Disposable {
  return vscode.window.createTreeView(HISTORY_VIEW_ID, {
    treeDataProvider: new HistoryViewProvider(),
    showCollapseAll: false,
  });
}
