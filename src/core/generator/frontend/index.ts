// The frontend layer of the deterministic generator: a React 19 + Vite + TypeScript app under
// frontend/ with a typed client for the HTTP contract (contract.ts), list/detail/form pages per
// entity, auth pages when the spec has email/password auth, and component tests. Its layers are
// listed in the generator's one registry (../layers.ts).
export { generateFrontend } from '../layers';
export { FRONTEND_DEPENDENCIES, FRONTEND_DEV_DEPENDENCIES } from './config';
