// backend/src/env.ts and backend/.env.example: configuration read once at startup and checked by zod.
// With sign-in also backend/src/auth/secrets.ts: what a usable secret or password is, and the
// development secret file (no secret is ever written in the generated source).
import type { LayerTable } from '../layerFiles';
import { BACKEND_PORT, bootstrapAdminRole, FRONTEND_PORT } from '../contract';
import secrets from '../templates/backend/src/auth/secrets.ts?text';
import type { BackendModel } from './model';
import { lines } from './util';

export const ENV_LAYER: LayerTable<BackendModel> = {
  layer: 'backend/env',
  serves: (model) => (model.auth ? ['api', 'auth'] : ['api']),
  sources: (model) => model.spec.auth.sources,
  files: [
    {
      path: 'backend/src/env.ts',
      content: (model) => lines(envSchema(model), ``, loadEnvFunctions(Boolean(model.auth))),
      explanation:
        'Reads the configuration from environment variables and checks it with zod at startup, so a typo or a missing secret stops the server with a clear message instead of failing later.',
    },
    {
      path: 'backend/src/auth/secrets.ts',
      content: secrets,
      when: (model) => Boolean(model.auth),
      explanation:
        'Says what a usable signing secret or account password is (long enough, not a placeholder), and keeps the development signing secret: random, created on first run in the git-ignored .data/jwt-secret.',
    },
    {
      path: 'backend/.env.example',
      content: envExample,
      explanation: 'Lists every environment variable the backend reads, with safe development values. Copy it to `.env` and adjust.',
    },
  ],
};

/** env.ts's schema: the variables, and with auth the signing secret and the first admin account. */
function envSchema(model: BackendModel): string {
  const hasAuth = Boolean(model.auth);
  const admin = Boolean(bootstrapAdminRole(model.spec));
  return lines(
    `// Configuration, validated once at startup. Missing or malformed values stop the server with`,
    `// a readable list of problems.`,
    `import { z } from 'zod';`,
    hasAuth && `import { developmentSecret, HOW_TO_CREATE_SECRET, passwordProblem, randomSecret, secretProblem } from './auth/secrets.js';`,
    ``,
    hasAuth && CHECKS,
    `const EnvSchema = z`,
    `  .object({`,
    `    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),`,
    `    PORT: z.coerce.number().int().min(1).max(65535).default(${BACKEND_PORT}),`,
    `    /** PostgreSQL connection string; without it the embedded PGlite database is used. */`,
    `    DATABASE_URL: z.string().url().optional(),`,
    `    /** Folder for the embedded database (ignored when DATABASE_URL is set). */`,
    `    PGLITE_DATA_DIR: z.string().min(1).default('.data/pglite'),`,
    `    CORS_ORIGIN: z.string().default('http://localhost:${FRONTEND_PORT}'),`,
    hasAuth && `    /** Signs sign-in tokens. Required in production; see signingSecret for the other modes. */`,
    hasAuth && `    JWT_SECRET: z.string().superRefine(checkedBy(secretProblem)).optional(),`,
    admin && `    /** The first admin account, created at start while the app has no admin (auth/admin.ts). */`,
    admin && `    ADMIN_EMAIL: z.email().transform((v) => v.toLowerCase()).optional(),`,
    admin && `    ADMIN_PASSWORD: z.string().superRefine(checkedBy(passwordProblem)).optional(),`,
    hasAuth && `    /** Password of the example accounts \`npm run seed\` creates (a random, unknown one when unset). */`,
    hasAuth && `    SEED_PASSWORD: z.string().superRefine(checkedBy(passwordProblem)).optional(),`,
    hasAuth ? `  })` : `  });`,
    admin && ADMIN_PAIR,
    hasAuth && `  .transform((env, ctx) => ({ ...env, JWT_SECRET: signingSecret(env, ctx) }));`,
  );
}

/** With auth: a zod check from a problem function, and where the signing secret comes from. */
const CHECKS = lines(
  `/** A zod check from a function that says what is wrong with a value, if anything. */`,
  `function checkedBy(problem: (value: string) => string | undefined) {`,
  `  return (value: string, ctx: z.RefinementCtx) => {`,
  `    const message = problem(value);`,
  `    if (message) ctx.addIssue({ code: 'custom', message });`,
  `  };`,
  `}`,
  ``,
  `/**`,
  ` * JWT_SECRET when set. Otherwise production refuses to start, tests get a new random secret per`,
  ` * run and development keeps a random one in .data/jwt-secret: no secret is ever in the source.`,
  ` */`,
  `function signingSecret(env: { NODE_ENV: string; JWT_SECRET?: string }, ctx: z.RefinementCtx): string {`,
  `  if (env.JWT_SECRET) return env.JWT_SECRET;`,
  `  if (env.NODE_ENV === 'test') return randomSecret();`,
  `  if (env.NODE_ENV === 'development') return developmentSecret();`,
  `  ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: \`is required in production: \${HOW_TO_CREATE_SECRET} and set it in the environment\` });`,
  `  return z.NEVER;`,
  `}`,
  ``,
);

/** ADMIN_EMAIL and ADMIN_PASSWORD make sense only together. */
const ADMIN_PAIR = lines(
  `  .superRefine((env, ctx) => {`,
  `    if (Boolean(env.ADMIN_EMAIL) === Boolean(env.ADMIN_PASSWORD)) return;`,
  `    const [given, missing] = env.ADMIN_EMAIL ? ['ADMIN_EMAIL', 'ADMIN_PASSWORD'] : ['ADMIN_PASSWORD', 'ADMIN_EMAIL'];`,
  `    ctx.addIssue({ code: 'custom', path: [missing], message: \`is required with \${given}\` });`,
  `  })`,
);

/** loadEnv and testEnv, the same in every project but for what a test run's secret is. */
const loadEnvFunctions = (hasAuth: boolean) => lines(
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
  `/** Configuration for tests: in-memory database${hasAuth ? ', a new random signing secret per run' : ''}. */`,
  `export function testEnv(): Env {`,
  `  return loadEnv({ NODE_ENV: 'test' });`,
  `}`,
);

function envExample(model: BackendModel): string {
  const hasAuth = Boolean(model.auth);
  return lines(
    `# Copy to .env (or export these variables). All are optional in development.`,
    `NODE_ENV=development`,
    `PORT=${BACKEND_PORT}`,
    `# Set to use PostgreSQL instead of the embedded PGlite database, e.g.`,
    `# DATABASE_URL=postgres://user:password@localhost:5432/${model.spec.name.replace(/-/g, '_')}`,
    `DATABASE_URL=`,
    `PGLITE_DATA_DIR=.data/pglite`,
    `CORS_ORIGIN=http://localhost:${FRONTEND_PORT}`,
    hasAuth && `# Signs sign-in tokens. Unset in development: a random one is kept in .data/jwt-secret.`,
    hasAuth && `# Required in production: 32+ random characters, e.g. from \`openssl rand -base64 48\`.`,
    hasAuth && `JWT_SECRET=`,
    bootstrapAdminRole(model.spec) && ADMIN_EXAMPLE,
    hasAuth && `# Password (12+ characters) of the example accounts \`npm run seed\` creates; unset, they get a random one.`,
    hasAuth && `SEED_PASSWORD=`,
  );
}

/** The admin bootstrap's variables, commented the same in backend/.env.example and the root .env.example. */
export const ADMIN_EXAMPLE = lines(
  `# The first admin account, created when the backend starts and no admin exists yet (never`,
  `# changed afterwards). The password needs 12+ characters; it is never logged.`,
  `ADMIN_EMAIL=`,
  `ADMIN_PASSWORD=`,
);
