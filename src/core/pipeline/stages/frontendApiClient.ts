import { filesStage, prompts } from './define';

export const frontendApiClient = filesStage({
  kind: 'frontend-api-client',
  title: 'Frontend API client',
  dependsOn: ['architecture', 'validation-schemas'],
  description: 'A typed client for the API and the form schemas of every entity.',
  prompt: prompts('Write the typed API client and the per-entity types and form schemas for the frontend.'),
  produce: ({ layers }) => [...layers.files('frontend.apiClient'), ...layers.files('frontend.entityModules')],
});
