// Entry point VS Code calls inside the extension host (extensionTestsPath). The same module serves
// the code-server runner and @vscode/test-electron.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { createJsonLinesReporter } from '../shared/jsonLinesReporter';

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findTests(full);
    return entry.name.endsWith('.test.js') ? [full] : [];
  });
}

export async function run(): Promise<void> {
  const reporter = createJsonLinesReporter(process.env.TAKOSS_TEST_REPORT, {
    vscodeVersion: vscode.version,
    appName: vscode.env.appName,
  });
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: 60_000,
    reporter,
    grep: process.env.TAKOSS_TEST_GREP,
  });
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);
  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (error) {
      reject(error);
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test(s) failed`);
}
