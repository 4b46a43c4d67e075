import * as vscode from 'vscode';
import { coverageMarkdown, explainFile, requirementsCoverage } from '../../core/explain/explain';
import type { Logger } from '../../core/log';
import { EXPLAIN_FILE_COMMAND, REVEAL_STAGE_COMMAND } from '../editor/explainHover';
import type { GeneratedFileInfo, ManifestIndex } from '../editor/manifestIndex';
import type { PanelManager } from '../panel/PanelManager';
import type { CommandRegistry } from './commandTable';

export const REQUIREMENTS_COVERAGE_COMMAND = 'takoss.requirementsCoverage';
const COVERAGE_SCHEME = 'takoss-coverage';

/** The file a command is about: its argument (from a hover link or a menu), else the active editor. */
function targetUri(arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri) return arg;
  if (typeof arg === 'string') {
    try {
      return vscode.Uri.parse(arg, true);
    } catch {
      return undefined;
    }
  }
  // From the palette while the panel has focus there is no active text editor: use the visible one.
  return (vscode.window.activeTextEditor ?? vscode.window.visibleTextEditors[0])?.document.uri;
}

/** The generated projects in the workspace (folders with .takoss/manifest.json). */
export async function generatedProjects(index: ManifestIndex): Promise<GeneratedFileInfo[]> {
  const manifests = await vscode.workspace.findFiles('**/.takoss/manifest.json', '**/node_modules/**', 200);
  const found = await Promise.all(manifests.map((uri) => index.lookup(uri)));
  return found.filter((info): info is GeneratedFileInfo => info !== undefined);
}

/** The project a command acts on: the argument's or active editor's project, else the user picks. */
export async function chooseProject(index: ManifestIndex, arg: unknown, purpose: string): Promise<GeneratedFileInfo | undefined> {
  const uri = targetUri(arg);
  const direct = uri && (await index.lookup(uri));
  if (direct) return direct;
  const projects = await generatedProjects(index);
  if (projects.length <= 1) {
    if (!projects.length) void vscode.window.showInformationMessage('Takoss: there is no generated project in this workspace yet.');
    return projects[0];
  }
  const picked = await vscode.window.showQuickPick(
    projects.map((project) => ({ label: project.manifest.project.title, description: vscode.workspace.asRelativePath(project.root), project })),
    { title: purpose, placeHolder: 'Which generated project?' },
  );
  return picked?.project;
}

async function generatedFile(index: ManifestIndex, arg: unknown): Promise<GeneratedFileInfo | undefined> {
  const uri = targetUri(arg);
  const info = uri && (await index.lookup(uri));
  if (!info) {
    void vscode.window.showInformationMessage('Takoss: this file is not part of a project Takoss generated (no .takoss/manifest.json above it).');
  }
  return info;
}

/** Explain This File, Show the Stage, Requirements Coverage (the explain hover links to the first two). */
export function registerExplainCommands(index: ManifestIndex, panels: PanelManager, log: Logger, commands: CommandRegistry = vscode.commands): vscode.Disposable {
  const coverageDocuments = new Map<string, string>();
  const coverageChanged = new vscode.EventEmitter<vscode.Uri>();
  return vscode.Disposable.from(
    coverageChanged,
    vscode.workspace.registerTextDocumentContentProvider(COVERAGE_SCHEME, {
      onDidChange: coverageChanged.event,
      provideTextDocumentContent: (uri) => coverageDocuments.get(uri.toString()) ?? '',
    }),
    commands.registerCommand(EXPLAIN_FILE_COMMAND, async (arg?: unknown) => {
      const info = await generatedFile(index, arg);
      if (!info) return false;
      const explained = explainFile(info.manifest, info.relativePath);
      if (!explained) {
        void vscode.window.showInformationMessage(`Takoss: ${info.relativePath} is not a file Takoss generated (it is not in the project's manifest).`);
        return false;
      }
      const panel = panels.open();
      await panel.whenReady();
      return panel.post({ type: 'showExplanation', ...explained, explanation: explained.explanation.slice(0, 4000), requirements: explained.requirements.slice(0, 200) });
    }),
    commands.registerCommand(REVEAL_STAGE_COMMAND, async (arg?: unknown) => {
      const info = await generatedFile(index, arg);
      const stage = info && explainFile(info.manifest, info.relativePath)?.stage;
      if (!info || !stage) return false;
      const panel = panels.open();
      await panel.whenReady();
      const folder = vscode.workspace.asRelativePath(info.root, false);
      if (await panel.viewer.showRunOf(folder, stage)) return true;
      log.info(`No run of ${folder} is journaled any more; explaining the file instead`);
      return vscode.commands.executeCommand(EXPLAIN_FILE_COMMAND, arg);
    }),
    commands.registerCommand(REQUIREMENTS_COVERAGE_COMMAND, async (arg?: unknown) => {
      const info = await chooseProject(index, arg, 'Takoss: Requirements Coverage');
      if (!info) return undefined;
      const uri = vscode.Uri.from({ scheme: COVERAGE_SCHEME, path: `/${info.manifest.project.name}-coverage.md` });
      coverageDocuments.set(uri.toString(), coverageMarkdown(requirementsCoverage(info.manifest)));
      coverageChanged.fire(uri);
      const document = await vscode.languages.setTextDocumentLanguage(await vscode.workspace.openTextDocument(uri), 'markdown');
      // Rendered, as the user reads a report; the raw Markdown (with its escapes) only without the preview.
      const shown = await vscode.commands.executeCommand('markdown.showPreview', uri).then(
        () => true,
        () => false,
      );
      if (!shown) await vscode.window.showTextDocument(document, { preview: true });
      return document;
    }),
  );
}
