import * as vscode from 'vscode';
import type { Logger } from '../../core/log';
import { countFiles, listSome } from '../../core/verify/consent';
import type { RunEvent } from '../../model/run/events';
import { exportProjectZip, type ZipExportResult } from '../export/zipExport';
import { removeRunFiles } from '../generation/workspaceSink';
import type { Confirm } from '../prompts';
import { fileUri, readManifest, readRunFile, type RunFileView } from './runFiles';
import { type RunRecord, writtenBy } from './runRegistry';
import type { DiscardResult } from './types';

/**
 * "Remove the files": after the user confirms in a modal, deletes the files this run wrote that
 * are still exactly as it wrote them (same SHA-256); a file changed since is kept and named.
 */
export async function discardRunFiles(record: RunRecord, confirm: Confirm, log: Logger): Promise<DiscardResult> {
  const written = lastWrites(record.events());
  const where = record.target.scheme === 'file' ? record.target.fsPath : record.target.toString();
  const agreed = await confirm({
    message: `Delete the ${countFiles(written.length)} this run wrote in ${record.folder}?`,
    detail: [
      `From ${where}: ${listSome(written.map((file) => file.path))}.`,
      'Only files still exactly as the run wrote them are deleted (checked by their SHA-256 hash); files changed since, and anything the run did not write, stay. Deleted files do not go to the trash.',
    ].join('\n'),
    confirm: `Delete ${countFiles(written.length)}`,
  });
  if (!agreed) {
    log.info(`Removing the files of run ${record.runId} was declined: nothing deleted`);
    return { removed: 0, kept: [], missing: [], declined: true };
  }
  const result = await removeRunFiles(record.target, written);
  log.info(
    `Removed ${result.removed} files of run ${record.runId} from ${record.folder}${result.kept.length ? `; kept ${result.kept.length} changed since the run: ${listSome(result.kept)}` : ''}`,
  );
  return { ...result, declined: false };
}

/** Opens a file of a run's project beside the view (so the run stays visible); paths are confined to the run's folder. */
export async function openRunFile(record: RunRecord, relativePath: string): Promise<void> {
  const document = await vscode.workspace.openTextDocument(fileUri(record.target, relativePath));
  await vscode.window.showTextDocument(document, { preview: false, viewColumn: vscode.ViewColumn.Beside });
}

/** A file's text and explanation for the result view (only files this run produced). */
export async function readProducedFile(record: RunRecord, relativePath: string): Promise<RunFileView> {
  const produced = record.events().some((event) => event.type === 'fileProduced' && event.path === relativePath);
  if (!produced) throw new Error(`${relativePath} is not a file of this run`);
  return readRunFile(record.target, relativePath, await readManifest(record.target));
}

/** Saves the files this run produced as a zip, where the user picks. */
export function exportRunZip(record: RunRecord): Promise<ZipExportResult> {
  const paths = writtenBy(record);
  if (!paths.length) throw new Error('This run produced no files.');
  return exportProjectZip(record.target, record.projectName, paths);
}

/** Each file a run wrote, with the hash of its last content (a repair may write a file again). */
function lastWrites(events: readonly RunEvent[]): { path: string; sha256: string }[] {
  const files = new Map<string, string>();
  for (const event of events) if (event.type === 'fileProduced') files.set(event.path, event.sha256);
  return [...files].map(([path, sha256]) => ({ path, sha256 }));
}
