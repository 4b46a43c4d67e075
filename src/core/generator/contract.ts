// The HTTP contract between the generated backend and the generated frontend. Both generator
// layers build from these helpers so they cannot drift apart.
//
// For an entity E with names from `entityNames` (e.g. PurchaseOrder -> route `purchase-orders`):
//   GET    /api/<route>?page=1&pageSize=20&sort=<field>&order=asc|desc&<relation>Id=<id>&q=<text>
//          -> 200 { items: E[], total: number, page: number, pageSize: number }
//   GET    /api/<route>/:id               -> 200 E            | 404
//   POST   /api/<route>         body: EInput        -> 201 E  | 400 | 401 | 403 | 409
//   PATCH  /api/<route>/:id     body: Partial<EInput> -> 200 E | 400 | 401 | 403 | 404 | 409
//   DELETE /api/<route>/:id                        -> 204     | 401 | 403 | 404 | 409
//   GET    /api/<parentRoute>/:id/<inverseName-kebab>  -> the has-many side, same list shape
// Records are JSON with camelCase keys: `id` (integer), every field, `<relation>Id` for each
// belongsTo relation, `createdAt`, `updatedAt` (ISO strings). Money and decimal values are strings
// ("12.50") to keep precision; dates are "YYYY-MM-DD"; datetimes are ISO 8601 strings.
// Many-to-many: `<name>Ids: number[]` in the input and the record.
// `q` searches the text-like fields (SEARCHED_TYPES, case-insensitive, anywhere in the text); it is
// offered only by entities that have one.
// List filters also accept `<enumField>=<value>` for enum fields (e.g. `?status=todo`); unknown
// values are a 400. Many-to-many ids are on both sides: `<name>Ids` on `from`, `<inverseName>Ids` on `to`.
// Errors, always: { error: { code: string, message: string, details?: unknown } } with codes
//   validation_failed (400), unauthorized (401), forbidden (403), not_found (404), conflict (409),
//   rule_violated (409/422 with the rule's message), internal (500).
// Auth (when spec.auth is emailPassword):
//   POST /api/auth/register { email, password, ...User fields } -> 201 { token, user }
//   POST /api/auth/login    { email, password }                 -> 200 { token, user }
//   GET  /api/auth/me       (Authorization: Bearer <token>)     -> 200 { user }
//   user = { id, email, role, ...User fields, createdAt, updatedAt } (never the password hash)
//   With an admin role, ADMIN_EMAIL / ADMIN_PASSWORD create the first admin at start (bootstrapAdminRole).
// Health: GET /api/health -> 200 { status: "ok" }.

import type { EntityNames } from '../../model/project/naming';
import { kebabCase } from '../../model/project/naming';
import type { ProjectSpec } from '../../model/project/projectSpec';
import { USER_ENTITY } from '../../model/project/specIndex';

export const API_PREFIX = '/api';
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;
export const BACKEND_PORT = 3000;
export const FRONTEND_PORT = 5173;

export function collectionPath(names: EntityNames): string {
  return `${API_PREFIX}/${names.route}`;
}

export function itemPath(names: EntityNames): string {
  return `${API_PREFIX}/${names.route}/:id`;
}

export function childrenPath(parent: EntityNames, inverseName: string): string {
  return `${API_PREFIX}/${parent.route}/:id/${kebabCase(inverseName)}`;
}

/** Field types the list's `q` parameter searches: text, and enum values as text. */
export const SEARCHED_TYPES: readonly string[] = ['string', 'text', 'email', 'url', 'enum'];

export function foreignKeyProperty(relationName: string): string {
  return `${relationName}Id`;
}

export function manyToManyProperty(relationName: string): string {
  return `${relationName}Ids`;
}

export const ERROR_CODES = ['validation_failed', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'rule_violated', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * The role of the first admin that ADMIN_EMAIL / ADMIN_PASSWORD create at start, when the app has
 * sign-in and an admin role. The backend, compose, .env.example and the README all ask this.
 */
export function bootstrapAdminRole(spec: ProjectSpec): string | undefined {
  if (spec.auth.kind !== 'emailPassword' || !spec.auth.adminRole) return undefined;
  // An account that must point at another row cannot be made from two variables alone.
  const needsParent = spec.relations.some((r) => r.kind === 'belongsTo' && r.from === USER_ENTITY && r.required);
  return needsParent ? undefined : spec.auth.adminRole;
}
