// The offline generator: a reviewed spec -> every file of a full-stack project, in memory.
// One module per layer; the manifest that explains every file is built last, from all of them, then
// the project's memory (.takoss/spec.json, .takoss/base.json) that `takoss update` merges against.
import { type ProjectSpec } from '../../model/project/projectSpec';
import { InvalidSpecError } from '../../model/project/generatable';
import { validateSpec } from '../../model/project/specIndex';
import { FileSet } from './fileSet';
import { GENERATOR_LAYERS } from './layers';
import { addLayerFiles } from './layerFiles';
import { MANIFEST_LAYER } from './project';
import { memoryManifestEntries, projectMemoryFiles } from '../update/memory';

/** Re-exported: callers of the generator catch the error it throws from here. */
export { InvalidSpecError };

export function generateProject(spec: ProjectSpec): FileSet {
  const problems = validateSpec(spec);
  if (problems.length) throw new InvalidSpecError(problems);
  const files = new FileSet();
  for (const layer of GENERATOR_LAYERS) layer.generate(spec, files);
  addLayerFiles(files, { spec, files: [...files.list(), ...memoryManifestEntries(spec)] }, MANIFEST_LAYER);
  // The project's memory (spec.json, and base.json of every file above) for a later update.
  for (const file of projectMemoryFiles(spec, files.list())) files.add(file);
  return files;
}
