import { buildManifest, MANIFEST_PATH } from '../../generator/project';
import { prompts } from './define';
import { type StageDefinition, StageOutputSchema } from './types';

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
    const files = [...inputs.values()].flatMap((output) => output.files).sort((a, b) => (a.path < b.path ? -1 : 1));
    const manifest = {
      path: MANIFEST_PATH,
      content: buildManifest(spec, files),
      layer: 'explanations',
      explanation:
        'Takoss manifest: for every generated file, the layer that made it, the spec elements and requirement sentences it serves, and a plain-language explanation. Editor hovers and the Takoss panel read it.',
      serves: ['project'],
      sources: spec.requirements.sentences.map((sentence) => sentence.id),
    };
    return { files: [{ ...manifest, content: manifest.content.endsWith('\n') ? manifest.content : manifest.content + '\n' }], summary: `${files.length} files explained` };
  },
};
