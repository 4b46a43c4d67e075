// `takoss ask`: a question about a generated project, answered offline from its own trace
// (manifest, model, files), for scripts and terminals. It reads the project; it never writes.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askProject } from '../core/ask/askProject';
import { formatAnswer } from '../core/ask/formatAnswer';
import { NotATakossProjectError, readProjectTrace } from '../core/ask/trace';
import { nodeFileSystemPort } from '../core/output/sink/nodePort';
import { Sink } from '../core/output/sink/sink';
import type { CliIo } from './io';

export const ASK_USAGE = `Usage: takoss ask --project DIR [--file PATH] [--json] "QUESTION"

  --project DIR   the generated project (it holds .takoss/manifest.json)
  --file PATH     the project file "this file" means, e.g. backend/src/rules/bookings.ts
  --json          print the answer as JSON: {kind, summary, points: [{text, links: [{path, line}]}], change?}

Answers come from the project's trace, offline: where a rule is enforced, which files serve a
requirement, what was not implemented, why a file exists, what an entity's API accepts, what an
entity keeps. A question asking for a change is read and shown, never applied: run the printed
takoss update command to make it.

Exit codes: 0 answered (kind "unknown" when the trace does not know), 1 not a Takoss project, 2 a usage problem.`;

const FLAGS = { project: { type: 'string' }, file: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } as const;

export async function askCommand(argv: string[], io: CliIo): Promise<number> {
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
  try {
    const trace = await readProjectTrace(new Sink(nodeFileSystemPort(path.resolve(values.project))));
    const answer = await askProject(trace, question, { currentFile: values.file?.split(path.sep).join('/') });
    io.out(values.json ? JSON.stringify(answer, null, 2) : formatAnswer(answer));
    return 0;
  } catch (error) {
    if (!(error instanceof NotATakossProjectError)) throw error;
    io.err(`takoss ask: ${error.message}`);
    return 1;
  }
}

function usage(io: CliIo, problem: string): number {
  io.err(`takoss ask: ${problem}\n\n${ASK_USAGE}`);
  return 2;
}
