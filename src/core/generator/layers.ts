// The generator's one layer registry: every layer is a table of the files it makes (layerFiles.ts).
// generateProject runs every layer in this order, and the pipeline's stages take the files of the
// layers they own from the same tables (pipeline/stages/layers.ts), so the two cannot list
// different layers or files.
import type { ProjectSpec } from '../../model/project/projectSpec';
import { ADMIN_ACCOUNT_LAYER } from './backend/adminAccount';
import { APP_LAYER } from './backend/app';
import { AUTH_LAYER as BACKEND_AUTH_LAYER } from './backend/auth';
import { DATABASE_LAYER } from './backend/database';
import { DB_SCHEMA_LAYER } from './backend/dbSchema';
import { ENV_LAYER } from './backend/env';
import { HTTP_LAYER } from './backend/http';
import { MIGRATIONS_LAYER } from './backend/migrations';
import { type BackendModel, buildModel } from './backend/model';
import { OPENAPI_LAYER } from './backend/openapi';
import { PACKAGE_LAYER } from './backend/packageJson';
import { ROUTES_LAYER } from './backend/routes';
import { RULES_LAYER } from './backend/rules';
import { SEED_LAYER } from './backend/seed';
import { BACKEND_TESTS_LAYER } from './backend/tests';
import { pruneImports } from './backend/util';
import { VALIDATION_LAYER } from './backend/validation';
import { withAdministrator } from './administrator';
import { DEPLOY_LAYER } from './deploy';
import type { FileSet } from './fileSet';
import { API_CLIENT_LAYER } from './frontend/api';
import { APP_SHELL_LAYER } from './frontend/app';
import { AUTH_LAYER as FRONTEND_AUTH_LAYER } from './frontend/auth';
import { COMPONENTS_LAYER } from './frontend/components';
import { CONFIG_LAYER } from './frontend/config';
import { ENTITY_MODULES_LAYER } from './frontend/entities';
import { FORMS_LAYER } from './frontend/formsRuntime';
import { buildFrontendModel, type FrontendModel } from './frontend/model';
import { PAGES_LAYER } from './frontend/pages';
import { FRONTEND_TESTS_LAYER } from './frontend/tests';
import { addLayerFiles, type LayerTable } from './layerFiles';
import { PROJECT_LAYER } from './project';

type Sink = Pick<FileSet, 'add'>;

/** Everything under backend/ (a Hono + Drizzle API on PGlite/PostgreSQL), from the backend model. */
export const BACKEND_LAYERS = {
  packageFiles: PACKAGE_LAYER,
  env: ENV_LAYER,
  migrations: MIGRATIONS_LAYER,
  dbSchema: DB_SCHEMA_LAYER,
  database: DATABASE_LAYER,
  seed: SEED_LAYER,
  http: HTTP_LAYER,
  validation: VALIDATION_LAYER,
  auth: BACKEND_AUTH_LAYER,
  adminAccount: ADMIN_ACCOUNT_LAYER,
  rules: RULES_LAYER,
  routes: ROUTES_LAYER,
  app: APP_LAYER,
  openapi: OPENAPI_LAYER,
  tests: BACKEND_TESTS_LAYER,
} satisfies Record<string, LayerTable<BackendModel>>;

/** Everything under frontend/ (React + Vite), from the frontend model. */
export const FRONTEND_LAYERS = {
  config: CONFIG_LAYER,
  apiClient: API_CLIENT_LAYER,
  formsRuntime: FORMS_LAYER,
  entityModules: ENTITY_MODULES_LAYER,
  components: COMPONENTS_LAYER,
  pages: PAGES_LAYER,
  auth: FRONTEND_AUTH_LAYER,
  appShell: APP_SHELL_LAYER,
  tests: FRONTEND_TESTS_LAYER,
} satisfies Record<string, LayerTable<FrontendModel>>;

/** Layers that read the spec itself (with the administrator every app with sign-in gets, see addSpecLayer). */
export const SPEC_LAYERS = {
  deploy: DEPLOY_LAYER,
  projectRoot: PROJECT_LAYER,
} satisfies Record<string, LayerTable<ProjectSpec>>;

/** Backend code templates import generously; unused names are pruned on the way in so the output passes noUnusedLocals. */
function pruningSink(target: Sink): Sink {
  return { add: (file) => target.add(file.path.endsWith('.ts') ? { ...file, content: pruneImports(file.content) } : file) };
}

export function addBackendLayer(name: keyof typeof BACKEND_LAYERS, model: BackendModel, files: Sink): void {
  addLayerFiles(pruningSink(files), model, BACKEND_LAYERS[name]);
}

export function addFrontendLayer(name: keyof typeof FRONTEND_LAYERS, model: FrontendModel, files: Sink): void {
  addLayerFiles(files, model, FRONTEND_LAYERS[name]);
}

export function addSpecLayer(name: keyof typeof SPEC_LAYERS, spec: ProjectSpec, files: Sink): void {
  addLayerFiles(files, withAdministrator(spec), SPEC_LAYERS[name]);
}

const layerNames = <Layers extends object>(layers: Layers) => Object.keys(layers) as (keyof Layers)[];

export function generateBackend(spec: ProjectSpec, files: FileSet): void {
  const model = buildModel(spec);
  for (const name of layerNames(BACKEND_LAYERS)) addBackendLayer(name, model, files);
}

export function generateFrontend(spec: ProjectSpec, files: FileSet): void {
  const model = buildFrontendModel(spec);
  for (const name of layerNames(FRONTEND_LAYERS)) addFrontendLayer(name, model, files);
}

/** The layers generateProject runs, in order; each adds its own files to the set. */
export const GENERATOR_LAYERS: readonly { id: string; title: string; generate(spec: ProjectSpec, files: FileSet): void }[] = [
  { id: 'backend', title: 'Backend API, database and tests', generate: generateBackend },
  { id: 'frontend', title: 'Frontend app and component tests', generate: generateFrontend },
  { id: 'deploy', title: 'Docker, compose and CI', generate: (spec, files) => addSpecLayer('deploy', spec, files) },
  { id: 'project', title: 'Workspace root and README', generate: (spec, files) => addSpecLayer('projectRoot', spec, files) },
];
