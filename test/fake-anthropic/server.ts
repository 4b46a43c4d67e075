// A local stand-in for the Anthropic Messages API, on 127.0.0.1 only. It speaks the wire format
// the real SDK expects — JSON responses, SSE streams (message_start, content_block_*,
// message_delta, message_stop), usage with cache fields, rate-limit headers — and is scripted per
// test: queue responses, inject 401/429/529/500 with retry-after, slow streams, cut-off streams,
// or requests that never answer.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeContentBlock =
  | { type: 'text'; text: string }
  | { type: 'tool_use'; id?: string; name: string; input: unknown };

export interface FakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
}

export type FakeResponse =
  | {
      kind: 'message';
      content: FakeContentBlock[];
      stopReason?: 'end_turn' | 'tool_use' | 'max_tokens' | 'stop_sequence';
      usage?: Partial<FakeUsage>;
      /** For streams: wait this long before each event. */
      eventDelayMs?: number;
      /** For streams: drop the connection after this many events (a cut-off stream). */
      cutAfterEvents?: number;
      /** For streams: send an `error` event after this many events (e.g. overloaded mid-stream). */
      errorAfterEvents?: number;
      /** Wait this long before answering at all (per-request latency). */
      latencyMs?: number;
      /**
       * Send tool input that is not valid JSON: true sends a truncated object (which the SDK's partial
       * parser still reads, incomplete), a string is sent as it is (e.g. '{"a": tru x}', which it cannot).
       */
      invalidToolJson?: boolean | string;
      headers?: Record<string, string>;
    }
  | { kind: 'error'; status: number; errorType: string; message: string; headers?: Record<string, string> }
  | { kind: 'hang' };

export interface RecordedRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  body: any;
  /** Set when the client went away before the response ended (e.g. cancellation). */
  aborted: boolean;
  /** Epoch ms when the request arrived, when its response ended, and when the client went away. */
  receivedAt: number;
  finishedAt?: number;
  abortedAt?: number;
}

export type Responder = (request: RecordedRequest) => FakeResponse;

const ERROR_TYPES: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

export type FakeError = Extract<FakeResponse, { kind: 'error' }>;
export type FakeMessage = Extract<FakeResponse, { kind: 'message' }>;

export function errorResponse(status: number, message?: string, headers?: Record<string, string>): FakeError {
  return { kind: 'error', status, errorType: ERROR_TYPES[status] ?? 'api_error', message: message ?? `fake ${status}`, headers };
}

export function textMessage(text: string, usage?: Partial<FakeUsage>): FakeMessage {
  return { kind: 'message', content: [{ type: 'text', text }], usage };
}

export function toolMessage(name: string, input: unknown, usage?: Partial<FakeUsage>): FakeMessage {
  return { kind: 'message', content: [{ type: 'tool_use', name, input }], stopReason: 'tool_use', usage };
}

function chunks(text: string, size: number): string[] {
  const result: string[] = [];
  for (let i = 0; i < text.length; i += size) result.push(text.slice(i, i + size));
  return result.length ? result : [''];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class FakeAnthropicServer {
  readonly requests: RecordedRequest[] = [];
  private readonly queue: (FakeResponse | Responder)[] = [];
  private fallback: Responder = () => textMessage('(no scripted response)');
  private messageCounter = 0;
  /** Values the rate-limit headers report; tests change them to drive the client's limiter. */
  rateLimits = { requestsLimit: 50, requestsRemaining: 49, tokensLimit: 80_000, tokensRemaining: 79_000, resetSeconds: 60 };

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeAnthropicServer> {
    const server = http.createServer();
    const fake = new FakeAnthropicServer(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return fake;
  }

  get url(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Responses served in order, one per request; a function decides from the request. */
  enqueue(...responses: (FakeResponse | Responder)[]): this {
    this.queue.push(...responses);
    return this;
  }

  /** What to answer when the queue is empty. */
  otherwise(responder: Responder): this {
    this.fallback = responder;
    return this;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private rateLimitHeaders(): Record<string, string> {
    const reset = new Date(Date.now() + this.rateLimits.resetSeconds * 1000).toISOString();
    const { requestsLimit, requestsRemaining, tokensLimit, tokensRemaining } = this.rateLimits;
    return {
      'anthropic-ratelimit-requests-limit': String(requestsLimit),
      'anthropic-ratelimit-requests-remaining': String(requestsRemaining),
      'anthropic-ratelimit-requests-reset': reset,
      'anthropic-ratelimit-tokens-limit': String(tokensLimit),
      'anthropic-ratelimit-tokens-remaining': String(tokensRemaining),
      'anthropic-ratelimit-tokens-reset': reset,
      'anthropic-ratelimit-input-tokens-limit': String(tokensLimit),
      'anthropic-ratelimit-input-tokens-remaining': String(tokensRemaining),
      'anthropic-ratelimit-input-tokens-reset': reset,
      'anthropic-ratelimit-output-tokens-limit': String(Math.round(tokensLimit / 5)),
      'anthropic-ratelimit-output-tokens-remaining': String(Math.round(tokensRemaining / 5)),
      'anthropic-ratelimit-output-tokens-reset': reset,
    };
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const raw = await new Promise<string>((resolve) => {
      let data = '';
      req.on('data', (chunk) => (data += chunk));
      req.on('end', () => resolve(data));
    });
    let body: any;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    const recorded: RecordedRequest = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, aborted: false, receivedAt: Date.now() };
    this.requests.push(recorded);
    res.on('close', () => {
      if (res.writableFinished) recorded.finishedAt = Date.now();
      else {
        recorded.aborted = true;
        recorded.abortedAt = Date.now();
      }
    });
    const requestId = `req_fake_${this.requests.length}`;
    const common = { 'request-id': requestId, ...this.rateLimitHeaders() };

    if (req.method !== 'POST' || !(req.url ?? '').startsWith('/v1/messages')) {
      return this.sendError(res, common, errorResponse(404, `fake server: no route ${req.method} ${req.url}`));
    }
    // SDK 1.x sends `Authorization: Bearer <key>`; older clients send `x-api-key`.
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const key = bearer ?? req.headers['x-api-key'];
    if (!key || key === 'bad-key') {
      return this.sendError(res, common, errorResponse(401, 'invalid x-api-key'));
    }
    const next = this.queue.shift() ?? this.fallback;
    const response = typeof next === 'function' ? next(recorded) : next;
    if (response.kind === 'hang') return; // never answer: the client's timeout or cancel must act
    if (response.kind === 'error') return this.sendError(res, common, response);
    if (response.latencyMs) await sleep(response.latencyMs);
    if (res.destroyed) return;
    if (body?.stream) return this.sendStream(res, common, body, response);
    return this.sendJson(res, common, body, response);
  }

  private sendError(res: http.ServerResponse, headers: Record<string, string>, response: Extract<FakeResponse, { kind: 'error' }>): void {
    res.writeHead(response.status, { 'content-type': 'application/json', ...headers, ...response.headers });
    res.end(JSON.stringify({ type: 'error', error: { type: response.errorType, message: response.message }, request_id: headers['request-id'] }));
  }

  private readonly seenPrefixes = new Set<string>();

  /**
   * Emulates prompt caching: system blocks up to the last cache_control mark form the prefix; the
   * first request with a prefix writes it, later identical ones read it.
   */
  private cacheUsage(body: any): { read: number; write: number } {
    const system: { text?: string; cache_control?: unknown }[] = Array.isArray(body?.system) ? body.system : [];
    const last = system.map((block) => Boolean(block.cache_control)).lastIndexOf(true);
    if (last < 0) return { read: 0, write: 0 };
    const prefix = system.slice(0, last + 1).map((block) => block.text ?? '').join('\u0000');
    const tokens = Math.ceil(prefix.length / 4);
    if (this.seenPrefixes.has(prefix)) return { read: tokens, write: 0 };
    this.seenPrefixes.add(prefix);
    return { read: 0, write: tokens };
  }

  private message(body: any, response: Extract<FakeResponse, { kind: 'message' }>) {
    this.messageCounter += 1;
    const cache = this.cacheUsage(body);
    const content = response.content.map((block, index) =>
      block.type === 'tool_use' ? { type: 'tool_use', id: block.id ?? `toolu_fake_${this.messageCounter}_${index}`, name: block.name, input: block.input } : block,
    );
    const usage: FakeUsage = {
      input_tokens: response.usage?.input_tokens ?? 100,
      output_tokens: response.usage?.output_tokens ?? 50,
      cache_creation_input_tokens: response.usage?.cache_creation_input_tokens ?? cache.write,
      cache_read_input_tokens: response.usage?.cache_read_input_tokens ?? cache.read,
    };
    return {
      id: `msg_fake_${this.messageCounter}`,
      type: 'message',
      role: 'assistant',
      model: body?.model ?? 'claude-fake',
      content,
      stop_reason: response.stopReason ?? (content.some((c) => c.type === 'tool_use') ? 'tool_use' : 'end_turn'),
      stop_sequence: null,
      usage,
    };
  }

  private sendJson(res: http.ServerResponse, headers: Record<string, string>, body: any, response: Extract<FakeResponse, { kind: 'message' }>): void {
    res.writeHead(200, { 'content-type': 'application/json', ...headers, ...response.headers });
    res.end(JSON.stringify(this.message(body, response)));
  }

  private async sendStream(res: http.ServerResponse, headers: Record<string, string>, body: any, response: Extract<FakeResponse, { kind: 'message' }>): Promise<void> {
    const message = this.message(body, response);
    const events: { event: string; data: unknown }[] = [];
    events.push({
      event: 'message_start',
      data: {
        type: 'message_start',
        message: { ...message, content: [], stop_reason: null, usage: { ...message.usage, output_tokens: 1 } },
      },
    });
    message.content.forEach((block: any, index: number) => {
      if (block.type === 'text') {
        events.push({ event: 'content_block_start', data: { type: 'content_block_start', index, content_block: { type: 'text', text: '' } } });
        for (const piece of chunks(block.text, 16)) {
          events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'text_delta', text: piece } } });
        }
      } else {
        events.push({
          event: 'content_block_start',
          data: { type: 'content_block_start', index, content_block: { type: 'tool_use', id: block.id, name: block.name, input: {} } },
        });
        const json =
          typeof response.invalidToolJson === 'string'
            ? response.invalidToolJson
            : response.invalidToolJson
              ? '{"entities": [ {"name": "Post", '
              : JSON.stringify(block.input);
        for (const piece of chunks(json, 24)) {
          events.push({ event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: { type: 'input_json_delta', partial_json: piece } } });
        }
      }
      events.push({ event: 'content_block_stop', data: { type: 'content_block_stop', index } });
      if (index === 0) events.push({ event: 'ping', data: { type: 'ping' } });
    });
    events.push({
      event: 'message_delta',
      data: { type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: message.usage.output_tokens } },
    });
    events.push({ event: 'message_stop', data: { type: 'message_stop' } });

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', ...headers, ...response.headers });
    for (let i = 0; i < events.length; i += 1) {
      if (res.destroyed) return;
      if (response.cutAfterEvents !== undefined && i >= response.cutAfterEvents) {
        res.socket?.destroy();
        return;
      }
      if (response.errorAfterEvents !== undefined && i >= response.errorAfterEvents) {
        res.write(`event: error\ndata: ${JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } })}\n\n`);
        res.end();
        return;
      }
      if (response.eventDelayMs) await sleep(response.eventDelayMs);
      res.write(`event: ${events[i].event}\ndata: ${JSON.stringify(events[i].data)}\n\n`);
    }
    res.end();
  }
}
