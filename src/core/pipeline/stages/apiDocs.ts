import { filesStage, prompts } from './define';

export const apiDocs = filesStage({
  kind: 'api-docs',
  title: 'API documentation',
  dependsOn: ['validation-schemas'],
  description: 'An OpenAPI 3.1 document of every endpoint.',
  prompt: prompts('Write the OpenAPI 3.1 document for all endpoints, schemas and error responses.'),
  produce: ({ layers }) => layers.files('backend.openapi'),
});
