import * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { existingFiles } from '../generation/specReview';

export interface MergePlan {
  /** Existing files the user chose to replace with Takoss's version. */
  replace: ReadonlySet<string>;
  /** Existing files that stay as they are (the default for every file). */
  kept: string[];
  /** Wraps a writer: a file that exists is written only when the user chose to replace it. */
  writer(inner: (file: GeneratedFile) => Promise<void>): (file: GeneratedFile) => Promise<void>;
}

/**
 * Generating into a folder that has files: nothing there is overwritten unless the user picked
 * it; identical files are left alone; files Takoss does not generate are never touched.
 */
export async function planMerge(target: vscode.Uri, spec: ProjectSpec, chosen: readonly string[]): Promise<MergePlan> {
  const existing = await existingFiles(target, spec);
  const chosenSet = new Set(chosen);
  const replace = new Set(existing.filter((file) => !file.same && chosenSet.has(file.path)).map((file) => file.path));
  const kept = existing.filter((file) => !file.same && !replace.has(file.path)).map((file) => file.path);
  const leaveAlone = new Set([...kept, ...existing.filter((file) => file.same).map((file) => file.path)]);
  return {
    replace,
    kept,
    writer: (inner) => async (file) => {
      if (leaveAlone.has(file.path)) return;
      if (!replace.has(file.path) && (await exists(vscode.Uri.joinPath(target, ...file.path.split('/'))))) return; // appeared since the plan: keep it
      await inner(file);
    },
  };
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  return Promise.resolve(vscode.workspace.fs.stat(uri)).then(
    () => true,
    () => false,
  );
}
