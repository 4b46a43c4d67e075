// What the templates import that is not a template: the generated project's spec-dependent
// modules (their shape as the generator writes them) and packages Takoss does not install.
// Kept to the names the templates use; the generated suite checks against the real ones.

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
}

declare module '*/auth/permissions' {
  import type { Action, EntityMeta } from './frontend/src/forms/meta';
  export function useCan(): (meta: EntityMeta, action: Action, record?: Record<string, unknown>) => boolean;
}

declare module 'react-router' {
  import type { ReactNode } from 'react';
  export function Link(props: { to: string; className?: string; children?: ReactNode }): ReactNode;
  export function useNavigate(): (to: string) => void;
  export function useParams(): Record<string, string | undefined>;
  export function useSearchParams(): [URLSearchParams, (next: URLSearchParams | Record<string, string>, options?: { replace?: boolean }) => void];
}
