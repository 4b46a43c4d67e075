// backend/src/app.ts and backend/src/server.ts: the Hono application (all routes, CORS, error
// handling) and the Node.js process that serves it.
import { API_PREFIX } from '../contract';
import { addLayerFiles, type LayerFile } from '../layerFiles';
import server from '../templates/backend/src/server.ts?text';
import type { BackendModel } from './model';
import { lines, type FileSink } from './util';

function appFile(model: BackendModel): string {
  return lines(
    `// The HTTP application. Hono is small, fast and typed, and works on web-standard Request/Response,`,
    `// so tests call app.request() directly without opening a port.`,
    `import { readFileSync } from 'node:fs';`,
    `import { Hono } from 'hono';`,
    `import { cors } from 'hono/cors';`,
    `import { errorBody, toApiError } from './http/errors.js';`,
    `import type { AppDeps, AppEnv } from './http/context.js';`,
    model.auth ? `import { authRoutes } from './routes/auth.js';` : null,
    ...model.entities.map((e) => `import { ${e.names.camel}Routes } from './routes/${e.names.route}.js';`),
    ``,
    `/** The OpenAPI document generated with the code (backend/openapi.json). */`,
    `const openapi = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8')) as unknown;`,
    ``,
    `export function createApp(deps: AppDeps): Hono<AppEnv> {`,
    `  const app = new Hono<AppEnv>();`,
    `  app.use('${API_PREFIX}/*', cors({ origin: deps.env.CORS_ORIGIN, allowHeaders: ['Content-Type', 'Authorization'] }));`,
    ``,
    `  app.get('${API_PREFIX}/health', (c) => c.json({ status: 'ok' }));`,
    `  app.get('${API_PREFIX}/openapi.json', (c) => c.json(openapi as object));`,
    model.auth ? `  app.route('${API_PREFIX}/auth', authRoutes(deps));` : null,
    ...model.entities.map((e) => `  app.route('${API_PREFIX}/${e.names.route}', ${e.names.camel}Routes(deps));`),
    ``,
    `  app.notFound((c) => c.json(errorBody('not_found', \`No endpoint \${c.req.method} \${c.req.path}\`), 404));`,
    `  app.onError((error, c) => {`,
    `    const apiError = toApiError(error, c.req.method);`,
    `    if (apiError.status >= 500) console.error(error);`,
    `    return c.json(errorBody(apiError.code, apiError.message, apiError.details), apiError.status);`,
    `  });`,
    `  return app;`,
    `}`,
  );
}

const APP_FILES: readonly LayerFile<BackendModel>[] = [
  {
    path: 'backend/src/app.ts',
    content: appFile,
    explanation:
      'Puts the API together: every entity\'s endpoints under /api, health check, OpenAPI document, CORS for the frontend and one error handler that always answers in the same JSON shape.',
    serves: (model) => ['api', ...model.entities.map((e) => `entity:${e.entity.name}`), ...(model.auth ? ['auth'] : [])],
    sources: (model) => model.entities.flatMap((e) => e.sources),
  },
  {
    path: 'backend/src/server.ts',
    content: server,
    explanation: 'Starts the backend: checks the configuration, opens the database, applies pending migrations and listens for HTTP requests.',
  },
];

export function addApp(model: BackendModel, files: FileSink): void {
  addLayerFiles(files, model, APP_FILES, { layer: 'backend/app', serves: ['api'] });
}
