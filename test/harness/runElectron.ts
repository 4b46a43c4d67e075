// The same integration suite through @vscode/test-electron, for machines that can download
// VS Code (desktop development, hosted CI). On machines that only reach the npm registry use
// `npm test`, which runs the suite in code-server instead.
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { artifactsDir, repoRoot } from './paths';

async function main(): Promise<number> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'takoss-electron-ws-'));
  mkdirSync(path.join(artifactsDir, 'integration'), { recursive: true });
  const reportFile = path.join(artifactsDir, 'integration', 'electron-report.jsonl');
  rmSync(reportFile, { force: true });
  try {
    const code = await runTests({
      version: process.env.TAKOSS_VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
      extensionTestsEnv: { TAKOSS_TEST_REPORT: reportFile },
    });
    const end = readFileSync(reportFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).find((e) => e.type === 'end');
    if (end) console.log(`${end.passes} passed, ${end.failures} failed`);
    return code;
  } catch (error) {
    console.error(`test:electron could not run VS Code: ${error instanceof Error ? error.message : String(error)}`);
    console.error('Where VS Code cannot be downloaded, `npm test` runs the same suite in code-server.');
    return 1;
  } finally {
    rmSync(workspace, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
