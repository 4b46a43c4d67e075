// The extraction worker: extracts specs off the extension host's thread, so a long text's seconds of
// tagging and passes never freeze VS Code, and a draft can be extracted while the user is still on
// the form (workerExtractor.ts). Bundled on its own (dist/extractionWorker.js).
import { parentPort } from 'node:worker_threads';
import { extractWithProgress, warmUpExtractor } from '../withProgress';
import { FromWorker, ToWorker } from './messages';

const port = parentPort;
const running = new Map<string, AbortController>();

function post(message: FromWorker): void {
  port?.postMessage(message);
}

async function extract(id: string, text: string, sliceMs: number | undefined): Promise<void> {
  running.get(id)?.abort();
  const job = new AbortController();
  running.set(id, job);
  try {
    const spec = await extractWithProgress(text, { signal: job.signal, sliceMs, onProgress: ({ step, done, total }) => post({ type: 'progress', id, step, done, total }) });
    post(spec && !job.signal.aborted ? { type: 'done', id, spec } : { type: 'stopped', id });
  } catch (error) {
    post({ type: 'failed', id, message: String(error instanceof Error ? error.message : error).slice(0, 10_000) });
  } finally {
    if (running.get(id) === job) running.delete(id);
  }
}

port?.on('message', (raw: unknown) => {
  const parsed = ToWorker.safeParse(raw);
  if (!parsed.success) {
    // Named when it can be, so the job it was for fails (and is extracted on the host) instead of waiting forever.
    const id = (raw as { id?: unknown } | null)?.id;
    const named = typeof id === 'string' && id.length > 0 && id.length <= 100 ? { id } : {};
    post({ type: 'failed', ...named, message: `Malformed message to the extraction worker: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
    return;
  }
  const message = parsed.data;
  if (message.type === 'cancel') running.get(message.id)?.abort();
  else void extract(message.id, message.text, message.sliceMs);
});

// Load the tagger and compile the extractor while nothing is asked yet (the first request would wait for it).
setImmediate(warmUpExtractor);
