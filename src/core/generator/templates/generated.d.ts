// What the templates import that is not a template: the generated project's spec-dependent
// modules (their shape as the generator writes them) and packages Takoss does not install
// (react-router, vitest, jose, Hono, Drizzle, PGlite, pg, ajv-formats). Kept to the names and shapes the
// templates use; the generated suite type-checks the same files against the real ones.

declare module '*/api/client' {
  export const DEFAULT_PAGE_SIZE: number;
  export const MAX_PAGE_SIZE: number;
  export interface Page<T> {
    items: T[];
    total: number;
    page: number;
    pageSize: number;
  }
  export type ListParams = {
    page?: number;
    pageSize?: number;
    sort?: string;
    order?: 'asc' | 'desc';
    q?: string;
  } & Record<string, string | number | undefined>;
  export class ApiError extends Error {
    readonly status: number;
    readonly code: string;
    readonly details: unknown;
    constructor(status: number, code: string, message: string, details?: unknown);
  }
  export function request<T>(method: string, path: string, body?: unknown): Promise<T>;
  export function toQuery(params?: ListParams): string;
  export function getToken(): string | null;
  export function setToken(token: string | null): void;
  export function onUnauthorized(handler: () => void): () => void;
}

declare module '*/api/auth' {
  /** The auth user: id, email, role and the User entity's own fields. */
  type User = { id: number; email: string; role: string } & Record<string, unknown>;
  export interface Session {
    token: string;
    user: User;
  }
  export type RegisterInput = { email: string; password: string } & Record<string, unknown>;
  export const authApi: {
    register(input: RegisterInput): Promise<Session>;
    login(email: string, password: string): Promise<Session>;
    me(): Promise<{ user: User }>;
  };
}

declare module '*/env.js' {
  export interface Env {
    NODE_ENV: 'development' | 'test' | 'production';
    PORT: number;
    DATABASE_URL?: string;
    PGLITE_DATA_DIR: string;
    CORS_ORIGIN: string;
    JWT_SECRET?: string;
  }
  export function loadEnv(source?: Record<string, string | undefined>): Env;
}

declare module '*/app.js' {
  import type { Db } from './backend/src/db/client';
  import type { Env } from '*/env.js';
  export function createApp(deps: { db: Db; env: Env }): { fetch(request: Request): Response | Promise<Response> };
}

declare module '*/auth/permissions' {
  import type { Action, EntityMeta, FieldMeta } from './frontend/src/forms/meta';
  export function useCan(): (meta: EntityMeta, action: Action, record?: Record<string, unknown>) => boolean;
  export function useLockedNote(): (field: FieldMeta, mode: 'create' | 'edit') => string | undefined;
  export function useRefusal(): (meta: EntityMeta, action: Action, record: Record<string, unknown>) => string | undefined;
}

declare module 'react-router' {
  import type { ReactElement, ReactNode } from 'react';
  export function Link(props: { to: string; className?: string; children?: ReactNode }): ReactNode;
  export function Navigate(props: { to: string; replace?: boolean; state?: unknown }): ReactNode;
  export function Outlet(): ReactNode;
  export function MemoryRouter(props: { initialEntries?: string[]; children?: ReactNode }): ReactNode;
  export function Routes(props: { children?: ReactNode }): ReactNode;
  export function Route(props: { path: string; element: ReactElement }): ReactNode;
  export function useLocation(): { pathname: string; search: string; hash: string; state: unknown };
  export function useNavigate(): (to: string, options?: { replace?: boolean; state?: unknown }) => void;
  export function useParams(): Record<string, string | undefined>;
  export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | Record<string, string>, options?: { replace?: boolean }) => void];
}

declare module 'vitest' {
  export function afterEach(hook: () => void | Promise<void>): void;
  export const vi: {
    fn<F extends (...args: never[]) => unknown>(implementation: F): F;
    stubGlobal(name: string, value: unknown): void;
    unstubAllGlobals(): void;
    restoreAllMocks(): void;
  };
}

declare module 'vitest/config' {
  export function defineConfig<T extends object>(config: T): T;
}

declare module 'jose' {
  export interface JWTPayload {
    sub?: string;
    [claim: string]: unknown;
  }
  export class SignJWT {
    constructor(payload: JWTPayload);
    setProtectedHeader(header: { alg: string }): this;
    setSubject(subject: string): this;
    setIssuedAt(): this;
    setExpirationTime(time: string | number): this;
    sign(key: Uint8Array): Promise<string>;
  }
  export function jwtVerify(token: string, key: Uint8Array, options?: { algorithms?: string[] }): Promise<{ payload: JWTPayload }>;
}

declare module '@electric-sql/pglite' {
  export class PGlite {
    constructor(dataDir?: string);
    readonly waitReady: Promise<void>;
    exec(sql: string): Promise<unknown>;
    query<T>(sql: string): Promise<{ rows: T[] }>;
    close(): Promise<void>;
  }
}

declare module 'drizzle-orm/pglite' {
  import type { PGlite } from '@electric-sql/pglite';
  export interface PgliteDatabase {
    select: unknown;
    insert: unknown;
    update: unknown;
    delete: unknown;
    execute: unknown;
  }
  export function drizzle(client: PGlite): PgliteDatabase;
}

declare module 'pg' {
  class Pool {
    constructor(options: { connectionString: string; options?: string });
    query(sql: string): Promise<{ rows: unknown[] }>;
    end(): Promise<void>;
  }
  const pg: { Pool: typeof Pool };
  export default pg;
}

declare module 'drizzle-orm/node-postgres' {
  export function drizzle(pool: unknown): unknown;
}

declare module '@hono/node-server' {
  export function serve(
    options: { fetch(request: Request): Response | Promise<Response>; port: number },
    listening?: (info: { port: number }) => void,
  ): { close(): void };
}

declare module 'ajv-formats' {
  import type Ajv from 'ajv';
  export default function addFormats(ajv: Ajv): Ajv;
}
