// `--verify` runs the generated project's code (npm install, build, tests). The flag is the CLI
// user's consent; before anything runs the run says so plainly, and, with Claude, names the files
// Claude wrote (read from the run's events). After a repair round it names what Claude rewrote.
import type { RunEvent } from '../model/run/events';
import { type ClaudeFile, filesClaudeWrote } from '../core/verify/claudeFiles';
import { countFiles, listSome } from '../core/verify/consent';

/** More names than this are cut to "and N more" (the JSON summary lists them all). */
const NAMED = 30;

const names = (files: readonly ClaudeFile[]) => listSome(files.map((file) => file.path), NAMED);

/**
 * The messages to show each time verification is about to run (first the run's own verification,
 * then again after each repair round); remembers what it named so a repeat names only changes.
 */
export function verifyAnnouncer(folder: string, claude: boolean): (events: readonly RunEvent[]) => string[] {
  let announced: Map<string, string> | undefined;
  return (events) => {
    const files = claude ? filesClaudeWrote(events) : [];
    if (!announced) {
      announced = new Map(files.map((file) => [file.path, file.sha256]));
      const lines = [`Verification runs the generated project's code on this machine (--verify is the consent): npm install, the build and the tests, in ${folder}.`];
      if (!claude) lines.push("Every file comes from Takoss's deterministic generator: Claude took no part in this run.");
      else if (!files.length) lines.push("Claude wrote none of the project's files in this run: every file is the generator's.");
      else lines.push(`Claude wrote ${countFiles(files.length)} of this project in this run, and verification runs them: ${names(files)}.`);
      return lines;
    }
    const changed = files.filter((file) => announced?.get(file.path) !== file.sha256);
    for (const file of changed) announced.set(file.path, file.sha256);
    return [
      changed.length
        ? `Verification runs again, with ${countFiles(changed.length)} Claude rewrote to fix the failing step: ${names(changed)}.`
        : 'Verification runs again; Claude changed none of the files it had written.',
    ];
  };
}
