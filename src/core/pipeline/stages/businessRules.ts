import { filesStage, prompts } from './define';

export const businessRules = filesStage({
  kind: 'business-rules',
  title: 'Business rules',
  dependsOn: ['database-schema'],
  description: 'Capacity limits, uniqueness, no-overlap, ownership, role-only actions and status workflows, enforced in the API.',
  prompt: prompts('Implement the business rules of the spec as checks the API runs inside its transactions.'),
  produce: ({ layers }) => layers.files('backend.rules'),
});
