import { filesStage, prompts } from './define';

export const databaseSchema = filesStage({
  kind: 'database-schema',
  title: 'Database schema',
  dependsOn: ['architecture'],
  description: 'Drizzle table definitions and the database client (PGlite in development and tests, PostgreSQL when DATABASE_URL is set).',
  prompt: prompts('Write the Drizzle ORM schema for every entity and relation, and the database client.'),
  produce: ({ layers }) => [...layers.files('backend.dbSchema'), ...layers.files('backend.database')],
});
