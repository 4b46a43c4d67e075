// The project-root layer: the npm workspaces package.json (build/test/dev/seed for backend and
// frontend together), the dev runner script, README, .gitignore and .nvmrc.
import type { LayerTable } from '../layerFiles';
import gitignore from '../templates/gitignore?text';
import nvmrc from '../templates/nvmrc?text';
import devScript from '../templates/scripts/dev.mjs?text';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { generateReadme } from './readme';

export { buildManifest, MANIFEST_LAYER, MANIFEST_PATH, TakossManifest } from './manifest';

function rootPackageJson(spec: ProjectSpec): string {
  const packageJson = {
    name: spec.name,
    version: '0.1.0',
    private: true,
    description: spec.description || spec.title,
    workspaces: ['backend', 'frontend'],
    scripts: {
      dev: 'node scripts/dev.mjs',
      build: 'npm run build --workspaces',
      test: 'npm test --workspaces',
      seed: 'npm run seed --workspace backend',
      start: 'npm run start --workspace backend',
    },
    engines: { node: '>=20.19' },
  };
  return JSON.stringify(packageJson, null, 2);
}

const everything = (spec: ProjectSpec) => spec.requirements.sentences.map((s) => s.id);

export const PROJECT_LAYER: LayerTable<ProjectSpec> = {
  layer: 'project',
  serves: ['project'],
  sources: () => [],
  files: [
    {
      path: 'package.json',
      content: rootPackageJson,
      explanation: 'The root package: npm workspaces for backend and frontend, and scripts to develop, build, test and seed them together.',
      sources: everything,
    },
    {
      // `npm run dev` starts both workspaces with this script instead of a package such as
      // `concurrently`: no extra dependency, and Ctrl+C stops both.
      path: 'scripts/dev.mjs',
      content: devScript,
      explanation: '`npm run dev`: runs the backend and frontend dev servers side by side with prefixed output; stopping one stops both.',
    },
    {
      path: 'README.md',
      content: generateReadme,
      explanation: 'What the app does (entities, relations, sign-in, enforced rules), which requirements are not implemented, and how to run, test and deploy it.',
      serves: (spec) => ['project', ...spec.entities.map((e) => `entity:${e.name}`)],
      sources: everything,
    },
    {
      path: '.gitignore',
      content: gitignore,
      explanation: 'Keeps dependencies, build output, logs and the real .env (secrets) out of version control.',
    },
    {
      path: '.nvmrc',
      content: nvmrc,
      explanation: 'The Node.js major version the project is built and tested with (nvm/fnm read it).',
    },
  ],
};
