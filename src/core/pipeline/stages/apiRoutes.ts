import { filesStage, prompts } from './define';

/** One instance per entity: its CRUD, filtering and relation endpoints. */
export const apiRoutes = filesStage({
  kind: 'api-routes',
  title: 'API routes',
  perEntity: true,
  dependsOn: ['database-schema', 'validation-schemas', 'auth', 'api-app'],
  description: 'CRUD with pagination, sorting, filtering and relation endpoints for one entity.',
  prompt: prompts('Write the API routes of the entity {{entity}}: list with pagination and filters, get, create, update, delete, and its relation endpoints.'),
  produce: ({ layers, entity }) => layers.entityFiles('backend.routes', entity as string),
});
