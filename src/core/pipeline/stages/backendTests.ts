import { filesStage, prompts } from './define';

export const backendTests = filesStage({
  kind: 'backend-tests',
  title: 'Backend tests',
  dependsOn: ['api-routes', 'business-rules', 'auth', 'seed-data', 'migrations'],
  description: 'Vitest API tests: every entity’s CRUD, auth, and every business rule, on an in-memory database.',
  prompt: prompts('Write Vitest tests for every endpoint, the auth flow and every business rule.'),
  offBecause: (spec) => (spec.options.tests ? undefined : 'tests turned off in the review step'),
  produce: ({ layers }) => layers.files('backend.tests'),
});
