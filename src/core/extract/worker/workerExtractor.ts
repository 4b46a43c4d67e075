// Extraction in a worker thread (extractionWorker.ts). The extension host stays free while a long
// text is read, and a draft is extracted whole while the user is still on the form: "Review the
// data model" then finds its spec ready, or joins the extraction under way. Each text has one job;
// a request for the same text joins it, a newer draft stops a job nobody waits for. When the worker
// cannot start or dies, the same requests are served on the calling thread (InProcessExtractor).
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ProjectSpec } from '../../../model/project/projectSpec';
import { READ_AHEAD_MIN_CHARS } from '../../../model/messages/extract';
import { Disposable, toDisposable } from '../../lifecycle';
import type { ExtractProgressReport } from '../withProgress';
import { InProcessExtractor, type ExtractRequest, type Extractor } from './extractor';
import { FromWorker, type ToWorker } from './messages';

/** The worker's script: beside this module in the test build, beside the host bundle in dist/. */
export const WORKER_SCRIPT = path.join(__dirname, 'extractionWorker.js');

/** After this many worker crashes the extractor stops restarting it and extracts in process. */
const MAX_CRASHES = 2;

type Outcome = { kind: 'done'; spec: unknown } | { kind: 'stopped' } | { kind: 'failed'; message: string };

interface Job {
  id: string;
  text: string;
  /** Started for a draft; an extract joining it makes it wanted. */
  wanted: number;
  last?: ExtractProgressReport;
  readonly listeners: Set<(report: ExtractProgressReport) => void>;
  outcome?: Outcome;
  readonly finished: Promise<Outcome>;
  settle(outcome: Outcome): void;
}

export interface WorkerExtractorOptions {
  script?: string;
  /** Told why the worker could not be used (the host logs it). */
  onProblem?: (message: string) => void;
  /** Used when the worker cannot be (tests pass one with short slices). */
  fallback?: Extractor;
}

export class WorkerExtractor extends Disposable implements Extractor {
  private worker: Worker | undefined;
  private crashes = 0;
  private nextId = 0;
  /** Running jobs, and the last one that finished (its spec is kept for the same text). */
  private jobs: Job[] = [];
  private readonly fallback: Extractor;
  private readonly script: string;

  constructor(private readonly options: WorkerExtractorOptions = {}) {
    super();
    this.script = options.script ?? WORKER_SCRIPT;
    this.fallback = this._register(options.fallback ?? new InProcessExtractor());
    this._register(toDisposable(() => this.stopWorker()));
  }

  /** Extractions the worker was asked for so far (requests that joined a job or found its spec do not count): for tests and benches. */
  get jobsStarted(): number {
    return this.nextId;
  }

  /** Whether extraction runs off the calling thread (false once the worker could not start or died too often). */
  get inWorker(): boolean {
    return !this.isDisposed && this.crashes < MAX_CRASHES;
  }

  warmUp(): void {
    if (!this.ensureWorker()) this.fallback.warmUp();
  }

  async prepare(text: string): Promise<boolean> {
    if (this.isDisposed || text.length < READ_AHEAD_MIN_CHARS) return false;
    const job = this.jobFor(text);
    if (!job) return this.fallback.prepare(text);
    return (await job.finished).kind === 'done';
  }

  async extract(text: string, request: ExtractRequest = {}): Promise<ProjectSpec | undefined> {
    const { signal, onProgress } = request;
    if (signal?.aborted) return undefined;
    const job = this.jobFor(text);
    if (!job) return this.fallback.extract(text, request);
    job.wanted++;
    if (onProgress) {
      if (job.last) onProgress(job.last);
      job.listeners.add(onProgress);
    }
    let abort: (() => void) | undefined;
    const aborted = new Promise<undefined>((resolve) => {
      abort = () => resolve(undefined);
      signal?.addEventListener('abort', abort, { once: true });
    });
    try {
      const outcome = await Promise.race([job.finished, aborted]);
      if (!outcome) return undefined;
      if (outcome.kind === 'stopped') return undefined;
      if (outcome.kind === 'done') {
        // Parsed for each request: the worker's output is checked, and each caller gets its own copy.
        const parsed = ProjectSpec.safeParse(outcome.spec);
        if (parsed.success) return parsed.data;
        this.options.onProblem?.(`The extraction worker answered a spec that does not validate (${parsed.error.issues[0]?.message}); extracting in process.`);
      }
      return this.fallback.extract(text, request);
    } finally {
      if (abort) signal?.removeEventListener('abort', abort);
      if (onProgress) job.listeners.delete(onProgress);
      job.wanted--;
      // Nobody waits for it any more (the request was cancelled): stop it.
      if (!job.outcome && job.wanted === 0 && signal?.aborted) this.cancel(job);
    }
  }

  /** The job for `text`: the one running or kept, or a new one (older jobs nobody waits for are stopped). Undefined without a worker. */
  private jobFor(text: string): Job | undefined {
    const known = this.jobs.find((job) => job.text === text && (!job.outcome || job.outcome.kind === 'done'));
    if (known) return known;
    const worker = this.ensureWorker();
    if (!worker) return undefined;
    for (const job of this.jobs) if (!job.outcome && job.wanted === 0) this.cancel(job);
    const job = newJob(`job-${++this.nextId}`, text);
    // Kept: jobs still running, and this one (the last finished spec is for an older text).
    this.jobs = [...this.jobs.filter((other) => !other.outcome), job];
    this.send({ type: 'extract', id: job.id, text });
    return job;
  }

  private cancel(job: Job): void {
    if (job.outcome) return;
    this.send({ type: 'cancel', id: job.id });
    job.settle({ kind: 'stopped' });
  }

  private send(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (!this.inWorker) return undefined;
    try {
      const worker = new Worker(this.script);
      // The worker must not keep a process alive (the CLI, tests) once nothing else does.
      worker.unref();
      worker.on('message', (raw: unknown) => this.receive(raw));
      worker.on('error', (error) => this.crashed(worker, `The extraction worker failed: ${error.message}`));
      worker.on('exit', (code) => this.crashed(worker, `The extraction worker exited (code ${code}).`));
      this.worker = worker;
      return worker;
    } catch (error) {
      this.crashes = MAX_CRASHES;
      this.options.onProblem?.(`The extraction worker could not start (${error instanceof Error ? error.message : String(error)}); extracting in process.`);
      return undefined;
    }
  }

  private receive(raw: unknown): void {
    const parsed = FromWorker.safeParse(raw);
    if (!parsed.success) {
      this.options.onProblem?.(`Ignored a malformed message from the extraction worker: ${parsed.error.issues[0]?.message}`);
      return;
    }
    const message = parsed.data;
    const job = this.jobs.find((candidate) => candidate.id === message.id);
    if (message.type === 'failed' && !job) {
      this.options.onProblem?.(message.message);
      return;
    }
    if (!job || job.outcome) return;
    if (message.type === 'progress') {
      const report: ExtractProgressReport = { step: message.step, done: message.done, total: message.total };
      job.last = report;
      for (const listener of job.listeners) listener(report);
    } else if (message.type === 'done') job.settle({ kind: 'done', spec: message.spec });
    else if (message.type === 'stopped') job.settle({ kind: 'stopped' });
    else {
      this.options.onProblem?.(`The extraction worker could not extract the text: ${message.message}`);
      job.settle({ kind: 'failed', message: message.message });
    }
  }

  /** A dead worker fails its running jobs (their requests are served in process) and is started again on the next request. */
  private crashed(worker: Worker, message: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    if (!this.isDisposed) {
      this.crashes++;
      this.options.onProblem?.(this.crashes >= MAX_CRASHES ? `${message} Extracting in process from now on.` : message);
    }
    for (const job of this.jobs) if (!job.outcome) job.settle({ kind: 'failed', message });
    this.jobs = this.jobs.filter((job) => job.outcome?.kind === 'done');
  }

  private stopWorker(): void {
    const worker = this.worker;
    this.worker = undefined;
    for (const job of this.jobs) if (!job.outcome) job.settle({ kind: 'stopped' });
    this.jobs = [];
    if (worker) void worker.terminate().catch(() => undefined);
  }
}

function newJob(id: string, text: string): Job {
  let resolve!: (outcome: Outcome) => void;
  const finished = new Promise<Outcome>((done) => (resolve = done));
  const job: Job = {
    id,
    text,
    wanted: 0,
    listeners: new Set(),
    finished,
    settle(outcome) {
      if (job.outcome) return;
      job.outcome = outcome;
      resolve(outcome);
    },
  };
  return job;
}
