import { filesStage, prompts } from './define';

export const environmentConfig = filesStage({
  kind: 'environment-config',
  title: 'Environment config',
  dependsOn: ['architecture'],
  description: 'Environment variables validated by zod at startup, and .env.example files.',
  prompt: prompts('Write the zod-validated environment module and the .env.example files.'),
  produce: ({ layers }) => [...layers.files('backend.env'), ...layers.select('spec.deploy', (path) => path === '.env.example')],
});
