import { Disposable, toDisposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import { withProjectName } from '../../core/extract/naming';
import { nextTurn } from '../../core/extract/withProgress';
import type { Extractor } from '../../core/extract/worker/extractor';
import { WorkerExtractor } from '../../core/extract/worker/workerExtractor';
import { variantChooser } from '../../core/learning/bandit';
import { AnthropicProvider } from '../../core/providers/anthropic';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { ExtractStep, HostToWebview, ProviderChoice } from '../../model/protocol';
import type { GenerationHistory } from '../history/GenerationHistory';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { ModelRefiner } from './modelRefiner';
import { reviewSpec } from './specReview';

const WARM_UP_DELAY_MS = 300;

/**
 * A view's steps before a run: requirements -> data model for review, the review's re-checks, and
 * "Refine with Claude" (cancelled with the view that asked for it).
 */
export class SpecStep extends Disposable {
  private readonly refiner: ModelRefiner;
  /** Extract requests still reading, by request id: cancelExtract and dispose stop them. */
  private readonly readings = new Map<string, AbortController>();
  private readonly extractor: Extractor;

  constructor(
    log: Logger,
    private readonly settings: SettingsWatcher,
    apiKeys: Pick<ApiKeyStore, 'get'>,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    private readonly history?: GenerationHistory,
    extractor?: Extractor,
  ) {
    super();
    this.extractor = this._register(extractor ?? new WorkerExtractor({ onProblem: (problem) => log.warn(problem) }));
    this.refiner = new ModelRefiner({
      log,
      apiKey: () => apiKeys.get(),
      settings: () => settings.settings,
      createProvider: (apiKey) => new AnthropicProvider({ apiKey }),
      chooseVariant: async () => variantChooser((await history?.outcomes()) ?? [], { explore: settings.settings.learningExplore }),
    });
    this._register(toDisposable(() => this.refiner.dispose()));
    this._register(toDisposable(() => this.readings.forEach((reading) => reading.abort())));
    // The extractor gets ready while the user writes, not on the first "Review the data model" (a
    // turn after the panel opens, so its first messages go first).
    const warmUp = setTimeout(() => this.extractor.warmUp(), WARM_UP_DELAY_MS);
    this._register(toDisposable(() => clearTimeout(warmUp)));
  }

  /**
   * Step 1 -> 2: the data model from the requirements, with its problems and forecast. Reports each
   * step (extractProgress) and stops without answering when cancelExtract names the request.
   */
  async extract(requestId: string, requirements: string, projectName: string | undefined, provider: ProviderChoice): Promise<void> {
    const reading = new AbortController();
    this.readings.set(requestId, reading);
    const report = (step: ExtractStep, done = 0, total = 0) => void this.post({ type: 'extractProgress', requestId, step, done, total });
    try {
      const extracted = await this.extractor.extract(requirements, { signal: reading.signal, onProgress: ({ step, done, total }) => report(step, done, total) });
      if (!extracted || reading.signal.aborted) return;
      const spec = withProjectName(extracted, projectName);
      report('forecast');
      // A turn for the progress message to leave before the forecast (it generates the project in memory).
      await nextTurn();
      await this.review(requestId, spec, provider, reading.signal);
    } finally {
      this.readings.delete(requestId);
    }
  }

  /**
   * The form's text as it stands: a long one is extracted ahead (in the worker; without one, only
   * its sentences are tagged) while the user is still on the form, so "Review the data model" finds
   * it done or under way. Resolves true when done.
   */
  readAhead(requirements: string): Promise<boolean> {
    return this.extractor.prepare(requirements);
  }

  /** Stops an extract request still reading; false when none with that id runs. */
  cancelExtract(requestId: string): boolean {
    const reading = this.readings.get(requestId);
    reading?.abort();
    return Boolean(reading);
  }

  /** Re-checks an edited spec: problems, forecast and target folder for the review step; nothing is answered once `signal` aborts. */
  async review(requestId: string, spec: ProjectSpec, provider: ProviderChoice, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return;
    const result = await reviewSpec(spec, provider, this.settings.settings, (await this.history?.runOutcomes()) ?? []);
    if (signal?.aborted) return;
    await this.post({ type: 'specReview', replyTo: requestId, spec, ...result });
  }

  /** The review step's "Refine with Claude": Claude's data model for `spec`, answered as modelRefined. */
  async refineModel(requestId: string, spec: ProjectSpec): Promise<void> {
    await this.post(await this.refiner.refine(requestId, spec));
  }

  cancelRefine(requestId: string): boolean {
    return this.refiner.cancel(requestId);
  }
}
