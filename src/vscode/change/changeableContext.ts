// The `takoss.hasRememberedProject` context key: true while the workspace holds a generated project
// that remembers its model (.takoss/spec.json), so "Change This Project…" is in the palette only
// where it can work. Kept current by a file watcher, and by the host after every run (a watcher may
// miss or delay events); registered at activation (eager, so it uses nothing but the vscode API).
import * as vscode from 'vscode';

export const HAS_REMEMBERED_PROJECT = 'takoss.hasRememberedProject';
const PATTERN = '**/.takoss/spec.json';

/** Searches the workspace once and sets the key (unless `stillWanted` says the caller went away). */
export async function refreshChangeableContext(stillWanted: () => boolean = () => true): Promise<void> {
  const found = await vscode.workspace.findFiles(PATTERN, '**/node_modules/**', 1).then(
    (files) => files.length > 0,
    () => false,
  );
  if (stillWanted()) await vscode.commands.executeCommand('setContext', HAS_REMEMBERED_PROJECT, found);
}

export function registerChangeableContext(): vscode.Disposable {
  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => refreshChangeableContext(() => !disposed);
  // A generation writes many files at once: one search after they settle.
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };
  const watcher = vscode.workspace.createFileSystemWatcher(PATTERN, false, true, false);
  void refresh();
  return vscode.Disposable.from(watcher, watcher.onDidCreate(later), watcher.onDidDelete(later), vscode.workspace.onDidChangeWorkspaceFolders(later), {
    dispose: () => {
      disposed = true;
      clearTimeout(timer);
    },
  });
}
