// The `takoss.hasGenerations` context key: true while the history holds a generation, so the
// history-item commands (Open in Takoss Panel, Regenerate…, Delete Generation Record…) are in the
// palette only where they can act. Set at activation from the history folder's listing (eager:
// vscode API only, the history itself loads later), then by the host whenever the history changes.
import * as vscode from 'vscode';

export const HAS_GENERATIONS = 'takoss.hasGenerations';

/** A record file of the history store: `<id>.json`, not its `<id>.events.json` log. */
const isRecordFile = (name: string) => name.endsWith('.json') && !name.endsWith('.events.json');

export async function refreshGenerationsContext(historyDir: vscode.Uri): Promise<void> {
  const found = await vscode.workspace.fs.readDirectory(historyDir).then(
    (entries) => entries.some(([name, type]) => type === vscode.FileType.File && isRecordFile(name)),
    () => false,
  );
  await vscode.commands.executeCommand('setContext', HAS_GENERATIONS, found);
}
