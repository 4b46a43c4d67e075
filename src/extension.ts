import * as vscode from 'vscode';
import { createApi, type TakossApi } from './vscode/api';
import { registerApiKeyCommands } from './vscode/commands/apiKey';
import { registerExplainCommands } from './vscode/commands/explain';
import { registerExportZipCommand } from './vscode/commands/exportZip';
import { registerGenerateProjectCommand } from './vscode/commands/generateProject';
import { registerShowLogCommand } from './vscode/commands/showLog';
import { ManifestIndex } from './vscode/editor/manifestIndex';
import { TakossLog } from './vscode/log';
import { PanelManager } from './vscode/panel/PanelManager';
import { ApiKeyStore } from './vscode/secrets';
import { SettingsWatcher } from './vscode/settings';
import { registerHistoryView } from './vscode/sidebar/HistoryView';
import { registerMetricsView } from './vscode/sidebar/MetricsView';
import { HistoryActions, registerHistoryCommands } from './vscode/commands/history';
import { GenerationHistory } from './vscode/history/GenerationHistory';

/** Registrations only: every behaviour lives in src/vscode (adapters) and src/core. */
export function activate(context: vscode.ExtensionContext): TakossApi {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const log = new TakossLog();
  const settings = new SettingsWatcher(log);
  const apiKeys = new ApiKeyStore(context.secrets);
  // Run journals live in this workspace's storage (local to the extension host).
  const journalDir = context.storageUri?.scheme === 'file' ? vscode.Uri.joinPath(context.storageUri, 'runs').fsPath : undefined;
  // The generation history is machine-wide (global storage), shared by every window.
  const history = new GenerationHistory(vscode.Uri.joinPath(context.globalStorageUri, 'history'), log);
  const panels = new PanelManager(context.extensionUri, version, log, settings, apiKeys, journalDir, history);
  const metrics = registerMetricsView(history);
  const manifests = new ManifestIndex(log);
  context.subscriptions.push(
    log,
    settings,
    history,
    panels,
    metrics.disposable,
    registerHistoryCommands(new HistoryActions(history, panels, log), history, log),
    manifests,
    registerExplainCommands(manifests, panels, log),
    registerExportZipCommand(manifests, log),
    registerGenerateProjectCommand(panels),
    registerShowLogCommand(log),
    registerApiKeyCommands(apiKeys, log),
    registerHistoryView(history, (runId) => Boolean(panels.panel?.runs.isActive(runId))),
  );
  log.info(`Takoss ${version} activated in VS Code ${vscode.version}`);
  return createApi(version, panels, log, apiKeys, history, metrics.provider);
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
