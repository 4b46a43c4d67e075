// The @takoss participant in VS Code's chat view, where the editor has one: registered at
// activation (tiny), answering through the host, which loads on the first question. Editors
// without the chat API (older VS Code, some forks) get nothing here and keep the panel.
import * as vscode from 'vscode';
import type { LazyHost } from '../lazy';

export const ASK_PARTICIPANT_ID = 'takoss.ask';

/** Whether this editor offers chat participants (VS Code's chat API). */
export function hasChatApi(): boolean {
  return typeof (vscode as { chat?: { createChatParticipant?: unknown } }).chat?.createChatParticipant === 'function';
}

export function registerAskParticipant(host: LazyHost, extensionUri: vscode.Uri): vscode.Disposable {
  if (!hasChatApi()) return new vscode.Disposable(() => undefined);
  const participant = vscode.chat.createChatParticipant(ASK_PARTICIPANT_ID, (request, _context, stream, token) => host.get().askInChat(request, stream, token));
  participant.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'takoss.png');
  return participant;
}
