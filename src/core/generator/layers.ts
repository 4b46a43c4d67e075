// The generator's one layer registry. generateProject runs every layer in this order, and the
// pipeline's stages take the files of the layers they own from the same tables
// (pipeline/stages/layers.ts), so the two cannot list different layers.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { addAdminAccount } from './backend/adminAccount';
import { addApp } from './backend/app';
import { addAuth } from './backend/auth';
import { addDatabase } from './backend/database';
import { addDbSchema } from './backend/dbSchema';
import { addEnv } from './backend/env';
import { addHttp } from './backend/http';
import { addMigrations } from './backend/migrations';
import { type BackendModel, buildModel } from './backend/model';
import { addOpenapi } from './backend/openapi';
import { addPackageFiles } from './backend/packageJson';
import { addRoutes } from './backend/routes';
import { addRules } from './backend/rules';
import { addSeed } from './backend/seed';
import { addTests } from './backend/tests';
import { type FileSink, pruneImports } from './backend/util';
import { addValidation } from './backend/validation';
import { withAdministrator } from './administrator';
import { generateDeploy } from './deploy';
import type { FileSet } from './fileSet';
import { generateApiClient } from './frontend/api';
import { generateAppShell } from './frontend/app';
import { generateAuth } from './frontend/auth';
import { generateComponents } from './frontend/components';
import { generateFrontendConfig } from './frontend/config';
import { generateEntityModules } from './frontend/entities';
import { generateFormsRuntime } from './frontend/formsRuntime';
import { buildFrontendModel, type FrontendModel } from './frontend/model';
import { generateEntityPages } from './frontend/pages';
import { generateFrontendTests } from './frontend/tests';
import { generateProjectRoot } from './project';

type BackendLayer = (model: BackendModel, files: FileSink) => void;
type FrontendLayer = (model: FrontendModel, files: FileSet) => void;
type SpecLayer = (spec: ProjectSpec, files: FileSet) => void;

/** Everything under backend/ (a Hono + Drizzle API on PGlite/PostgreSQL), from the backend model. */
export const BACKEND_LAYERS = {
  packageFiles: addPackageFiles,
  env: addEnv,
  migrations: addMigrations,
  dbSchema: addDbSchema,
  database: addDatabase,
  seed: addSeed,
  http: addHttp,
  validation: addValidation,
  auth: addAuth,
  adminAccount: addAdminAccount,
  rules: addRules,
  routes: addRoutes,
  app: addApp,
  openapi: addOpenapi,
  tests: addTests,
} satisfies Record<string, BackendLayer>;

/** Everything under frontend/ (React + Vite), from the frontend model. */
export const FRONTEND_LAYERS = {
  config: generateFrontendConfig,
  apiClient: generateApiClient,
  formsRuntime: generateFormsRuntime,
  entityModules: generateEntityModules,
  components: generateComponents,
  pages: generateEntityPages,
  auth: generateAuth,
  appShell: generateAppShell,
  tests: generateFrontendTests,
} satisfies Record<string, FrontendLayer>;

/** Layers that read the spec itself (with the administrator every app with sign-in gets). */
export const SPEC_LAYERS = {
  deploy: (spec, files) => generateDeploy(withAdministrator(spec), files),
  projectRoot: (spec, files) => generateProjectRoot(withAdministrator(spec), files),
} satisfies Record<string, SpecLayer>;

/** Backend code templates import generously; unused names are pruned on the way in so the output passes noUnusedLocals. */
export function pruningSink(target: Pick<FileSet, 'add'>): FileSink {
  return { add: (file) => target.add(file.path.endsWith('.ts') ? { ...file, content: pruneImports(file.content) } : file) };
}

export function generateBackend(spec: ProjectSpec, target: FileSet): void {
  const model = buildModel(spec);
  const files = pruningSink(target);
  for (const layer of Object.values(BACKEND_LAYERS)) layer(model, files);
}

export function generateFrontend(spec: ProjectSpec, files: FileSet): void {
  const model = buildFrontendModel(spec);
  for (const layer of Object.values(FRONTEND_LAYERS)) layer(model, files);
}

/** The layers generateProject runs, in order; each adds its own files to the set. */
export const GENERATOR_LAYERS: readonly { id: string; title: string; generate(spec: ProjectSpec, files: FileSet): void }[] = [
  { id: 'backend', title: 'Backend API, database and tests', generate: generateBackend },
  { id: 'frontend', title: 'Frontend app and component tests', generate: generateFrontend },
  { id: 'deploy', title: 'Docker, compose and CI', generate: SPEC_LAYERS.deploy },
  { id: 'project', title: 'Workspace root and README', generate: SPEC_LAYERS.projectRoot },
];
