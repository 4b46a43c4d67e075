// The generated projects "Change This Project…" can act on: folders of the workspace holding
// `.takoss/spec.json` (the reviewed model the last generation used). A project generated before
// Takoss remembered its model has only `.takoss/manifest.json`: it is found too, to say clearly why
// it cannot be changed.
import * as vscode from 'vscode';
import { MANIFEST_PATH as MANIFEST } from '../../core/generator/project/manifest';
import { parseRememberedSpec, SPEC_PATH as REMEMBERED_SPEC } from '../../core/update/memory';
import { ProjectSpec } from '../../model/project/projectSpec';

export interface ChangeableProject {
  root: vscode.Uri;
  /** Workspace-relative folder (the absolute path outside the workspace). */
  folder: string;
  /** The project remembers its model (.takoss/spec.json). */
  remembered: boolean;
}

export class ProjectNotChangeableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProjectNotChangeableError';
  }
}

/** The folder a `.takoss/<file>` lives in: the project root. */
const rootOf = (memoryFile: vscode.Uri) => vscode.Uri.joinPath(memoryFile, '..', '..');

export const folderLabel = (root: vscode.Uri): string => vscode.workspace.asRelativePath(root, false);

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) !== 0;
  } catch {
    return false;
  }
}

/** The project at `root`, if Takoss generated it (remembered or not). */
export async function projectAt(root: vscode.Uri): Promise<ChangeableProject | undefined> {
  if (await exists(vscode.Uri.joinPath(root, REMEMBERED_SPEC))) return { root, folder: folderLabel(root), remembered: true };
  if (await exists(vscode.Uri.joinPath(root, MANIFEST))) return { root, folder: folderLabel(root), remembered: false };
  return undefined;
}

/** Every generated project of the workspace, those that remember their model first. */
export async function changeableProjects(): Promise<ChangeableProject[]> {
  const found = await vscode.workspace.findFiles('**/.takoss/{spec,manifest}.json', '**/node_modules/**', 400);
  const roots = new Map<string, vscode.Uri>();
  for (const file of found) roots.set(rootOf(file).toString(), rootOf(file));
  const projects = await Promise.all([...roots.values()].map((root) => projectAt(root)));
  return projects
    .filter((project): project is ChangeableProject => project !== undefined)
    .sort((a, b) => Number(b.remembered) - Number(a.remembered) || a.folder.localeCompare(b.folder));
}

/** What to tell the user about a project that does not remember its model. */
export function notRememberedMessage(project: Pick<ChangeableProject, 'folder'>): string {
  return (
    `${project.folder} was generated before Takoss remembered its model: it has no ${REMEMBERED_SPEC}, so Takoss cannot tell your edits from ` +
    'what it generated. Generate the project again into a new folder and carry your edits over; from then on, Change This Project… keeps them.'
  );
}

/** The project's reviewed spec; throws ProjectNotChangeableError saying what is wrong. */
export async function readRememberedSpec(project: ChangeableProject): Promise<ProjectSpec> {
  if (!project.remembered) throw new ProjectNotChangeableError(notRememberedMessage(project));
  let text: string;
  try {
    text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(project.root, REMEMBERED_SPEC)));
  } catch (error) {
    throw new ProjectNotChangeableError(`${project.folder}/${REMEMBERED_SPEC} cannot be read (${error instanceof Error ? error.message : String(error)}): restore it from version control.`);
  }
  try {
    return parseRememberedSpec(text);
  } catch (error) {
    // The core's reading of the file (JSON, then the spec schema), said for this folder.
    throw new ProjectNotChangeableError(`${project.folder}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * The generated project a command acts on when nothing names one: the only one, or the user's pick
 * (those that do not remember their model say so). Undefined when there is none (the user is told)
 * or the pick was dismissed.
 */
export async function pickGeneratedProject(command: string, noneMessage: string): Promise<ChangeableProject | undefined> {
  const projects = await changeableProjects();
  if (!projects.length) {
    void vscode.window.showInformationMessage(`Takoss: ${noneMessage}`);
    return undefined;
  }
  if (projects.length === 1) return projects[0];
  const picked = await vscode.window.showQuickPick(
    projects.map((project) => ({
      label: project.folder,
      description: project.remembered ? undefined : 'generated before Takoss remembered its model',
      project,
    })),
    { title: `Takoss: ${command}`, placeHolder: 'Which generated project?' },
  );
  return picked?.project;
}
