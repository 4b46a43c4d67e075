import { readFile } from 'node:fs/promises';
import { readSettings } from '../core/config';
import { askCommand } from './askCommand';
import { generateCommand, type GenerateDeps } from './generateCommand';
import type { CliIo } from './io';
import { updateCommand } from './updateCommand';

declare const TAKOSS_VERSION: string | undefined;


export const CLI_USAGE = `Usage: takoss <command> [options]

Commands:
  generate [options]       Generate a full-stack project from requirements (see takoss generate --help)
  update [options]         Change a generated project without losing your edits (see takoss update --help)
  ask [options] QUESTION   Ask about a generated project, answered from its trace (see takoss ask --help)
  check-settings <file>   Validate a JSON file of takoss.* settings (as in settings.json)
  version                 Print the Takoss version
  help                    Show this help

Options:
  -h, --help              Show this help
  -v, --version           Print the Takoss version`;

export function cliVersion(): string {
  return typeof TAKOSS_VERSION === 'string' ? TAKOSS_VERSION : '0.0.0-dev';
}

/** Reads a settings.json-style object and reports every takoss.* value that is invalid. */
async function checkSettings(file: string | undefined, io: CliIo): Promise<number> {
  if (!file) {
    io.err('takoss check-settings: missing <file>');
    return 2;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    io.err(`takoss check-settings: cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    io.err(`takoss check-settings: ${file} must hold a JSON object`);
    return 2;
  }
  const values: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key.startsWith('takoss.')) values[key.slice('takoss.'.length)] = value;
  }
  const { settings, warnings } = readSettings(values);
  for (const warning of warnings) io.err(warning);
  io.out(JSON.stringify(settings, null, 2));
  return warnings.length ? 1 : 0;
}

export async function runCli(argv: string[], io: CliIo, deps?: GenerateDeps): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '-h':
    case '--help':
      io.out(CLI_USAGE);
      return 0;
    case 'version':
    case '-v':
    case '--version':
      io.out(cliVersion());
      return 0;
    case 'check-settings':
      return checkSettings(rest[0], io);
    case 'generate':
      if (!deps) {
        io.err('takoss generate: the generator is not available in this build');
        return 1;
      }
      return generateCommand(rest, io, deps);
    case 'update':
      if (!deps) {
        io.err('takoss update: the generator is not available in this build');
        return 1;
      }
      return updateCommand(rest, io, deps);
    case 'ask':
      return askCommand(rest, io, { env: deps?.env, signal: deps?.signal });
    default:
      io.err(`takoss: unknown command "${command}"\n\n${CLI_USAGE}`);
      return 2;
  }
}
