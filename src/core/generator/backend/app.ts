// backend/src/app.ts and backend/src/server.ts: the Hono application (all routes, CORS, error
// handling) and the Node.js process that serves it.
import { API_PREFIX, bootstrapAdminRole } from '../contract';
import type { LayerTable } from '../layerFiles';
import type { BackendModel } from './model';
import { lines } from './util';

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

/** server.ts: configuration, database, migrations, the first admin when the app has one, then listen. */
function serverFile(model: BackendModel): string {
  const admin = Boolean(bootstrapAdminRole(model.spec));
  return lines(
    admin
      ? `// Starts the API: reads the configuration, opens the database, applies pending migrations,\n// creates the first admin (ADMIN_EMAIL / ADMIN_PASSWORD) while there is none, and listens.`
      : `// Starts the API: reads the configuration, opens the database, applies pending migrations and listens.`,
    `import { existsSync } from 'node:fs';`,
    `import { serve } from '@hono/node-server';`,
    `import { createApp } from './app.js';`,
    admin && `import { ensureAdmin } from './auth/admin.js';`,
    `import { openDatabase } from './db/client.js';`,
    `import { migrate } from './db/migrate.js';`,
    `import { loadEnv } from './env.js';`,
    ``,
    `if (existsSync('.env')) process.loadEnvFile('.env');`,
    `const env = loadEnv();`,
    `const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DATA_DIR });`,
    `const applied = await migrate(database);`,
    `if (applied.length) console.log(\`Applied migrations: \${applied.join(', ')}\`);`,
    admin &&
      lines(
        `const admin = await ensureAdmin(database.db, env);`,
        `if (admin === 'created') console.log(\`Created the admin account \${env.ADMIN_EMAIL}.\`);`,
        `if (admin === 'not-configured') console.warn('No admin account yet: set ADMIN_EMAIL and ADMIN_PASSWORD (see .env.example) and restart to create one.');`,
      ),
    ``,
    `const app = createApp({ db: database.db, env });`,
    `const server = serve({ fetch: app.fetch, port: env.PORT }, (info) => {`,
    `  console.log(\`API listening on http://localhost:\${info.port}/api (\${env.DATABASE_URL ? 'PostgreSQL' : 'PGlite in ' + env.PGLITE_DATA_DIR})\`);`,
    `});`,
    ``,
    `function shutdown(): void {`,
    `  server.close();`,
    `  void database.close().finally(() => process.exit(0));`,
    `}`,
    `process.on('SIGINT', shutdown);`,
    `process.on('SIGTERM', shutdown);`,
  );
}

export const APP_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/app',
  serves: ['api'],
  files: [
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
      content: serverFile,
      explanation: (model) =>
        `Starts the backend: checks the configuration, opens the database, applies pending migrations${bootstrapAdminRole(model.spec) ? ', creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD while there is none' : ''} and listens for HTTP requests.`,
    },
  ],
};
