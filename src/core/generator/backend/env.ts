// backend/src/env.ts and backend/.env.example: configuration read once at startup and checked by zod.
import type { FileSink } from './util';
import { BACKEND_PORT, FRONTEND_PORT } from '../contract';
import type { BackendModel } from './model';
import { lines } from './util';

export function addEnv(model: BackendModel, files: FileSink): void {
  const hasAuth = Boolean(model.auth);
  files.add({
    path: 'backend/src/env.ts',
    layer: 'backend/env',
    explanation:
      'Reads the configuration from environment variables and checks it with zod at startup, so a typo or a missing secret stops the server with a clear message instead of failing later.',
    serves: hasAuth ? ['api', 'auth'] : ['api'],
    sources: model.spec.auth.sources,
    content: lines(envSchema(hasAuth), ``, LOAD_ENV),
  });
  files.add({
    path: 'backend/.env.example',
    layer: 'backend/env',
    explanation: 'Lists every environment variable the backend reads, with safe development values. Copy it to `.env` and adjust.',
    serves: hasAuth ? ['api', 'auth'] : ['api'],
    sources: model.spec.auth.sources,
    content: envExample(model.spec.name, hasAuth),
  });
}

/** env.ts's schema: the variables, and with auth the JWT secret (required in production only). */
function envSchema(hasAuth: boolean): string {
  return lines(
    `// Configuration, validated once at startup. Missing or malformed values stop the server with`,
    `// a readable list of problems.`,
    `import { z } from 'zod';`,
    ``,
    hasAuth && `const DEV_JWT_SECRET = 'dev-only-secret-change-me-before-deploying-0123456789';`,
    hasAuth && ``,
    `const EnvSchema = z`,
    `  .object({`,
    `    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),`,
    `    PORT: z.coerce.number().int().min(1).max(65535).default(${BACKEND_PORT}),`,
    `    /** PostgreSQL connection string; without it the embedded PGlite database is used. */`,
    `    DATABASE_URL: z.string().url().optional(),`,
    `    /** Folder for the embedded database (ignored when DATABASE_URL is set). */`,
    `    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),`,
    `    CORS_ORIGIN: z.string().default('http://localhost:${FRONTEND_PORT}'),`,
    hasAuth && `    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),`,
    hasAuth ? `  })` : `  });`,
    hasAuth
      ? lines(
          `  .transform((env, ctx) => {`,
          `    // Production must bring its own secret; elsewhere a fixed development secret keeps setup easy.`,
          `    if (!env.JWT_SECRET && env.NODE_ENV === 'production') {`,
          `      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'is required in production' });`,
          `      return z.NEVER;`,
          `    }`,
          `    return { ...env, JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET };`,
          `  });`,
        )
      : null,
  );
}

/** loadEnv and testEnv, the same in every project. */
const LOAD_ENV = lines(
  `export type Env = z.infer<typeof EnvSchema>;`,
  ``,
  `export function loadEnv(source: Record<string, string | undefined> = process.env): Env {`,
  `  // Empty strings (e.g. \`DATABASE_URL=\` in a .env file) mean "not set".`,
  `  const cleaned = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));`,
  `  const parsed = EnvSchema.safeParse(cleaned);`,
  `  if (!parsed.success) {`,
  `    const problems = parsed.error.issues.map((issue) => \`  \${issue.path.join('.') || 'env'}: \${issue.message}\`);`,
  `    throw new Error(\`Invalid environment:\\n\${problems.join('\\n')}\`);`,
  `  }`,
  `  return parsed.data;`,
  `}`,
  ``,
  `/** Configuration for tests: in-memory database, fixed secret. */`,
  `export function testEnv(): Env {`,
  `  return loadEnv({ NODE_ENV: 'test' });`,
  `}`,
);

function envExample(projectName: string, hasAuth: boolean): string {
  return lines(
    `# Copy to .env (or export these variables). All are optional in development.`,
    `NODE_ENV=development`,
    `PORT=${BACKEND_PORT}`,
    `# Set to use PostgreSQL instead of the embedded PGlite database, e.g.`,
    `# DATABASE_URL=postgres://user:password@localhost:5432/${projectName.replace(/-/g, '_')}`,
    `DATABASE_URL=`,
    `PGLITE_DATA_DIR=.data/pglite`,
    `CORS_ORIGIN=http://localhost:${FRONTEND_PORT}`,
    hasAuth && `# Required in production: a long random string (e.g. \`openssl rand -base64 48\`).`,
    hasAuth && `JWT_SECRET=`,
    hasAuth && `# Password of the seeded admin account (npm run seed).`,
    hasAuth && `SEED_ADMIN_PASSWORD=admin-password-123`,
  );
}
