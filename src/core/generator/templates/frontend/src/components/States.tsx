// Loading, error and empty states, and the one place API errors become sentences.
import type { ReactNode } from 'react';
import { ApiError } from '../api/client';

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.code === 'forbidden') return 'You are not allowed to do this.';
    if (error.code === 'not_found') return 'Not found. It may have been deleted.';
    return error.message;
  }
  return error instanceof Error ? error.message : 'Something went wrong.';
}

export function Loading({ what = 'Loading…' }: { what?: string }) {
  return (
    <p className="state state-loading" role="status">
      {what}
    </p>
  );
}

export function ErrorMessage({ error }: { error: unknown }) {
  return (
    <p className="state state-error" role="alert">
      {errorMessage(error)}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}
