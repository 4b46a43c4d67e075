// Runs a folder of mocha test files in this process (spec reporter) and returns the counts.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import type { SuiteSummary } from './report';

export function findTestFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return findTestFiles(full);
      return entry.name.endsWith('.test.js') ? [full] : [];
    })
    .sort();
}

export async function runMochaSuite(name: string, dir: string, options: Mocha.MochaOptions = {}): Promise<SuiteSummary> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 10_000, grep: process.env.TAKOSS_TEST_GREP, ...options });
  for (const file of findTestFiles(dir)) mocha.addFile(file);
  const failureTitles: string[] = [];
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0 };
      resolve({ name, passes: stats.passes, failures: stats.failures, pending: stats.pending, completed: true, failureTitles });
    });
    runner.on('fail', (test: Mocha.Test) => failureTitles.push(test.fullTitle()));
  });
}
