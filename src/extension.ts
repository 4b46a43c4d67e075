import * as vscode from 'vscode';
import { createApi, type TakossApi } from './vscode/api';
import { registerAskParticipant } from './vscode/ask/chatParticipant';
import { registerChangeableContext } from './vscode/change/changeableContext';
import { refreshGenerationsContext } from './vscode/commands/generationsContext';
import { registerApiKeyCommands } from './vscode/commands/apiKey';
import { CommandTable } from './vscode/commands/commandTable';
import { registerShowLogCommand } from './vscode/commands/showLog';
import { registerWalkthroughCommand } from './vscode/commands/walkthrough';
import { LazyHost } from './vscode/lazy';
import { registerCommandStubs, registerLazyViews } from './vscode/lazyRegistrations';
import { TakossLog } from './vscode/log';
import { ApiKeyStore } from './vscode/secrets';

/**
 * Registrations only: the log, the API key commands and a stub for every other command and view.
 * The rest (src/vscode/host.ts: pipeline, generator, providers, parsers, panel, history) is another
 * bundle, loaded the first time a command, a view or the hover needs it (src/vscode/lazy.ts).
 */
export function activate(context: vscode.ExtensionContext): TakossApi {
  const version = String(context.extension.packageJSON.version ?? '0.0.0');
  const log = new TakossLog();
  const apiKeys = new ApiKeyStore(context.secrets);
  const host = new LazyHost((module) => {
    const started = performance.now();
    const services = module.startHost({ extension: context, log, apiKeys });
    context.subscriptions.push(services);
    log.info(`Takoss host loaded in ${Math.round(performance.now() - started)} ms`);
    return services;
  });
  const eager = new CommandTable();
  context.subscriptions.push(
    log,
    registerApiKeyCommands(apiKeys, log, eager),
    registerShowLogCommand(log, eager),
    registerWalkthroughCommand(eager),
    registerCommandStubs(context, eager, host),
    registerLazyViews(host),
    registerChangeableContext(),
    registerAskParticipant(host, context.extensionUri),
  );
  void refreshGenerationsContext(vscode.Uri.joinPath(context.globalStorageUri, 'history'));
  log.info(`Takoss ${version} activated in VS Code ${vscode.version}`);
  return createApi(version, log, apiKeys, host);
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}
