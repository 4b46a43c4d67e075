import { filesStage, prompts } from './define';

export const layoutNavigation = filesStage({
  kind: 'layout-navigation',
  title: 'Layout and navigation',
  dependsOn: ['frontend-api-client'],
  description: 'App shell, routes, navigation, shared list/detail/form components, login and register pages.',
  prompt: prompts('Write the React app shell: router, navigation, shared components, and the login/register pages when there is auth.'),
  produce: ({ layers }) => [
    ...layers.files('frontend.formsRuntime'),
    ...layers.files('frontend.components'),
    ...layers.files('frontend.auth'),
    ...layers.files('frontend.appShell'),
  ],
});
