// Validation on receipt: size first, then the direction's schema; a refusal says what was wrong.
import * as z from 'zod';
import { MAX_MESSAGE_CHARS } from './common';
import { WebviewToHost } from './toHost';
import { HostToWebview } from './toWebview';

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: string; messageType?: string };

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(message)'}: ${issue.message}`)
    .join('; ');
}

function readType(raw: unknown): string | undefined {
  if (raw && typeof raw === 'object' && 'type' in raw) {
    const type = (raw as { type: unknown }).type;
    if (typeof type === 'string') return type.slice(0, 100);
  }
  return undefined;
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown): ParseResult<T> {
  const messageType = readType(raw);
  let size: number;
  try {
    size = JSON.stringify(raw)?.length ?? 0;
  } catch {
    return { ok: false, error: 'message is not serialisable', messageType };
  }
  if (size > MAX_MESSAGE_CHARS) {
    return { ok: false, error: `message too large (${size} characters, limit ${MAX_MESSAGE_CHARS})`, messageType };
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, message: result.data };
  return { ok: false, error: describeIssues(result.error), messageType };
}

export function parseWebviewToHost(raw: unknown): ParseResult<WebviewToHost> {
  return parseWith(WebviewToHost, raw);
}

export function parseHostToWebview(raw: unknown): ParseResult<HostToWebview> {
  return parseWith(HostToWebview, raw);
}
