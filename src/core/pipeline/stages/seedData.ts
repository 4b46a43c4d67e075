import { filesStage, prompts } from './define';

export const seedData = filesStage({
  kind: 'seed-data',
  title: 'Seed data',
  dependsOn: ['database-schema'],
  description: 'Realistic, always-the-same example rows for trying the app.',
  prompt: prompts('Write a seed script with a few realistic rows per entity (and an admin account when there is auth).'),
  produce: ({ layers }) => layers.files('backend.seed'),
});
