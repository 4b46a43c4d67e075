import { filesStage, prompts } from './define';

/** Toolchains of both apps: package manifests, TypeScript, Vite and Vitest configuration. */
export const architecture = filesStage({
  kind: 'architecture',
  title: 'Architecture',
  dependsOn: ['domain-model'],
  description: 'Chooses the stack (Hono, Drizzle, PGlite/PostgreSQL, React, Vite, Vitest) and writes each app’s manifest and tool configuration.',
  prompt: prompts('Write package.json, tsconfig and test configuration for the backend and the frontend.'),
  produce: ({ layers }) => [...layers.files('backend.packageFiles'), ...layers.files('frontend.config')],
});
