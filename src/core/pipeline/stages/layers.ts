// The deterministic generator's layers, computed at most once per run and shared by the stages
// that own parts of their output (e.g. every "API routes" stage takes its entity's file from the
// routes layer). Files are checked against the owner map so no file is emitted twice or lost.
import { addApp } from '../../generator/backend/app';
import { addAuth } from '../../generator/backend/auth';
import { addDatabase } from '../../generator/backend/database';
import { addDbSchema } from '../../generator/backend/dbSchema';
import { addEnv } from '../../generator/backend/env';
import { addHttp } from '../../generator/backend/http';
import { addMigrations } from '../../generator/backend/migrations';
import { type BackendModel, buildModel } from '../../generator/backend/model';
import { addOpenapi } from '../../generator/backend/openapi';
import { addPackageFiles } from '../../generator/backend/packageJson';
import { addRoutes } from '../../generator/backend/routes';
import { addRules } from '../../generator/backend/rules';
import { addSeed } from '../../generator/backend/seed';
import { addTests } from '../../generator/backend/tests';
import { pruneImports } from '../../generator/backend/util';
import { addValidation } from '../../generator/backend/validation';
import { generateDeploy } from '../../generator/deploy';
import { FileSet, type GeneratedFile } from '../../generator/fileSet';
import { generateApiClient } from '../../generator/frontend/api';
import { generateAppShell } from '../../generator/frontend/app';
import { generateAuth } from '../../generator/frontend/auth';
import { generateComponents } from '../../generator/frontend/components';
import { generateFrontendConfig } from '../../generator/frontend/config';
import { generateEntityModules } from '../../generator/frontend/entities';
import { generateFormsRuntime } from '../../generator/frontend/formsRuntime';
import { buildFrontendModel, type FrontendModel } from '../../generator/frontend/model';
import { generateEntityPages } from '../../generator/frontend/pages';
import { generateFrontendTests } from '../../generator/frontend/tests';
import { generateProjectRoot } from '../../generator/project';
import { entityNames } from '../../../model/project/naming';
import type { ProjectSpec } from '../../../model/project/projectSpec';

type BackendLayer = (model: BackendModel, files: { add: FileSet['add'] }) => void;
type FrontendLayer = (model: FrontendModel, files: FileSet) => void;
type SpecLayer = (spec: ProjectSpec, files: FileSet) => void;

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
  rules: addRules,
  routes: addRoutes,
  app: addApp,
  openapi: addOpenapi,
  tests: addTests,
} satisfies Record<string, BackendLayer>;

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

export const SPEC_LAYERS = { deploy: generateDeploy, projectRoot: generateProjectRoot } satisfies Record<string, SpecLayer>;

export type LayerName =
  | `backend.${keyof typeof BACKEND_LAYERS}`
  | `frontend.${keyof typeof FRONTEND_LAYERS}`
  | `spec.${keyof typeof SPEC_LAYERS}`;

export class LayerCache {
  private readonly outputs = new Map<LayerName, GeneratedFile[]>();
  private backendModel?: BackendModel;
  private frontendModel?: FrontendModel;

  constructor(readonly spec: ProjectSpec) {}

  /** All files of one layer, computed on first use. */
  files(layer: LayerName): GeneratedFile[] {
    let files = this.outputs.get(layer);
    if (!files) {
      files = this.compute(layer);
      this.outputs.set(layer, files);
    }
    return files;
  }

  /** The files of a layer that belong to one entity (named after its route, e.g. `posts.ts`). */
  entityFiles(layer: LayerName, entity: string): GeneratedFile[] {
    const route = entityNames(entity).route;
    return this.files(layer).filter((file) => file.path.split('/').at(-1)?.split('.')[0] === route);
  }

  /** Files of a layer whose path matches. */
  select(layer: LayerName, match: (path: string) => boolean): GeneratedFile[] {
    return this.files(layer).filter((file) => match(file.path));
  }

  private compute(layer: LayerName): GeneratedFile[] {
    const [group, name] = layer.split('.') as [string, string];
    const files = new FileSet();
    if (group === 'backend') {
      this.backendModel ??= buildModel(this.spec);
      // The same import pruning generateBackend applies, so the output is identical.
      const sink = { add: (file: Parameters<FileSet['add']>[0]) => files.add(file.path.endsWith('.ts') ? { ...file, content: pruneImports(file.content) } : file) };
      BACKEND_LAYERS[name as keyof typeof BACKEND_LAYERS](this.backendModel, sink);
    } else if (group === 'frontend') {
      this.frontendModel ??= buildFrontendModel(this.spec);
      FRONTEND_LAYERS[name as keyof typeof FRONTEND_LAYERS](this.frontendModel, files);
    } else {
      SPEC_LAYERS[name as keyof typeof SPEC_LAYERS](this.spec, files);
    }
    return files.list();
  }
}
