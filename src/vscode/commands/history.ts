import * as vscode from 'vscode';
import { type GenerationRecord, reviewedSpecOf } from '../../core/history/store';
import { errorText, type Logger } from '../../core/log';
import { exportProjectZip } from '../export/zipExport';
import { removeRunFiles } from '../generation/workspaceSink';
import type { GenerationHistory } from '../history/GenerationHistory';
import { generationFolder } from '../history/generationFolder';
import type { PanelManager } from '../panel/PanelManager';
import type { CommandRegistry } from './commandTable';

export type DeleteChoice = 'record' | 'recordAndFiles' | undefined;

/** What the commands ask the user; replaced in tests, where no one can click a modal. */
export interface HistoryPrompts {
  confirmDelete(record: GenerationRecord): Promise<DeleteChoice>;
  zipTarget?(record: GenerationRecord): Promise<vscode.Uri | undefined>;
}

const modalPrompts: HistoryPrompts = {
  async confirmDelete(record) {
    const deleteRecord = 'Delete Record';
    const deleteAll = 'Delete Record and Files';
    const answer = await vscode.window.showWarningMessage(
      `Delete the history record of "${record.spec.name}"?`,
      {
        modal: true,
        detail: `The project files stay in ${record.folder} unless you also delete them. "Delete Record and Files" removes only the ${record.files.length} files this generation wrote and that nobody changed since.`,
      },
      deleteRecord,
      deleteAll,
    );
    return answer === deleteRecord ? 'record' : answer === deleteAll ? 'recordAndFiles' : undefined;
  },
};

/** A command's argument: the tree's element, a record id (item click), or nothing (palette: pick one). */
type GenerationArg = GenerationRecord | string | undefined;

/** The Generations view's commands: each resolves its generation, runs the action, reports failures. */
export function registerHistoryCommands(actions: HistoryActions, history: GenerationHistory, log: Logger, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  const register = (id: string, run: (record: GenerationRecord) => Promise<unknown>) =>
    commands.registerCommand(id, async (arg?: GenerationArg) => {
      const record = await actions.resolve(arg);
      if (!record) return undefined;
      try {
        return await run(record);
      } catch (error) {
        log.error(`${id} failed: ${errorText(error)}`);
        void vscode.window.showErrorMessage(`Takoss: ${errorText(error)}`);
        return undefined;
      }
    });
  return vscode.Disposable.from(
    register('takoss.history.openInPanel', (record) => actions.openInPanel(record)),
    register('takoss.history.openFolder', (record) => actions.openFolder(record)),
    register('takoss.history.regenerate', (record) => actions.regenerate(record)),
    register('takoss.history.exportZip', (record) => actions.exportZip(record)),
    register('takoss.history.delete', (record) => actions.delete(record)),
    commands.registerCommand('takoss.history.refresh', () => history.invalidate()),
  );
}

/** What can be done with a generation: open folder, open in the panel, regenerate, export zip, delete. */
export class HistoryActions {
  constructor(
    private readonly history: GenerationHistory,
    private readonly panels: Pick<PanelManager, 'open'>,
    private readonly log: Logger,
    private readonly prompts: HistoryPrompts = modalPrompts,
  ) {}

  async resolve(arg: GenerationArg): Promise<GenerationRecord | undefined> {
    if (arg && typeof arg === 'object') return (await this.history.get(arg.id)) ?? arg;
    if (typeof arg === 'string') {
      const record = await this.history.get(arg);
      if (!record) void vscode.window.showWarningMessage('Takoss: that generation is no longer in the history.');
      return record;
    }
    const records = await this.history.list();
    if (!records.length) {
      void vscode.window.showInformationMessage('Takoss: no generations yet.');
      return undefined;
    }
    const picked = await vscode.window.showQuickPick(
      records.map((record) => ({ label: record.spec.name, description: new Date(record.createdAt).toLocaleString(), detail: record.folder, record })),
      { placeHolder: 'Which generation?' },
    );
    return picked?.record;
  }

  /** Replays the generation's events into the panel's execution tree and result view. */
  async openInPanel(record: GenerationRecord): Promise<void> {
    const panel = this.panels.open();
    await panel.whenReady();
    await panel.viewer.showHistoric(record, await this.history.events(record));
  }

  async openFolder(record: GenerationRecord): Promise<void> {
    const folder = generationFolder(record);
    try {
      await vscode.workspace.fs.stat(folder);
    } catch {
      throw new Error(`The folder ${record.folder} is not there any more.`);
    }
    if (vscode.workspace.getWorkspaceFolder(folder)) {
      await vscode.commands.executeCommand('revealInExplorer', folder);
    } else {
      await vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
    }
  }

  /**
   * The review step again on the generation's reviewed spec (the user's review edits intact), to
   * generate as it is or edited; a spec too large to send opens the form with the requirements.
   */
  async regenerate(record: GenerationRecord): Promise<void> {
    const panel = this.panels.open();
    await panel.whenReady();
    const start = { type: 'startFrom', requirements: record.requirements, provider: record.provider } as const;
    if (await panel.post({ ...start, spec: reviewedSpecOf(record) })) return;
    this.log.warn(`Regenerate: the reviewed model of ${record.spec.name} could not be sent to the panel; it opens with the requirements instead`);
    await panel.post(start);
  }

  async exportZip(record: GenerationRecord): Promise<vscode.Uri | undefined> {
    const target = await this.prompts.zipTarget?.(record);
    const result = await exportProjectZip(generationFolder(record), record.spec.name, record.files.map((file) => file.path), target);
    if (result.saved) void vscode.window.showInformationMessage(`Takoss: exported ${result.files} files to ${result.saved.fsPath}.`);
    return result.saved;
  }

  /** Forgets the record; the files only when the user also asked, and only those unchanged since. */
  async delete(record: GenerationRecord): Promise<{ deleted: boolean; filesRemoved: number; filesKept: string[] }> {
    const choice = await this.prompts.confirmDelete(record);
    if (!choice) return { deleted: false, filesRemoved: 0, filesKept: [] };
    let filesRemoved = 0;
    let filesKept: string[] = [];
    if (choice === 'recordAndFiles') {
      // Only files still exactly as the generation wrote them go (checked by hash); changed ones stay.
      const removed = await removeRunFiles(generationFolder(record), record.files);
      filesRemoved = removed.removed;
      filesKept = removed.kept;
      if (filesKept.length) void vscode.window.showInformationMessage(`Takoss: kept ${filesKept.length} file${filesKept.length > 1 ? 's' : ''} changed since the generation (${filesKept.slice(0, 5).join(', ')}${filesKept.length > 5 ? ', …' : ''}).`);
    }
    const deleted = await this.history.delete(record.id);
    this.log.info(`Deleted the history record of ${record.spec.name} (${record.id})${choice === 'recordAndFiles' ? `, ${filesRemoved} files removed, ${filesKept.length} kept` : ''}`);
    return { deleted, filesRemoved, filesKept };
  }
}
