// Reading a long paste ahead, while the user is still on the form (issue #17 item 5). Tagging the
// sentences is about half of a long text's extraction and depends on nothing but each sentence, so
// it can be done before "Review the data model" is pressed: the extraction then finds every
// sentence tagged (the tagger remembers them) and only its passes remain. A newer draft stops the
// older one's reading; what was read stays remembered, so an edit re-reads only what changed.
import { Disposable, toDisposable } from '../lifecycle';
import { READ_AHEAD_MIN_CHARS } from '../../model/messages/extract';
import { toSpecText } from '../../model/project/projectSpec';
import { splitSentences } from './sentences';
import { readInSteps } from './withProgress';

/** Work between turns: the host stays responsive while it reads (other extensions, the panel's messages). */
const SLICE_MS = 15;

export class DraftReader extends Disposable {
  private reading: AbortController | undefined;

  /** `sliceMs`: work between turns of the event loop (tests pass 0: a turn after every step). */
  constructor(private readonly sliceMs = SLICE_MS) {
    super();
    this._register(toDisposable(() => this.reading?.abort()));
  }

  /**
   * Reads `text` ahead, stopping the reading of an earlier draft. Resolves true when all of it was
   * read, false when it was too short to need it, or a newer draft, stop() or dispose() came first.
   */
  async read(text: string): Promise<boolean> {
    this.reading?.abort();
    if (this.isDisposed || text.length < READ_AHEAD_MIN_CHARS) return false;
    const reading = (this.reading = new AbortController());
    try {
      const { sentences } = splitSentences(toSpecText(text));
      return await readInSteps(sentences, { signal: reading.signal, sliceMs: this.sliceMs });
    } finally {
      if (this.reading === reading) this.reading = undefined;
    }
  }

  /** Stops reading ahead (an extraction of the text itself has started and reads the rest). */
  stop(): void {
    this.reading?.abort();
  }
}
