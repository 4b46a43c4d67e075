import { Disposable, toDisposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import { extractSpec } from '../../core/extract';
import { variantChooser } from '../../core/learning/bandit';
import { AnthropicProvider } from '../../core/providers/anthropic';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { HostToWebview, ProviderChoice } from '../../model/protocol';
import type { GenerationHistory } from '../history/GenerationHistory';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { ModelRefiner } from './modelRefiner';
import { reviewSpec } from './specReview';

/**
 * A view's steps before a run: requirements -> data model for review, the review's re-checks, and
 * "Refine with Claude" (cancelled with the view that asked for it).
 */
export class SpecStep extends Disposable {
  private readonly refiner: ModelRefiner;

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
  }

  /** Step 1 -> 2: the data model from the requirements, with its problems and forecast. */
  async extract(requestId: string, requirements: string, projectName: string | undefined, provider: ProviderChoice): Promise<void> {
    const spec = extractSpec(requirements, { projectName });
    await this.review(requestId, spec, provider);
  }

  /** Re-checks an edited spec: problems, forecast and target folder for the review step. */
  async review(requestId: string, spec: ProjectSpec, provider: ProviderChoice): Promise<void> {
    const result = await reviewSpec(spec, provider, this.settings.settings, (await this.history?.runOutcomes()) ?? []);
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
