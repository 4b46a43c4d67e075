// Resuming an interrupted run: a stage that finished before the interruption is not run again. Its
// output is rebuilt (deterministically, for the explanations later stages need) with its files'
// contents as they are on disk, and nothing is written.
import type { GeneratedFile } from '../generator/fileSet';
import type { ProjectSpec } from '../../model/project/projectSpec';
import type { StageContext } from './scheduler';
import type { OfflineContext, StageInstance, StageOutput } from './stages/types';

export interface ResumeState {
  /** Stages whose output is kept: not run again, their files not written again. */
  finished: ReadonlySet<string>;
  /** The files each kept stage wrote, as journaled. */
  filesOf(stageId: string): readonly string[];
  /**
   * The content of a kept file as it is on disk (it was checked against the journaled hash), so
   * later stages see exactly what was written, Claude's refinements included.
   */
  readBack(path: string): Promise<string>;
  /**
   * The spec a kept stage left for the later ones, as journaled (specUpdated): Claude's refined
   * data model, so the resumed run grows the same graph and generates from the same model.
   */
  specOf?(stageId: string): ProjectSpec | undefined;
}

/** What replaying a kept stage does in the run: keep its files, and tell the spec it left. */
export interface KeptStageSink {
  keepFile(file: GeneratedFile): void;
  specChanged(stageId: string, spec: ProjectSpec): void;
}

/** The kept stage's output as the interrupted run left it; its files are part of this run's project, though not rewritten. */
export async function replayKeptStage(
  stage: StageInstance,
  resume: ResumeState,
  offlineContext: OfflineContext,
  context: StageContext<StageOutput>,
  sink: KeptStageSink,
): Promise<StageOutput> {
  const offline = await stage.definition.offline(offlineContext);
  const described = new Map(offline.files.map((file) => [file.path, file]));
  const kept: GeneratedFile[] = [];
  for (const path of resume.filesOf(stage.id)) {
    const meta = described.get(path) ?? { path, layer: stage.kind, explanation: `Written by the ${stage.title} stage before the run was interrupted.`, serves: [], sources: [] };
    kept.push({ ...meta, content: await resume.readBack(path) });
  }
  for (const file of kept) {
    sink.keepFile(file);
    context.fileProduced(file.path, file.content);
  }
  // The spec it left (Claude's refined model), told again so this run's journal has it too.
  const keptSpec = resume.specOf?.(stage.id) ?? offline.spec;
  if (keptSpec) sink.specChanged(stage.id, keptSpec);
  context.output(`${offline.summary} (kept from the interrupted run)`);
  return { ...offline, spec: keptSpec, files: kept };
}
