// "Refine with Claude" in the review step, host side: runs only the domain-model Claude call on the
// spec the user is reviewing, with the stored API key and the run budget, cancellable by request
// id. It answers with Claude's model and what changed, or why not; the user's spec is never touched
// here (the webview replaces it only when the user accepts). No `vscode` import: unit-tested as is.
import { errorText, type Logger } from '../../core/log';
import type { ClaudeOptions } from '../../core/pipeline/orchestrator';
import { refineModel } from '../../core/pipeline/refineModel';
import { RunCancelledError } from '../../core/pipeline/scheduler';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { HostToWebview } from '../../model/protocol';

type ModelRefinedMessage = Extract<HostToWebview, { type: 'modelRefined' }>;

export interface ModelRefinerDeps {
  log: Logger;
  /** The stored Claude API key (Secret Storage), if any. */
  apiKey(): PromiseLike<string | undefined>;
  /** The model and the budget per run (takoss.model, takoss.budgetPerRunUsd). */
  settings(): { model: string; budgetPerRunUsd: number };
  createProvider(apiKey: string): ClaudeOptions['provider'];
  /** Learning's prompt variant for the domain-model stage (optional). */
  chooseVariant?(): Promise<ClaudeOptions['chooseVariant']>;
}

export class ModelRefiner {
  private readonly active = new Map<string, AbortController>();

  constructor(private readonly deps: ModelRefinerDeps) {}

  /** Asks Claude for the model of `spec`; always resolves with the reply to send. */
  async refine(requestId: string, spec: ProjectSpec): Promise<ModelRefinedMessage> {
    const reply = (fields: Omit<ModelRefinedMessage, 'type' | 'replyTo' | 'summary' | 'changed'> & Partial<Pick<ModelRefinedMessage, 'summary' | 'changed'>>): ModelRefinedMessage => ({
      type: 'modelRefined',
      replyTo: requestId,
      summary: [],
      changed: false,
      ...fields,
    });
    const apiKey = await this.deps.apiKey();
    if (!apiKey) {
      return reply({ failure: 'noApiKey', error: 'Refining the data model asks Claude, which needs an API key: run "Takoss: Set API Key", then try again.' });
    }
    if (this.active.has(requestId)) return reply({ failure: 'failed', error: 'This request is already being answered.' });
    const controller = new AbortController();
    this.active.set(requestId, controller);
    const { model, budgetPerRunUsd } = this.deps.settings();
    this.deps.log.info(`Refining the data model of "${spec.name}" with ${model} (${spec.entities.length} entities)`);
    try {
      const refined = await refineModel({
        spec,
        provider: this.deps.createProvider(apiKey),
        model,
        budgetUsd: budgetPerRunUsd,
        chooseVariant: await this.deps.chooseVariant?.(),
        signal: controller.signal,
      });
      this.deps.log.info(
        `Claude's model for "${spec.name}": ${refined.changed ? refined.summary.join('; ') : 'no changes'} ($${refined.usage.costUsd.toFixed(4)}${refined.repaired ? ', after one repair' : ''})`,
      );
      return reply({
        spec: refined.spec,
        changes: refined.changes,
        summary: refined.summary.map((line) => line.slice(0, 600)).slice(0, 50),
        changed: refined.changed,
        model: refined.model,
        costUsd: refined.usage.costUsd,
      });
    } catch (error) {
      if (controller.signal.aborted || error instanceof RunCancelledError) {
        this.deps.log.info(`Refining the data model of "${spec.name}" was cancelled`);
        return reply({ failure: 'cancelled', error: 'Cancelled: your data model is unchanged.' });
      }
      this.deps.log.warn(`Refining the data model failed: ${errorText(error)}`);
      return reply({ failure: 'failed', error: errorText(error).slice(0, 2000) });
    } finally {
      this.active.delete(requestId);
    }
  }

  /** Stops a refine request that is still waiting for Claude; false when there is none. */
  cancel(requestId: string): boolean {
    const controller = this.active.get(requestId);
    controller?.abort();
    return Boolean(controller);
  }

  /** The panel is closing: every pending request stops. */
  dispose(): void {
    for (const controller of this.active.values()) controller.abort();
    this.active.clear();
  }
}
