import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { errorText, type Logger } from '../../core/log';
import { unfinishedStages } from '../../core/output/partialMarker';
import { JOURNAL_VERSION, type RunJournal } from '../../core/pipeline/journal';
import { type ClaudeOptions, type ResumeState, runGeneration } from '../../core/pipeline/orchestrator';
import type { VerifyResult, VerifyStep } from '../../core/verify/verifier';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { ProviderChoice } from '../../model/protocol';
import { type AcceptedModel, type RunEvent, RunEventStream } from '../../model/run/events';
import { clearPartialMark, markPartial, removeRunFiles } from '../generation/workspaceSink';
import type { GenerationHistory } from '../history/GenerationHistory';
import { RunRecording } from '../history/runRecording';
import type { Confirm } from '../prompts';
import type { SettingsWatcher } from '../settings';
import { commitGeneration } from './gitCommit';
import { offerToOpen } from './noWorkspace';
import type { RunJournals } from './runJournals';
import { type RunRecord, type RunRegistry, writtenBy } from './runRegistry';
import { RunWrites } from './runWrites';
import type { RunRequester } from './types';
import { verificationFor } from './verification';

/** A validated run, into a prepared folder. */
export interface LaunchOptions {
  spec: ProjectSpec;
  provider: ProviderChoice;
  claude: ClaudeOptions | undefined;
  folder: string;
  target: vscode.Uri;
  /** Writes a new file of the run; `warn` tells the run (a resumed run's file kept as the user has it). */
  writeFile: (file: GeneratedFile, warn: (message: string) => void) => Promise<void>;
  resume?: ResumeState;
  /** A resumed run: the interrupted run's events (which files Claude wrote there). */
  earlierEvents?: readonly RunEvent[];
  warnings?: string[];
  /** The user asked to install, build and test the result (honoured only in a trusted workspace). */
  verify?: boolean;
  git?: boolean;
  acceptedModel?: AcceptedModel;
  /**
   * An update of a generated project ("Change This Project…"): the run generates to memory (its
   * writeFile keeps the files), nothing is marked or committed in the folder, and `ended` gets the
   * run's status once every file is in.
   */
  toMemory?: { ended(status: string): Promise<void> };
}

/** What a launched run needs from the window's run service. */
export interface LaunchHost {
  log: Logger;
  settings: SettingsWatcher;
  journals: RunJournals;
  registry: RunRegistry;
  history?: GenerationHistory;
  confirm: Confirm;
  verifySteps?: (projectDir: string) => VerifyStep[];
  /** After a generation that finished: offer to install its dependencies (when they are missing). */
  offerInstall?(record: RunRecord): Promise<void>;
  /** The window is closing: the run stops as interrupted (resumable), not as ended. */
  shuttingDown(): boolean;
  /** Every event of the run, for whoever follows it. */
  publish(event: RunEvent): void;
  /** The run is active from now until `ended`. */
  begin(runId: string, controller: AbortController): void;
  ended(runId: string): void;
}

/** Starts a validated run; resolves with its id once it has started (the requester was told first). */
export async function launchRun(host: LaunchHost, options: LaunchOptions, requester: RunRequester): Promise<string> {
  const { spec, folder, target, claude } = options;
  const runId = randomUUID();
  const controller = new AbortController();
  host.begin(runId, controller);
  const entities = spec.entities.map((e) => e.name);
  const warnings = [...spec.warnings, ...(options.warnings ?? [])];
  await requester.accepted({ runId, folder, entities, warnings });
  const stream = new RunEventStream(runId);
  stream.subscribe((event) => host.publish(event));
  const journal = await openJournal(host, options, stream, { runId, entities, warnings });
  const record: RunRecord = { runId, folder, target, projectName: spec.name, entities, warnings, events: () => stream.events, interrupted: false };
  host.registry.add(record);
  // An update joins the project's history as its own generation, after the latest one of its folder.
  const kind = options.toMemory ? 'update' : 'generate';
  const recording = host.history && (await RunRecording.begin(host.history, { runId, spec, provider: options.provider, model: claude?.model, target, kind, eventLog: journal?.file }));
  host.log.info(launchLine(options, entities));
  // In memory, a later stage's rewrite of a file (a repair) is one more write of it.
  const warn = (message: string) => void stream.emit({ type: 'warning', message });
  const writeFile = (file: GeneratedFile) => options.writeFile(file, warn);
  const writes = new RunWrites(target, writeFile, options.toMemory && writeFile);
  void generate(host, options, stream, controller.signal, writes)
    .then(async ({ run }) => {
      await writes.settled();
      if (host.shuttingDown()) return; // left as a crash leaves it: the next window offers to resume
      if (options.toMemory) await options.toMemory.ended(run.status);
      else if (run.status === 'cancelled' || run.status === 'failed') await leaveIncomplete(host.log, record, run.status);
      else await afterSuccess(options, record, stream);
      // Recorded with what came after runFinished (git's result), which the run's time includes.
      await endRecording(recording, journal, stream.events, [...run.outputs.values()].find((output) => output.verification)?.verification);
      // Last, once the run is recorded: a generated project shows "Cannot find module" until npm install.
      if (!options.toMemory && run.status !== 'cancelled' && run.status !== 'failed') void host.offerInstall?.(record);
    })
    .catch(async (error: unknown) => {
      host.log.error(`Run ${runId} failed to start: ${errorText(error)}`);
      await options.toMemory?.ended('failed');
      await endRecording(recording, journal, stream.events);
    })
    .finally(async () => {
      // The journal is complete before the run counts as ended (a reload right after must not
      // mistake a finished run for an interrupted one).
      await host.journals.close(journal);
      host.ended(runId);
    });
  return runId;
}

/** Completes the run's history record once its event log (the journal) holds every event: whoever reads the record can replay the run. */
async function endRecording(recording: RunRecording | undefined, journal: RunJournal | undefined, events: readonly RunEvent[], verification?: VerifyResult): Promise<void> {
  await journal?.flush().catch(() => undefined); // a failed append is reported when the journal closes
  await recording?.end(events, verification);
}

/** The log's line for a run that starts: what, where, how, and whose model. */
function launchLine(options: LaunchOptions, entities: readonly string[]): string {
  const { spec, target, provider, resume, acceptedModel } = options;
  const model = !acceptedModel ? '' : acceptedModel.from === 'update' ? ', the project\'s model as changed for this update' : ", Claude's model as accepted in the review";
  return `Generating "${spec.name}" into ${target.toString()} (${provider}${resume ? ', resumed' : ''}${model}): ${entities.join(', ')}`;
}

/** The pipeline run itself: the spec, the settings, Claude, and verification as the user asked for it. */
function generate(host: LaunchHost, options: LaunchOptions, stream: RunEventStream, signal: AbortSignal, writes: RunWrites) {
  const { spec, target, folder, claude } = options;
  return runGeneration({
    input: { kind: 'spec', spec },
    stream,
    signal,
    concurrency: host.settings.settings.maxConcurrentStages,
    onFile: writes.write,
    claude,
    resume: options.resume,
    acceptedModel: options.acceptedModel,
    ...verificationFor({
      requested: options.verify ?? false,
      target,
      folder,
      claude: Boolean(claude),
      events: () => [...(options.earlierEvents ?? []), ...stream.events],
      confirm: host.confirm,
      say: (message) => stream.emit({ type: 'warning', message }),
      steps: host.verifySteps,
    }),
  });
}

async function openJournal(
  host: LaunchHost,
  options: LaunchOptions,
  stream: RunEventStream,
  run: { runId: string; entities: string[]; warnings: string[] },
): Promise<RunJournal | undefined> {
  const journal = await host.journals.open({
    journalVersion: JOURNAL_VERSION,
    ...run,
    folder: options.folder,
    projectName: options.spec.name,
    provider: options.provider,
    startedAt: Date.now(),
    spec: options.spec,
    acceptedModel: options.acceptedModel,
  });
  // Nothing is journaled once the window is going away: the run's journal must stay unfinished so
  // the next window shows it as interrupted and can resume it (not as a run the user cancelled).
  if (journal) {
    stream.subscribe((event) => {
      if (!host.shuttingDown()) journal.append(event);
    });
  }
  return journal;
}

/** A finished run: a resumed one loses its partial mark; git commits when asked; no workspace: offer to open it. */
async function afterSuccess(options: LaunchOptions, record: RunRecord, stream: RunEventStream): Promise<void> {
  if (options.resume) await clearPartialMark(record.target);
  if (!vscode.workspace.workspaceFolders?.length) void offerToOpen(record.target);
  if (!options.git) return;
  const { outcome, detail, commit } = await commitGeneration(record.target, writtenBy(record), options.spec.requirements.text);
  // Told in the run, after it finished: the view, the history and the log read it from the stream.
  stream.emit({ type: 'gitResult', outcome, detail, ...(commit ? { commit } : {}) });
}

/**
 * A run that did not finish: nothing written means nothing is left (its empty folder goes);
 * otherwise the project is marked partial and the view asks whether to keep or remove it.
 */
async function leaveIncomplete(log: Logger, record: RunRecord, status: string): Promise<void> {
  try {
    if (!writtenBy(record).length) {
      await removeRunFiles(record.target, []);
      return;
    }
    await markPartial(record.target, status, unfinishedStages(record.events()));
  } catch (error) {
    log.warn(`Could not mark ${record.folder} as incomplete: ${errorText(error)}`);
  }
}
