// `takoss ask`: a question about a generated project, answered offline from its own trace
// (manifest, model, files), for scripts and terminals; with --provider anthropic, Claude answers
// from the project's files, streamed line by line, with its cost. It reads the project; it never writes.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askProject } from '../core/ask/askProject';
import { claudeAnswer } from '../core/ask/claudeAnswer';
import { createAskClient } from '../core/ask/claudeStream';
import { formatAnswer, linkText } from '../core/ask/formatAnswer';
import { NotATakossProjectError, readProjectTrace } from '../core/ask/trace';
import { nodeFileSystemPort } from '../core/output/sink/nodePort';
import { Sink } from '../core/output/sink/sink';
import { BudgetLedger } from '../core/pipeline/budgetLedger';
import { DEFAULT_MODEL } from '../core/providers/models';
import type { Answer } from '../model/ask/answer';
import { type ClaudeChoice, type ClaudeFlagValues, readClaudeFlags } from './claudeFlags';
import type { CliIo } from './io';

/** What one question may cost unless --budget says otherwise: room for a full context on the default model. */
export const DEFAULT_ASK_BUDGET_USD = 0.5;

export const ASK_USAGE = `Usage: takoss ask --project DIR [--file PATH] [--json] [--provider anthropic [--model M] [--budget USD]] "QUESTION"

  --project DIR   the generated project (it holds .takoss/manifest.json)
  --file PATH     the project file "this file" means, e.g. backend/src/rules/bookings.ts
  --json          print the answer as JSON: {kind, summary, points: [{text, links: [{path, line}]}], change?, source, costUsd?, note?}
  --provider NAME offline (default) or anthropic: Claude answers from the project's files, citing
                  path:line (reads ANTHROPIC_API_KEY; it has no tools and cannot change anything)
  --model MODEL   Claude model (default ${DEFAULT_MODEL})
  --budget USD    most the question may cost (default ${DEFAULT_ASK_BUDGET_USD}); one that could cost more is
                  not sent, and the offline answer is printed with a note

Answers come from the project's trace, offline: where a rule is enforced, which files serve a
requirement, what was not implemented, why a file exists, what an entity's API accepts, what an
entity keeps. A question asking for a change is read and shown, never applied: run the printed
takoss update command to make it.

With Claude, the answer is printed as it arrives, then the files it cites and what it cost (on
stderr). If Claude cannot answer (budget, key, API failure, Ctrl+C) the offline answer follows a note.

Exit codes: 0 answered (kind "unknown" when the trace does not know), 1 not a Takoss project, 2 a usage problem.`;

const FLAGS = {
  project: { type: 'string' },
  file: { type: 'string' },
  json: { type: 'boolean' },
  provider: { type: 'string' },
  model: { type: 'string' },
  budget: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface AskDeps {
  /** Where ANTHROPIC_API_KEY (and ANTHROPIC_BASE_URL) are read; default process.env. */
  env?: Record<string, string | undefined>;
  /** Cancels Claude's answer (Ctrl+C). */
  signal?: AbortSignal;
}

export async function askCommand(argv: string[], io: CliIo, deps: AskDeps = {}): Promise<number> {
  let parsed: ReturnType<typeof parseArgs<{ args: string[]; options: typeof FLAGS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: FLAGS, strict: true, allowPositionals: true });
  } catch (error) {
    return usage(io, error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(ASK_USAGE);
    return 0;
  }
  if (!values.project) return usage(io, 'give --project DIR, the generated project to ask about');
  const question = positionals.join(' ').trim();
  if (!question) return usage(io, 'give the question, e.g. takoss ask --project DIR "where is the capacity rule enforced?"');
  const claude = claudeFlags(values, deps.env ?? process.env);
  if (typeof claude === 'string') return usage(io, claude);
  try {
    const trace = await readProjectTrace(new Sink(nodeFileSystemPort(path.resolve(values.project))));
    const currentFile = values.file?.split(path.sep).join('/');
    const offline = await askProject(trace, question, { currentFile });
    if (!claude) {
      io.out(values.json ? JSON.stringify(offline, null, 2) : formatAnswer(offline));
      return 0;
    }
    const lines = values.json ? undefined : new LineStream(io.out);
    const answer = await claudeAnswer(trace, question, offline, {
      client: createAskClient(claude),
      model: claude.model,
      ledger: new BudgetLedger(claude.budgetUsd),
      currentFile,
      signal: deps.signal,
      onText: lines && ((text) => lines.write(text)),
    });
    lines?.end();
    printClaudeAnswer(answer, claude, io, Boolean(values.json));
    return 0;
  } catch (error) {
    if (!(error instanceof NotATakossProjectError)) throw error;
    io.err(`takoss ask: ${error.message}`);
    return 1;
  }
}

/** Claude's settings from the flags: undefined offline, a usage problem as a string. */
/** As for generate, and --model or --budget without Claude is a mistake worth saying (nothing would use them). */
function claudeFlags(values: ClaudeFlagValues, env: Record<string, string | undefined>): ClaudeChoice | string | undefined {
  if ((values.provider ?? 'offline') === 'offline' && (values.model || values.budget)) return '--model and --budget need --provider anthropic';
  return readClaudeFlags(values, env, DEFAULT_ASK_BUDGET_USD);
}

/** After the streamed text: the files cited and the cost, or why Claude did not answer and the offline answer. */
function printClaudeAnswer(answer: Answer, claude: ClaudeChoice, io: CliIo, json: boolean): void {
  if (json) io.out(JSON.stringify(answer, null, 2));
  if (answer.source !== 'claude') {
    io.err(`takoss ask: ${answer.note ?? 'Claude did not answer.'}`);
    if (!json) io.out(formatAnswer(answer));
    return;
  }
  const links = [...new Set(answer.points.flatMap((point) => point.links.map(linkText)))];
  if (!json && links.length) io.out(['', 'Files cited:', ...links.map((link) => `  ${link}`)].join('\n'));
  if (!json && answer.change) io.out(`\nTo make this change: takoss update --project <this project> --change ${JSON.stringify(answer.change.text)} (add --dry-run to see it first).`);
  io.err(`takoss ask: answered by Claude (${claude.model}, $${(answer.costUsd ?? 0).toFixed(4)} of the $${claude.budgetUsd} budget)`);
}

/** Streamed text to a line printer: each line as soon as it is complete, the rest at the end. */
class LineStream {
  private pending = '';
  constructor(private readonly print: (line: string) => void) {}

  write(text: string): void {
    const lines = (this.pending + text).split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) this.print(line);
  }

  end(): void {
    if (this.pending) this.print(this.pending);
    this.pending = '';
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`takoss ask: ${problem}\n\n${ASK_USAGE}`);
  return 2;
}
