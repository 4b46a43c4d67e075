import * as vscode from 'vscode';
import { outputFolderName } from '../../core/config';
import { errorText } from '../../core/log';
import { generateProject } from '../../core/generator';
import type { GeneratedFile } from '../../core/generator/fileSet';
import { forecastRun, type RunForecast } from '../../core/pipeline/forecast';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { generationProblems } from '../../model/project/generatable';
import type { ProviderChoice } from '../../model/protocol';
import type { TakossSettings } from '../../core/config';
import { forecastFromHistory } from '../../core/learning/historyForecast';
import type { RunOutcomes } from '../../core/learning/types';

export interface SpecReviewResult {
  problems: string[];
  forecast?: RunForecast;
  folder: string;
  folderExists: boolean;
  /** When the folder has content: the files Takoss would generate that are already there. */
  conflicts: { path: string; same: boolean }[];
}

/** Everything the review step shows about a spec: what blocks it, what it will cost, where it goes. */
export async function reviewSpec(
  spec: ProjectSpec,
  provider: ProviderChoice,
  settings: TakossSettings,
  /** Past runs (the history): the forecast of this run's cost and time from similar ones. */
  past: readonly RunOutcomes[] = [],
): Promise<SpecReviewResult> {
  const problems = generationProblems(spec);
  let forecast: RunForecast | undefined;
  // The project in memory, generated once: the forecast counts it and the conflicts compare it.
  let files: GeneratedFile[] | undefined;
  if (!problems.length) {
    try {
      files = generateProject(spec).list();
      forecast = forecastRun(spec, {
        files,
        claude:
          provider === 'anthropic'
            ? { model: settings.model, budgetUsd: settings.budgetPerRunUsd, concurrency: settings.maxConcurrentStages }
            : undefined,
      });
      const learned = forecastFromHistory(past, { entities: spec.entities.length, stageCount: forecast.stages }, { provider, model: provider === 'anthropic' ? settings.model : undefined });
      if (learned) {
        // The budget check before the run: what similar runs really cost against what the user allows.
        forecast.history = { ...learned, overBudget: provider === 'anthropic' && learned.costUsd > settings.budgetPerRunUsd };
      }
    } catch (error) {
      problems.push(`The generator cannot build this model: ${errorText(error)}`);
    }
  }
  const folder = outputFolderName(settings.outputFolderPattern, spec.name);
  const folderExists = await folderHasContent(folder);
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  const conflicts = folderExists && root && files && !problems.length ? await existingFiles(vscode.Uri.joinPath(root, ...folder.split('/')), spec, files) : [];
  return { problems, forecast, folder, folderExists, conflicts };
}

/** Generated files that already exist in the folder, and whether each is identical already (`files`: the spec's project, when generated already). */
export async function existingFiles(target: vscode.Uri, spec: ProjectSpec, files: readonly GeneratedFile[] = generateProject(spec).list()): Promise<{ path: string; same: boolean }[]> {
  const found: { path: string; same: boolean }[] = [];
  for (const file of files) {
    try {
      const current = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(target, ...file.path.split('/')));
      found.push({ path: file.path, same: new TextDecoder().decode(current) === file.content });
    } catch {
      // not there: no conflict
    }
  }
  return found;
}

async function folderHasContent(folder: string): Promise<boolean> {
  const root = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!root) return false;
  try {
    return (await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, ...folder.split('/')))).length > 0;
  } catch {
    return false;
  }
}
