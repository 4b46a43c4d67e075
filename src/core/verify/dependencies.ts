// "Install dependencies" on a generated project: until `npm install` has run, every file shows
// "Cannot find module" errors. The same install step verification runs (so the same least
// privilege: --ignore-scripts, a scrubbed environment), asked for on its own. No `vscode` here.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { ConsentPrompt } from './consent';
import { defaultSteps, describeStep, type VerifyStep } from './verifier';

/**
 * The project has a package.json but no node_modules: its imports cannot resolve yet. One install
 * at the root is enough: the generated project's backend and frontend are npm workspaces of it.
 */
export function dependenciesMissing(projectDir: string): boolean {
  return existsSync(path.join(projectDir, 'package.json')) && !existsSync(path.join(projectDir, 'node_modules'));
}

/** The install step of verification (`npm ci` with a lockfile, else `npm install`, both --ignore-scripts). */
export function installStep(projectDir: string, steps: (dir: string) => VerifyStep[] = defaultSteps): VerifyStep {
  const step = steps(projectDir).find((candidate) => candidate.name === 'install');
  if (!step) throw new Error('There is no install step to run');
  return step;
}

/** The question before installing: which command, where, and what it does and does not run. */
export function installConsentPrompt(folder: string, step: VerifyStep): ConsentPrompt {
  const command = describeStep(step);
  return {
    message: `Install the dependencies of ${folder}?`,
    detail: [
      `Takoss would run, in ${folder}:`,
      `  ${command}`,
      'That downloads the packages the project lists from the npm registry into its node_modules folder, so its imports resolve (until then the editor shows errors such as "Cannot find module"). Dependencies\' install scripts are not run, and npm gets only a minimal environment (no API keys, tokens or other secrets).',
    ].join('\n'),
    confirm: 'Install Dependencies',
  };
}
