// Runs inside the VS Code extension host (started by bench/activation.mjs): times
// getExtension(id).activate() in a host where nothing has activated Takoss yet (it includes VS
// Code's own set-up of the extension context), then the first and second "Takoss: Generate
// Project" (the first use loads everything activation left out); then, apart, how long this host
// takes to load each bundle fresh (Takoss's own share of activation, and what it no longer pays).
// Writes the timings next to the report file and reports one "pass" so the harness knows it finished.
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'takoss.takoss';

async function time(action: () => Thenable<unknown>): Promise<number> {
  const started = performance.now();
  await action();
  return performance.now() - started;
}

/** Loads a module again as if for the first time (the running copy stays as it is); null: no such bundle. */
function freshRequireMs(file: string): number | null {
  if (!existsSync(file)) return null;
  const cached = require.cache[file];
  delete require.cache[file];
  const started = performance.now();
  require(file);
  const ms = performance.now() - started;
  require.cache[file] = cached;
  return ms;
}

export async function run(): Promise<void> {
  const report = process.env.TAKOSS_TEST_REPORT as string;
  const emit = (event: object) => appendFileSync(report, JSON.stringify(event) + '\n');
  emit({ type: 'start', total: 1, vscodeVersion: vscode.version });
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed in this host`);
  const wasActive = extension.isActive;
  const activateMs = await time(() => extension.activate());
  const firstCommandMs = await time(() => vscode.commands.executeCommand('takoss.generateProject'));
  const secondCommandMs = await time(() => vscode.commands.executeCommand('takoss.generateProject'));
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const result = {
    vscodeVersion: vscode.version,
    wasActive,
    activateMs,
    firstCommandMs,
    secondCommandMs,
    extensionBundleMs: freshRequireMs(path.join(extension.extensionPath, 'dist', 'extension.js')),
    hostBundleMs: freshRequireMs(path.join(extension.extensionPath, 'dist', 'host.js')),
  };
  writeFileSync(path.join(path.dirname(report), 'activation.json'), JSON.stringify(result, null, 2));
  emit({ type: 'pass', title: 'activation timed', fullTitle: 'activation timed', durationMs: Math.round(activateMs) });
  emit({ type: 'end', passes: 1, failures: 0, pending: 0, durationMs: Math.round(activateMs + firstCommandMs + secondCommandMs) });
}
