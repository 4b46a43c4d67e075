import * as vscode from 'vscode';
import type { GenerationRecord } from '../core/history/store';
import { answerInChat, type ChatQuestion } from './ask/askInChat';
import { registerAskProjectCommand } from './ask/askProjectCommand';
import { chatClaude } from './ask/claudeInChat';
import type { AnswerStream } from './ask/chatAnswer';
import { registerChangeProjectCommand } from './change/changeProjectCommand';
import { refreshChangeableContext } from './change/changeableContext';
import { disposeSharedUpdateDiffs } from './change/updateDiffs';
import { CommandTable } from './commands/commandTable';
import { registerExplainCommands } from './commands/explain';
import { registerExportZipCommand } from './commands/exportZip';
import { registerGenerateFromExampleCommand, registerGenerateProjectCommand } from './commands/generateProject';
import { HistoryActions, registerHistoryCommands } from './commands/history';
import { createExplainHoverProvider } from './editor/explainHover';
import { ManifestIndex } from './editor/manifestIndex';
import { GenerationHistory } from './history/GenerationHistory';
import { refreshGenerationsContext } from './commands/generationsContext';
import type { TakossLog } from './log';
import { PanelManager } from './panel/PanelManager';
import { RunService } from './runs/RunService';
import type { ApiKeyStore } from './secrets';
import { SettingsWatcher } from './settings';
import { HistoryViewProvider } from './sidebar/HistoryView';
import { MetricsViewProvider } from './sidebar/MetricsView';

/** What activate() already made and the host shares. */
export interface HostContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: TakossLog;
  readonly apiKeys: ApiKeyStore;
}

/** The services behind activation's registrations: commands, views, hover, and the API's parts. */
export interface TakossHost extends vscode.Disposable {
  readonly commands: CommandTable;
  readonly historyView: vscode.TreeDataProvider<GenerationRecord>;
  readonly metricsView: MetricsViewProvider;
  readonly hover: vscode.HoverProvider;
  readonly panels: PanelManager;
  readonly history: GenerationHistory;
  readonly runs: RunService;
  /** The @takoss chat participant's answer to one question. */
  askInChat(question: ChatQuestion, stream: AnswerStream, token: vscode.CancellationToken): Promise<void>;
}

/**
 * The entry of dist/host.js (see lazy.ts): everything that needs the pipeline, the generator, the
 * providers or the parsers starts here, the first time a command, a view or the hover is used.
 */
export function startHost({ extension: context, log, apiKeys }: HostContext): TakossHost {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const settings = new SettingsWatcher(log);
  // Run journals live in this workspace's storage (local to the extension host).
  const journalDir = context.storageUri?.scheme === 'file' ? vscode.Uri.joinPath(context.storageUri, 'runs').fsPath : undefined;
  // The generation history is machine-wide (global storage), shared by every window.
  const historyDir = vscode.Uri.joinPath(context.globalStorageUri, 'history');
  const history = new GenerationHistory(historyDir, log);
  // The window's runs: made once, they outlive any panel.
  const runs = new RunService(log, settings, apiKeys, journalDir, history);
  const panels = new PanelManager(context.extensionUri, version, log, settings, apiKeys, runs);
  const manifests = new ManifestIndex(log);
  const metricsView = new MetricsViewProvider(history);
  const commands = new CommandTable();
  const claudeInChat = chatClaude(apiKeys, settings);
  const disposable = vscode.Disposable.from(
    settings,
    history,
    runs,
    panels,
    metricsView,
    manifests,
    registerHistoryCommands(new HistoryActions(history, panels, log), history, log, commands),
    registerExplainCommands(manifests, panels, log, commands),
    registerExportZipCommand(manifests, log, commands),
    registerGenerateProjectCommand(panels, commands),
    registerGenerateFromExampleCommand(panels, log, commands),
    registerChangeProjectCommand(panels, () => settings.settings.provider, log, commands),
    registerAskProjectCommand(panels, log, commands),
    { dispose: disposeSharedUpdateDiffs },
    // A generation that ended may have written the first project that remembers its model.
    runs.onDidEnd(() => void refreshChangeableContext()),
    // The history-item commands are offered in the palette only while there is a generation.
    history.onDidChange(() => void refreshGenerationsContext(historyDir)),
  );
  return {
    commands,
    historyView: new HistoryViewProvider(history, (runId) => runs.isActive(runId)),
    metricsView,
    hover: createExplainHoverProvider(manifests),
    panels,
    history,
    runs,
    askInChat: (question, stream, token) => answerInChat(question, stream, token, log, claudeInChat),
    dispose: () => disposable.dispose(),
  };
}
