// `takoss generate`'s flags: parsed, checked and turned into what a run needs, or a usage error.
import { parseArgs } from 'node:util';
import type { ClaudeOptions } from '../core/pipeline/orchestrator';
import { DEFAULT_MODEL } from '../core/providers/models';
import { readClaudeFlags } from './claudeFlags';
import type { GenerateDeps } from './generateDeps';

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

export type GenerateFlags = Record<string, string | boolean | undefined>;

export interface GenerateOptions {
  flags: GenerateFlags;
  provider: 'offline' | 'anthropic';
  claude?: ClaudeOptions;
}

/** A usage problem: printed with `takoss generate:` and exit code 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    /** Whether the usage text follows the message. */
    readonly withUsage = false,
  ) {
    super(message);
  }
}

const FLAGS = {
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
} as const;

/** The flags as given; `help` alone is enough. Throws UsageError. */
export function parseGenerateFlags(argv: string[]): GenerateFlags {
  try {
    return parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), true);
  }
}

/** What the flags ask for, checked together (one input, something to do, provider, budget, key). Throws UsageError. */
export function generateOptions(flags: GenerateFlags, deps: Pick<GenerateDeps, 'env' | 'createClaudeProvider' | 'checkSyntax'>): GenerateOptions {
  const inputs = ['requirements', 'requirements-file', 'spec'].filter((key) => flags[key] !== undefined);
  if (inputs.length !== 1) throw new UsageError('give exactly one of --requirements, --requirements-file or --spec', true);
  if (!flags.out && !flags['spec-out']) throw new UsageError('nothing to do; give --out DIR (and/or --spec-out FILE)', true);
  return { flags, ...providerOptions(flags, deps) };
}

/** --provider, --model and --budget (generate and update): the provider, and Claude's options when it is Claude. Throws UsageError. */
export function providerOptions(flags: GenerateFlags, deps: Pick<GenerateDeps, 'env' | 'createClaudeProvider' | 'checkSyntax'>): Omit<GenerateOptions, 'flags'> {
  const choice = readClaudeFlags({ provider: flags.provider as string | undefined, model: flags.model as string | undefined, budget: flags.budget as string | undefined }, deps.env ?? process.env, 2);
  if (typeof choice === 'string') throw new UsageError(choice);
  if (!choice) return { provider: 'offline' };
  if (!deps.createClaudeProvider) throw new UsageError('the Claude provider is not available in this build');
  const claude = { provider: deps.createClaudeProvider(choice.apiKey), model: choice.model, budgetUsd: choice.budgetUsd, checkSyntax: deps.checkSyntax };
  return { provider: 'anthropic', claude };
}
