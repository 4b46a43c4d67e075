// From an update's run (the new generation, in memory) to its plan over the project's folder, by
// the core's prepareUpdate: the project's memory is read, its migrations stay as they are and the
// schema change becomes the next one (or a refusal that says why), and every file is classified.
import type { GeneratedFile } from '../../core/generator/fileSet';
import type { Sink } from '../../core/output/sink/sink';
import { readProjectMemory, SPEC_PATH } from '../../core/update/memory';
import type { SpecRenames } from '../../core/update/schemaRenames';
import { prepareUpdate, type PreparedUpdate } from '../../core/update/updateProject';
import { ProjectSpec } from '../../model/project/projectSpec';

/** The spec the run ended with (its .takoss/spec.json: Claude may have refined the model), else the one it started from. */
function generatedSpec(started: ProjectSpec, files: ReadonlyMap<string, GeneratedFile>): ProjectSpec {
  const remembered = files.get(SPEC_PATH)?.content;
  if (remembered === undefined) return started;
  try {
    return ProjectSpec.parse(JSON.parse(remembered));
  } catch {
    return started;
  }
}

/** The update's plan over `sink` (the project's folder); nothing is written. Throws ProjectMemoryError. */
export async function planProjectUpdate(sink: Sink, started: ProjectSpec, generated: ReadonlyMap<string, GeneratedFile>, renames?: SpecRenames): Promise<PreparedUpdate> {
  const memory = await readProjectMemory(sink);
  const spec = generatedSpec(started, generated);
  return prepareUpdate({ sink, memory, spec, renames, generate: async () => ({ spec, files: [...generated.values()] }) });
}
