// The offline generator: a reviewed spec -> every file of a full-stack project, in memory.
// One module per layer; the manifest that explains every file is built last, from all of them.
import { type ProjectSpec } from '../../model/project/projectSpec';
import { InvalidSpecError } from '../../model/project/generatable';
import { validateSpec } from '../../model/project/specIndex';
import { FileSet } from './fileSet';
import { GENERATOR_LAYERS } from './layers';
import { buildManifest, MANIFEST_PATH } from './project';

/** Re-exported: callers of the generator catch the error it throws from here. */
export { InvalidSpecError };

export function generateProject(spec: ProjectSpec): FileSet {
  const problems = validateSpec(spec);
  if (problems.length) throw new InvalidSpecError(problems);
  const files = new FileSet();
  for (const layer of GENERATOR_LAYERS) layer.generate(spec, files);
  files.add({
    path: MANIFEST_PATH,
    content: buildManifest(spec, files.list()),
    layer: 'explanations',
    explanation:
      'Takoss manifest: for every generated file, the layer that made it, the spec elements and requirement sentences it serves, and a plain-language explanation. Editor hovers and the Takoss panel read it.',
    serves: ['project'],
    sources: spec.requirements.sentences.map((sentence) => sentence.id),
  });
  return files;
}
