// A mocha reporter for suites that run where stdout is not ours to read (the code-server extension
// host): it prints spec-like lines to the console and appends one JSON object per event to the
// file named by TAKOSS_TEST_REPORT, which the runner outside tails and prints.
import { appendFileSync } from 'node:fs';
import Mocha from 'mocha';

const { EVENT_RUN_BEGIN, EVENT_RUN_END, EVENT_TEST_FAIL, EVENT_TEST_PASS, EVENT_TEST_PENDING, EVENT_SUITE_BEGIN } =
  Mocha.Runner.constants;

export type ReportEvent =
  | { type: 'start'; total: number; vscodeVersion?: string; appName?: string }
  | { type: 'suite'; title: string; depth: number }
  | { type: 'pass'; title: string; fullTitle: string; durationMs: number }
  | { type: 'fail'; title: string; fullTitle: string; error: string; stack?: string }
  | { type: 'pending'; title: string; fullTitle: string }
  | { type: 'end'; passes: number; failures: number; pending: number; durationMs: number };

export interface ReporterContext {
  vscodeVersion?: string;
  appName?: string;
}

export function createJsonLinesReporter(reportFile: string | undefined, context: ReporterContext = {}) {
  return class JsonLinesReporter extends Mocha.reporters.Base {
    constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
      super(runner, options);
      const emit = (event: ReportEvent) => {
        if (reportFile) appendFileSync(reportFile, JSON.stringify(event) + '\n');
      };
      let depth = 0;
      runner.once(EVENT_RUN_BEGIN, () => emit({ type: 'start', total: runner.total, ...context }));
      runner.on(EVENT_SUITE_BEGIN, (suite: Mocha.Suite) => {
        if (suite.root) return;
        depth = suite.titlePath().length;
        console.log(`${'  '.repeat(depth)}${suite.title}`);
        emit({ type: 'suite', title: suite.title, depth });
      });
      runner.on(EVENT_TEST_PASS, (test: Mocha.Test) => {
        console.log(`${'  '.repeat(depth + 1)}✔ ${test.title} (${test.duration ?? 0} ms)`);
        emit({ type: 'pass', title: test.title, fullTitle: test.fullTitle(), durationMs: test.duration ?? 0 });
      });
      runner.on(EVENT_TEST_PENDING, (test: Mocha.Test) => {
        console.log(`${'  '.repeat(depth + 1)}- ${test.title}`);
        emit({ type: 'pending', title: test.title, fullTitle: test.fullTitle() });
      });
      runner.on(EVENT_TEST_FAIL, (test: Mocha.Test, error: Error) => {
        console.log(`${'  '.repeat(depth + 1)}✘ ${test.title}: ${error.message}`);
        emit({ type: 'fail', title: test.title, fullTitle: test.fullTitle(), error: error.message, stack: error.stack });
      });
      runner.once(EVENT_RUN_END, () => {
        const stats = runner.stats ?? { passes: 0, failures: 0, pending: 0, duration: 0 };
        console.log(`${stats.passes} passing, ${stats.failures} failing, ${stats.pending} pending`);
        emit({ type: 'end', passes: stats.passes, failures: stats.failures, pending: stats.pending, durationMs: stats.duration ?? 0 });
      });
    }
  };
}
