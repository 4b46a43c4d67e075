import * as vscode from 'vscode';
import type { GenerationRecord } from '../../core/history/store';

/** Where a generation's project was written: an absolute path, or a URI for a non-file workspace. */
export function generationFolder(record: Pick<GenerationRecord, 'folder'>): vscode.Uri {
  return /^[a-z][a-z0-9+.-]+:\/\//i.test(record.folder) ? vscode.Uri.parse(record.folder) : vscode.Uri.file(record.folder);
}
