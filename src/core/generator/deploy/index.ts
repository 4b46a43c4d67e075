// The deploy layer: Dockerfiles for backend and frontend (multi-stage; nginx serves the built
// frontend and proxies /api) and the .dockerignore of their build context, docker-compose with
// Postgres 16 and health checks, a GitHub Actions CI workflow and the root .env.example. Secrets
// come from .env: neither compose nor CI holds one.
import { ADMIN_EXAMPLE } from '../backend/env';
import { lines } from '../backend/util';
import { BACKEND_PORT, bootstrapAdminRole } from '../contract';
import type { LayerTable } from '../layerFiles';
import { snakeCase } from '../../../model/project/naming';
import type { ProjectSpec } from '../../../model/project/projectSpec';

export const NODE_IMAGE = 'node:20-slim';
export const NGINX_IMAGE = 'nginx:1.27-alpine';
export const POSTGRES_IMAGE = 'postgres:16';
export const FRONTEND_PUBLIC_PORT = 8080;
const DB_USER = 'app';

export function databaseName(spec: ProjectSpec): string {
  return snakeCase(spec.name);
}

/** Installs one workspace with the root lockfile when there is one (a fresh project has none yet). */
function installWorkspace(workspace: string): string {
  return `RUN if [ -f package-lock.json ]; then npm ci --workspace ${workspace} --no-audit --no-fund; \\
    else npm install --workspace ${workspace} --no-audit --no-fund; fi`;
}

const WORKSPACE_MANIFESTS = `# npm workspaces share one lockfile at the root, so the build context is the project root.
COPY package.json package-lock.json* ./
COPY backend/package.json backend/
COPY frontend/package.json frontend/`;

function backendDockerfile(): string {
  return `# syntax=docker/dockerfile:1
# The API server. Build from the project root: docker build -f backend/Dockerfile .
FROM ${NODE_IMAGE} AS build
WORKDIR /app
${WORKSPACE_MANIFESTS}
${installWorkspace('backend')}
COPY backend backend
RUN npm run build --workspace backend

# Runtime: the built backend and its installed dependencies, without the build layers.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production
ENV PORT=${BACKEND_PORT}
COPY --from=build /app/package.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/backend ./backend
USER node
EXPOSE ${BACKEND_PORT}
CMD ["npm", "run", "start", "--workspace", "backend"]
`;
}

function frontendDockerfile(): string {
  return `# syntax=docker/dockerfile:1
# The web app: built with Vite, served by nginx, which also proxies /api to the backend.
# Build from the project root: docker build -f frontend/Dockerfile .
FROM ${NODE_IMAGE} AS build
WORKDIR /app
${WORKSPACE_MANIFESTS}
${installWorkspace('frontend')}
COPY frontend frontend
RUN npm run build --workspace frontend

FROM ${NGINX_IMAGE}
COPY frontend/nginx.conf /etc/nginx/conf.d/default.conf
COPY --from=build /app/frontend/dist /usr/share/nginx/html
EXPOSE 80
`;
}

const NGINX_CONF = `# Serves the built app and forwards API calls to the backend container, so the browser talks to
# one origin (no CORS). Unknown paths fall back to index.html for client-side routing.
server {
  listen 80;
  root /usr/share/nginx/html;
  index index.html;

  location /api/ {
    proxy_pass http://backend:${BACKEND_PORT};
    proxy_set_header Host $host;
    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
    proxy_set_header X-Forwarded-Proto $scheme;
  }

  location /assets/ {
    expires 1y;
    add_header Cache-Control "public, immutable";
  }

  location / {
    try_files $uri /index.html;
  }
}
`;

/** The backend's variables from .env: the secret is required, the first admin optional; no values in this file. */
function backendSecrets(spec: ProjectSpec): string {
  if (spec.auth.kind !== 'emailPassword') return '';
  const secret = '      JWT_SECRET: ${JWT_SECRET:?set JWT_SECRET in .env, e.g. from openssl rand -base64 48}\n';
  const admin = bootstrapAdminRole(spec) ? '      ADMIN_EMAIL: ${ADMIN_EMAIL:-}\n      ADMIN_PASSWORD: ${ADMIN_PASSWORD:-}\n' : '';
  return secret + admin;
}

/** node:20-slim has no curl or wget: the check asks the API with Node's own fetch. */
const BACKEND_HEALTHCHECK = `    healthcheck:
      test: ["CMD", "node", "-e", "fetch('http://127.0.0.1:${BACKEND_PORT}/api/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
      interval: 10s
      timeout: 5s
      retries: 5
      start_period: 30s
`;

function compose(spec: ProjectSpec): string {
  const db = databaseName(spec);
  const hasAuth = spec.auth.kind === 'emailPassword';
  return `# Runs the whole app: docker compose up --build, then open http://localhost:${FRONTEND_PUBLIC_PORT}
# Copy .env.example to .env first${hasAuth ? ' and set JWT_SECRET (required)' : ''}${bootstrapAdminRole(spec) ? ', and ADMIN_EMAIL / ADMIN_PASSWORD for the first admin' : ''}.
services:
  db:
    image: ${POSTGRES_IMAGE}
    environment:
      POSTGRES_USER: ${DB_USER}
      POSTGRES_PASSWORD: \${POSTGRES_PASSWORD:-${DB_USER}}
      POSTGRES_DB: ${db}
    volumes:
      - db-data:/var/lib/postgresql/data
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U ${DB_USER} -d ${db}"]
      interval: 5s
      timeout: 5s
      retries: 10

  backend:
    build:
      context: .
      dockerfile: backend/Dockerfile
    environment:
      DATABASE_URL: postgres://${DB_USER}:\${POSTGRES_PASSWORD:-${DB_USER}}@db:5432/${db}
${backendSecrets(spec)}      PORT: "${BACKEND_PORT}"
    depends_on:
      db:
        condition: service_healthy
${BACKEND_HEALTHCHECK}    ports:
      - "${BACKEND_PORT}:${BACKEND_PORT}"

  frontend:
    build:
      context: .
      dockerfile: frontend/Dockerfile
    depends_on:
      backend:
        condition: service_healthy
    ports:
      - "${FRONTEND_PUBLIC_PORT}:80"

volumes:
  db-data:
`;
}

function ciWorkflow(spec: ProjectSpec): string {
  const db = `${databaseName(spec)}_test`;
  return `# Builds and tests backend and frontend on every push and pull request.
name: CI

on:
  push:
    branches: [main]
  pull_request:

jobs:
  build-and-test:
    runs-on: ubuntu-latest
    services:
      postgres:
        image: ${POSTGRES_IMAGE}
        env:
          POSTGRES_USER: ${DB_USER}
          POSTGRES_PASSWORD: ${DB_USER}
          POSTGRES_DB: ${db}
        ports:
          - 5432:5432
        options: >-
          --health-cmd "pg_isready -U ${DB_USER} -d ${db}"
          --health-interval 5s
          --health-timeout 5s
          --health-retries 10
    env:
      DATABASE_URL: postgres://${DB_USER}:${DB_USER}@localhost:5432/${db}
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Install
        # npm ci once package-lock.json is committed; a fresh project has none yet.
        run: if [ -f package-lock.json ]; then npm ci; else npm install; fi
      - name: Build
        run: npm run build
      - name: Test
        run: npm test
`;
}

/** With sign-in: a JWT_SECRET placeholder the backend refuses, so a copied .env.example cannot go live. */
function secretExample(spec: ProjectSpec): string {
  if (spec.auth.kind !== 'emailPassword') return '';
  return lines(
    '# Signs sign-in tokens. Replace the placeholder (the backend refuses it) with 32+ random',
    '# characters, e.g. from `openssl rand -base64 48`, and keep it secret.',
    'JWT_SECRET=change-me',
    bootstrapAdminRole(spec) && ADMIN_EXAMPLE,
    '',
  );
}

function envExample(spec: ProjectSpec): string {
  const db = databaseName(spec);
  const hasAuth = spec.auth.kind === 'emailPassword';
  const read = hasAuth ? `, JWT_SECRET${bootstrapAdminRole(spec) ? ', ADMIN_EMAIL, ADMIN_PASSWORD' : ''}` : '';
  return `# Copy to .env and adjust. docker compose reads it; the backend reads DATABASE_URL${read} and PORT.
POSTGRES_PASSWORD=${DB_USER}
DATABASE_URL=postgres://${DB_USER}:${DB_USER}@localhost:5432/${db}
${secretExample(spec)}PORT=${BACKEND_PORT}
`;
}

/**
 * The images are built from the project root (npm workspaces share its lockfile), so without this
 * the dev database (accounts and password hashes), the development secret, .env files and local
 * builds would be copied into them.
 */
const DOCKERIGNORE = `# Keeps the build context (the project root) to sources and manifests: never the local
# database or secrets in backend/.data/, .env files, installed packages or build output.
**/node_modules
**/.data
**/.env
**/.env.*
!**/.env.example
**/dist
**/coverage
**/*.log
**/.vite
**/test-results
**/playwright-report
.git
.github
.takoss
`;

const hasDocker = (spec: ProjectSpec) => spec.options.docker;

/** The deploy files; the container ones are left out when Docker is turned off in the review step. */
export const DEPLOY_LAYER: LayerTable<ProjectSpec> = {
  layer: 'deploy',
  serves: ['deploy'],
  sources: (spec) => spec.requirements.sentences.map((s) => s.id),
  files: [
    {
      path: 'backend/Dockerfile',
      content: backendDockerfile,
      when: hasDocker,
      explanation: `Container image for the API: installs and builds the backend workspace on ${NODE_IMAGE}, then runs it on port ${BACKEND_PORT}.`,
    },
    {
      path: 'frontend/Dockerfile',
      content: frontendDockerfile,
      when: hasDocker,
      explanation: `Container image for the web app: builds it with Vite, then serves the static files with ${NGINX_IMAGE}.`,
    },
    {
      path: 'frontend/nginx.conf',
      content: NGINX_CONF,
      when: hasDocker,
      explanation: 'nginx settings for the frontend container: serves the app, proxies /api to the backend, falls back to index.html for client routes.',
    },
    {
      path: '.dockerignore',
      content: DOCKERIGNORE,
      when: hasDocker,
      explanation: 'Keeps the local database and development secret (backend/.data), .env files, node_modules and build output out of the Docker build context, so they never end up in an image.',
    },
    {
      path: 'docker-compose.yml',
      content: compose,
      when: hasDocker,
      explanation: `Runs Postgres 16 (with a health check and a data volume), the backend (health-checked at /api/health, secrets from .env) and the frontend, which starts once the backend is healthy; the app is then at http://localhost:${FRONTEND_PUBLIC_PORT}.`,
      serves: (spec) => ['deploy', ...(spec.auth.kind === 'emailPassword' ? ['auth'] : [])],
    },
    {
      path: '.github/workflows/ci.yml',
      content: ciWorkflow,
      explanation: 'GitHub Actions: on Node 20 with a Postgres service, installs, builds and tests both workspaces on every push and pull request.',
    },
    {
      path: '.env.example',
      content: envExample,
      explanation: (spec) =>
        spec.auth.kind === 'emailPassword'
          ? 'The environment variables the app needs; copy it to .env and replace the JWT_SECRET placeholder, which the backend refuses.'
          : 'The environment variables the app needs, with safe local defaults; copy it to .env.',
    },
  ],
};
