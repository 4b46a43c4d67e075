import { outputFolderName } from '../../core/config';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { Disposable, Emitter, toDisposable } from '../../core/lifecycle';
import type { Logger } from '../../core/log';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { generationProblems } from '../../model/project/generatable';
import type { Rating } from '../../model/protocol';
import type { RunEvent } from '../../model/run/events';
import type { ZipExportResult } from '../export/zipExport';
import type { GenerationHistory } from '../history/GenerationHistory';
import { rateGeneration } from '../history/rateGeneration';
import { recordUpdateApplication } from '../history/updateApplication';
import type { UpdateApplication } from '../../core/history/store';
import { type Confirm, modalConfirm } from '../prompts';
import type { ApiKeyStore } from '../secrets';
import type { SettingsWatcher } from '../settings';
import { claudeOptionsFor } from './claudeOptions';
import { DependencyInstaller } from './dependencyInstaller';
import type { DependencyFacts, InstallResult } from '../../model/protocol';
import { type LaunchHost, launchRun } from './launch';
import { prepareResume } from './resume';
import { keptFileWarning } from '../../core/pipeline/resumePlan';
import { discardRunFiles, exportRunZip, openRunFile, readProducedFile } from './runActions';
import type { RunFileView } from './runFiles';
import { runLogger } from './runLog';
import { RunJournals } from './runJournals';
import { type RunRecord, RunRegistry } from './runRegistry';
import { prepareRunTarget } from './runTarget';
import { secondRunDeclined, secondRunPrompt } from './secondRun';
import type { DiscardResult, GenerateInput, RunHostOptions, RunRequester, UpdateInput } from './types';

/**
 * The window's runs: one service, created at activation, that starts, follows and ends every
 * generation. It owns the active runs (several at once, by run id), their journals, their history
 * records and in-flight writes, so a run does not depend on any view: closing the panel leaves it
 * running, and a view opened later replays it from here. Views follow runs through `onDidEvent`.
 */
export class RunService extends Disposable {
  private readonly active = new Map<string, AbortController>();
  private readonly journals: RunJournals;
  readonly registry: RunRegistry;
  /** The window is closing or reloading: runs stop, but as interrupted (resumable), not as ended. */
  private shuttingDown = false;
  /** The start or resume whose turn it is (see start). */
  private turns: Promise<unknown> = Promise.resolve();
  private readonly confirm: Confirm;
  /** "Install dependencies" on a generated project (npm's install step, with consent, trusted only). */
  private readonly dependencies: DependencyInstaller;
  private readonly eventEmitter = this._register(new Emitter<RunEvent>());
  private readonly startEmitter = this._register(new Emitter<RunRecord>());
  private readonly endEmitter = this._register(new Emitter<string>());
  /** Every event of every live run. */
  readonly onDidEvent = this.eventEmitter.event;
  /** A run started (its requester was told and follows it already). */
  readonly onDidStart = this.startEmitter.event;
  /** A run ended (finished, failed, cancelled): its id. */
  readonly onDidEnd = this.endEmitter.event;

  constructor(
    private readonly log: Logger,
    private readonly settings: SettingsWatcher,
    private readonly apiKeys: Pick<ApiKeyStore, 'get'>,
    /** Where runs are journaled (workspace storage); none: no journal, no redraw after reload. */
    journalDir?: string,
    /** The generation history: every run is recorded, and learning reads it. */
    readonly history?: GenerationHistory,
    private readonly hostOptions: RunHostOptions = {},
  ) {
    super();
    this.confirm = hostOptions.confirm ?? modalConfirm;
    this.dependencies = new DependencyInstaller({ log, confirm: this.confirm, steps: hostOptions.verifySteps, notify: hostOptions.notify });
    this.journals = new RunJournals(journalDir, log, history);
    this.registry = new RunRegistry(this.journals, log, history);
    // The log channel reads the runs' event stream like every other consumer.
    this._register(this.onDidEvent(runLogger(log)));
    this._register(
      toDisposable(() => {
        this.shuttingDown = true;
        this.active.forEach((controller) => controller.abort());
      }),
    );
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  get runningCount(): number {
    return this.active.size;
  }

  /** The runs going on now, oldest first. */
  activeRuns(): RunRecord[] {
    return this.registry.all().filter((run) => this.active.has(run.runId));
  }

  /**
   * Validates and starts a run; resolves with its id once it has started, undefined when refused.
   * Starts (and resumes) take turns: each sees the runs started before it, so two requests at
   * once cannot both skip the second-run question or pick the same folder.
   */
  start(input: GenerateInput, requester: RunRequester): Promise<string | undefined> {
    return this.inTurn(() => this.startNow(input, requester));
  }

  /**
   * Continues a run that a window reload or crash interrupted: the stages that finished (and whose
   * files are still on disk as written) are kept, the rest run again into the same folder.
   */
  resume(runId: string, requester: RunRequester): Promise<string | undefined> {
    return this.inTurn(() => this.resumeNow(runId, requester));
  }

  private inTurn<T>(task: () => Promise<T>): Promise<T> {
    const result = this.turns.then(task, task);
    this.turns = result.catch(() => undefined);
    return result;
  }

  private async startNow(input: GenerateInput, requester: RunRequester): Promise<string | undefined> {
    const refuse = this.refuser('Generation', requester);
    const spec = input.spec;
    const problems = generationProblems(spec);
    if (problems.length) return refuse(`The data model cannot be generated: ${problems.slice(0, 5).join('; ')}`);
    const claude = await claudeOptionsFor(input.provider, this.claudeSources());
    if (claude === null) return refuse('Claude needs an API key: run "Takoss: Set API Key", or generate offline.');
    const declined = await this.askIfBusy(spec);
    if (declined) return refuse(declined);
    const folder = input.folder ?? outputFolderName(this.settings.settings.outputFolderPattern, spec.name);
    const prepared = await prepareRunTarget(folder, spec, input.merge, { confirm: this.confirm, busy: (f) => this.writingInto(f) });
    if (typeof prepared === 'string') return refuse(prepared);
    // Only a Claude run would ask for the model again; offline the reviewed spec is the model anyway.
    const acceptedModel = claude ? input.acceptedModel : undefined;
    return this.launch({ spec, provider: input.provider, claude, ...prepared, verify: input.verify, git: input.git, acceptedModel }, requester);
  }

  /**
   * Updates a generated project (issue #15): the run generates the new spec to memory, live like any
   * run; `input.ended` gets its files to plan the update. Nothing is written to the folder here.
   */
  update(input: UpdateInput, requester: RunRequester): Promise<string | undefined> {
    return this.inTurn(() => this.updateNow(input, requester));
  }

  private async updateNow(input: UpdateInput, requester: RunRequester): Promise<string | undefined> {
    const refuse = this.refuser('Update', requester);
    const problems = generationProblems(input.spec);
    if (problems.length) return refuse(`The data model cannot be generated: ${problems.slice(0, 5).join('; ')}`);
    const claude = await claudeOptionsFor(input.provider, this.claudeSources());
    if (claude === null) return refuse('Claude needs an API key: run "Takoss: Set API Key", or update offline.');
    if (this.writingInto(input.folder)) return refuse(`A run is already working on ${input.folder}.`);
    const declined = await this.askIfBusy(input.spec);
    if (declined) return refuse(declined);
    const files = new Map<string, GeneratedFile>();
    let runId = '';
    runId = await this.launch(
      {
        spec: input.spec,
        provider: input.provider,
        claude,
        // The project has a model: Claude refines pages and wording, never reshapes the rest of it.
        acceptedModel: claude ? { ...(input.acceptedModel ?? { changed: false }), from: 'update' } : undefined,
        folder: input.folder,
        target: input.root,
        writeFile: async (file) => void files.set(file.path, file),
        toMemory: { ended: (status) => input.ended(status, files, runId) },
      },
      requester,
    );
    return runId;
  }

  private async resumeNow(runId: string, requester: RunRequester): Promise<string | undefined> {
    const refuse = this.refuser('Resume', requester);
    const record = this.registry.find(runId);
    if (!record?.interrupted) return refuse('Only a run that was interrupted can be resumed.');
    if (this.writingInto(record.folder)) return refuse(`A run is already writing into ${record.folder}.`);
    const journal = await this.journals.find((header) => header.runId === runId);
    if (!journal) return refuse('The journal of this run is gone, so it cannot be resumed: generate again into a new folder.');
    const claude = await claudeOptionsFor(journal.header.provider, this.claudeSources());
    if (claude === null) return refuse('This run used Claude, which needs an API key: run "Takoss: Set API Key".');
    const declined = await this.askIfBusy(journal.header.spec);
    if (declined) return refuse(declined);
    const { plan, writeFile } = await prepareResume(record.target, journal.events);
    this.log.info(`Resuming ${runId}: ${plan.finished.size} finished stages kept, ${plan.changed.length} files changed since`);
    record.interrupted = false; // it is being continued, not shown as interrupted any more
    const { spec, provider, acceptedModel } = journal.header;
    return this.launch(
      {
        spec,
        provider,
        claude,
        acceptedModel,
        folder: record.folder,
        target: record.target,
        writeFile,
        resume: plan.state,
        earlierEvents: journal.events,
        warnings: plan.changed.map((path) => keptFileWarning(path)),
      },
      requester,
    );
  }

  /** Records whether an update's previewed result was applied (its history record says so). */
  recordApplication(runId: string, application: UpdateApplication): Promise<void> {
    return recordUpdateApplication(this.history, runId, application, this.log);
  }

  cancel(runId: string): boolean {
    const controller = this.active.get(runId);
    controller?.abort();
    return Boolean(controller);
  }

  discard(runId: string): Promise<DiscardResult> {
    return discardRunFiles(this.finished(runId, 'The run is still going: cancel it first.'), this.confirm, this.log);
  }

  rate(runId: string, up: boolean, note?: string): Promise<Rating> {
    if (this.active.has(runId)) throw new Error('The run is still going: rate it when it has finished.');
    return rateGeneration(this.history, runId, up, note);
  }

  openFile(runId: string, relativePath: string): Promise<void> {
    return openRunFile(this.registry.get(runId), relativePath);
  }

  readFile(runId: string, relativePath: string): Promise<RunFileView> {
    return readProducedFile(this.registry.get(runId), relativePath);
  }

  exportZip(runId: string): Promise<ZipExportResult> {
    return exportRunZip(this.finished(runId, 'The run is still going: export it when it has finished.'));
  }

  /** Whether the run's project still needs `npm install`, and whether Takoss may run it here. */
  dependencyStatus(runId: string): DependencyFacts {
    return this.dependencies.status(this.registry.get(runId));
  }

  /** Installs the run's project's dependencies once the user agrees (the host asks). */
  installDependencies(runId: string): Promise<InstallResult> {
    return this.dependencies.install(this.finished(runId, 'The run is still going: install its dependencies when it has finished.'));
  }

  private finished(runId: string, stillGoing: string): RunRecord {
    const record = this.registry.get(runId);
    if (this.active.has(runId)) throw new Error(stillGoing);
    return record;
  }

  private claudeSources() {
    return { apiKeys: this.apiKeys, settings: this.settings, history: this.history };
  }

  private writingInto(folder: string): boolean {
    return this.activeRuns().some((run) => run.folder === folder);
  }

  /** Another run is going on: the user chooses to start this one too (in a view of its own) or not. A string: declined. */
  private async askIfBusy(spec: ProjectSpec): Promise<string | undefined> {
    const running = this.activeRuns();
    if (!running.length) return undefined;
    return (await this.confirm(secondRunPrompt(spec.name, running))) ? undefined : secondRunDeclined(running);
  }

  private refuser(what: string, requester: RunRequester) {
    return async (reason: string): Promise<undefined> => {
      this.log.warn(`${what} refused: ${reason}`);
      await requester.refused(reason);
      return undefined;
    };
  }

  private async launch(options: Parameters<typeof launchRun>[1], requester: RunRequester): Promise<string> {
    const runId = await launchRun(this.launchHost(), options, requester);
    this.startEmitter.fire(this.registry.get(runId));
    return runId;
  }

  private launchHost(): LaunchHost {
    return {
      log: this.log,
      settings: this.settings,
      journals: this.journals,
      registry: this.registry,
      history: this.history,
      confirm: this.confirm,
      verifySteps: this.hostOptions.verifySteps,
      offerInstall: (record) => this.dependencies.offer(record),
      shuttingDown: () => this.shuttingDown,
      publish: (event) => this.eventEmitter.fire(event),
      begin: (runId, controller) => this.active.set(runId, controller),
      ended: (runId) => {
        this.active.delete(runId);
        this.endEmitter.fire(runId);
      },
    };
  }
}
