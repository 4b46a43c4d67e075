import { filesStage, prompts } from './define';

export const frontendTests = filesStage({
  kind: 'frontend-tests',
  title: 'Frontend tests',
  dependsOn: ['pages'],
  description: 'Vitest + Testing Library component tests for lists, forms and login.',
  prompt: prompts('Write component tests for every entity’s list and form and for login.'),
  offBecause: (spec) => (spec.options.tests ? undefined : 'tests turned off in the review step'),
  produce: ({ layers }) => layers.files('frontend.tests'),
});
