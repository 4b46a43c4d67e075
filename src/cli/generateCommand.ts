// `takoss generate`: requirements (or a reviewed spec) -> a project folder on disk, optionally
// verified (install, build, test). Progress goes to stderr, the summary to stdout.
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { GeneratedFile } from '../core/generator/fileSet';
import { createDiskWriter, TargetNotEmptyError } from '../core/output/diskSink';
import { RunEventStream } from '../model/run/events';
import type { ClaudeOptions, GenerationRequest, GenerationResult } from '../core/pipeline/orchestrator';
import { DEFAULT_MODEL } from '../core/providers/models';
import { setOptions } from '../model/project/edit';
import { ProjectSpec } from '../model/project/projectSpec';
import { generationProblems } from '../model/project/generatable';
import { filesClaudeWrote } from '../core/verify/claudeFiles';
import type { VerifyOptions, VerifyResult, VerifyStepName } from '../core/verify/verifier';
import { type IncompleteOutcome, leaveIncomplete } from './incompleteProject';
import { cliProgress } from './progress';
import { CANCELLED_EXIT_CODE } from './signals';
import type { CliIo } from './io';
import { understandingJson, understandingLines } from './understandingReport';
import { verifyAnnouncer } from './verifyNotice';

export interface GenerateDeps {
  /** TypeScript syntax check for Claude-written code (hybrid runs). */
  checkSyntax?: (path: string, content: string) => string[];
  /** Builds the Claude provider for `--provider anthropic`. */
  createClaudeProvider?(apiKey: string): ClaudeOptions['provider'];
  env?: Record<string, string | undefined>;
  extractSpec(text: string, options?: { projectName?: string }): ProjectSpec;
  runGeneration(request: GenerationRequest): Promise<GenerationResult>;
  verifyProject(dir: string, options?: VerifyOptions): Promise<VerifyResult>;
  /** Cancels the run (Ctrl+C in the terminal). */
  signal?: AbortSignal;
}

export const GENERATE_USAGE = `Usage: takoss generate (--requirements TEXT | --requirements-file FILE | --spec FILE) [options]

  --requirements TEXT       the application, described in plain language
  --requirements-file FILE  the same, read from a file
  --spec FILE               a reviewed spec (JSON, as written by --spec-out) instead of text
  --name NAME               project name (lower-case, dashes); default: derived from the text
  --out DIR                 write the project here (refuses a non-empty folder unless --force)
  --spec-out FILE           write the extracted spec as JSON (to review or edit, then --spec)
  --verify                  run npm install, build and tests of the generated project; this runs
                            its code on this machine (with Claude, code Claude wrote): the flag is
                            your consent, and the run names Claude's files before it starts
  --force                   write into a non-empty --out folder (existing files may be replaced)
  --no-tests                leave out the generated backend and frontend tests
  --no-docker               leave out the Dockerfiles, nginx config and docker-compose.yml
  --provider NAME           offline (default, no API key) or anthropic (hybrid: Claude refines the
                            deterministic result; reads ANTHROPIC_API_KEY)
  --model MODEL             Claude model (default ${DEFAULT_MODEL})
  --budget USD              most this run may spend on the API (default 2)`;

const MAX_REQUIREMENTS_BYTES = 2 * 1024 * 1024;

async function loadSpec(file: string): Promise<ProjectSpec> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read spec ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = ProjectSpec.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 8).map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError(`spec ${file} is not valid:\n${issues.join('\n')}`);
  }
  const problems = generationProblems(parsed.data);
  if (problems.length) throw new UsageError(`spec ${file} cannot be generated:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  return parsed.data;
}

class UsageError extends Error {}

export async function generateCommand(argv: string[], io: CliIo, deps: GenerateDeps): Promise<number> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        requirements: { type: 'string' },
        'requirements-file': { type: 'string' },
        spec: { type: 'string' },
        name: { type: 'string' },
        out: { type: 'string' },
        'spec-out': { type: 'string' },
        verify: { type: 'boolean' },
        force: { type: 'boolean' },
        'no-tests': { type: 'boolean' },
        'no-docker': { type: 'boolean' },
        provider: { type: 'string' },
        model: { type: 'string' },
        budget: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    io.err(`takoss generate: ${error instanceof Error ? error.message : String(error)}\n\n${GENERATE_USAGE}`);
    return 2;
  }
  if (values.help) {
    io.out(GENERATE_USAGE);
    return 0;
  }
  const inputs = ['requirements', 'requirements-file', 'spec'].filter((key) => values[key] !== undefined);
  if (inputs.length !== 1) {
    io.err(`takoss generate: give exactly one of --requirements, --requirements-file or --spec\n\n${GENERATE_USAGE}`);
    return 2;
  }
  if (!values.out && !values['spec-out']) {
    io.err(`takoss generate: nothing to do; give --out DIR (and/or --spec-out FILE)\n\n${GENERATE_USAGE}`);
    return 2;
  }
  const provider = (values.provider as string | undefined) ?? 'offline';
  if (provider !== 'offline' && provider !== 'anthropic') {
    io.err(`takoss generate: --provider must be offline or anthropic, not "${provider}"`);
    return 2;
  }
  const budget = values.budget === undefined ? 2 : Number(values.budget);
  if (!Number.isFinite(budget) || budget < 0) {
    io.err(`takoss generate: --budget must be a number of US dollars, 0 or more`);
    return 2;
  }
  let claude: ClaudeOptions | undefined;
  if (provider === 'anthropic') {
    const apiKey = (deps.env ?? process.env).ANTHROPIC_API_KEY?.trim();
    if (!apiKey) {
      io.err('takoss generate: --provider anthropic needs an API key in the ANTHROPIC_API_KEY environment variable');
      return 2;
    }
    if (!deps.createClaudeProvider) {
      io.err('takoss generate: the Claude provider is not available in this build');
      return 2;
    }
    claude = {
      provider: deps.createClaudeProvider(apiKey),
      model: (values.model as string | undefined) ?? DEFAULT_MODEL,
      budgetUsd: budget,
      checkSyntax: deps.checkSyntax,
    };
  }
  const started = Date.now();
  try {
    let spec: ProjectSpec;
    if (values.spec) {
      spec = await loadSpec(String(values.spec));
      io.err(`spec: read ${values.spec}`);
    } else {
      let text = values.requirements as string | undefined;
      if (values['requirements-file']) {
        const file = String(values['requirements-file']);
        try {
          const buffer = await readFile(file);
          if (buffer.length > MAX_REQUIREMENTS_BYTES) throw new Error(`larger than ${MAX_REQUIREMENTS_BYTES / 1024 / 1024} MB`);
          text = buffer.toString('utf8');
        } catch (error) {
          throw new UsageError(`cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
      spec = deps.extractSpec(text ?? '', { projectName: values.name as string | undefined });
      io.err(`spec: ${spec.entities.length} entities, ${spec.relations.length} relations, ${spec.rules.length} rules, auth ${spec.auth.kind}`);
      for (const warning of spec.warnings) io.err(`  warning: ${warning}`);
    }
    if (values['no-tests'] || values['no-docker']) {
      spec = setOptions(spec, { tests: values['no-tests'] ? false : undefined, docker: values['no-docker'] ? false : undefined });
    }
    // Before anything is generated: what of the requirements will not be in the project, and why.
    for (const line of understandingLines(spec)) io.err(line);
    if (values['spec-out']) {
      await writeFile(String(values['spec-out']), JSON.stringify(spec, null, 2) + '\n');
      io.err(`spec: written to ${values['spec-out']}`);
    }
    if (!values.out) return 0;
    const problems = generationProblems(spec);
    if (problems.length) {
      io.err(`takoss generate: nothing was generated (see the warnings above):\n${problems.map((p) => `  ${p}`).join('\n')}`);
      return 1;
    }
    const out = path.resolve(String(values.out));
    const existedBefore = await stat(out).then(() => true, () => false);
    let write: Awaited<ReturnType<typeof createDiskWriter>>;
    try {
      write = await createDiskWriter(out, { force: Boolean(values.force) });
    } catch (error) {
      if (error instanceof TargetNotEmptyError) {
        io.err(`takoss generate: ${error.message}`);
        return 2;
      }
      throw error;
    }
    const stream = new RunEventStream(`cli-${Date.now().toString(36)}`);
    stream.subscribe(cliProgress(io.err));
    let verified: VerifyResult | undefined;
    // What is on disk, for marking an unfinished run; writes still going when the run ends are
    // waited for, and none is accepted after the project is marked.
    const written = new Map<string, GeneratedFile>();
    const inFlight = new Set<Promise<unknown>>();
    let closed = false;
    const announce = verifyAnnouncer(out, Boolean(claude));
    const generation = deps.runGeneration({
      input: { kind: 'spec', spec },
      stream,
      signal: deps.signal,
      onFile: async (file) => {
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
      verify: values.verify
        ? async (signal, listener) => {
            // Said before anything runs: what will run, and which of it Claude wrote (--verify is the consent).
            for (const message of announce(stream.events)) stream.emit({ type: 'warning', message });
            // How each step ended comes back on the stream (verificationStep): cliProgress prints it.
            const onStepStart = (step: VerifyStepName) => {
              io.err(`      verify: ${step}…`);
              listener?.onStepStart?.(step);
            };
            verified = await deps.verifyProject(out, { signal, onStepStart, onStepEnd: listener?.onStepEnd });
            return verified;
          }
        : undefined,
      verificationSkippedBecause: 'not requested (pass --verify to install, build and test the project)',
      claude,
    });
    const settled = await generation.then(
      (result) => ({ result, error: undefined }),
      (error: unknown) => ({ result: undefined, error }),
    );
    closed = true;
    await Promise.allSettled([...inFlight]);
    const status = settled.result?.run.status ?? 'failed';
    let incomplete: IncompleteOutcome | undefined;
    if (status === 'cancelled' || status === 'failed') {
      try {
        incomplete = await leaveIncomplete({ out, existedBefore, status, written, spec: settled.result?.spec ?? spec, events: stream.events, write });
        stream.emit({ type: 'warning', message: incomplete.message });
      } catch (error) {
        stream.emit({ type: 'warning', message: `Could not mark ${out} as incomplete: ${error instanceof Error ? error.message : String(error)}` });
      }
    }
    if (!settled.result) throw settled.error;
    const { run, spec: generated } = settled.result;
    io.out(
      JSON.stringify(
        {
          project: spec.name,
          out,
          status: run.status,
          // As generated: with Claude the domain model may have added, renamed or removed entities.
          entities: (generated ?? spec).entities.map((e) => e.name),
          auth: spec.auth.kind,
          files: run.summary.files,
          provider,
          usage: claude ? run.summary.usage : undefined,
          // The files Claude wrote in this run (the rest are the deterministic generator's).
          claudeFiles: claude ? filesClaudeWrote(stream.events).map((file) => file.path) : undefined,
          stages: run.summary.stages,
          failed: Object.fromEntries(run.errors),
          seconds: Number(((Date.now() - started) / 1000).toFixed(2)),
          // What was left out, after the run (Claude may have implemented some of it).
          understanding: understandingJson(generated ?? spec),
          verify: verified
            ? { ok: verified.ok, failedStep: verified.failedStep, steps: verified.steps.map((s) => ({ name: s.name, ok: s.ok, seconds: Math.round(s.durationMs / 100) / 10 })) }
            : undefined,
          incomplete: incomplete?.summary,
        },
        null,
        2,
      ),
    );
    if (run.status === 'cancelled') {
      io.err(`takoss generate: cancelled${incomplete?.summary.marker ? ` — ${out} is incomplete (see ${incomplete.summary.marker})` : ''}`);
      return CANCELLED_EXIT_CODE;
    }
    if (run.errors.size > 0) return 1;
    if (values.verify && run.status !== 'succeeded' && run.status !== 'degraded') return 1;
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`takoss generate: ${error.message}`);
      return 2;
    }
    io.err(`takoss generate failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}
