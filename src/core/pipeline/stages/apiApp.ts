import { filesStage, prompts } from './define';

export const apiApp = filesStage({
  kind: 'api-app',
  title: 'API application',
  dependsOn: ['architecture', 'environment-config'],
  description: 'The HTTP app: error JSON, pagination helpers, route wiring and the server entry point.',
  prompt: prompts('Write the Hono app: consistent error JSON, list/pagination helpers, route registration and the server.'),
  produce: ({ layers }) => [...layers.files('backend.http'), ...layers.files('backend.app')],
});
