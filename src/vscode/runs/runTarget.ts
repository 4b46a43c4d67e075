import * as vscode from 'vscode';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { errorText } from '../../core/log';
import { countFiles, listSome } from '../../core/verify/consent';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { Confirm } from '../prompts';
import { FolderNotEmptyError, prepareTarget, workspaceWriter } from '../generation/workspaceSink';
import { planMerge } from './merge';
import { pickRootWithoutWorkspace } from './noWorkspace';

/** Where a run writes and how: its folder, created (or merged into), and the writer for it. */
export interface RunTarget {
  folder: string;
  target: vscode.Uri;
  writeFile: (file: GeneratedFile) => Promise<void>;
  /** What the merge kept or replaced, said in the run. */
  warnings: string[];
}

/**
 * Prepares the folder of a new run: in the first workspace folder (or one the user picks when no
 * folder is open), new or empty unless merging, where every existing file is kept unless the
 * user chose to replace it and confirms that here. A string is why the run cannot start.
 */
export async function prepareRunTarget(
  folder: string,
  spec: ProjectSpec,
  merge: { replace: string[] } | undefined,
  options: { confirm: Confirm; busy: (folder: string) => boolean },
): Promise<RunTarget | string> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri ?? (await pickRootWithoutWorkspace());
  if (!root) return 'No folder is open and none was chosen: open a folder (or pick one when asked) and generate again.';
  let target: vscode.Uri;
  try {
    target = await prepareTarget(root, folder, { allowExisting: Boolean(merge) });
  } catch (error) {
    return error instanceof FolderNotEmptyError ? error.message : `Cannot create the folder "${folder}": ${errorText(error)}`;
  }
  if (options.busy(folder)) return `A run is already writing into ${folder}.`;
  if (!merge) return { folder, target, writeFile: workspaceWriter(target), warnings: [] };
  const plan = await planMerge(target, spec, merge.replace);
  // The webview's per-file choice is a request: overwriting the user's files needs their yes here.
  if (plan.replace.size && !(await options.confirm(replaceConsent(folder, [...plan.replace])))) {
    return `You did not confirm replacing ${countFiles(plan.replace.size)} in ${folder}: nothing was written. Keep those files (untick them) or confirm to replace them.`;
  }
  const warnings: string[] = [];
  if (plan.kept.length) warnings.push(`Kept your version of ${plan.kept.length} existing file${plan.kept.length > 1 ? 's' : ''}: ${plan.kept.slice(0, 8).join(', ')}${plan.kept.length > 8 ? ', …' : ''}`);
  if (plan.replace.size) warnings.push(`Replaced ${plan.replace.size} existing file${plan.replace.size > 1 ? 's' : ''} with Takoss's version, as you chose.`);
  return { folder, target, writeFile: plan.writer(workspaceWriter(target, { replaceable: plan.replace })), warnings };
}

/** The question before a merge overwrites files the user has. */
function replaceConsent(folder: string, paths: readonly string[]) {
  return {
    message: `Replace ${countFiles(paths.length)} in ${folder} with Takoss's version?`,
    detail: `Your version of ${listSome(paths, 10)} will be overwritten; Takoss keeps no copy. Every other existing file stays as it is.`,
    confirm: `Replace ${countFiles(paths.length)}`,
  };
}
