import type * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { replaceOwnFile, sha256 } from '../generation/workspaceSink';

/**
 * The writes of one run. A cancelled run stops waiting for its stages at once, but a file already
 * being written still lands: writes are tracked, and the run ends only once they have settled.
 * A later stage (a repair) may replace a file this run wrote, but not once someone changed it
 * since (replaceOwnFile checks the hash of what the run last wrote there).
 */
export class RunWrites {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly ownWrites = new Map<string, string>();

  constructor(
    private readonly target: vscode.Uri,
    private readonly writeNew: (file: GeneratedFile) => Promise<void>,
    /** Writes a file this run wrote before (default: on disk, while still as written). */
    private readonly rewrite?: (file: GeneratedFile) => Promise<void>,
  ) {}

  readonly write = (file: GeneratedFile): Promise<void> => {
    const pending = this.writeOnce(file);
    this.inFlight.add(pending);
    void pending.then(undefined, () => undefined).finally(() => this.inFlight.delete(pending));
    return pending;
  };

  /** Resolves once every write started so far has landed or failed. */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
  }

  private async writeOnce(file: GeneratedFile): Promise<void> {
    const previous = this.ownWrites.get(file.path);
    if (previous === undefined) await this.writeNew(file);
    else if (this.rewrite) await this.rewrite(file);
    else await replaceOwnFile(this.target, file, previous);
    this.ownWrites.set(file.path, sha256(file.content));
  }
}
