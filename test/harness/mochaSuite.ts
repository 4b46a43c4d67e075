// Runs a folder of mocha test files in this process (spec reporter) and returns the counts; with
// `nodeArgs`, in a child Node process started with those flags instead.
import { fork } from 'node:child_process';
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

export interface MochaSuiteOptions extends Mocha.MochaOptions {
  /** Modules loaded before the test files, like `mocha --require`; an exported `mochaHooks` becomes root hooks. */
  require?: string[];
  /** Run the suite in a child Node process with these flags (e.g. `--conditions=browser`); options must be JSON. */
  nodeArgs?: string[];
}

export async function runMochaSuite(name: string, dir: string, options: MochaSuiteOptions = {}): Promise<SuiteSummary> {
  const { require: setupModules = [], nodeArgs, ...mochaOptions } = options;
  if (nodeArgs) return runInChild(name, dir, { ...mochaOptions, require: setupModules }, nodeArgs);
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', timeout: 10_000, grep: process.env.TAKOSS_TEST_GREP, ...mochaOptions });
  for (const setup of setupModules) {
    const { mochaHooks } = require(setup) as { mochaHooks?: Mocha.RootHookObject };
    if (mochaHooks) mocha.rootHooks(mochaHooks);
  }
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

function runInChild(name: string, dir: string, options: MochaSuiteOptions, nodeArgs: string[]): Promise<SuiteSummary> {
  return new Promise((resolve) => {
    const child = fork(__filename, [], { execArgv: [...process.execArgv, ...nodeArgs] });
    let summary: SuiteSummary | undefined;
    child.on('message', (message) => {
      summary = message as SuiteSummary;
    });
    const failed = (note: string) => ({ name, passes: 0, failures: 1, pending: 0, completed: false, failureTitles: [], note });
    child.on('error', (error) => resolve(failed(`its Node process failed: ${error.message}`)));
    child.on('exit', (code, signal) => resolve(summary ?? failed(`its Node process exited (${signal ?? code}) before reporting`)));
    child.send({ name, dir, options });
  });
}

// The child side of runInChild: run the requested suite, report the counts to the parent, exit
// (leftover timers of the code under test must not keep it alive).
if (require.main === module && process.send) {
  process.once('message', (request) => {
    const { name, dir, options } = request as { name: string; dir: string; options: MochaSuiteOptions };
    void runMochaSuite(name, dir, options).then((summary) => process.send?.(summary, () => process.exit(0)));
  });
}
