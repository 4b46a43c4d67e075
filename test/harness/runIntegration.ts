// Runs test/integration inside a real VS Code extension host: code-server from npm + headless
// Chromium. Fails (non-zero) on any test failure, an extension host crash, or a workbench that
// never loads, each with a clear message and within a timeout.
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CodeServer, openWorkbench, type Workbench } from './codeServerSession';
import { artifactsDir, repoRoot } from './paths';
import { ReportTail, type SuiteSummary } from './report';

const SUITE_TIMEOUT_MS = Number(process.env.TAKOSS_INTEGRATION_TIMEOUT_MS ?? 10 * 60_000);

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export interface IntegrationOptions {
  /** The module whose run() VS Code calls inside the extension host. */
  extensionTestsPath?: string;
  /** Where the report, log and failure screenshots go. */
  outDir?: string;
  timeoutMs?: number;
  quiet?: boolean;
}

export async function runIntegration(options: IntegrationOptions = {}): Promise<SuiteSummary> {
  const outDir = options.outDir ?? path.join(artifactsDir, 'integration');
  const timeoutMs = options.timeoutMs ?? SUITE_TIMEOUT_MS;
  const print = options.quiet ? () => undefined : (line: string) => console.log(line);
  mkdirSync(outDir, { recursive: true });
  const reportFile = path.join(outDir, 'report.jsonl');
  rmSync(reportFile, { force: true });
  print('\nIntegration tests (mocha inside the VS Code extension host, via code-server)');

  let server: CodeServer | undefined;
  let workbench: Workbench | undefined;
  const tail = new ReportTail(reportFile);
  try {
    server = await CodeServer.start({
      env: { TAKOSS_TEST_REPORT: reportFile },
      logFile: path.join(outDir, 'code-server.log'),
    });
    let hostExit: string | undefined;
    server.onExtensionHostExit(({ code, signal }) => {
      hostExit = signal ? `${code} (signal ${signal})` : String(code);
    });
    const url = server.workbenchUrl({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: options.extensionTestsPath ?? path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
    });
    workbench = await openWorkbench(url);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (tail.poll(print)) break;
      if (hostExit !== undefined) {
        await sleep(500);
        if (tail.poll(print)) break;
        const summary = tail.summary('integration');
        summary.note = `the extension host exited with code ${hostExit} before the suite finished`;
        summary.failures += 1;
        return summary;
      }
      if (Date.now() > deadline) {
        await workbench.page.screenshot({ path: path.join(outDir, 'timeout.png') }).catch(() => undefined);
        const summary = tail.summary('integration');
        summary.note = `the suite did not finish within ${timeoutMs / 1000} s`;
        summary.failures += 1;
        return summary;
      }
      await sleep(200);
    }
    return tail.summary('integration');
  } catch (error) {
    const summary = tail.summary('integration');
    summary.note = error instanceof Error ? error.message : String(error);
    summary.failures += 1;
    if (server && !options.quiet) console.error(`code-server log tail:\n${server.logLines.slice(-15).join('\n')}`);
    return summary;
  } finally {
    await workbench?.close().catch(() => undefined);
    await server?.stop();
  }
}

if (require.main === module) {
  runIntegration().then((summary) => {
    if (summary.note) console.error(`integration: ${summary.note}`);
    console.log(`integration: ${summary.passes} passed, ${summary.failures} failed`);
    process.exit(summary.failures > 0 || !summary.completed ? 1 : 0);
  });
}
