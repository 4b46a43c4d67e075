import * as vscode from 'vscode';

/** No folder is open: ask where to create the project instead of refusing. */
export async function pickRootWithoutWorkspace(): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: 'Generate here',
    title: 'No folder is open: where should Takoss create the project?',
  });
  return picked?.[0];
}

/** The project was generated outside any workspace: offer to open it. */
export async function offerToOpen(target: vscode.Uri): Promise<void> {
  const choice = await vscode.window.showInformationMessage(`Takoss generated the project in ${target.fsPath || target.toString()}.`, 'Open Folder');
  if (choice === 'Open Folder') await vscode.commands.executeCommand('vscode.openFolder', target);
}
