// The frontend layer of the deterministic generator: a React 19 + Vite + TypeScript app under
// frontend/ with a typed client for the HTTP contract (contract.ts), list/detail/form pages per
// entity, auth pages when the spec has email/password auth, and component tests.
import type { FileSet } from '../fileSet';
import type { ProjectSpec } from '../../../model/project/projectSpec';
import { generateApiClient } from './api';
import { generateAppShell } from './app';
import { generateAuth } from './auth';
import { generateComponents } from './components';
import { generateFrontendConfig } from './config';
import { generateEntityModules } from './entities';
import { generateFormsRuntime } from './formsRuntime';
import { buildFrontendModel } from './model';
import { generateEntityPages } from './pages';
import { generateFrontendTests } from './tests';

export { FRONTEND_DEPENDENCIES, FRONTEND_DEV_DEPENDENCIES } from './config';

export function generateFrontend(spec: ProjectSpec, files: FileSet): void {
  const model = buildFrontendModel(spec);
  generateFrontendConfig(model, files);
  generateApiClient(model, files);
  generateFormsRuntime(model, files);
  generateEntityModules(model, files);
  generateComponents(model, files);
  generateEntityPages(model, files);
  generateAuth(model, files);
  generateAppShell(model, files);
  generateFrontendTests(model, files);
}
