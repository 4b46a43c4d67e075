// How the review step gets a spec from requirements: in a worker thread (workerExtractor.ts), or on
// the calling thread when no worker can run (this file). Both can start on a draft while the user is
// still on the form (prepare), so that "Review the data model" finds the work done or under way.
import type { IDisposable } from '../../lifecycle';
import { Disposable } from '../../lifecycle';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { DraftReader } from '../draftReader';
import { extractWithProgress, warmUpExtractor, type ExtractProgressReport } from '../withProgress';

export interface ExtractRequest {
  signal?: AbortSignal;
  onProgress?: (report: ExtractProgressReport) => void;
}

export interface Extractor extends IDisposable {
  /** Gets ready without blocking (loads the tagger): called when the panel opens. */
  warmUp(): void;
  /**
   * Starts on a draft of the requirements; resolves true once what `extract` of the same text needs
   * is done, false when the text is too short to need it or a newer draft or an extract came first.
   */
  prepare(text: string): Promise<boolean>;
  /** The spec of `text` (named from the text: see withProjectName), or undefined when `signal` aborted first. */
  extract(text: string, request?: ExtractRequest): Promise<ProjectSpec | undefined>;
}

/** On the calling thread: a draft is only tagged ahead (the passes would hold the thread for seconds). */
export class InProcessExtractor extends Disposable implements Extractor {
  private readonly reader: DraftReader;

  constructor(sliceMs?: number) {
    super();
    this.reader = this._register(new DraftReader(sliceMs));
  }

  warmUp(): void {
    warmUpExtractor();
  }

  prepare(text: string): Promise<boolean> {
    return this.reader.read(text);
  }

  extract(text: string, { signal, onProgress }: ExtractRequest = {}): Promise<ProjectSpec | undefined> {
    // (This extraction reads what the draft's reading ahead has not read yet.)
    this.reader.stop();
    return extractWithProgress(text, { signal, onProgress });
  }
}
