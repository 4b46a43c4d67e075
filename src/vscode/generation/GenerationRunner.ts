import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { outputFolderName } from '../../core/config';
import { assertSafeRelativePath } from '../../core/generator/fileSet';
import { Disposable, toDisposable } from '../../core/lifecycle';
import { errorText, type Logger } from '../../core/log';
import { RunEventStream } from '../../core/pipeline/events';
import { type ClaudeOptions, runGeneration } from '../../core/pipeline/orchestrator';
import { AnthropicProvider } from '../../core/providers/anthropic';
import { extractSpec } from '../../core/spec/extract';
import type { HostToWebview } from '../../protocol';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { FolderNotEmptyError, prepareTarget, workspaceWriter } from './workspaceSink';

export interface GenerateInput {
  requestId: string;
  requirements: string;
  projectName?: string;
}

/**
 * Runs generations for the panel: requirements -> spec -> the staged pipeline, files written into a
 * new folder of the workspace as stages produce them, every event forwarded to the webview.
 */
export class GenerationRunner extends Disposable {
  private readonly active = new Map<string, AbortController>();
  private readonly targets = new Map<string, vscode.Uri>();
  private latest: { runId: string; folder: string; entities: string[]; warnings: string[]; stream: RunEventStream } | undefined;

  constructor(
    private readonly log: Logger,
    private readonly settings: SettingsWatcher,
    private readonly apiKeys: ApiKeyStore,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
  ) {
    super();
    this._register(toDisposable(() => this.active.forEach((controller) => controller.abort())));
  }

  get runningCount(): number {
    return this.active.size;
  }

  /** Validates and starts a run; resolves once it has started (or was refused), not when it ends. */
  async start(input: GenerateInput): Promise<string | undefined> {
    const refuse = async (reason: string) => {
      this.log.warn(`Generation refused: ${reason}`);
      await this.post({ type: 'runRefused', replyTo: input.requestId, reason });
      return undefined;
    };
    const workspaceFolder = vscode.workspace.workspaceFolders?.[0];
    if (!workspaceFolder) return refuse('Open a folder first: Takoss writes the project into a new folder of your workspace.');
    const spec = extractSpec(input.requirements, { projectName: input.projectName });
    if (!spec.entities.length) return refuse(`No entities were found in the description. ${spec.warnings.join(' ')}`.trim());
    const { provider, model, budgetPerRunUsd, maxConcurrentStages, outputFolderPattern } = this.settings.settings;
    let claude: ClaudeOptions | undefined;
    if (provider === 'anthropic') {
      const apiKey = await this.apiKeys.get();
      if (!apiKey) return refuse('The Claude provider needs an API key: run "Takoss: Set API Key", or set takoss.provider to offline.');
      claude = { provider: new AnthropicProvider({ apiKey }), model, budgetUsd: budgetPerRunUsd };
    }
    const folder = outputFolderName(outputFolderPattern, spec.name);
    let target: vscode.Uri;
    try {
      target = await prepareTarget(workspaceFolder.uri, folder);
    } catch (error) {
      return refuse(error instanceof FolderNotEmptyError ? error.message : `Cannot create the folder "${folder}": ${errorText(error)}`);
    }
    const runId = randomUUID();
    const controller = new AbortController();
    this.active.set(runId, controller);
    this.targets.set(runId, target);
    await this.post({ type: 'runAccepted', replyTo: input.requestId, runId, folder, entities: spec.entities.map((e) => e.name), warnings: spec.warnings });
    const stream = new RunEventStream(runId);
    stream.subscribe((event) => void this.post({ type: 'runEvent', event }));
    this.latest = { runId, folder, entities: spec.entities.map((e) => e.name), warnings: spec.warnings, stream };
    this.log.info(`Generating "${spec.name}" into ${target.toString()} (${provider})`);
    const write = workspaceWriter(target);
    void runGeneration({
      input: { kind: 'spec', spec },
      stream,
      signal: controller.signal,
      concurrency: maxConcurrentStages,
      onFile: write,
      claude,
      verificationSkippedBecause: vscode.workspace.isTrusted
        ? 'Verification (npm install, build, tests) was not requested for this run'
        : 'Restricted Mode: Takoss never runs generated code in an untrusted workspace. Trust the workspace to verify.',
    })
      .then(({ run }) => this.log.info(`Run ${runId} ${run.status}: ${run.summary.files} files`))
      .catch((error: unknown) => this.log.error(`Run ${runId} failed to start: ${errorText(error)}`))
      .finally(() => this.active.delete(runId));
    return runId;
  }

  /** Replays the latest run to a webview that was hidden and restored (it starts empty each time). */
  async sendSnapshot(): Promise<void> {
    const latest = this.latest;
    if (!latest) return;
    await this.post({
      type: 'runSnapshot',
      runId: latest.runId,
      folder: latest.folder,
      entities: latest.entities,
      warnings: latest.warnings,
      events: [...latest.stream.events],
    });
  }

  cancel(runId: string): boolean {
    const controller = this.active.get(runId);
    controller?.abort();
    return Boolean(controller);
  }

  /** Opens a file of a run's project; paths are confined to that run's folder. */
  async openFile(runId: string, relativePath: string): Promise<void> {
    const target = this.targets.get(runId);
    if (!target) throw new Error(`Unknown run ${runId}`);
    assertSafeRelativePath(relativePath);
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(target, ...relativePath.split('/')));
    // Beside the panel, so the run view stays visible.
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }
}
