import { filesStage, prompts } from './define';

export const validationSchemas = filesStage({
  kind: 'validation-schemas',
  title: 'Validation schemas',
  dependsOn: ['domain-model'],
  description: 'zod schemas for every entity’s create and update input.',
  prompt: prompts('Write zod schemas for creating and updating each entity, with the field types and limits of the spec.'),
  produce: ({ layers }) => layers.files('backend.validation'),
});
