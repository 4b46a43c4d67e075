// Client-side pacing fed by the API's `anthropic-ratelimit-*` response headers: when the server
// says the requests or tokens of this window are used up, the next request waits for the reset
// instead of collecting a 429.

export interface RateLimitSnapshot {
  requestsRemaining?: number;
  tokensRemaining?: number;
  /** Epoch ms when the exhausted budget refills. */
  requestsResetAt?: number;
  tokensResetAt?: number;
}

type HeaderReader = { get(name: string): string | null };

function readNumber(headers: HeaderReader, name: string): number | undefined {
  const value = headers.get(name);
  if (value === null || value.trim() === '') return undefined;
  const parsed = Number(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

function readTime(headers: HeaderReader, name: string): number | undefined {
  const value = headers.get(name);
  if (!value) return undefined;
  const parsed = Date.parse(value);
  return Number.isFinite(parsed) ? parsed : undefined;
}

export class RateLimiter {
  private snapshot: RateLimitSnapshot = {};

  constructor(
    private readonly now: () => number = Date.now,
    private readonly maxWaitMs = 120_000,
  ) {}

  /** Records what the latest response said about the remaining budget. */
  observe(headers: HeaderReader): void {
    const next: RateLimitSnapshot = {
      requestsRemaining: readNumber(headers, 'anthropic-ratelimit-requests-remaining'),
      requestsResetAt: readTime(headers, 'anthropic-ratelimit-requests-reset'),
      tokensRemaining:
        readNumber(headers, 'anthropic-ratelimit-input-tokens-remaining') ?? readNumber(headers, 'anthropic-ratelimit-tokens-remaining'),
      tokensResetAt: readTime(headers, 'anthropic-ratelimit-input-tokens-reset') ?? readTime(headers, 'anthropic-ratelimit-tokens-reset'),
    };
    if (Object.values(next).some((value) => value !== undefined)) this.snapshot = next;
  }

  /** How long to wait before sending a request estimated at `tokens` input tokens. */
  delayFor(tokens: number): number {
    const now = this.now();
    const waits: number[] = [];
    const { requestsRemaining, requestsResetAt, tokensRemaining, tokensResetAt } = this.snapshot;
    if (requestsRemaining !== undefined && requestsRemaining <= 0 && requestsResetAt) waits.push(requestsResetAt - now);
    if (tokensRemaining !== undefined && tokensRemaining < tokens && tokensResetAt) waits.push(tokensResetAt - now);
    const wait = Math.max(0, ...waits);
    return Math.min(wait, this.maxWaitMs);
  }

  /** Spends the estimate locally so concurrent stages do not all rush the same remaining budget. */
  reserve(tokens: number): void {
    if (this.snapshot.requestsRemaining !== undefined) this.snapshot.requestsRemaining -= 1;
    if (this.snapshot.tokensRemaining !== undefined) this.snapshot.tokensRemaining -= tokens;
  }

  get current(): Readonly<RateLimitSnapshot> {
    return this.snapshot;
  }
}
