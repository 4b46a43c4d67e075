import * as z from 'zod';
import { FileSet, type GeneratedFile } from '../../generator/fileSet';
import { addLayerFiles } from '../../generator/layerFiles';
import { MANIFEST_LAYER } from '../../generator/project';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { memoryManifestEntries, projectMemoryFiles } from '../../update/memory';
import { prompts } from './define';
import { type OfflineContext, type StageDefinition, StageOutputSchema, type StageOutput } from './types';

const Explanations = z.object({
  files: z.array(z.object({ path: z.string().max(240), explanation: z.string().min(10).max(1200) })).max(2000),
});
type Explanations = z.infer<typeof Explanations>;

function filesBefore(inputs: OfflineContext['inputs']): GeneratedFile[] {
  return [...inputs.values()].flatMap((output) => output.files).sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** Which stage wrote each file, so hovers can point at its node in the execution tree. */
function stagesOf(inputs: OfflineContext['inputs']): Map<string, string> {
  return new Map([...inputs.entries()].flatMap(([stageId, output]) => output.files.map((file) => [file.path, stageId] as const)));
}

/** The manifest, then the project's memory (spec.json, base.json) of every file, the manifest included. */
function manifestOutput(spec: ProjectSpec, files: GeneratedFile[], summary: string, stageOf: Map<string, string>): StageOutput {
  const memory = memoryManifestEntries(spec);
  // This stage writes the memory files with the manifest (the generator's manifest table, as generateProject does).
  const stages = new Map([...stageOf, ...memory.map((file) => [file.path, 'explanations'] as const)]);
  const manifest = new FileSet();
  addLayerFiles(manifest, { spec, files: [...files, ...memory], stageOf: stages }, MANIFEST_LAYER);
  return { files: [...manifest.list(), ...projectMemoryFiles(spec, [...files, ...manifest.list()])], summary };
}

/** The manifest that explains every file; it reads the files of every stage before it. */
export const explanations: StageDefinition = {
  kind: 'explanations',
  title: 'Explanations',
  dependsOn: [
    'architecture', 'database-schema', 'migrations', 'seed-data', 'validation-schemas', 'auth', 'api-app', 'api-routes',
    'business-rules', 'api-docs', 'backend-tests', 'frontend-api-client', 'layout-navigation', 'pages', 'frontend-tests',
    'docker', 'ci-workflow', 'environment-config', 'readme',
  ],
  description: 'For every file: the stage that made it, the requirement sentences it serves, and a plain-language explanation.',
  prompt: prompts('Explain every generated file in two plain sentences, naming the requirement sentences it serves.'),
  outputSchema: StageOutputSchema,
  offline: ({ spec, inputs }) => {
    const files = filesBefore(inputs);
    return manifestOutput(spec, files, `${files.length} files explained`, stagesOf(inputs));
  },
  claude: {
    toolName: 'emit_explanations',
    toolDescription: 'Return a plain-language explanation for generated files.',
    schema: Explanations,
    maxOutputTokens: 16_000,
    instructions: ({ inputs }, variant) => {
      const list = filesBefore(inputs)
        .map((file) => `- ${file.path} (serves ${file.serves.join(', ') || 'the project'}): ${file.explanation}`)
        .join('\n');
      return `${variant.template}\n\nFiles and their current explanations:\n${list}`;
    },
    validate: (value: Explanations, { inputs }) => {
      const known = new Set(filesBefore(inputs).map((file) => file.path));
      return value.files.filter((entry) => !known.has(entry.path)).map((entry) => `files: "${entry.path}" is not a generated file`);
    },
    apply: (value: Explanations, { spec, inputs }) => {
      const better = new Map(value.files.map((entry) => [entry.path, entry.explanation]));
      const files = filesBefore(inputs).map((file) => (better.has(file.path) ? { ...file, explanation: better.get(file.path) as string } : file));
      return manifestOutput(spec, files, `${files.length} files explained (${better.size} by Claude)`, stagesOf(inputs));
    },
  },
};
