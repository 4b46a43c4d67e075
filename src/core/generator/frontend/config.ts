// Build tooling of the generated frontend: package.json, Vite/Vitest config, tsconfig, index.html.
import { BACKEND_PORT, FRONTEND_PORT } from '../contract';
import type { LayerTable } from '../layerFiles';
import { htmlText } from '../emit';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import type { FrontendModel } from './model';
import { allSources } from './model';

/**
 * Pinned to versions that install without install scripts and run on Node 20.19+:
 * Vite 7 (Node ^20.19), Vitest 4.1 (Node ^20), jsdom 27 (28 needs a newer Node).
 */
export const FRONTEND_DEPENDENCIES = {
  react: '^19.2.0',
  'react-dom': '^19.2.0',
  'react-router': '~7.18.0',
  zod: '^4.1.0',
} as const;

export const FRONTEND_DEV_DEPENDENCIES = {
  '@testing-library/dom': '^10.0.0',
  '@testing-library/react': '~16.3.0',
  '@types/node': '^20.19.0',
  '@types/react': '^19.2.0',
  '@types/react-dom': '^19.2.0',
  jsdom: '~27.3.0',
  typescript: '~5.9.3',
  vite: '~7.3.0',
  vitest: '~4.1.0',
} as const;

/** package.json: scripts (tests may be off), the pinned dependencies and the Node engine. */
function packageJson(spec: ProjectSpec) {
  return {
    name: `${spec.name}-frontend`,
    private: true,
    version: '0.1.0',
    type: 'module',
    scripts: {
      dev: 'vite',
      build: 'tsc --noEmit && vite build',
      preview: 'vite preview',
      test: spec.options.tests ? 'vitest run' : 'vitest run --passWithNoTests',
    },
    dependencies: FRONTEND_DEPENDENCIES,
    devDependencies: FRONTEND_DEV_DEPENDENCIES,
    engines: { node: '>=20.19' },
  };
}

/** Dev server and preview proxy /api to the backend; the same file configures Vitest. */
const VITE_CONFIG = `// Vite builds and serves the app; the same file configures Vitest.
// React's automatic JSX runtime comes from esbuild, so no React plugin is needed.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  esbuild: { jsx: 'automatic' },
  server: {
    port: ${FRONTEND_PORT},
    // The backend listens on port ${BACKEND_PORT}; proxying keeps the browser on one origin (no CORS).
    proxy: { '/api': 'http://localhost:${BACKEND_PORT}' },
  },
  preview: {
    port: ${FRONTEND_PORT},
    proxy: { '/api': 'http://localhost:${BACKEND_PORT}' },
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./src/test/setup.ts'],
    include: ['src/**/*.test.{ts,tsx}'],
  },
});
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    lib: ['ES2023', 'DOM', 'DOM.Iterable'],
    module: 'ESNext',
    moduleResolution: 'Bundler',
    jsx: 'react-jsx',
    strict: true,
    noUnusedLocals: true,
    noUnusedParameters: true,
    noFallthroughCasesInSwitch: true,
    isolatedModules: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['vite/client'],
  },
  include: ['src', 'vite.config.ts'],
};

function indexHtml(title: string): string {
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="UTF-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    <title>${htmlText(title)}</title>
  </head>
  <body>
    <div id="root"></div>
    <script type="module" src="/src/main.tsx"></script>
  </body>
</html>
`;
}

export const CONFIG_LAYER: LayerTable<FrontendModel> = {
  layer: 'frontend/config',
  serves: ['frontend'],
  sources: (model) => allSources(model.spec),
  files: [
    {
      path: 'frontend/package.json',
      content: (model) => JSON.stringify(packageJson(model.spec), null, 2),
      explanation:
        'The web app package: React 19 with react-router for pages, zod for form validation, Vite to build and serve it, Vitest with jsdom and Testing Library for component tests.',
    },
    {
      path: 'frontend/vite.config.ts',
      content: VITE_CONFIG,
      explanation: `Vite configuration: dev server on port ${FRONTEND_PORT} proxying /api to the backend on port ${BACKEND_PORT}, and the Vitest settings (jsdom, setup file).`,
    },
    {
      path: 'frontend/tsconfig.json',
      content: JSON.stringify(TSCONFIG, null, 2),
      explanation: 'TypeScript settings for the app: strict type checking; `npm run build` runs tsc before Vite so type errors fail the build.',
    },
    {
      path: 'frontend/index.html',
      content: (model) => indexHtml(model.spec.title),
      explanation: 'The single HTML page Vite serves; the React app mounts into #root.',
    },
  ],
};
