// The proposed side of an update's diff: read-only documents on the `takoss-update` scheme, served
// from the previewed plan (nothing is on disk until Apply). `vscode.diff` shows the file on disk
// against one of them; a file that does not exist yet is compared with an empty document.
import * as vscode from 'vscode';

export const UPDATE_SCHEME = 'takoss-update';

export class UpdateDiffDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(UPDATE_SCHEME, this);
  private generation = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** A document holding `content`, named after the file (its extension picks the language). */
  document(preview: string, relativePath: string, content: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: UPDATE_SCHEME, path: `/${preview}/${relativePath}`, query: String(++this.generation) });
    this.contents.set(uri.toString(), content);
    return uri;
  }

  /** Forgets a preview's documents (applied or cancelled). */
  forget(preview: string): void {
    for (const key of [...this.contents.keys()]) if (vscode.Uri.parse(key).path.startsWith(`/${preview}/`)) this.contents.delete(key);
  }

  dispose(): void {
    this.registration.dispose();
    this.changed.dispose();
    this.contents.clear();
  }
}

let shared: UpdateDiffDocuments | undefined;

/** The window's one provider of the scheme (a scheme has one provider), made on first use. */
export function sharedUpdateDiffs(): UpdateDiffDocuments {
  shared ??= new UpdateDiffDocuments();
  return shared;
}

export function disposeSharedUpdateDiffs(): void {
  shared?.dispose();
  shared = undefined;
}
