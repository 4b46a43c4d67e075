// The deploy layer: Dockerfiles for backend and frontend (multi-stage; nginx serves the built
// frontend and proxies /api), docker-compose with Postgres 16, a GitHub Actions CI workflow and
// the root .env.example.
import { BACKEND_PORT } from '../contract';
import type { FileSet } from '../fileSet';
import { addLayerFiles, type LayerFile } from '../layerFiles';
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

function compose(spec: ProjectSpec): string {
  const db = databaseName(spec);
  const hasAuth = spec.auth.kind === 'emailPassword';
  return `# Runs the whole app: docker compose up --build, then open http://localhost:${FRONTEND_PUBLIC_PORT}
# Copy .env.example to .env first${hasAuth ? ' (JWT_SECRET is required)' : ''}.
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
${hasAuth ? '      JWT_SECRET: ${JWT_SECRET:?Set JWT_SECRET in .env (see .env.example)}\n' : ''}      PORT: "${BACKEND_PORT}"
    depends_on:
      db:
        condition: service_healthy
    ports:
      - "${BACKEND_PORT}:${BACKEND_PORT}"

  frontend:
    build:
      context: .
      dockerfile: frontend/Dockerfile
    depends_on:
      - backend
    ports:
      - "${FRONTEND_PUBLIC_PORT}:80"

volumes:
  db-data:
`;
}

function ciWorkflow(spec: ProjectSpec): string {
  const db = `${databaseName(spec)}_test`;
  const hasAuth = spec.auth.kind === 'emailPassword';
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
${hasAuth ? '      JWT_SECRET: ci-only-secret-not-for-production\n' : ''}    steps:
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

function envExample(spec: ProjectSpec): string {
  const db = databaseName(spec);
  const hasAuth = spec.auth.kind === 'emailPassword';
  return `# Copy to .env and adjust. docker compose reads it; the backend reads DATABASE_URL${hasAuth ? ', JWT_SECRET' : ''} and PORT.
POSTGRES_PASSWORD=${DB_USER}
DATABASE_URL=postgres://${DB_USER}:${DB_USER}@localhost:5432/${db}
${hasAuth ? '# Signs login tokens: use a long random string (e.g. `openssl rand -hex 32`) and keep it secret.\nJWT_SECRET=change-me-to-a-long-random-string\n' : ''}PORT=${BACKEND_PORT}
`;
}

const hasDocker = (spec: ProjectSpec) => spec.options.docker;

/** The deploy files; the container ones are left out when Docker is turned off in the review step. */
const DEPLOY_FILES: readonly LayerFile<ProjectSpec>[] = [
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
    path: 'docker-compose.yml',
    content: compose,
    when: hasDocker,
    explanation: `Runs Postgres 16 (with a health check and a data volume), the backend and the frontend together; the app is then at http://localhost:${FRONTEND_PUBLIC_PORT}.`,
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
    explanation: 'The environment variables the app needs, with safe local defaults; copy it to .env.',
  },
];

export function generateDeploy(spec: ProjectSpec, files: FileSet): void {
  addLayerFiles(files, spec, DEPLOY_FILES, { layer: 'deploy', serves: ['deploy'], sources: spec.requirements.sentences.map((s) => s.id) });
}
