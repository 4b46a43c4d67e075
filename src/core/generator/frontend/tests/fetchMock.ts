// frontend/src/test/fetchMock.ts, written as is: the recording fake fetch every component test uses.
import { DEFAULT_PAGE_SIZE } from '../../contract';

export const FETCH_MOCK_TS = `// A fake fetch that records every request and answers from a handler, so tests check exactly
// what the app sends to the API. Unhandled GETs get an empty list.
import { vi } from 'vitest';

export interface Call {
  method: string;
  url: string;
  body: unknown;
  headers: Record<string, string>;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

export function listOf(items: unknown[]): Reply {
  return { body: { items, total: items.length, page: 1, pageSize: ${DEFAULT_PAGE_SIZE} } };
}

export function isList(call: Call, path: string): boolean {
  return call.method === 'GET' && (call.url === path || call.url.startsWith(path + '?'));
}

export function mockFetch(handler: (call: Call) => Reply | undefined): Call[] {
  const calls: Call[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call: Call = {
      method: init.method ?? 'GET',
      url: String(input),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: { ...(init.headers as Record<string, string> | undefined) },
    };
    calls.push(call);
    const reply =
      handler(call) ??
      (call.method === 'GET' ? listOf([]) : { status: 500, body: { error: { code: 'internal', message: 'Unexpected ' + call.method + ' ' + call.url } } });
    const status = reply.status ?? (call.method === 'POST' ? 201 : 200);
    return new Response(status === 204 ? null : JSON.stringify(reply.body ?? {}), {
      status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}
`;
