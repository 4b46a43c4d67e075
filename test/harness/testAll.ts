// `npm test`: unit tests (plain Node), component tests (the webview's React UI in jsdom),
// integration tests (inside the real VS Code extension host) and browser tests (the VS Code window
// in headless Chromium), then one closing line of counts.
import path from 'node:path';
import { runMochaSuite } from './mochaSuite';
import { repoRoot } from './paths';
import type { SuiteSummary } from './report';
import { runE2e } from './runE2e';
import { runIntegration } from './runIntegration';

async function main(): Promise<number> {
  const only = process.env.TAKOSS_SUITES?.split(',').map((name) => name.trim());
  const wanted = (name: string) => !only || only.includes(name);
  const summaries: SuiteSummary[] = [];
  if (wanted('unit')) {
    console.log('Unit tests (mocha, plain Node)');
    summaries.push(await runMochaSuite('unit', path.join(repoRoot, 'out', 'test', 'unit')));
  }
  if (wanted('component')) {
    console.log('\nComponent tests (mocha, the webview UI in jsdom)');
    // Own process: jsdom globals stay out of the other suites, and the browser condition picks the
    // packages' browser builds, as the webview bundle does (see test/component/setup.tsx).
    summaries.push(
      await runMochaSuite('component', path.join(repoRoot, 'out', 'test', 'component'), {
        require: [path.join(repoRoot, 'out', 'test', 'component', 'setup.js')],
        nodeArgs: ['--conditions=browser', '--enable-source-maps'],
      }),
    );
  }
  if (wanted('integration')) summaries.push(await runIntegration());
  if (wanted('e2e')) summaries.push(await runE2e());
  if (wanted('generated')) {
    console.log('\nGenerated projects (slow: install, build and test real generated projects)');
    summaries.push(await runMochaSuite('generated', path.join(repoRoot, 'out', 'test', 'generated'), { timeout: 25 * 60_000 }));
  }

  console.log('\nSummary');
  for (const summary of summaries) {
    const state = summary.completed ? '' : ' (did not complete)';
    console.log(`  ${summary.name.padEnd(12)} ${summary.passes} passed, ${summary.failures} failed, ${summary.pending} pending${state}`);
    if (summary.note) console.log(`    ${summary.note}`);
    for (const title of summary.failureTitles) console.log(`    ✘ ${title}`);
  }
  const passes = summaries.reduce((sum, s) => sum + s.passes, 0);
  const failures = summaries.reduce((sum, s) => sum + s.failures, 0);
  const pending = summaries.reduce((sum, s) => sum + s.pending, 0);
  const incomplete = summaries.some((s) => !s.completed);
  console.log(`\n${passes} passed, ${failures} failed${pending ? `, ${pending} skipped` : ''}`);
  return failures > 0 || incomplete || passes === 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
