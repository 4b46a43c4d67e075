import { filesStage, prompts } from './define';

export const migrations = filesStage({
  kind: 'migrations',
  title: 'Migrations',
  dependsOn: ['database-schema'],
  description: 'SQL that creates the tables, foreign keys, unique constraints, checks and indexes.',
  prompt: prompts('Write the initial SQL migration matching the Drizzle schema.'),
  produce: ({ layers }) => layers.files('backend.migrations'),
});
