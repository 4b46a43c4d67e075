// The probe's HTTP client: JSON in and out, a bearer token when given, and a record of every
// answer so the probe can say whether any documented request ended in a 5xx.
export interface Reply {
  status: number;
  body: any;
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed JSON). */
  rawBody?: string;
  token?: string;
}

export class ProbeClient {
  /** Every request that answered 5xx (or did not answer), for the "no server errors" check. */
  readonly serverErrors: string[] = [];
  requests = 0;

  constructor(private readonly baseUrl: string) {}

  async call(method: string, path: string, options: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = {};
    const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    this.requests += 1;
    let response: Response;
    try {
      response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, signal: AbortSignal.timeout(30_000) });
    } catch (error) {
      this.serverErrors.push(`${method} ${path}: no answer (${error instanceof Error ? error.message : String(error)})`);
      return { status: 0, body: undefined };
    }
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: kept as text for the report.
    }
    if (response.status >= 500) this.serverErrors.push(`${method} ${path}: ${response.status} ${text.slice(0, 200)}`);
    return { status: response.status, body: parsed };
  }
}

/** A short description of a reply for a failed check. */
export function describeReply(reply: Reply): string {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  return `${reply.status} ${(text ?? '').slice(0, 160)}`;
}
