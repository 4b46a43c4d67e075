// The backend layer of the deterministic generator: everything under backend/ (a Hono + Drizzle
// API on PGlite/PostgreSQL with migrations, seed, auth, rules, OpenAPI and tests) from a spec.
// Pure string templates: the same spec always gives byte-identical files. Its layers are listed
// in the generator's one registry (../layers.ts).
export { generateBackend } from '../layers';
export { BACKEND_DEPENDENCIES, BACKEND_DEV_DEPENDENCIES } from './packageJson';
