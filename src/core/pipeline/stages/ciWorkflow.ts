import { filesStage, prompts } from './define';

export const ciWorkflow = filesStage({
  kind: 'ci-workflow',
  title: 'CI workflow',
  dependsOn: ['architecture'],
  description: 'A GitHub Actions workflow that installs, builds and tests both apps.',
  prompt: prompts('Write a CI workflow that installs, builds and tests the project on Node 20.'),
  produce: ({ layers }) => layers.select('spec.deploy', (path) => path.startsWith('.github/')),
});
