import * as vscode from 'vscode';
import { MANIFEST_PATH, TakossManifest } from '../../core/generator/project/manifest';
import { Disposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';

export interface GeneratedFileInfo {
  /** The generated project's folder (holds .takoss/manifest.json). */
  root: vscode.Uri;
  manifest: TakossManifest;
  /** The file's path relative to the root, with "/" separators. */
  relativePath: string;
}

/** How many folders up from a file to look for a generated project's manifest. */
const MAX_DEPTH = 12;

/**
 * Finds the generated project a file belongs to (the nearest folder above it with
 * .takoss/manifest.json) and reads that manifest, validated. Results are cached per folder and
 * dropped when any manifest changes, so hovering stays cheap.
 */
export class ManifestIndex extends Disposable {
  private readonly manifests = new Map<string, Promise<TakossManifest | undefined>>();

  constructor(private readonly log: Logger) {
    super();
    const watcher = this._register(vscode.workspace.createFileSystemWatcher(`**/${MANIFEST_PATH}`));
    const forget = () => this.manifests.clear();
    this._register(watcher.onDidCreate(forget));
    this._register(watcher.onDidChange(forget));
    this._register(watcher.onDidDelete(forget));
  }

  async lookup(file: vscode.Uri): Promise<GeneratedFileInfo | undefined> {
    const workspace = vscode.workspace.getWorkspaceFolder(file);
    if (!workspace) return undefined;
    const parts = file.path.split('/');
    // Depth 0: the uri itself is a project folder (the explorer's context menu passes folders).
    for (let depth = 0; depth <= MAX_DEPTH && parts.length - depth > 0; depth++) {
      const folderPath = parts.slice(0, parts.length - depth).join('/');
      if (folderPath.length < workspace.uri.path.length) break; // never above the workspace folder
      const root = file.with({ path: folderPath });
      const manifest = await this.read(root);
      if (manifest) return { root, manifest, relativePath: parts.slice(parts.length - depth).join('/') };
    }
    return undefined;
  }

  private read(root: vscode.Uri): Promise<TakossManifest | undefined> {
    const key = root.toString();
    let pending = this.manifests.get(key);
    if (!pending) {
      pending = this.load(root);
      this.manifests.set(key, pending);
    }
    return pending;
  }

  private async load(root: vscode.Uri): Promise<TakossManifest | undefined> {
    const uri = vscode.Uri.joinPath(root, ...MANIFEST_PATH.split('/'));
    let raw: Uint8Array;
    try {
      raw = await vscode.workspace.fs.readFile(uri);
    } catch {
      return undefined; // no manifest here: an ordinary folder
    }
    try {
      const parsed = TakossManifest.safeParse(JSON.parse(new TextDecoder().decode(raw)));
      if (parsed.success) return parsed.data;
      this.log.warn(`Ignoring ${uri.fsPath}: not a valid Takoss manifest (${parsed.error.issues[0]?.message ?? 'invalid'})`);
    } catch (error) {
      this.log.warn(`Ignoring ${uri.fsPath}: ${error instanceof Error ? error.message : String(error)}`);
    }
    return undefined;
  }
}
