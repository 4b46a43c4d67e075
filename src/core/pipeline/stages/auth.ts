import { filesStage, prompts } from './define';

export const auth = filesStage({
  kind: 'auth',
  title: 'Authentication',
  dependsOn: ['database-schema', 'validation-schemas'],
  description: 'Password hashing (scrypt), JWT tokens, roles and ownership checks, register/login/me endpoints, the first admin from ADMIN_EMAIL / ADMIN_PASSWORD — when the spec asks for auth.',
  prompt: prompts('Write email + password authentication: scrypt hashing, JWT via jose, role and owner checks, and the auth routes.'),
  produce: ({ layers }) => [...layers.files('backend.auth'), ...layers.files('backend.adminAccount')],
});
