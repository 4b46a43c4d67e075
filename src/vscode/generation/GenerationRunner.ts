import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { outputFolderName } from '../../core/config';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { Disposable, toDisposable } from '../../core/lifecycle';
import { errorText, type Logger } from '../../core/log';
import { type AcceptedModel, type RunEvent, RunEventStream } from '../../model/run/events';
import { JOURNAL_VERSION } from '../../core/pipeline/journal';
import { type ClaudeOptions, type ResumeState, runGeneration } from '../../core/pipeline/orchestrator';
import { unfinishedStages } from '../../core/output/partialMarker';
import { AnthropicProvider } from '../../core/providers/anthropic';
import { extractSpec } from '../../core/extract';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { validateSpec } from '../../model/project/specIndex';
import type { HostToWebview, ProviderChoice, Rating } from '../../model/protocol';
import { exportProjectZip, type ZipExportResult } from '../export/zipExport';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { fileUri, readManifest, readRunFile, type RunFileView } from './runFiles';
import { reviewSpec } from './specReview';
import { commitGeneration } from './gitCommit';
import { planMerge } from './merge';
import { RunJournals } from './runJournals';
import { offerToOpen, pickRootWithoutWorkspace } from './noWorkspace';
import { planResume } from './resume';
import { verificationFor } from './verification';
import type { GenerationHistory } from '../history/GenerationHistory';
import { RunRecording } from '../history/runRecording';
import { rateGeneration } from '../history/rateGeneration';
import { type RunRecord, RunViews, writtenBy } from './runViews';
import { ModelRefiner } from './modelRefiner';
import { variantChooser } from '../../core/learning/bandit';
import { createBabelSyntaxChecker } from '../../core/check/babelSyntax';
import type { GenerationRecord } from '../../core/history/store';
import { clearPartialMark, FolderNotEmptyError, markPartial, prepareTarget, removeRunFiles, type RemovedFiles, replaceOwnFile, sha256, workspaceWriter } from './workspaceSink';
import { type Confirm, modalConfirm } from '../prompts';
import type { VerifyStep } from '../../core/verify/verifier';
import { countFiles, listSome } from '../../core/verify/consent';

export interface GenerateInput {
  requestId: string;
  spec: ProjectSpec;
  provider: ProviderChoice;
  /** Workspace-relative folder; default from takoss.outputFolderPattern. */
  folder?: string;
  /** The webview asks to run npm install, build and tests afterwards (trusted workspaces only; the host asks the user first). */
  verify?: boolean;
  /** Into a folder that has files: keep each existing file unless it is listed to be replaced. */
  merge?: { replace: string[] };
  /** Commit what the run wrote to git (initialising a repository when needed). */
  git?: boolean;
  /** `spec` is Claude's model as accepted in the review step: the run does not ask Claude for it again. */
  acceptedModel?: AcceptedModel;
}

/** How the runner asks the user (modals by default) and, for tests, what verification runs. */
export interface RunnerHostOptions {
  /** Asks before running generated code, deleting a run's files, or replacing existing files. */
  confirm?: Confirm;
  /** For tests: other verification steps than npm install, build and test. */
  verifySteps?: (projectDir: string) => VerifyStep[];
}

/** What "Remove the files" did: removed, kept because they changed since the run, or nothing (declined). */
export interface DiscardResult extends RemovedFiles {
  declined: boolean;
}


/**
 * Runs generations for the panel: requirements -> spec for review -> the staged pipeline, files
 * written into a new folder of the workspace as stages produce them, every event forwarded to the
 * webview. Also answers the result view: a run's files, their explanations, a zip of them.
 */
export class GenerationRunner extends Disposable {
  private readonly active = new Map<string, AbortController>();
  private readonly journals: RunJournals;
  private readonly views: RunViews;
  /** "Refine with Claude" in the review step. */
  private readonly refiner: ModelRefiner;
  /** The window is closing or reloading: runs stop, but as interrupted (resumable), not as ended. */
  private shuttingDown = false;
  private readonly confirm: Confirm;

  constructor(
    private readonly log: Logger,
    private readonly settings: SettingsWatcher,
    private readonly apiKeys: ApiKeyStore,
    private readonly post: (message: HostToWebview) => Promise<boolean>,
    /** Where runs are journaled (workspace storage); none: no journal, no redraw after reload. */
    journalDir?: string,
    /** The generation history: every run is recorded, and learning reads it. */
    private readonly history?: GenerationHistory,
    private readonly hostOptions: RunnerHostOptions = {},
  ) {
    super();
    this.confirm = hostOptions.confirm ?? modalConfirm;
    this.journals = new RunJournals(journalDir, log);
    this.views = new RunViews(this.journals, log, post, history);
    this.refiner = new ModelRefiner({
      log,
      apiKey: () => apiKeys.get(),
      settings: () => settings.settings,
      createProvider: (apiKey) => new AnthropicProvider({ apiKey }),
      chooseVariant: async () => variantChooser((await history?.outcomes()) ?? [], { explore: settings.settings.learningExplore }),
    });
    this._register(toDisposable(() => this.refiner.dispose()));
    this._register(
      toDisposable(() => {
        this.shuttingDown = true;
        this.active.forEach((controller) => controller.abort());
      }),
    );
  }

  private writingInto(folder: string): boolean {
    return this.views.all().some((run) => run.folder === folder && this.active.has(run.runId));
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  get runningCount(): number {
    return this.active.size;
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

  /** Validates and starts a run; resolves once it has started (or was refused), not when it ends. */
  async start(input: GenerateInput): Promise<string | undefined> {
    const refuse = async (reason: string) => {
      this.log.warn(`Generation refused: ${reason}`);
      await this.post({ type: 'runRefused', replyTo: input.requestId, reason });
      return undefined;
    };
    const spec = input.spec;
    const problems = validateSpec(spec);
    if (!spec.entities.length) problems.unshift('The data model has no entities: add one in the review step.');
    if (problems.length) return refuse(`The data model cannot be generated: ${problems.slice(0, 5).join('; ')}`);
    const claude = await this.claudeFor(input.provider);
    if (claude === null) return refuse('Claude needs an API key: run "Takoss: Set API Key", or generate offline.');
    const folder = input.folder ?? outputFolderName(this.settings.settings.outputFolderPattern, spec.name);
    const root = vscode.workspace.workspaceFolders?.[0]?.uri ?? (await pickRootWithoutWorkspace());
    if (!root) return refuse('No folder is open and none was chosen: open a folder (or pick one when asked) and generate again.');
    let target: vscode.Uri;
    try {
      target = await prepareTarget(root, folder, { allowExisting: Boolean(input.merge) });
    } catch (error) {
      return refuse(error instanceof FolderNotEmptyError ? error.message : `Cannot create the folder "${folder}": ${errorText(error)}`);
    }
    if (this.writingInto(folder)) return refuse(`A run is already writing into ${folder}.`);
    let writeFile = workspaceWriter(target);
    const warnings: string[] = [];
    if (input.merge) {
      const merge = await planMerge(target, spec, input.merge.replace);
      // The webview's per-file choice is a request: overwriting the user's files needs their yes here.
      if (merge.replace.size && !(await this.confirm(replaceConsent(folder, [...merge.replace])))) {
        return refuse(`You did not confirm replacing ${countFiles(merge.replace.size)} in ${folder}: nothing was written. Keep those files (untick them) or confirm to replace them.`);
      }
      writeFile = merge.writer(workspaceWriter(target, { replaceable: merge.replace }));
      if (merge.kept.length) warnings.push(`Kept your version of ${merge.kept.length} existing file${merge.kept.length > 1 ? 's' : ''}: ${merge.kept.slice(0, 8).join(', ')}${merge.kept.length > 8 ? ', …' : ''}`);
      if (merge.replace.size) warnings.push(`Replaced ${merge.replace.size} existing file${merge.replace.size > 1 ? 's' : ''} with Takoss's version, as you chose.`);
    }
    // Only a Claude run would ask for the model again; offline the reviewed spec is the model anyway.
    const acceptedModel = claude ? input.acceptedModel : undefined;
    return this.launch({ requestId: input.requestId, spec, provider: input.provider, claude, folder, target, writeFile, verify: input.verify, warnings, git: input.git, acceptedModel });
  }

  /** Claude options for a run: undefined offline, null when Claude was asked for but has no key. */
  private async claudeFor(provider: ProviderChoice): Promise<ClaudeOptions | undefined | null> {
    if (provider !== 'anthropic') return undefined;
    const apiKey = await this.apiKeys.get();
    if (!apiKey) return null;
    const { model, budgetPerRunUsd, learningExplore, learningModels } = this.settings.settings;
    // The prompt variant of each stage is chosen from past outcomes (read once per run).
    const outcomes = (await this.history?.outcomes()) ?? [];
    return {
      provider: new AnthropicProvider({ apiKey }),
      model,
      budgetUsd: budgetPerRunUsd,
      chooseVariant: variantChooser(outcomes, { explore: learningExplore, models: learningModels.length ? [model, ...learningModels] : undefined }),
      // Claude's code (business rules, pages) is accepted only once it parses.
      checkSyntax: createBabelSyntaxChecker(),
    };
  }

  /**
   * Continues a run that a window reload or crash interrupted: the stages that finished (and whose
   * files are still on disk as written) are kept, the rest run again into the same folder.
   */
  async resume(requestId: string, runId: string): Promise<string | undefined> {
    const refuse = async (reason: string) => {
      this.log.warn(`Resume refused: ${reason}`);
      await this.post({ type: 'runRefused', replyTo: requestId, reason });
      return undefined;
    };
    const record = this.views.find(runId);
    if (!record?.interrupted) return refuse('Only a run that was interrupted can be resumed.');
    if (this.writingInto(record.folder)) return refuse(`A run is already writing into ${record.folder}.`);
    const journal = await this.journals.find((header) => header.runId === runId);
    if (!journal) return refuse('The journal of this run is gone, so it cannot be resumed: generate again into a new folder.');
    const claude = await this.claudeFor(journal.header.provider);
    if (claude === null) return refuse('This run used Claude, which needs an API key: run "Takoss: Set API Key".');
    const plan = await planResume(record.target, journal.events);
    this.log.info(`Resuming ${runId}: ${plan.finished.size} finished stages kept, ${plan.changed.length} files changed since`);
    record.interrupted = false; // it is being continued, not shown as interrupted any more
    return this.launch({
      requestId,
      spec: journal.header.spec,
      provider: journal.header.provider,
      claude,
      acceptedModel: journal.header.acceptedModel,
      folder: record.folder,
      target: record.target,
      writeFile: plan.writer(workspaceWriter(record.target, { replaceable: plan.replaceable })),
      resume: plan.state,
      earlierEvents: journal.events,
      warnings: plan.changed.map((path) => `${path} was changed after the interruption: Takoss keeps your version.`),
    });
  }

  /** Starts a validated run into a prepared folder; resolves once it has started. */
  private async launch(options: {
    requestId: string;
    spec: ProjectSpec;
    provider: ProviderChoice;
    claude: ClaudeOptions | undefined;
    folder: string;
    target: vscode.Uri;
    writeFile: (file: GeneratedFile) => Promise<void>;
    resume?: ResumeState;
    /** A resumed run: the interrupted run's events (which files Claude wrote there). */
    earlierEvents?: readonly RunEvent[];
    warnings?: string[];
    /** The user asked to install, build and test the result (honoured only in a trusted workspace). */
    verify?: boolean;
    git?: boolean;
    acceptedModel?: AcceptedModel;
  }): Promise<string> {
    const { spec, folder, target, claude } = options;
    const runId = randomUUID();
    const controller = new AbortController();
    this.active.set(runId, controller);
    const entities = spec.entities.map((e) => e.name);
    const warnings = [...spec.warnings, ...(options.warnings ?? [])];
    await this.post({ type: 'runAccepted', replyTo: options.requestId, runId, folder, entities, warnings });
    const stream = new RunEventStream(runId);
    stream.subscribe((event) => void this.post({ type: 'runEvent', event }));
    // The log says which entities the run generates once a stage (Claude's domain model) changes them.
    let generating = entities.join(', ');
    stream.subscribe((event) => {
      if (event.type !== 'specUpdated') return;
      const names = event.spec.entities.map((e) => e.name).join(', ');
      if (names !== generating) this.log.info(`Run ${runId}: the data model changed in the run; generating ${event.spec.entities.length} entities: ${names}`);
      generating = names;
    });
    const journal = await this.journals.open({
      journalVersion: JOURNAL_VERSION,
      runId,
      folder,
      projectName: spec.name,
      provider: options.provider,
      startedAt: Date.now(),
      entities,
      warnings,
      spec,
      acceptedModel: options.acceptedModel,
    });
    // Nothing is journaled once the window is going away: the run's journal must stay unfinished so
    // the next window shows it as interrupted and can resume it (not as a run the user cancelled).
    if (journal) {
      stream.subscribe((event) => {
        if (!this.shuttingDown) journal.append(event);
      });
    }
    const record: RunRecord = { runId, folder, target, projectName: spec.name, entities, warnings, events: () => stream.events, interrupted: false };
    this.views.show(record);
    const recording = this.history && (await RunRecording.begin(this.history, { runId, spec, provider: options.provider, model: claude?.model, target }));
    this.log.info(
      `Generating "${spec.name}" into ${target.toString()} (${options.provider}${options.resume ? ', resumed' : ''}${options.acceptedModel ? ", Claude's model as accepted in the review" : ''}): ${entities.join(', ')}`,
    );
    // A cancelled run stops waiting for its stages at once, but a file already being written still
    // lands: track writes, and let the run end only when they have settled.
    const inFlight = new Set<Promise<void>>();
    // What this run last wrote to each path: a later stage (a repair) may replace its own file, but
    // not once someone changed it since (replaceOwnFile checks the hash).
    const ownWrites = new Map<string, string>();
    const writeOnce = async (file: GeneratedFile): Promise<void> => {
      const previous = ownWrites.get(file.path);
      if (previous === undefined) await options.writeFile(file);
      else await replaceOwnFile(target, file, previous);
      ownWrites.set(file.path, sha256(file.content));
    };
    const write = (file: GeneratedFile): Promise<void> => {
      const pending = writeOnce(file);
      inFlight.add(pending);
      void pending.then(undefined, () => undefined).finally(() => inFlight.delete(pending));
      return pending;
    };
    void runGeneration({
      input: { kind: 'spec', spec },
      stream,
      signal: controller.signal,
      concurrency: this.settings.settings.maxConcurrentStages,
      onFile: write,
      claude,
      resume: options.resume,
      acceptedModel: options.acceptedModel,
      ...verificationFor({
        requested: options.verify ?? false,
        target,
        folder,
        claude: Boolean(claude),
        events: () => [...(options.earlierEvents ?? []), ...stream.events],
        confirm: this.confirm,
        say: (message) => stream.emit({ type: 'warning', message }),
        steps: this.hostOptions.verifySteps,
      }),
    })
      .then(async ({ run }) => {
        await Promise.allSettled([...inFlight]);
        if (this.shuttingDown) return; // left as a crash leaves it: the next window offers to resume
        await recording?.end(stream.events, [...run.outputs.values()].find((output) => output.verification)?.verification);
        this.log.info(`Run ${runId} ${run.status}: ${run.summary.files} files, entities ${generating}`);
        if (run.status === 'cancelled' || run.status === 'failed') await this.leaveIncomplete(record, run.status);
        else {
          if (options.resume) await clearPartialMark(target);
          if (!vscode.workspace.workspaceFolders?.length) void offerToOpen(target);
          if (options.git) {
            const outcome = await commitGeneration(target, writtenBy(record), spec.requirements.text);
            // Said in the run, after it finished: the panel shows it with the other warnings.
            stream.emit({ type: 'warning', message: outcome.ok ? `git: ${outcome.detail}` : `git: not committed — ${outcome.detail}` });
          }
        }
      })
      .catch(async (error: unknown) => {
        this.log.error(`Run ${runId} failed to start: ${errorText(error)}`);
        await recording?.end(stream.events);
      })
      .finally(async () => {
        // The journal is complete before the run counts as ended (a reload right after must not
        // mistake a finished run for an interrupted one).
        await this.journals.close(journal);
        this.active.delete(runId);
      });
    return runId;
  }

  /**
   * A run that did not finish: nothing written means nothing is left (its empty folder goes);
   * otherwise the project is marked partial and the panel asks whether to keep or remove it.
   */
  private async leaveIncomplete(record: RunRecord, status: string): Promise<void> {
    try {
      const written = writtenBy(record);
      if (!written.length) {
        await removeRunFiles(record.target, []);
        return;
      }
      await markPartial(record.target, status, unfinishedStages(record.events()));
    } catch (error) {
      this.log.warn(`Could not mark ${record.folder} as incomplete: ${errorText(error)}`);
    }
  }

  /**
   * "Remove the files": after the user confirms in a modal, deletes the files this run wrote that
   * are still exactly as it wrote them (same SHA-256); a file changed since is kept and named.
   */
  async discard(runId: string): Promise<DiscardResult> {
    const record = this.views.get(runId);
    if (this.active.has(runId)) throw new Error('The run is still going: cancel it first.');
    const written = lastWrites(record.events());
    const where = record.target.scheme === 'file' ? record.target.fsPath : record.target.toString();
    const agreed = await this.confirm({
      message: `Delete the ${countFiles(written.length)} this run wrote in ${record.folder}?`,
      detail: [
        `From ${where}: ${listSome(written.map((file) => file.path))}.`,
        'Only files still exactly as the run wrote them are deleted (checked by their SHA-256 hash); files changed since, and anything the run did not write, stay. Deleted files do not go to the trash.',
      ].join('\n'),
      confirm: `Delete ${countFiles(written.length)}`,
    });
    if (!agreed) {
      this.log.info(`Removing the files of run ${runId} was declined: nothing deleted`);
      return { removed: 0, kept: [], missing: [], declined: true };
    }
    const result = await removeRunFiles(record.target, written);
    this.log.info(
      `Removed ${result.removed} files of run ${runId} from ${record.folder}${result.kept.length ? `; kept ${result.kept.length} changed since the run: ${listSome(result.kept)}` : ''}`,
    );
    return { ...result, declined: false };
  }

  /** Replays the latest run to a webview that was hidden and restored (it starts empty each time). */
  sendSnapshot(): Promise<void> {
    return this.views.sendSnapshot();
  }

  /** Shows the run that wrote `folder` and selects a stage in its execution tree; false when unknown. */
  showRunOf(folder: string, stageId?: string): Promise<boolean> {
    return this.views.showRunOf(folder, stageId);
  }

  /** Opens a past generation from the history in the panel. */
  showHistoric(generation: GenerationRecord, events: readonly RunEvent[]): Promise<void> {
    return this.views.showHistoric(generation, events);
  }

  async rate(runId: string, up: boolean, note?: string): Promise<Rating> {
    if (this.active.has(runId)) throw new Error('The run is still going: rate it when it has finished.');
    return rateGeneration(this.history, runId, up, note);
  }

  cancel(runId: string): boolean {
    const controller = this.active.get(runId);
    controller?.abort();
    return Boolean(controller);
  }

  /** Opens a file of a run's project; paths are confined to that run's folder. */
  async openFile(runId: string, relativePath: string): Promise<void> {
    const document = await vscode.workspace.openTextDocument(fileUri(this.views.get(runId).target, relativePath));
    // Beside the panel, so the run view stays visible.
    await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
  }

  /** A file's text and explanation for the result view (only files this run produced). */
  async readFile(runId: string, relativePath: string): Promise<RunFileView> {
    const record = this.views.get(runId);
    const produced = record.events().some((event) => event.type === 'fileProduced' && event.path === relativePath);
    if (!produced) throw new Error(`${relativePath} is not a file of this run`);
    return readRunFile(record.target, relativePath, await readManifest(record.target));
  }

  /** Saves the files this run produced as a zip, where the user picks. */
  async exportZip(runId: string): Promise<ZipExportResult> {
    const record = this.views.get(runId);
    if (this.active.has(runId)) throw new Error('The run is still going: export it when it has finished.');
    const paths = writtenBy(record);
    if (!paths.length) throw new Error('This run produced no files.');
    return exportProjectZip(record.target, record.projectName, paths);
  }
}

/** Each file a run wrote, with the hash of its last content (a repair may write a file again). */
function lastWrites(events: readonly RunEvent[]): { path: string; sha256: string }[] {
  const files = new Map<string, string>();
  for (const event of events) if (event.type === 'fileProduced') files.set(event.path, event.sha256);
  return [...files].map(([path, sha256]) => ({ path, sha256 }));
}

/** The question before a merge overwrites files the user has. */
function replaceConsent(folder: string, paths: readonly string[]) {
  return {
    message: `Replace ${countFiles(paths.length)} in ${folder} with Takoss's version?`,
    detail: `Your version of ${listSome(paths, 10)} will be overwritten; Takoss keeps no copy. Every other existing file stays as it is.`,
    confirm: `Replace ${countFiles(paths.length)}`,
  };
}
