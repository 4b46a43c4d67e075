// `takoss update`: change a generated project without losing an edit. Reads the project's memory,
// takes the changed spec (a file, or a change in plain words read against the project's spec),
// generates it in memory, merges every file three ways (src/core/update) and writes the result;
// a schema change becomes a new migration. The merge summary goes to stdout, progress to stderr.
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GeneratedFile } from '../core/generator/fileSet';
import { nodeFileSystemPort } from '../core/output/sink/nodePort';
import { Sink } from '../core/output/sink/sink';
import type { ClaudeOptions } from '../core/pipeline/orchestrator';
import { RunCancelledError } from '../core/pipeline/scheduler';
import { applyUpdate } from '../core/update/apply';
import { CONFLICT_END, CONFLICT_START } from '../core/update/merge';
import { ProjectMemoryError, readProjectMemory } from '../core/update/memory';
import { type GeneratedProject, prepareUpdate } from '../core/update/updateProject';
import type { ProjectSpec } from '../model/project/projectSpec';
import { type AcceptedModel, RunEventStream } from '../model/run/events';
import type { GenerateDeps } from './generateDeps';
import { type GenerateFlags, providerOptions, UsageError } from './generateOptions';
import type { CliIo } from './io';
import { cliProgress } from './progress';
import { CANCELLED_EXIT_CODE } from './signals';
import { changedSpec } from './updateChange';
import { countOf } from '../model/count';

/** Written with conflict markers: the project is updated but needs the user before it builds. */
export const CONFLICTS_EXIT_CODE = 3;

export const UPDATE_USAGE = `Usage: takoss update --project DIR (--spec FILE | --change TEXT) [options]

  --project DIR             the generated project to change (it holds .takoss/spec.json and base.json)
  --spec FILE               the changed spec (JSON; start from a copy of DIR/.takoss/spec.json)
  --change TEXT             the change in plain words, read against the project's spec, e.g.
                            "add a phone number to members", "only admins may delete classes",
                            "rename the notes of visits to remarks" (a rename keeps the column's data)
  --dry-run                 say what the update would do to each file; write nothing
  --verify                  then run npm install, build and tests of the project (its code runs on
                            this machine: the flag is your consent); skipped while conflicts remain
  --provider NAME           offline (default) or anthropic (Claude edits the spec for --change,
                            then refines the generation; reads ANTHROPIC_API_KEY)
  --model MODEL             Claude model
  --budget USD              most this run may spend on the API, the change and the generation
                            together (default 2)

Your edits are kept. Files you did not change are updated; files you changed are merged with the
new generation; where both changed the same lines the file holds both sides between
${CONFLICT_START} and ${CONFLICT_END} markers to resolve (VS Code's merge editor reads them).
Files you deleted stay deleted; files you added are never read. A schema change becomes a new
migration next to the existing ones, which are never rewritten.

Exit codes: 0 updated cleanly, ${CONFLICTS_EXIT_CODE} updated (or, with --dry-run, would be) with conflicts to resolve,
1 an error (nothing is written unless said), 2 a usage problem, 130 cancelled.`;

const FLAGS = {
  project: { type: 'string' },
  spec: { type: 'string' },
  change: { type: 'string' },
  'dry-run': { type: 'boolean' },
  verify: { type: 'boolean' },
  provider: { type: 'string' },
  model: { type: 'string' },
  budget: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parseUpdateFlags(argv: string[]): GenerateFlags {
  let flags: GenerateFlags;
  try {
    flags = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
  if (flags.help) return flags;
  if (!flags.project) throw new UsageError('give --project DIR, the generated project to change', true);
  if ((flags.spec === undefined) === (flags.change === undefined)) throw new UsageError('give exactly one of --spec FILE or --change TEXT', true);
  return flags;
}

/** The run was cancelled: nothing was written. */
class UpdateCancelled extends Error {}

/** The new generation, in memory: every file as a run would write it (a repair's rewrite replaces the first). */
async function generateInMemory(spec: ProjectSpec, deps: GenerateDeps, claude: ClaudeOptions | undefined, acceptedModel: AcceptedModel | undefined, io: CliIo): Promise<GeneratedProject> {
  const stream = new RunEventStream(`cli-update-${Date.now().toString(36)}`);
  stream.subscribe(cliProgress(io.err));
  const files = new Map<string, GeneratedFile>();
  const result = await deps.runGeneration({
    input: { kind: 'spec', spec },
    stream,
    signal: deps.signal,
    onFile: (file) => void files.set(file.path, file),
    claude,
    acceptedModel,
    verificationSkippedBecause: 'takoss update verifies the project after merging (--verify)',
  });
  if (result.run.status === 'cancelled') throw new UpdateCancelled('cancelled; nothing was written');
  const failed = [...result.run.errors].map(([stage, error]) => `${stage}: ${error}`);
  if (result.run.status === 'failed' || failed.length) throw new Error(`the new generation failed, so nothing was written:\n${failed.map((line) => `  ${line}`).join('\n')}`);
  return { spec: result.spec, files: [...files.values()] };
}

async function verifyAfter(project: string, conflicts: number, deps: GenerateDeps, io: CliIo): Promise<number> {
  if (conflicts) {
    io.out(`not verified: resolve the ${countOf(conflicts, 'conflicting file')} first, then run the project's tests`);
    return CONFLICTS_EXIT_CODE;
  }
  const verified = await deps.verifyProject(project, { signal: deps.signal, onStepStart: (step) => io.err(`      verify: ${step}…`) });
  io.out(`verify: ${verified.steps.map((step) => `${step.name} ${step.ok ? 'ok' : 'FAILED'}`).join(', ')}`);
  return verified.ok ? 0 : 1;
}

export async function updateCommand(argv: string[], io: CliIo, deps: GenerateDeps): Promise<number> {
  try {
    const flags = parseUpdateFlags(argv);
    if (flags.help) {
      io.out(UPDATE_USAGE);
      return 0;
    }
    const { claude } = providerOptions(flags, deps);
    const project = path.resolve(String(flags.project));
    const sink = new Sink(nodeFileSystemPort(project));
    const memory = await readProjectMemory(sink);
    const change = await changedSpec(flags, memory.spec, claude, io, deps.signal);
    const generate = (next: ProjectSpec) => generateInMemory(next, deps, change.claude, change.acceptedModel, io);
    const prepared = await prepareUpdate({ sink, memory, spec: change.spec, renames: change.renames, generate });
    if (prepared.kind === 'refused') {
      io.err(`takoss update: the data model change cannot become a migration that keeps your data, so nothing was written:\n${prepared.reasons.map((r) => `  ${r}`).join('\n')}`);
      return 1;
    }
    const dryRun = Boolean(flags['dry-run']);
    io.out(`takoss update ${project}${dryRun ? ' (dry run: nothing is written)' : ''}`);
    if (prepared.migration) io.out(`new migration ${prepared.migration.path}:\n${prepared.migration.summary.map((line) => `  ${line}`).join('\n')}`);
    for (const line of prepared.summary.lines) io.out(line);
    const conflicts = prepared.summary.counts.conflict;
    if (dryRun) return conflicts ? CONFLICTS_EXIT_CODE : 0;
    const applied = await applyUpdate(prepared.plan, sink);
    if (applied.refused.length) {
      io.err(`takoss update: ${applied.refused.length} file(s) were left as they are:\n${applied.refused.map((r) => `  ${r.path}: ${r.reason}`).join('\n')}\nRun takoss update again to merge them.`);
      return 1;
    }
    if (conflicts) io.out(`${conflicts} file${conflicts === 1 ? '' : 's'} hold${conflicts === 1 ? 's' : ''} conflict markers: keep what you want between ${CONFLICT_START} and ${CONFLICT_END}, remove the markers, then build and test.`);
    return flags.verify ? verifyAfter(project, conflicts, deps, io) : conflicts ? CONFLICTS_EXIT_CODE : 0;
  } catch (error) {
    return reportFailure(error, io);
  }
}

function reportFailure(error: unknown, io: CliIo): number {
  if (error instanceof UpdateCancelled || error instanceof RunCancelledError) {
    io.err(`takoss update: ${error instanceof UpdateCancelled ? error.message : 'cancelled; nothing was written'}`);
    return CANCELLED_EXIT_CODE;
  }
  if (error instanceof UsageError) {
    io.err(`takoss update: ${error.message}${error.withUsage ? `\n\n${UPDATE_USAGE}` : ''}`);
    return 2;
  }
  const prefix = error instanceof ProjectMemoryError ? 'takoss update: ' : 'takoss update failed: ';
  io.err(`${prefix}${error instanceof Error ? error.message : String(error)}`);
  return 1;
}
