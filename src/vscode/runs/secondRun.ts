import type { ConsentPrompt } from '../../core/verify/consent';

/** What the user is asked when a run starts while others still run (each run keeps its own view). */
export function secondRunPrompt(starting: string, running: readonly { projectName: string; folder: string }[]): ConsentPrompt {
  const first = running[0];
  const others = running.length > 1 ? ` (and ${running.length - 1} more)` : '';
  return {
    message: `"${first.projectName}" is still being generated into ${first.folder}${others}. Start "${starting}" as well?`,
    detail:
      'Both run at the same time, each in its own view: the running generation goes on and keeps a view of its own, opened beside this one. Cancel to start nothing.',
    confirm: 'Open a Second View',
  };
}

/** Why nothing started when the user declined a second run. */
export function secondRunDeclined(running: readonly { projectName: string; folder: string }[]): string {
  const first = running[0];
  return `Nothing was started: "${first.projectName}" is still being generated into ${first.folder}. Wait for it to finish (or cancel it), then generate again.`;
}
