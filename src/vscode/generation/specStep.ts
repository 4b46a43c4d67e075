import { Disposable, toDisposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import { DraftReader } from '../../core/extract/draftReader';
import { extractWithProgress, nextTurn, warmUpExtractor } from '../../core/extract/withProgress';
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
  private readonly draftReader = this._register(new DraftReader());

  constructor(
    log: Logger,
    private readonly settings: SettingsWatcher,
    apiKeys: Pick<ApiKeyStore, 'get'>,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    private readonly history?: GenerationHistory,
  ) {
    super();
    this.refiner = new ModelRefiner({
      log,
      apiKey: () => apiKeys.get(),
      settings: () => settings.settings,
      createProvider: (apiKey) => new AnthropicProvider({ apiKey }),
      chooseVariant: async () => variantChooser((await history?.outcomes()) ?? [], { explore: settings.settings.learningExplore }),
    });
    this._register(toDisposable(() => this.refiner.dispose()));
    this._register(toDisposable(() => this.readings.forEach((reading) => reading.abort())));
    // The tagger loads while the user writes, not on the first "Review the data model" (a turn
    // after the panel opens, so its first messages go first).
    const warmUp = setTimeout(warmUpExtractor, WARM_UP_DELAY_MS);
    this._register(toDisposable(() => clearTimeout(warmUp)));
  }

  /**
   * Step 1 -> 2: the data model from the requirements, with its problems and forecast. Reports each
   * step (extractProgress) and stops without answering when cancelExtract names the request.
   */
  async extract(requestId: string, requirements: string, projectName: string | undefined, provider: ProviderChoice): Promise<void> {
    // (This extraction reads what the draft's reading ahead has not read yet.)
    this.draftReader.stop();
    const reading = new AbortController();
    this.readings.set(requestId, reading);
    const report = (step: ExtractStep, done = 0, total = 0) => void this.post({ type: 'extractProgress', requestId, step, done, total });
    try {
      const spec = await extractWithProgress(requirements, { projectName, signal: reading.signal, onProgress: ({ step, done, total }) => report(step, done, total) });
      if (!spec) return;
      report('forecast');
      // A turn for the progress message to leave before the forecast (it generates the project in memory).
      await nextTurn();
      await this.review(requestId, spec, provider, reading.signal);
    } finally {
      this.readings.delete(requestId);
    }
  }

  /**
   * The form's text as it stands: a long one is read ahead (its sentences tagged) while the user is
   * still on the form, so "Review the data model" then only builds the model. Resolves true when read.
   */
  readAhead(requirements: string): Promise<boolean> {
    return this.draftReader.read(requirements);
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
