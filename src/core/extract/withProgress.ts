// extractSpec for a caller that shows progress and can stop it (the panel's review step, issue #17).
// Much of the extractor's time on a long text goes to tagging the sentences (and the words and
// fragments the passes ask about: readAhead.ts); that is done here first, a few sentences at a time
// (READ_STEP), so the count is real, the event loop gets turns to deliver the progress and a
// cancel, and the passes of extractSpec then find it all tagged.
import { toSpecText, type ProjectSpec } from '../../model/project/projectSpec';
import { readAhead } from './readAhead';
import { extractSpec, type ExtractOptions } from './index';
import { splitSentences, type SentenceInfo } from './sentences';

export interface ExtractProgressReport {
  /** reading: tagging sentence `done` of `total`; model: the passes that build the data model. */
  step: 'reading' | 'model';
  done: number;
  total: number;
}

export interface ProgressOptions extends ExtractOptions {
  onProgress?: (report: ExtractProgressReport) => void;
  signal?: AbortSignal;
  /** How long to work between turns of the event loop (progress is reported at each turn). */
  sliceMs?: number;
}

/** Sentences tagged at a time: tagged together they cost less, and a step takes only some 10 to 30 ms. */
export const READ_STEP = 16;

/** Resolves on the event loop's next turn, so messages already posted (progress) leave first. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The spec extractSpec would give, or undefined when `signal` aborted first. */
export async function extractWithProgress(text: string, options: ProgressOptions = {}): Promise<ProjectSpec | undefined> {
  const { onProgress, signal, sliceMs = 40, ...extractOptions } = options;
  const { sentences } = splitSentences(typeof text === 'string' ? toSpecText(text) : '');
  const read = await readInSteps(sentences, { signal, sliceMs, onStep: (done, total) => onProgress?.({ step: 'reading', done, total }) });
  if (!read) return undefined;
  onProgress?.({ step: 'model', done: 0, total: 0 });
  await nextTurn();
  if (signal?.aborted) return undefined;
  return extractSpec(text, extractOptions);
}

export interface StepOptions {
  signal?: AbortSignal;
  /** How long to work between turns of the event loop. */
  sliceMs: number;
  /** Called before the first step, at each turn and at the end, with the sentences read so far. */
  onStep?: (done: number, total: number) => void;
}

/**
 * Tags the sentences ahead (readAhead), READ_STEP at a time, giving the event loop a turn every
 * `sliceMs` so that messages (progress, a cancel, a newer draft) get through. False when `signal`
 * aborted first; what was read by then stays read (the tagger remembers it).
 */
export async function readInSteps(sentences: SentenceInfo[], { signal, sliceMs, onStep }: StepOptions): Promise<boolean> {
  const total = sentences.length;
  onStep?.(0, total);
  let sliceStart = Date.now();
  for (let done = 0; done < total; done += READ_STEP) {
    if (done > 0 && Date.now() - sliceStart >= sliceMs) {
      onStep?.(done, total);
      await nextTurn();
      if (signal?.aborted) return false;
      sliceStart = Date.now();
    }
    readAhead(sentences.slice(done, done + READ_STEP));
  }
  onStep?.(total, total);
  return !signal?.aborted;
}

let warmed = false;

/**
 * Loads the tagger and runs the extractor once on a short text, so the first real extraction does
 * not also pay for building compromise's lexicon and for code the JIT has not compiled yet (about
 * a second of a 50 KB paste). The panel calls it when it opens; only the first call does anything.
 */
export function warmUpExtractor(): void {
  if (warmed) return;
  warmed = true;
  extractSpec('Members book fitness classes. A class has a title, a start time and a capacity (at most 20 members).');
}

