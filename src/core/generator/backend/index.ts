// The backend layer of the deterministic generator: everything under backend/ (a Hono + Drizzle
// API on PGlite/PostgreSQL with migrations, seed, auth, rules, OpenAPI and tests) from a spec.
// Pure string templates: the same spec always gives byte-identical files.
import type { ProjectSpec } from '../../../model/project/projectSpec';
import type { FileSet } from '../fileSet';
import { addApp } from './app';
import { addAuth } from './auth';
import { addDatabase } from './database';
import { addDbSchema } from './dbSchema';
import { addEnv } from './env';
import { addHttp } from './http';
import { addMigrations } from './migrations';
import { buildModel } from './model';
import { addOpenapi } from './openapi';
import { addPackageFiles } from './packageJson';
import { addRoutes } from './routes';
import { addRules } from './rules';
import { addSeed } from './seed';
import { addTests } from './tests';
import { addValidation } from './validation';
import { pruneImports, type FileSink } from './util';

export { BACKEND_DEPENDENCIES, BACKEND_DEV_DEPENDENCIES } from './packageJson';

export function generateBackend(spec: ProjectSpec, target: FileSet): void {
  const model = buildModel(spec);
  // Templates import generously; unused names are pruned here so the output passes noUnusedLocals.
  const files: FileSink = {
    add: (file) => target.add(file.path.endsWith('.ts') ? { ...file, content: pruneImports(file.content) } : file),
  };
  addPackageFiles(model, files);
  addEnv(model, files);
  addMigrations(model, files);
  addDbSchema(model, files);
  addDatabase(model, files);
  addSeed(model, files);
  addHttp(model, files);
  addValidation(model, files);
  addAuth(model, files);
  addRules(model, files);
  addRoutes(model, files);
  addApp(model, files);
  addOpenapi(model, files);
  addTests(model, files);
}
