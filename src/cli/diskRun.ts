// One generation run written to a folder on disk: files go through the sink as the run makes them,
// --verify runs the project's install/build/test, and a cancelled or failed run leaves the folder
// marked incomplete. Progress is the stream's lines on stderr.
import type { GeneratedFile } from '../core/generator/fileSet';
import type { createDiskWriter } from '../core/output/diskSink';
import type { ClaudeOptions, GenerationResult } from '../core/pipeline/orchestrator';
import type { Verify, VerifyStepName } from '../core/verify/verifier';
import type { ProjectSpec } from '../model/project/projectSpec';
import { RunEventStream } from '../model/run/events';
import type { GenerateDeps } from './generateDeps';
import { type IncompleteOutcome, leaveIncomplete } from './incompleteProject';
import type { CliIo } from './io';
import { cliProgress } from './progress';
import { verifyAnnouncer } from './verifyNotice';

export interface DiskRunOptions {
  spec: ProjectSpec;
  out: string;
  /** Whether `out` existed before the run (an incomplete new folder is marked differently). */
  existedBefore: boolean;
  write: Awaited<ReturnType<typeof createDiskWriter>>;
  verify: boolean;
  claude?: ClaudeOptions;
}

export interface DiskRunOutcome {
  stream: RunEventStream;
  result?: GenerationResult;
  error?: unknown;
  incomplete?: IncompleteOutcome;
}

/** Writes each file as the run makes it; after the run ends, waits for writes still going and refuses later ones. */
function diskWrites(write: DiskRunOptions['write']) {
  const written = new Map<string, GeneratedFile>();
  const inFlight = new Set<Promise<unknown>>();
  let closed = false;
  return {
    written,
    onFile: async (file: GeneratedFile) => {
      if (closed) throw new Error(`${file.path} came after the run had ended; not written`);
      const pending = write(file);
      inFlight.add(pending);
      try {
        await pending;
        written.set(file.path, file);
      } finally {
        inFlight.delete(pending);
      }
    },
    close: async () => {
      closed = true;
      await Promise.allSettled([...inFlight]);
    },
  };
}

export async function runToDisk(options: DiskRunOptions, deps: GenerateDeps, io: CliIo): Promise<DiskRunOutcome> {
  const { spec, out, write } = options;
  const stream = new RunEventStream(`cli-${Date.now().toString(36)}`);
  stream.subscribe(cliProgress(io.err));
  const outcome: DiskRunOutcome = { stream };
  const writes = diskWrites(write);
  const announce = verifyAnnouncer(out, Boolean(options.claude));
  const verify: Verify = async (signal, listener) => {
    // Said before anything runs: what will run, and which of it Claude wrote (--verify is the consent).
    for (const message of announce(stream.events)) stream.emit({ type: 'warning', message });
    // How each step ended comes back on the stream (verificationStep): cliProgress prints it.
    const onStepStart = (step: VerifyStepName) => {
      io.err(`      verify: ${step}…`);
      listener?.onStepStart?.(step);
    };
    return deps.verifyProject(out, { signal, onStepStart, onStepEnd: listener?.onStepEnd });
  };
  await deps
    .runGeneration({
      input: { kind: 'spec', spec },
      stream,
      signal: deps.signal,
      onFile: writes.onFile,
      verify: options.verify ? verify : undefined,
      verificationSkippedBecause: 'not requested (pass --verify to install, build and test the project)',
      verificationRequested: options.verify,
      claude: options.claude,
    })
    .then(
      (result) => void (outcome.result = result),
      (error: unknown) => void (outcome.error = error),
    );
  await writes.close();
  const status = outcome.result?.run.status ?? 'failed';
  if (status === 'cancelled' || status === 'failed') {
    try {
      outcome.incomplete = await leaveIncomplete({ out, existedBefore: options.existedBefore, status, written: writes.written, spec: outcome.result?.spec ?? spec, events: stream.events, write });
      stream.emit({ type: 'warning', message: outcome.incomplete.message });
    } catch (error) {
      stream.emit({ type: 'warning', message: `Could not mark ${out} as incomplete: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return outcome;
}
