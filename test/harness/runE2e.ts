// Browser-level tests: the real VS Code window (code-server) driven by headless Chromium, the way a
// user clicks through it. Screenshots land in test-artifacts/e2e/.
import path from 'node:path';
import { runMochaSuite } from './mochaSuite';
import { repoRoot } from './paths';
import type { SuiteSummary } from './report';

export function runE2e(): Promise<SuiteSummary> {
  console.log('\nBrowser tests (VS Code window in headless Chromium)');
  return runMochaSuite('e2e', path.join(repoRoot, 'out', 'test', 'e2e'), { timeout: 120_000 });
}

if (require.main === module) {
  runE2e().then((summary) => {
    console.log(`e2e: ${summary.passes} passed, ${summary.failures} failed`);
    process.exit(summary.failures > 0 ? 1 : 0);
  });
}
