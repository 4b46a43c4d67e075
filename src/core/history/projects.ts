// Generations of one project: records that share a projectId (a first generation, then the
// regenerations into its folder and the updates of it). The history lists records; these say
// which belong together, for the record a new run links to and for the Generations view.
import type { GenerationRecord } from './store';

type Linkable = Pick<GenerationRecord, 'id' | 'projectId' | 'folder' | 'createdAt'>;

/** How a new record joins a project: the project and the generation it follows, or a project of its own. */
export interface ProjectLink {
  projectId: string;
  previousRecordId?: string;
}

/**
 * The link of a run into `folder`: when the folder already holds a project (it had files before
 * the run), the latest generation recorded there; a run into a new or empty folder starts a project.
 */
export function linkForFolder(records: readonly Linkable[], folder: string, folderHadFiles: boolean, runId: string): ProjectLink {
  if (!folderHadFiles) return { projectId: runId };
  const latest = newestFirst(records).find((record) => record.folder === folder && record.id !== runId);
  return latest ? { projectId: latest.projectId, previousRecordId: latest.id } : { projectId: runId };
}

/** Every project's generations, newest first, keyed by project id (projects in the order of their latest generation). */
export function generationsByProject<T extends Linkable>(records: readonly T[]): Map<string, T[]> {
  const projects = new Map<string, T[]>();
  for (const record of newestFirst(records)) {
    const generations = projects.get(record.projectId);
    if (generations) generations.push(record);
    else projects.set(record.projectId, [record]);
  }
  return projects;
}

function newestFirst<T extends Linkable>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => b.createdAt - a.createdAt);
}
