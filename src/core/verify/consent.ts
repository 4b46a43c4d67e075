// What a person is asked before verification runs a generated project: which commands, where, and
// which of the files Claude wrote. Plain text (a modal's message and detail), no `vscode` here.
import type { ClaudeFile } from './claudeFiles';
import { countOf } from '../../model/count';

export interface ConsentPrompt {
  /** The question, one line. */
  message: string;
  /** The facts behind it, several lines. */
  detail: string;
  /** The label of the button that agrees (anything else declines). */
  confirm: string;
}

const LISTED = 6;

/** "a, b, c and 4 more" */
export function listSome(paths: readonly string[], limit = LISTED): string {
  if (paths.length <= limit) return paths.join(', ');
  return `${paths.slice(0, limit).join(', ')} and ${paths.length - limit} more`;
}

export function countFiles(n: number): string {
  return countOf(n, 'file');
}

export interface VerifyConsentInput {
  /** Where the project is, as the user knows it (workspace-relative). */
  folder: string;
  /** The commands, as a person reads them ("npm install --ignore-scripts", ...). */
  commands: readonly string[];
  /** Whether Claude took part in the run (offline, every file is the generator's). */
  claude: boolean;
  /** Every file Claude wrote in the run so far. */
  claudeFiles: readonly ClaudeFile[];
  /**
   * Asked again after a repair: the files Claude rewrote since the last agreement (the commands run
   * again with them). Absent for the first question.
   */
  repaired?: readonly ClaudeFile[];
}

/** The question before verification (or before it runs again with Claude's repairs). */
export function verifyConsentPrompt(input: VerifyConsentInput): ConsentPrompt {
  const commands = input.commands.map((command) => `  ${command}`).join('\n');
  const lines: string[] = [];
  if (input.repaired) {
    lines.push(`Claude rewrote ${countFiles(input.repaired.length)} to fix the failing step: ${listSome(input.repaired.map((f) => f.path))}.`);
    lines.push(`Takoss would run again, in ${input.folder}:`, commands);
  } else {
    lines.push(`Takoss would run, in ${input.folder}:`, commands);
  }
  lines.push(
    "That runs the project's own code and its dependencies' code on this machine. Dependencies' install scripts are not run, and the processes get only a minimal environment (no API keys, tokens or other secrets).",
  );
  if (!input.claude) lines.push("Every file comes from Takoss's deterministic generator: Claude took no part in this run.");
  else if (!input.claudeFiles.length) lines.push("Claude wrote none of the project's files in this run: every file is the generator's.");
  else lines.push(`Claude wrote ${countFiles(input.claudeFiles.length)} of this project in this run: ${listSome(input.claudeFiles.map((f) => f.path))}.`);
  if (input.claude && !input.repaired) lines.push('If a step fails, Claude may rewrite files to fix it; you will be asked again before they run.');
  return {
    message: input.repaired ? `Run the install, build and tests of ${input.folder} again, with Claude's repairs?` : `Run the install, build and tests of ${input.folder}?`,
    detail: lines.join('\n'),
    confirm: input.repaired ? 'Run Them Again' : 'Run Install, Build and Tests',
  };
}
